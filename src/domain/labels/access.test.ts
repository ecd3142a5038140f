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
import { LANGUAGES } from "../languages.ts";
import { render } from "../messages/index.ts";
import { accessReasonMessage, decideAccess, labelInForce, readerWithin } from "./access.ts";
import type { ConfidentialityLabel, LabelReader, StandingOnDay } from "./model.ts";
import { classificationRank } from "./policies.ts";

const label = (fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel =>
  natoLabel({
    classification: "NATO SECRET",
    categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO", "SWE"] }],
    ...fields,
  });

const reader = (fields: Partial<LabelReader> = {}): LabelReader => ({
  organization: "NATO",
  nation: "SWE",
  clearances: { [NATO.id]: 3 },
  authorisations: {},
  within: new Set(["SWE", "NATO"]),
  ...fields,
});

describe("decideAccess", () => {
  it("lets in a reader cleared high enough and within every permissive category", () => {
    expect(decideAccess(label(), NATO, reader())).toEqual({ allowed: true });
    expect(decideAccess(label(), NATO, reader({ clearances: { [NATO.id]: 4 }, within: new Set(["NATO"]) }))).toEqual({
      allowed: true,
    });
  });

  it("needs no clearance at the policy's unclassified level; every other rule still applies", () => {
    const unclassified = label({ classification: "NATO UNCLASSIFIED" });
    expect(decideAccess(unclassified, NATO, reader({ clearances: {} }))).toEqual({ allowed: true });
    expect(decideAccess(unclassified, NATO, reader({ clearances: {}, within: new Set(["COL"]) }))).toEqual({
      allowed: false,
      reasons: [{ kind: "outside-category", tagName: "Releasable To", values: ["NATO", "SWE"] }],
    });
  });

  it("gives every reason that refuses, typed, in the rule's order", () => {
    const secret = label({
      categories: [
        { tagName: "Releasable To", type: "permissive", values: ["NATO", "SWE", "NATO"] },
        { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL", "CRYPTO"] },
        { tagName: "Administrative", type: "informative", values: ["STAFF"] },
      ],
    });
    const colombian = reader({
      nation: "COL",
      clearances: { [NATO.id]: 1 },
      authorisations: { [NATO.id]: ["CRYPTO"] },
      within: new Set(["COL", "NATO:partners"]),
    });
    expect(decideAccess(secret, NATO, colombian)).toEqual({
      allowed: false,
      reasons: [
        { kind: "clearance-too-low", held: "NATO RESTRICTED", heldRank: 1, needed: "NATO SECRET", neededRank: 3 },
        { kind: "sensitivity-missing", tagName: "Additional Sensitivity", values: ["ATOMAL"] },
        { kind: "outside-category", tagName: "Releasable To", values: ["NATO", "SWE"] },
      ],
    });
    expect(decideAccess(secret, NATO, reader({ clearances: { [UNASUR.id]: 3 } }))).toMatchObject({
      allowed: false,
      reasons: [
        { kind: "clearance-missing", needed: "NATO SECRET", neededRank: 3 },
        { kind: "sensitivity-missing", tagName: "Additional Sensitivity", values: ["ATOMAL", "CRYPTO"] },
      ],
    });
  });

  it("lets nobody in through an empty permissive category, an unknown classification or another policy", () => {
    expect(
      decideAccess(
        label({ categories: [{ tagName: "Releasable To", type: "permissive", values: [] }] }),
        NATO,
        reader(),
      ),
    ).toEqual({ allowed: false, reasons: [{ kind: "outside-category", tagName: "Releasable To", values: [] }] });
    expect(decideAccess(label({ classification: "SECRET" }), NATO, reader())).toEqual({
      allowed: false,
      reasons: [{ kind: "unknown-classification", classification: "SECRET" }],
    });
    expect(decideAccess(label(), UNASUR, reader())).toEqual({
      allowed: false,
      reasons: [{ kind: "wrong-policy", labelPolicy: NATO.id, policy: UNASUR.id }],
    });
  });

  it("takes a category's type from its policy, whatever the label claims", () => {
    const claimed = label({ categories: [{ tagName: "Releasable To", type: "informative", values: ["NOR"] }] });
    expect(decideAccess(claimed, NATO, reader())).toMatchObject({
      allowed: false,
      reasons: [{ kind: "outside-category" }],
    });
    // A tag name the policy does not know keeps the label's own type.
    const unknown = label({ categories: [{ tagName: "Eyes", type: "restrictive", values: ["ONLY"] }] });
    expect(decideAccess(unknown, NATO, reader())).toMatchObject({
      allowed: false,
      reasons: [{ kind: "sensitivity-missing" }],
    });
  });

  it("explains every reason in the four languages", () => {
    const decision = decideAccess(
      label({
        categories: [
          { tagName: "Releasable To", type: "permissive", values: [] },
          { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL"] },
        ],
      }),
      NATO,
      reader({ clearances: { [NATO.id]: 1 } }),
    );
    expect(decision.allowed).toBe(false);
    const reasons = decision.allowed ? [] : decision.reasons;
    for (const reason of [
      ...reasons,
      { kind: "clearance-missing", needed: "NATO SECRET", neededRank: 3 } as const,
      { kind: "unknown-classification", classification: "SECRET" } as const,
      { kind: "wrong-policy", labelPolicy: NATO.id, policy: UNASUR.id } as const,
    ])
      for (const lang of LANGUAGES) {
        const text = render(lang, accessReasonMessage(reason));
        expect(text).not.toMatch(/undefined|\[object Object\]/);
      }
    expect(render("en", accessReasonMessage(reasons[0]!))).toBe(
      "Reading it needs a security clearance of NATO SECRET or higher; the reader's is NATO RESTRICTED.",
    );
    expect(render("es", accessReasonMessage(reasons[2]!))).toBe(
      "El día de la lectura, la nación y las pertenencias del lector no están dentro de Releasable To: ningún valor.",
    );
  });

  it("never refuses more when the reader holds more (clearance, authorisations, memberships)", () => {
    fc.assert(
      fc.property(arbitraryLabel(NATO, 0), arbitraryReader(NATO), arbitraryReader(NATO), (generated, first, second) => {
        const more: LabelReader = {
          ...first,
          clearances: { [NATO.id]: Math.max(first.clearances[NATO.id] ?? -1, second.clearances[NATO.id] ?? -1) },
          authorisations: {
            [NATO.id]: [...(first.authorisations[NATO.id] ?? []), ...(second.authorisations[NATO.id] ?? [])],
          },
          within: new Set([...first.within, ...second.within]),
        };
        if (more.clearances[NATO.id] === -1) more.clearances = {};
        if (decideAccess(generated, NATO, first).allowed)
          expect(decideAccess(generated, NATO, more).allowed).toBe(true);
      }),
    );
  });

  it("refuses exactly when a reason holds, and every reason it gives is true", () => {
    fc.assert(
      fc.property(arbitraryLabel(NATO, 0), arbitraryReader(NATO), (generated, someone) => {
        const decision = decideAccess(generated, NATO, someone);
        const rank = classificationRank(NATO, generated.classification) ?? 99;
        const held = someone.clearances[NATO.id];
        const authorised = new Set(someone.authorisations[NATO.id] ?? []);
        const expected =
          (rank === 0 || (held !== undefined && held >= rank)) &&
          generated.categories.every((category) =>
            category.type === "restrictive"
              ? category.values.every((value) => authorised.has(value))
              : category.type === "permissive"
                ? category.values.some((value) => someone.within.has(value))
                : true,
          );
        expect(decision.allowed).toBe(expected);
        if (!decision.allowed)
          for (const reason of decision.reasons) {
            if (reason.kind === "outside-category")
              expect(reason.values.some((value) => someone.within.has(value))).toBe(false);
            if (reason.kind === "sensitivity-missing")
              expect(reason.values.some((value) => authorised.has(value))).toBe(false);
            if (reason.kind === "clearance-too-low") expect(reason.heldRank).toBeLessThan(reason.neededRank);
          }
      }),
    );
  });
});

describe("readerWithin", () => {
  const within = (
    nation: string | null,
    standings: StandingOnDay[],
    fields: { organization?: string; isOwnStaff?: boolean } = {},
  ) =>
    [
      ...readerWithin({
        nation,
        organization: fields.organization ?? "NATO",
        isOwnStaff: fields.isOwnStaff ?? false,
        standings,
        policies: POLICIES,
      }),
    ].sort();

  it("holds the nation, its memberships, its partnerships and frameworks, and the groups they make", () => {
    expect(within("SWE", [{ organization: "NATO", kind: "member", framework: null }])).toEqual(["EAPC", "NATO", "SWE"]);
    expect(within("AUT", [{ organization: "NATO", kind: "partner", framework: "pfp" }])).toEqual([
      "AUT",
      "EAPC",
      "NATO:partners",
      "NATO:pfp",
    ]);
    expect(
      within("COL", [
        { organization: "NATO", kind: "partner", framework: "partners-across-the-globe" },
        { organization: "UNASUR", kind: "member", framework: null },
      ]),
    ).toEqual(["COL", "NATO:partners", "NATO:partners-across-the-globe", "UNASUR"]);
  });

  it("gives nothing for a suspension, an observer's seat or an application", () => {
    expect(
      within("VEN", [
        { organization: "UNASUR", kind: "suspended", framework: null },
        { organization: "NATO", kind: "observer", framework: null },
        { organization: "NATO", kind: "applicant", framework: null },
      ]),
    ).toEqual(["VEN"]);
    expect(within(null, [])).toEqual([]);
  });

  it("puts a secretariat's staff within their organisation and the groups of its members", () => {
    expect(within(null, [], { isOwnStaff: true })).toEqual(["EAPC", "NATO"]);
    expect(within(null, [], { organization: "UNASUR", isOwnStaff: true })).toEqual(["UNASUR"]);
  });

  it("takes policies as a list or a map", () => {
    const asMap = readerWithin({
      nation: "SWE",
      organization: "NATO",
      isOwnStaff: false,
      standings: [{ organization: "NATO", kind: "member", framework: null }],
      policies: new Map([[NATO.id, NATO]]),
    });
    expect([...asMap].sort()).toEqual(["EAPC", "NATO", "SWE"]);
  });
});

describe("labelInForce", () => {
  const downgraded = label({
    classification: "NATO SECRET",
    succession: [
      { from: "2030-01-01", label: label({ classification: "NATO CONFIDENTIAL" }) },
      { from: "2035-01-01", label: label({ classification: "NATO UNCLASSIFIED" }) },
    ],
  });

  it("is the label until its first downgrade, then each downgrade from its day on", () => {
    expect(labelInForce(downgraded, "2029-12-31")).toBe(downgraded);
    expect(labelInForce(downgraded, "2030-01-01").classification).toBe("NATO CONFIDENTIAL");
    expect(labelInForce(downgraded, "2034-12-31").classification).toBe("NATO CONFIDENTIAL");
    expect(labelInForce(downgraded, "2035-01-01").classification).toBe("NATO UNCLASSIFIED");
    expect(labelInForce(downgraded, "2100-01-01").classification).toBe("NATO UNCLASSIFIED");
  });

  it("never raises the classification as days pass, for a valid label", () => {
    const day = fc
      .date({ min: new Date("1999-01-01"), max: new Date("2062-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(arbitraryLabel(NATO), day, day, (generated, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const rank = (l: ConfidentialityLabel) => classificationRank(NATO, l.classification) ?? -1;
        expect(rank(labelInForce(generated, late))).toBeLessThanOrEqual(rank(labelInForce(generated, early)));
        const due = generated.succession.filter((step) => step.from <= late);
        expect(labelInForce(generated, late)).toBe(due.length === 0 ? generated : due.at(-1)?.label);
      }),
    );
  });
});
