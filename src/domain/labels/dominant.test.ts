import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryLabel,
  arbitraryReader,
  NATO,
  POLICIES,
  UNASUR,
  natoLabel,
} from "../../../test/labels/arbitraries.ts";
import { decideAccess, labelInForce } from "./access.ts";
import { dominantLabel } from "./dominant.ts";
import type { ConfidentialityLabel } from "./model.ts";
import { checkLabel, classificationRank } from "./policies.ts";

const label = (fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel =>
  natoLabel({ categories: [], ...fields });

const dominant = (parts: ConfidentialityLabel[]) => {
  const result = dominantLabel(parts, POLICIES);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};

const rank = (l: ConfidentialityLabel) => classificationRank(NATO, l.classification) ?? -1;

describe("dominantLabel", () => {
  it("takes the highest classification, intersects permissive categories and unites the others", () => {
    const result = dominant([
      label({
        classification: "NATO SECRET",
        categories: [
          { tagName: "Releasable To", type: "permissive", values: ["SWE", "NATO", "COL"] },
          { tagName: "Additional Sensitivity", type: "restrictive", values: ["CRYPTO"] },
          { tagName: "Administrative", type: "informative", values: ["MEDICAL"] },
        ],
        creationTime: "2026-03-01T09:30:00Z",
        reviewDate: "2040-01-01",
      }),
      label({
        classification: "NATO CONFIDENTIAL",
        categories: [
          { tagName: "Administrative", type: "informative", values: ["STAFF"] },
          { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL"] },
          { tagName: "Releasable To", type: "permissive", values: ["COL", "NATO"] },
        ],
        creationTime: "2026-03-02T01:00:00+05:00",
        reviewDate: "2035-01-01",
      }),
    ]);
    expect(result).toEqual({
      ok: true,
      unreleasable: [],
      label: {
        policy: NATO.id,
        classification: "NATO SECRET",
        categories: [
          { tagName: "Releasable To", type: "permissive", values: ["COL", "NATO"] },
          { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL", "CRYPTO"] },
          { tagName: "Administrative", type: "informative", values: ["STAFF", "MEDICAL"] },
        ],
        // 2026-03-01T20:00Z is later than 09:30Z.
        creationTime: "2026-03-02T01:00:00+05:00",
        originator: "NATO",
        reviewDate: "2035-01-01",
        succession: [],
      },
    });
  });

  it("keeps a permissive category some parts lack: a part without it puts no restriction on it", () => {
    const result = dominant([
      label({ categories: [{ tagName: "Releasable To", type: "permissive", values: ["COL", "PER"] }] }),
      label({ categories: [] }),
      label({ categories: [{ tagName: "Only", type: "permissive", values: ["PER", "BRA"] }] }),
    ]);
    expect(result.label.categories).toEqual([
      { tagName: "Only", type: "permissive", values: ["BRA", "PER"] },
      { tagName: "Releasable To", type: "permissive", values: ["COL", "PER"] },
    ]);
  });

  it("names the permissive categories that no reader can be within", () => {
    const result = dominant([
      label({ categories: [{ tagName: "Releasable To", type: "permissive", values: ["COL"] }] }),
      label({ categories: [{ tagName: "Releasable To", type: "permissive", values: ["PER"] }] }),
    ]);
    expect(result.unreleasable).toEqual(["Releasable To"]);
    expect(result.label.categories).toEqual([{ tagName: "Releasable To", type: "permissive", values: [] }]);
  });

  it("downgrades the compilation on the days its parts are downgraded, only when that lowers it", () => {
    const result = dominant([
      label({
        classification: "NATO SECRET",
        succession: [{ from: "2030-01-01", label: label({ classification: "NATO RESTRICTED" }) }],
      }),
      label({
        classification: "NATO CONFIDENTIAL",
        categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO"] }],
        succession: [
          {
            from: "2029-01-01",
            label: label({
              classification: "NATO UNCLASSIFIED",
              categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO", "NATO:partners"] }],
            }),
          },
        ],
      }),
    ]);
    // 2029: SECRET and UNCLASSIFIED still make SECRET, folded into the first label (with the wider release intersected).
    expect(result.label.classification).toBe("NATO SECRET");
    expect(result.label.categories).toEqual([{ tagName: "Releasable To", type: "permissive", values: ["NATO"] }]);
    expect(result.label.succession).toEqual([
      {
        from: "2030-01-01",
        label: label({
          classification: "NATO RESTRICTED",
          categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO", "NATO:partners"] }],
        }),
      },
    ]);
  });

  it("refuses no parts, parts of different policies, and what it cannot rank", () => {
    const problems = (parts: ConfidentialityLabel[]) => {
      const result = dominantLabel(parts, POLICIES);
      return result.ok ? [] : result.problems.map((p) => p.key);
    };
    expect(problems([])).toEqual(["labels.dominant.no_parts"]);
    expect(problems([label(), label({ policy: UNASUR.id, classification: "UNASUR RESERVADO" })])).toEqual([
      "labels.dominant.mixed_policies",
    ]);
    expect(problems([label({ policy: "urn:oid:9.9" })])).toEqual(["labels.problem.unknown_policy"]);
    expect(problems([label(), label({ classification: "SECRET" })])).toEqual(["labels.problem.unknown_classification"]);
    expect(
      problems([
        label({ categories: [{ tagName: "Eyes", type: "permissive", values: ["COL"] }] }),
        label({ categories: [{ tagName: "Eyes", type: "informative", values: ["COL"] }] }),
      ]),
    ).toEqual(["labels.dominant.category_conflict"]);
  });

  it("lets the caller set the creation time and originator", () => {
    const result = dominantLabel([label(), label({ originator: "COL" })], POLICIES, {
      creationTime: "2027-01-01T00:00:00Z",
    });
    expect(result.ok && [result.label.creationTime, result.label.originator]).toEqual(["2027-01-01T00:00:00Z", null]);
    const own = dominantLabel([label()], new Map([[NATO.id, NATO]]), { originator: "UNASUR" });
    expect(own.ok && own.label.originator).toBe("UNASUR");
  });

  describe("properties", () => {
    const parts = fc.array(arbitraryLabel(NATO), { minLength: 1, maxLength: 4 });
    const day = fc
      .date({ min: new Date("1999-01-01"), max: new Date("2062-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    /** The days worth looking at: each downgrade's, the day before it, and a random one. */
    const daysOf = (labels: ConfidentialityLabel[], extra: string) => [
      extra,
      ...labels.flatMap((l) =>
        l.succession.flatMap((step) => [
          step.from,
          new Date(Date.parse(step.from) - 86_400_000).toISOString().slice(0, 10),
        ]),
      ),
    ];

    it("is at least as high as every part, on every day", () => {
      fc.assert(
        fc.property(parts, day, (labels, extra) => {
          const result = dominant(labels).label;
          for (const part of labels) expect(rank(result)).toBeGreaterThanOrEqual(rank(part));
          for (const d of daysOf(labels, extra))
            for (const part of labels)
              expect(rank(labelInForce(result, d))).toBeGreaterThanOrEqual(rank(labelInForce(part, d)));
        }),
      );
    });

    it("lets in only readers every part lets in, on every day", () => {
      fc.assert(
        fc.property(
          parts,
          fc.array(arbitraryReader(NATO), { minLength: 1, maxLength: 5 }),
          day,
          (labels, readers, extra) => {
            const result = dominant(labels).label;
            for (const d of daysOf(labels, extra))
              for (const someone of readers)
                if (decideAccess(labelInForce(result, d), NATO, someone).allowed)
                  for (const part of labels)
                    expect(decideAccess(labelInForce(part, d), NATO, someone).allowed).toBe(true);
          },
        ),
      );
    });

    it("is idempotent", () => {
      fc.assert(
        fc.property(parts, (labels) => {
          const once = dominant(labels).label;
          expect(dominant([once]).label).toEqual(once);
          expect(dominant([...labels, ...labels]).label).toEqual(once);
          expect(dominant([...labels, once]).label).toEqual(once);
        }),
      );
    });

    it("does not depend on the parts' order", () => {
      fc.assert(
        fc.property(
          parts.chain((labels) =>
            fc.tuple(
              fc.constant(labels),
              fc.shuffledSubarray(labels, { minLength: labels.length, maxLength: labels.length }),
            ),
          ),
          ([labels, shuffled]) => {
            expect(dominant(shuffled)).toEqual(dominant(labels));
          },
        ),
      );
    });

    it("is a valid label, but for the permissive categories it names as unreleasable", () => {
      fc.assert(
        fc.property(parts, (labels) => {
          const result = dominant(labels);
          const problems = checkLabel(result.label, POLICIES).map((p) => `${p.key} ${String(p.params.tagName)}`);
          const expected = result.unreleasable.map((tagName) => `labels.problem.empty_values ${tagName}`);
          expect(problems.filter((p) => !expected.includes(p))).toEqual([]);
        }),
      );
    });
  });
});
