import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryAnyLabel, NATO, POLICIES, UNASUR, natoLabel } from "../../../test/labels/arbitraries.ts";
import { LANGUAGES } from "../languages.ts";
import { render } from "../messages/index.ts";
import type { ConfidentialityLabel } from "./model.ts";
import {
  categoryOf,
  checkLabel,
  classificationRank,
  isDateTimeWithZone,
  isPermissiveValue,
  LABEL_LIMITS,
  normalizeLabel,
  LabelJsonError,
  parseLabelJson,
  parsePolicy,
  PolicyFileError,
  safeParsePolicy,
  unclassifiedRank,
} from "./policies.ts";

const label = (fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel =>
  natoLabel({ reviewDate: "2031-03-01", ...fields });

const keysOf = (l: ConfidentialityLabel) => checkLabel(l, POLICIES).map((p) => `${p.path}: ${p.key}`);

describe("the policy files", () => {
  it("hold NATO's and UNASUR's policies", () => {
    expect(NATO.id).toBe("urn:oid:1.3.26.1.3.1");
    expect(NATO.classifications.map((c) => c.name)).toEqual([
      "NATO UNCLASSIFIED",
      "NATO RESTRICTED",
      "NATO CONFIDENTIAL",
      "NATO SECRET",
      "COSMIC TOP SECRET",
    ]);
    expect(NATO.categories.map((c) => [c.tagName, c.type])).toEqual([
      ["Context", "permissive"],
      ["Only", "permissive"],
      ["Releasable To", "permissive"],
      ["Additional Sensitivity", "restrictive"],
      ["Administrative", "informative"],
    ]);
    expect(NATO.groups.EAPC).toEqual([
      { organization: "NATO", kind: "member" },
      { organization: "NATO", kind: "partner", framework: "pfp" },
    ]);
    expect(UNASUR.id).toBe("urn:concord:policy:UNASUR");
    expect(UNASUR.classifications.map((c) => c.rank)).toEqual([0, 1, 2, 3]);
    // The notes are for the file's readers, not the policy.
    expect(JSON.stringify([NATO, UNASUR])).not.toContain('"note"');
  });

  it("rank classifications from the unclassified level up", () => {
    expect(unclassifiedRank).toBe(0);
    expect(classificationRank(NATO, "NATO UNCLASSIFIED")).toBe(0);
    expect(classificationRank(NATO, "COSMIC TOP SECRET")).toBe(4);
    expect(classificationRank(NATO, "nato secret")).toBeUndefined();
    expect(categoryOf(NATO, "Releasable To")?.values).toBeNull();
    expect(categoryOf(NATO, "Releasable to")).toBeUndefined();
  });
});

describe("parsePolicy", () => {
  const valid = () => JSON.parse(JSON.stringify({ ...NATO, note: "n" })) as Record<string, unknown>;
  const errorsOf = (value: unknown) => {
    const parsed = safeParsePolicy(value);
    return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it("reads the text of a file or its parsed value", () => {
    expect(parsePolicy(JSON.stringify(valid()))).toEqual(NATO);
    expect(safeParsePolicy(valid())).toEqual({ ok: true, policy: NATO });
  });

  it("throws every mistake, each with its field, one a line", () => {
    const policy = valid();
    policy.version = 0;
    policy.name = "";
    expect(() => parsePolicy(policy)).toThrow(PolicyFileError);
    expect(() => parsePolicy(policy)).toThrow(/^name: must not be empty\nversion: /);
  });

  it("names the field of every mistake", () => {
    expect(errorsOf("{ not json")[0]).toMatch(/^\(file\): is not JSON/);
    const policy = valid();
    const classifications = policy.classifications as { rank: number; name: string }[];
    (classifications[2] as { rank: number }).rank = 7;
    (classifications[3] as { name: string }).name = "NATO RESTRICTED";
    const categories = policy.categories as Record<string, unknown>[];
    (categories[0] as { type: string }).type = "mandatory";
    (categories[3] as { values: string[] }).values = ["ATOMAL", "ATOMAL"];
    (categories[4] as { tagName: string }).tagName = " Administrative";
    policy.organization = "nato";
    policy.groups = {
      EAPC: [{ organization: "NATO", kind: "member", framework: "pfp" }],
      NATO: [{ organization: "NATO", kind: "member" }],
    };
    const errors = errorsOf(policy);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organization: must be a registry code/),
        expect.stringMatching(/^classifications\.2\.rank: must be 2/),
        expect.stringMatching(/^classifications\.3\.name: the classification "NATO RESTRICTED" is given twice/),
        expect.stringMatching(/^categories\.0\.type: /),
        expect.stringMatching(/^categories\.3\.values\.1: the value "ATOMAL" is given twice/),
        expect.stringMatching(/^categories\.4\.tagName: must not begin or end with spaces/),
        expect.stringMatching(/^groups\.EAPC\.0\.framework: only a partner selector names a framework/),
        expect.stringMatching(/^groups\.NATO: a group cannot be named after an organisation/),
      ]),
    );
  });

  it("holds every text and list to its limit", () => {
    const policy = valid();
    (policy.categories as { values: string[] | null }[])[2] = {
      ...(policy.categories as object[])[2],
      values: Array.from({ length: LABEL_LIMITS.valuesPerCategory + 1 }, (_, i) => `V${i}`),
    } as { values: string[] };
    (policy.classifications as { marking: string }[])[0] = {
      ...(policy.classifications as object[])[0],
      marking: "M".repeat(LABEL_LIMITS.marking + 1),
    } as { marking: string };
    policy.extra = true;
    const errors = errorsOf(policy);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^categories\.2\.values: must list at most 50 values/),
        expect.stringMatching(/^classifications\.0\.marking: must be at most 100 characters/),
        expect.stringMatching(/^\(top\): .*extra/),
      ]),
    );
  });
});

