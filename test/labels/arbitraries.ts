/**
 * fast-check generators for confidentiality labels (src/domain/labels): labels valid against the
 * repository's policies (data/policies/), with downgrades; readers; and labels whose texts are
 * any Unicode the XML syntax can carry.
 */
import fs from "node:fs";
import fc from "fast-check";
import type {
  ConfidentialityLabel,
  LabelCategory,
  LabelReader,
  SecurityPolicy,
} from "../../src/domain/labels/model.ts";
import { hasControlCharacters, parsePolicy } from "../../src/domain/labels/policies.ts";
import { dataFile } from "../support/data-files.ts";

/** A policy file of data/policies/, parsed (the test fails loudly if it does not parse). */
export function loadPolicy(name: "nato" | "unasur"): SecurityPolicy {
  return parsePolicy(fs.readFileSync(dataFile("policies", `${name}.json`), "utf8"));
}

export const NATO = loadPolicy("nato");
export const UNASUR = loadPolicy("unasur");
export const POLICIES: readonly SecurityPolicy[] = [NATO, UNASUR];

/**
 * A NATO label for a test to change what it is about: NATO RESTRICTED, Releasable To COL, made on
 * 1 March 2026 by NATO, no review date, no downgrades, unless `fields` says otherwise.
 */
export function natoLabel(fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel {
  return {
    policy: NATO.id,
    classification: "NATO RESTRICTED",
    categories: [{ tagName: "Releasable To", type: "permissive", values: ["COL"] }],
    creationTime: "2026-03-01T09:30:00Z",
    originator: "NATO",
    reviewDate: null,
    succession: [],
    ...fields,
  };
}

/** The open permissive values generated labels and readers draw from: few, so that they overlap. */
export const OPEN_VALUES = [
  "COL",
  "PER",
  "BRA",
  "SWE",
  "NOR",
  "NATO",
  "UNASUR",
  "NATO:partners",
  "NATO:pfp",
  "NATO:partners-across-the-globe",
  "EAPC",
] as const;

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

export const arbitraryCreationTime = fc
  .tuple(
    fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true }),
    fc.constantFrom("Z", "+02:00", "-05:00"),
  )
  .map(([date, zone]) => {
    const text = date.toISOString().replace(/\.\d{3}Z$/, "");
    return `${text}${zone}`;
  });

function arbitraryCategories(policy: SecurityPolicy): fc.Arbitrary<LabelCategory[]> {
  return fc
    .subarray(policy.categories)
    .chain((categories) =>
      fc.tuple(
        ...categories.map((category) =>
          fc
            .subarray([...(category.values ?? OPEN_VALUES)], { minLength: 1 })
            .map((values): LabelCategory => ({ tagName: category.tagName, type: category.type, values })),
        ),
      ),
    )
    .chain((categories) =>
      fc.shuffledSubarray(categories, { minLength: categories.length, maxLength: categories.length }),
    );
}

/** A label valid against `policy` (checkLabel finds nothing), with up to `maxSuccession` downgrades. */
export function arbitraryLabel(policy: SecurityPolicy, maxSuccession = 3): fc.Arbitrary<ConfidentialityLabel> {
  const top = policy.classifications.length - 1;
  const base = (maxRank: number): fc.Arbitrary<ConfidentialityLabel> =>
    fc.record({
      policy: fc.constant(policy.id),
      classification: fc.integer({ min: 0, max: maxRank }).map((rank) => policy.classifications[rank]?.name ?? ""),
      categories: arbitraryCategories(policy),
      creationTime: arbitraryCreationTime,
      originator: fc.option(fc.constantFrom("NATO", "UNASUR", "COL", "SWE"), { nil: null }),
      reviewDate: fc.constant(null),
      succession: fc.constant([]),
    }) as fc.Arbitrary<ConfidentialityLabel>;
  return fc
    .tuple(
      base(top),
      fc.option(day, { nil: null }),
      fc.uniqueArray(day, { maxLength: maxSuccession }).map((days) => [...days].sort()),
    )
    .chain(([label, reviewDate, days]) => {
      const rank = policy.classifications.findIndex((c) => c.name === label.classification);
      const steps = days.slice(0, rank);
      // Each downgrade strictly lower than the label before it.
      const ranks = fc
        .uniqueArray(fc.integer({ min: 0, max: Math.max(0, rank - 1) }), {
          minLength: steps.length,
          maxLength: steps.length,
        })
        .map((drawn) => [...drawn].sort((a, b) => b - a));
      return fc.tuple(ranks, fc.tuple(...steps.map(() => base(top)))).map(([lower, successors]) => ({
        ...label,
        reviewDate,
        succession: steps.map((from, index) => ({
          from,
          label: {
            ...(successors[index] as ConfidentialityLabel),
            classification: policy.classifications[lower[index] ?? 0]?.name ?? "",
          },
        })),
      }));
    });
}

