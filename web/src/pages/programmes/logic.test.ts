import { describe, expect, it } from "vitest";
import { niceStep, valueAxis } from "../../components/IndicatorChart.tsx";
import {
  activitiesByYear,
  draftBody,
  draftOf,
  draftTitles,
  fieldErrors,
  figureOf,
  formatQuantity,
  indicatorBody,
  NO_FIGURES,
  nextPeriod,
  nextRef,
  numberOf,
  partnerNameOf,
  percentOf,
  periodBody,
  periodLabel,
  reporterCandidates,
} from "./logic.ts";
import type { Objective } from "./types.ts";

describe("the API's refusals, field by field", () => {
  it("reads a service's path with brackets and the validator's with dots alike", () => {
    expect(fieldErrors("body.objectives[0].goals[1].activities[0].year: must fall within 2024–2025")).toEqual({
      fields: { "objectives.0.goals.1.activities.0.year": "Must fall within 2024–2025" },
      rest: [],
    });
    expect(fieldErrors("json.objectives.0.titles.en: must be at most 300 characters")).toEqual({
      fields: { "objectives.0.titles.en": "Must be at most 300 characters" },
      rest: [],
    });
  });

  it("splits several faults, and keeps what names no field whole", () => {
    const { fields, rest } = fieldErrors("json.partner: required; json.end: must be a date");
    expect(fields).toEqual({ partner: "Required", end: "Must be a date" });
    expect(rest).toEqual([]);
    expect(fieldErrors("The programme has no open draft.")).toEqual({
      fields: {},
      rest: ["The programme has no open draft."],
    });
    // A semicolon inside a message does not split it.
    expect(fieldErrors("body.summary: too long; shorten it").fields).toEqual({ summary: "Too long; shorten it" });
  });
});

describe("numbers and periods in words", () => {
  it("writes percentages with their parts, in the reader's notation", () => {
    expect(formatQuantity({ value: 50, numerator: 4, denominator: 8 }, "percentage", "en")).toBe("50% (4/8)");
    // French puts a (narrow no-break) space before the sign.
    expect(formatQuantity({ value: 50, numerator: 4, denominator: 8 }, "percentage", "fr")).toMatch(
      /^50\s%\s\(4\/8\)$/u,
    );
    expect(formatQuantity({ value: null, numerator: 3, denominator: 4 }, "percentage", "en")).toBe("75% (3/4)");
    expect(formatQuantity({ value: 1234.5 }, "unit", "en")).toBe("1,234.5");
    expect(formatQuantity({ value: null }, "unit", "en")).toBeNull();
    expect(formatQuantity(null, "unit", "en")).toBeNull();
  });

  it("takes a percentage's number from its parts when it has no value", () => {
    expect(numberOf({ value: null, numerator: 1, denominator: 4 })).toBe(25);
    expect(numberOf({ value: null, numerator: 1, denominator: 0 })).toBeNull();
    expect(numberOf({ value: 7 })).toBe(7);
  });

  it("names a calendar year by its number, else by its first and last months", () => {
    expect(periodLabel("2024-01-01", "2024-12-31", "en")).toEqual(["2024"]);
    expect(periodLabel("2024-01-01", "2025-12-31", "en")).toEqual(["2024–2025"]);
    expect(periodLabel("2024-01-01", "2024-06-30", "en")).toEqual(["Jan 2024", "Jun 2024"]);
    expect(periodLabel("2024-02-01", "2024-02-29", "en")).toEqual(["Feb 2024"]);
    expect(periodLabel("2024-01-15", "2024-06-14", "en")).toEqual(["15 Jan 2024", "14 Jun 2024"]);
  });

  it("rounds a share to a whole percentage, within 0 and 100", () => {
    expect(percentOf(0.456)).toBe(46);
    expect(percentOf(1.4)).toBe(100);
    expect(percentOf(null)).toBeNull();
  });

  it("names the partner in the reader's language, whichever way the API gives it", () => {
    const names = { en: "Colombia", es: "Colombia", pt: "Colômbia", fr: "Colombie" };
    expect(partnerNameOf({ partner: "COL", partnerNames: names }, "fr")).toBe("Colombie");
    expect(partnerNameOf({ partner: "COL" }, "fr")).toBe("COL");
  });
});

