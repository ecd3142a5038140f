/**
 * The pure rules of cooperation programmes (src/domain/cooperation.ts).
 */
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, COOPERATION_AREAS, type Eligibility, isEligible } from "./cooperation.ts";
import { periodActual, progressTowards, type UpdateValue } from "./cooperation.ts";
import { ACTIVITY_TYPE_NAMES, AREA_NAMES } from "./cooperation-names.ts";
import { LANGUAGES } from "./languages.ts";

describe("isEligible", () => {
  const everyone: Eligibility = { kind: "all-partners" };
  const pfp: Eligibility = { kind: "framework", framework: "pfp" };
  const named: Eligibility = { kind: "states", states: ["COL", "MNG"] };

  it("opens an activity for all partners to any state with a partnership that day", () => {
    expect(isEligible(everyone, "COL", [{ framework: "partners-across-the-globe" }])).toBe(true);
    expect(isEligible(everyone, "AUT", [{ framework: "pfp" }])).toBe(true);
  });

  it("opens a framework's activity to the partners of that framework only", () => {
    expect(isEligible(pfp, "AUT", [{ framework: "pfp" }])).toBe(true);
    expect(isEligible(pfp, "COL", [{ framework: "partners-across-the-globe" }])).toBe(false);
    // A state in two frameworks at once (rare, but the registry can say so) qualifies through either.
    expect(isEligible(pfp, "XYZ", [{ framework: "mediterranean-dialogue" }, { framework: "pfp" }])).toBe(true);
    expect(isEligible(pfp, "XYZ", [{ framework: null }])).toBe(false);
  });

  it("opens a named states' activity to those states only", () => {
    expect(isEligible(named, "COL", [{ framework: "partners-across-the-globe" }])).toBe(true);
    expect(isEligible(named, "AUT", [{ framework: "pfp" }])).toBe(false);
  });

  it("closes every activity to a state without a partnership that day: one that ended, or an ally", () => {
    for (const eligibility of [everyone, pfp, named]) {
      expect(isEligible(eligibility, "COL", [])).toBe(false);
      expect(isEligible(eligibility, "USA", [])).toBe(false);
    }
  });
});

describe("the names of areas and activity types", () => {
  it("name every area and type in every language, each differently", () => {
    for (const lang of LANGUAGES) {
      const areas = COOPERATION_AREAS.map((area) => AREA_NAMES[area][lang]);
      expect(areas.every((name) => name.trim().length > 0)).toBe(true);
      expect(new Set(areas).size).toBe(COOPERATION_AREAS.length);
      const types = ACTIVITY_TYPES.map((type) => ACTIVITY_TYPE_NAMES[type][lang]);
      expect(new Set(types).size).toBe(ACTIVITY_TYPES.length);
    }
  });
});

describe("periodActual", () => {
  const update = (fields: Partial<UpdateValue> & { approvedAt: string }): UpdateValue => ({
    value: null,
    numerator: null,
    denominator: null,
    narrative: null,
    ...fields,
  });

  it("has no actual without an approved update", () => {
    expect(periodActual("unit", [])).toBeNull();
  });

  it("adds units up, the narrative the latest", () => {
    const actual = periodActual("unit", [
      update({ value: 5, narrative: "later", approvedAt: "2025-02-01" }),
      update({ value: 3, narrative: "earlier", approvedAt: "2025-01-01" }),
      update({ value: null, approvedAt: "2024-12-01" }),
    ]);
    expect(actual).toEqual({ value: 8, narrative: "later" });
  });

  it("pools a percentage's parts: 3/4 and 1/4 make 4/8 = 50%, not the mean of the ratios", () => {
    const actual = periodActual("percentage", [
      update({ numerator: 3, denominator: 4, approvedAt: "2025-01-01" }),
      update({ numerator: 1, denominator: 4, approvedAt: "2025-01-02" }),
    ]);
    expect(actual).toEqual({ value: 50, numerator: 4, denominator: 8, narrative: null });
    // 1/2 and 9/10 pool to 10/12, where the mean of 50% and 90% would say 70%.
    expect(
      periodActual("percentage", [
        update({ numerator: 1, denominator: 2, approvedAt: "1" }),
        update({ numerator: 9, denominator: 10, approvedAt: "2" }),
      ])?.value,
    ).toBeCloseTo(83.333333, 5);
  });

  it("has no percentage without parts", () => {
    expect(periodActual("percentage", [update({ value: 40, approvedAt: "1" })])).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      narrative: null,
    });
  });

  it("takes the latest approved value of nominal and ordinal indicators, and the latest words of qualitative ones", () => {
    const updates = [
      update({ value: 2, narrative: "b", approvedAt: "2025-03-01" }),
      update({ value: 3, narrative: "c", approvedAt: "2025-04-01" }),
      update({ value: 1, narrative: "a", approvedAt: "2025-01-01" }),
    ];
    expect(periodActual("ordinal", updates)).toEqual({ value: 3, narrative: "c" });
    expect(periodActual("nominal", updates)).toEqual({ value: 3, narrative: "c" });
    expect(periodActual("qualitative", updates)).toEqual({ value: null, narrative: "c" });
  });
});

describe("progressTowards", () => {
  it("measures the way from the baseline to the target, capped from 0 to 1", () => {
    expect(progressTowards(20, 80, 50, true)).toBeCloseTo(0.5);
    expect(progressTowards(20, 80, 100, true)).toBe(1);
    expect(progressTowards(20, 80, 10, true)).toBe(0);
  });

  it("turns the signs for an indicator where less is better", () => {
    expect(progressTowards(100, 40, 70, false)).toBeCloseTo(0.5);
    expect(progressTowards(100, 40, 120, false)).toBe(0);
  });

  it("is undefined without a baseline, a target or an actual, or when the target is the baseline", () => {
    expect(progressTowards(null, 80, 50, true)).toBeNull();
    expect(progressTowards(20, null, 50, true)).toBeNull();
    expect(progressTowards(20, 80, null, true)).toBeNull();
    expect(progressTowards(20, 20, 50, true)).toBeNull();
  });
});