/** A label of either policy. */
export const arbitraryAnyLabel = fc.oneof(arbitraryLabel(NATO), arbitraryLabel(UNASUR));

/** A reader of `policy`: maybe a clearance, some authorisations, some of the values permissive categories draw from. */
export function arbitraryReader(policy: SecurityPolicy): fc.Arbitrary<LabelReader> {
  const restrictive = policy.categories.filter((c) => c.type === "restrictive").flatMap((c) => c.values ?? []);
  const permissive = [
    ...new Set([
      ...OPEN_VALUES,
      ...policy.categories.filter((c) => c.type === "permissive").flatMap((c) => c.values ?? []),
    ]),
  ];
  return fc.record({
    organization: fc.constantFrom("NATO", "UNASUR"),
    nation: fc.option(fc.constantFrom("COL", "SWE", "NOR"), { nil: null }),
    clearances: fc
      .option(fc.integer({ min: 0, max: policy.classifications.length - 1 }), { nil: undefined })
      .map((rank): Record<string, number> => (rank === undefined ? {} : { [policy.id]: rank })),
    authorisations: fc.subarray(restrictive).map((values) => ({ [policy.id]: values })),
    within: fc.subarray(permissive).map((values): ReadonlySet<string> => new Set(values)),
  });
}

/** Text the XML syntax carries: any Unicode, not blank, not padded, no control characters. */
export const arbitraryXmlText = (maxLength = 40) =>
  fc
    .string({ unit: "binary", minLength: 1, maxLength })
    .map((text) => text.trim())
    .filter((text) => text !== "" && !hasControlCharacters(text));

/**
 * A label of `policy` whose classification, tag names and values are any such text (it is not
 * valid against the policy; the syntax must still carry it unchanged).
 */
export function arbitraryOddLabel(policy: SecurityPolicy): fc.Arbitrary<ConfidentialityLabel> {
  const body: fc.Arbitrary<ConfidentialityLabel> = fc.record({
    policy: fc.constant(policy.id),
    classification: arbitraryXmlText(),
    categories: fc.array(
      fc.record({
        tagName: arbitraryXmlText(),
        type: fc.constantFrom("permissive", "restrictive", "informative") as fc.Arbitrary<LabelCategory["type"]>,
        values: fc.array(arbitraryXmlText(), { maxLength: 4 }),
      }),
      { maxLength: 4 },
    ),
    creationTime: arbitraryCreationTime,
    originator: fc.option(fc.constantFrom("NATO", "COL", "X9"), { nil: null }),
    reviewDate: fc.constant(null),
    succession: fc.constant([]),
  }) as fc.Arbitrary<ConfidentialityLabel>;
  return fc
    .tuple(
      body,
      fc.option(day, { nil: null }),
      fc.uniqueArray(day, { maxLength: 3 }),
      fc.array(body, { minLength: 3, maxLength: 3 }),
    )
    .map(([label, reviewDate, days, successors]) => ({
      ...label,
      reviewDate,
      succession: [...days].sort().map((from, index) => ({ from, label: successors[index] as ConfidentialityLabel })),
    }));
}