describe("a chart's value axis", () => {
  it("steps by round numbers", () => {
    expect(niceStep(100)).toBe(25);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });

  it("starts at zero, ends on a round number above the largest value; percentages reach 100", () => {
    expect(valueAxis([40, 55, 60], false)).toEqual({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
    expect(valueAxis([12, 30], true)).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueAxis([-5, 10], false).min).toBeLessThan(0);
  });
});

describe("the draft editor's tree", () => {
  const tree: Objective[] = [
    {
      id: 1,
      ref: "O1",
      area: "cyber-defence",
      title: "Cyber",
      titles: { en: "Cyber", es: "Ciber", pt: null, fr: null },
      description: null,
      source: null,
      quote: null,
      goals: [
        {
          id: 2,
          ref: "G1.1",
          title: "Goal",
          titles: { en: "Goal", es: null, pt: null, fr: null },
          description: "Why",
          source: null,
          quote: null,
          progress: null,
          activities: [
            {
              id: 3,
              ref: "A1",
              title: "Course",
              titles: { en: null, es: null, pt: null, fr: null },
              year: 2025,
              description: null,
              menuItem: { id: 9, code: "CYB-001", type: "course", area: "cyber-defence", title: "Course" },
              source: null,
              quote: null,
            },
          ],
        },
      ],
    },
  ];

  it("goes back to the API as it came, empty text left out, a menu item's activity without titles", () => {
    expect(draftBody("", draftOf(tree))).toEqual({
      objectives: [
        {
          ref: "O1",
          area: "cyber-defence",
          titles: { en: "Cyber", es: "Ciber" },
          goals: [
            {
              ref: "G1.1",
              titles: { en: "Goal" },
              description: "Why",
              activities: [{ ref: "A1", menuItem: "CYB-001", year: 2025 }],
            },
          ],
        },
      ],
    });
  });

  it("sends a year that is not a whole number as typed, for the API to name it", () => {
    const draft = draftOf(tree);
    const activity = draft[0]?.goals[0]?.activities[0];
    if (activity) activity.year = "twenty";
    const body = draftBody("Summary", draft) as {
      summary: string;
      objectives: Array<{ goals: Array<{ activities: Array<{ year: unknown }> }> }>;
    };
    expect(body.summary).toBe("Summary");
    expect(body.objectives[0]?.goals[0]?.activities[0]?.year).toBe("twenty");
  });

  it("proposes the next reference in the pattern of the last", () => {
    expect(nextRef(["O1", "O2"], "O1")).toBe("O3");
    expect(nextRef(["G1.1", "G1.2"], "G1.1")).toBe("G1.3");
    expect(nextRef([], "A1.1")).toBe("A1.1");
    expect(nextRef(["X"], "A")).toBe("X-2");
  });

  it("groups activities by year, earliest first", () => {
    const grouped = activitiesByYear([{ year: 2025 }, { year: 2024 }, { year: 2025 }]);
    expect(grouped.map(([year, list]) => [year, list.length])).toEqual([
      [2024, 1],
      [2025, 2],
    ]);
  });
});

describe("the secretariat's indicator and period forms", () => {
  const draft = {
    ref: " I3 ",
    titles: { ...draftTitles(), en: " Civilians protected ", fr: "Civils protégés" },
    description: "",
    measure: "percentage" as const,
    ascending: true,
    baselineYear: "2025",
    baseline: { value: "", numerator: "3", denominator: "4" },
    reporters: ["a", "b", "a"],
  };

  it("reads typed numbers, a decimal comma too, and tells a word from a number", () => {
    expect(figureOf(" 1,5 ")).toBe(1.5);
    expect(figureOf("")).toBeNull();
    expect(figureOf("ten")).toBeNaN();
  });

  it("makes the indicator's body: trimmed, translations only where given, a percentage's parts, reporters once", () => {
    expect(indicatorBody("G3.1", draft)).toEqual({
      body: {
        goalRef: "G3.1",
        ref: "I3",
        titles: { en: "Civilians protected", fr: "Civils protégés" },
        measure: "percentage",
        ascending: true,
        baseline: { year: 2025, numerator: 3, denominator: 4 },
        reporters: ["a", "b"],
      },
      problems: {},
    });
  });

  it("leaves out an empty baseline, a unit's parts and a qualitative indicator's direction and figures", () => {
    const unit = indicatorBody("G1", {
      ...draft,
      measure: "unit",
      baselineYear: "",
      baseline: { value: "", numerator: "1", denominator: "" },
    });
    expect(unit.problems).toEqual({});
    expect(unit.body).not.toHaveProperty("baseline");
    const words = indicatorBody("G1", { ...draft, measure: "qualitative", baseline: { ...NO_FIGURES, value: "7" } });
    expect(words.body).toMatchObject({ measure: "qualitative", baseline: { year: 2025 } });
    expect(words.body).not.toHaveProperty("ascending");
    expect((words.body as { baseline: object }).baseline).toEqual({ year: 2025 });
  });

  it("names what is missing or unreadable by the API's path of the field, in the form's order", () => {
    const { problems } = indicatorBody("G1", {
      ...draft,
      ref: " ",
      titles: draftTitles(),
      baselineYear: "25",
      baseline: { value: "half", numerator: "3", denominator: "" },
    });
    expect(problems).toEqual({
      ref: "required",
      "titles.en": "required",
      "baseline.year": "year",
      "baseline.value": "number",
      "baseline.denominator": "parts",
    });
    expect(Object.keys(problems)[0]).toBe("ref");
  });

  it("makes a period's body with its target, a qualitative one's in words", () => {
    expect(
      periodBody(
        { start: "2026-01-01", end: "2026-12-31", target: { ...NO_FIGURES, value: "80" }, comment: "" },
        "unit",
      ),
    ).toEqual({ body: { start: "2026-01-01", end: "2026-12-31", target: { value: 80 } }, problems: {} });
    expect(
      periodBody(
        { start: "2026-01-01", end: "2026-12-31", target: NO_FIGURES, comment: " Fully staffed " },
        "qualitative",
      ).body,
    ).toEqual({ start: "2026-01-01", end: "2026-12-31", target: { comment: "Fully staffed" } });
    expect(periodBody({ start: "", end: "2026-12-31", target: NO_FIGURES, comment: "" }, "unit")).toEqual({
      body: { start: "", end: "2026-12-31" },
      problems: { start: "required" },
    });
  });

  it("proposes the next period: the year after the last one, within the programme", () => {
    const programme = { start: "2026-03-01", end: "2027-06-30" };
    expect(nextPeriod([], programme)).toEqual({ start: "2026-03-01", end: "2026-12-31" });
    expect(nextPeriod([{ start: "2026-03-01", end: "2026-12-31" }], programme)).toEqual({
      start: "2027-01-01",
      end: "2027-06-30",
    });
    // The last period ends with the programme: the form starts from its beginning, for the API to judge.
    expect(nextPeriod([{ start: "2027-01-01", end: "2027-06-30" }], programme).start).toBe("2026-03-01");
  });

  it("offers the secretariat, the partner's delegation and everyone already reporting, by name, once each", () => {
    const indicators = [
      {
        reporters: [
          { id: "r", name: "Rosa Reporter" },
          { id: "x", name: "Xavier Gone" },
        ],
      },
    ];
    expect(reporterCandidates(indicators, "COL")).toEqual([
      { id: "r", name: "Rosa Reporter", state: null },
      { id: "x", name: "Xavier Gone", state: null },
    ]);
    const account = (id: string, displayName: string, role: string, state: string | null, disabled = false) => ({
      id,
      displayName,
      role,
      disabled,
      delegation: state ? { state } : null,
    });
    const accounts = [
      account("r", "Rosa Reporter", "delegation-member", "COL"),
      account("s", "Sam Secretariat", "secretariat-staff", null),
      account("h", "Camila Rojas", "delegation-head", "COL"),
      account("f", "Claire Martin", "delegation-head", "FRA"),
      account("a", "Ana Analyst", "analyst", "COL"),
      account("x", "Xavier Gone", "secretariat-staff", null, true),
      account("d", "Dora Disabled", "secretariat-admin", null, true),
    ];
    expect(reporterCandidates(indicators, "COL", accounts)).toEqual([
      { id: "h", name: "Camila Rojas", state: "COL" },
      { id: "r", name: "Rosa Reporter", state: "COL" },
      { id: "s", name: "Sam Secretariat", state: null },
      // Disabled, but still assigned: offered, so that it can be unticked.
      { id: "x", name: "Xavier Gone", state: null },
    ]);
  });
});