describe("checkLabel", () => {
  it("finds nothing wrong with a label valid against its policy", () => {
    expect(checkLabel(label(), POLICIES)).toEqual([]);
    expect(
      checkLabel(
        label({
          categories: [
            {
              tagName: "Releasable To",
              type: "permissive",
              values: ["NATO", "SWE", "NATO:partners", "NATO:pfp", "EAPC"],
            },
            { tagName: "Context", type: "permissive", values: ["NATO"] },
            { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL"] },
            { tagName: "Administrative", type: "informative", values: ["STAFF"] },
          ],
          succession: [{ from: "2030-01-01", label: label({ classification: "NATO UNCLASSIFIED", reviewDate: null }) }],
        }),
        POLICIES,
      ),
    ).toEqual([]);
  });

  it("holds every generated label valid", () => {
    fc.assert(
      fc.property(arbitraryAnyLabel, (generated) => {
        expect(checkLabel(generated, POLICIES)).toEqual([]);
      }),
    );
  });

  it("names an unknown policy, classification or category, and a type that is not the policy's", () => {
    expect(keysOf(label({ policy: "urn:oid:1.2.3" }))).toEqual(["policy: labels.problem.unknown_policy"]);
    expect(keysOf(label({ classification: "NATO TOP SECRET" }))).toEqual([
      "classification: labels.problem.unknown_classification",
    ]);
    expect(
      keysOf(
        label({
          categories: [
            { tagName: "Releasable to", type: "permissive", values: ["COL"] },
            { tagName: "Releasable To", type: "restrictive", values: ["COL"] },
          ],
        }),
      ),
    ).toEqual([
      "categories[0].tagName: labels.problem.unknown_category",
      "categories[1].type: labels.problem.category_type",
    ]);
  });

  it("names values the category does not list, and permissive values that name no one", () => {
    expect(
      keysOf(
        label({
          categories: [
            { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL", "BOHEMIA"] },
            {
              tagName: "Releasable To",
              type: "permissive",
              values: ["COL", "col", "NATO:Partners", "NATO/pfp", "ORG:"],
            },
            { tagName: "Only", type: "permissive", values: [] },
          ],
        }),
      ),
    ).toEqual([
      "categories[0].values[1]: labels.problem.value_not_in_category",
      "categories[1].values[1]: labels.problem.value_not_a_code",
      "categories[1].values[2]: labels.problem.value_not_a_code",
      "categories[1].values[3]: labels.problem.value_not_a_code",
      "categories[1].values[4]: labels.problem.value_not_a_code",
      "categories[2].values: labels.problem.empty_values",
    ]);
    expect(isPermissiveValue("EAPC", NATO)).toBe(true);
    expect(isPermissiveValue("NATO:partners-across-the-globe")).toBe(true);
    expect(isPermissiveValue("Sweden")).toBe(false);
  });

  it("names repeats, limits and malformed texts", () => {
    const many = Array.from({ length: LABEL_LIMITS.valuesPerCategory + 1 }, (_, i) => `C${String(i).padStart(2, "0")}`);
    expect(
      keysOf(
        label({
          categories: [
            { tagName: "Releasable To", type: "permissive", values: ["COL", "COL"] },
            { tagName: "Releasable To", type: "permissive", values: many },
            { tagName: "", type: "permissive", values: [" COL", "CO\u0007L", "X".repeat(101)] },
          ],
        }),
      ),
    ).toEqual([
      "categories[0].values[1]: labels.problem.duplicate_value",
      "categories[1].tagName: labels.problem.duplicate_category",
      "categories[1].values: labels.problem.too_many_values",
      "categories[2].tagName: labels.problem.text_blank",
      "categories[2].values[0]: labels.problem.text_padded",
      "categories[2].values[1]: labels.problem.text_characters",
      "categories[2].values[2]: labels.problem.text_too_long",
    ]);
    const tooMany = Array.from({ length: LABEL_LIMITS.categories + 1 }, (_, i) => ({
      tagName: "Administrative",
      type: "informative" as const,
      values: [`V${i}`],
    }));
    expect(keysOf(label({ categories: tooMany }))).toContain("categories: labels.problem.too_many_categories");
  });

  it("names a creation time, review date or originator of the wrong form", () => {
    expect(
      keysOf(label({ creationTime: "2026-03-01T09:30:00", reviewDate: "2031-02-30", originator: "nato" })),
    ).toEqual([
      "creationTime: labels.problem.creation_time",
      "originator: labels.problem.originator",
      "reviewDate: labels.problem.day",
    ]);
    expect(isDateTimeWithZone("2026-03-01T09:30:00.123+02:00")).toBe(true);
    expect(isDateTimeWithZone("2026-02-30T09:30:00Z")).toBe(false);
    expect(isDateTimeWithZone("2026-03-01 09:30:00Z")).toBe(false);
  });

  it("holds downgrades to day order, lower classifications, the same policy and no downgrades of their own", () => {
    const lower = (classification: string, fields: Partial<ConfidentialityLabel> = {}) =>
      label({ classification, reviewDate: null, ...fields });
    expect(
      keysOf(
        label({
          classification: "NATO SECRET",
          succession: [
            { from: "2030-01-01", label: lower("NATO CONFIDENTIAL") },
            { from: "2030-01-01", label: lower("NATO RESTRICTED") },
            { from: "2031-01-01", label: lower("NATO RESTRICTED") },
            {
              from: "2032-02-30",
              label: lower("NATO SECRET", { policy: UNASUR.id, classification: "UNASUR PÚBLICO" }),
            },
            { from: "2033-01-01", label: lower("NATO UNCLASSIFIED", { reviewDate: "2040-01-01" }) },
          ],
        }),
      ),
    ).toEqual([
      "succession[1].from: labels.problem.succession_order",
      "succession[2].label.classification: labels.problem.succession_not_lower",
      "succession[3].from: labels.problem.day",
      "succession[3].label.policy: labels.problem.succession_policy",
      "succession[4].label: labels.problem.succession_nested",
    ]);
  });

  it("says every problem in the four languages, with its values", () => {
    const problems = checkLabel(
      label({
        classification: "NATO TOP SECRET",
        categories: [
          { tagName: "Releasable To", type: "restrictive", values: ["Sweden"] },
          { tagName: "Additional Sensitivity", type: "restrictive", values: ["BOHEMIA"] },
        ],
        succession: [{ from: "2020-01-01", label: label({ classification: "NATO SECRET", reviewDate: null }) }],
      }),
      POLICIES,
    );
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems)
      for (const lang of LANGUAGES) {
        const text = render(lang, problem);
        expect(text, `${lang} ${problem.key}`).not.toMatch(/undefined|\[object Object\]/);
        for (const value of Object.values(problem.params))
          if (typeof value === "string") expect(text, `${lang} ${problem.key}`).toContain(value);
      }
    expect(render("en", problems.find((p) => p.key === "labels.problem.category_type") ?? problems[0]!)).toBe(
      "Releasable To is a permissive category in its policy, not a restrictive category.",
    );
    expect(render("fr", problems.find((p) => p.key === "labels.problem.category_type") ?? problems[0]!)).toBe(
      "Releasable To est une catégorie permissive dans sa politique, pas une catégorie restrictive.",
    );
  });
});

describe("normalizeLabel", () => {
  it("orders categories as the policy does and values as it lists them, else sorted, without repeats", () => {
    const normal = normalizeLabel(
      label({
        categories: [
          { tagName: "Administrative", type: "informative", values: ["MEDICAL", "STAFF"] },
          { tagName: "Zeta", type: "informative", values: ["b", "a"] },
          { tagName: "Releasable To", type: "permissive", values: ["SWE", "COL", "SWE", "NATO"] },
        ],
      }),
      NATO,
    );
    expect(normal.categories).toEqual([
      { tagName: "Releasable To", type: "permissive", values: ["COL", "NATO", "SWE"] },
      { tagName: "Administrative", type: "informative", values: ["STAFF", "MEDICAL"] },
      { tagName: "Zeta", type: "informative", values: ["a", "b"] },
    ]);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(arbitraryAnyLabel, (generated) => {
        const policy = generated.policy === NATO.id ? NATO : UNASUR;
        const once = normalizeLabel(generated, policy);
        expect(normalizeLabel(once, policy)).toEqual(once);
      }),
    );
  });
});

describe("parseLabelJson", () => {
  it("reads a label's JSON, defaulting what may be left out", () => {
    const { originator: _o, reviewDate: _r, succession: _s, ...bare } = label();
    expect(parseLabelJson(JSON.stringify(bare))).toEqual(label({ originator: null, reviewDate: null }));
    expect(parseLabelJson(label())).toEqual(label());
  });

  it("names each field that is not the model's shape, and bounds every text and list", () => {
    const bad = {
      ...label(),
      classification: 7,
      categories: [{ tagName: "Releasable To", type: "PERMISSIVE", values: ["C".repeat(101)] }],
      succession: [{ from: "2030-01-01", label: { ...label(), succession: [{ from: "2031-01-01", label: label() }] } }],
      extra: 1,
    };
    try {
      parseLabelJson(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LabelJsonError);
      expect((error as LabelJsonError).errors.map((e) => e.path)).toEqual(
        expect.arrayContaining([
          "classification",
          "categories.0.type",
          "categories.0.values.0",
          "succession.0.label.succession",
          "(top)",
        ]),
      );
    }
    expect(() => parseLabelJson("{")).toThrow(/^\(label\): is not JSON/);
  });
});
