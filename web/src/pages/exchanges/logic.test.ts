import { describe, expect, it } from "vitest";
import type { ExchangeForm, ExchangeRegime } from "../../../../src/domain/exchanges.ts";
import { matchRoute } from "../../lib/router.ts";
import {
  barGroups,
  dashboardFrom,
  dashboardHref,
  formInForce,
  formLayout,
  inputsOf,
  instantOf,
  MAX_YEARS,
  metricsOf,
  numberFromInput,
  partialDate,
  refusalsByField,
  returnHref,
  timelinessOf,
  totalProblems,
  valuesOf,
  withComputedTotals,
  yearsOf,
} from "./logic.ts";
import type { ComparisonRow, RegimeSummary, ReturnVersion } from "./types.ts";

const names = (en: string) => ({ en, es: en, pt: en, fr: en });

const REGIME: ExchangeRegime = {
  code: "unasur-rsgd",
  names: names("South American Defence Expenditure Registry"),
  participants: { kind: "organisation", organisation: "UNASUR" },
  firstYear: 2006,
  deadline: { kind: "annual", month: 6, day: 30, yearOffset: 1 },
  restricted: true,
};

/** A small registry form: a 2 × 2 table of amounts with its totals, GDP and population. */
const FORM: ExchangeForm = {
  code: "rsgd",
  regime: "unasur-rsgd",
  version: 1,
  validFrom: 2006,
  names: names("Expenditure"),
  nilAllowed: false,
  groups: [
    { key: "expenditure", labels: names("Expenditure") },
    { key: "context", labels: names("Context") },
  ],
  fields: [
    { kind: "amount", key: "gdp", labels: names("GDP"), required: false, group: "context" },
    { kind: "integer", key: "population", labels: names("Population"), required: false, group: "context" },
    { kind: "text", key: "remarks", labels: names("Remarks"), required: false, maxLength: 100 },
  ],
  matrices: [
    {
      key: "expenditure",
      labels: names("Expenditure"),
      kind: "amount",
      required: true,
      group: "expenditure",
      rows: [
        { key: "army", labels: names("Army") },
        { key: "navy", labels: names("Navy") },
      ],
      columns: [
        { key: "personnel", labels: names("Personnel") },
        { key: "investment", labels: names("Investment") },
      ],
    },
  ],
  totals: [],
  comparison: { total: "expenditure.total.total", population: "population", gdp: "gdp" },
};

const summary = (code: string, firstYear: number, latestYear: number): RegimeSummary => ({
  regime: { ...REGIME, code, firstYear },
  organization: "UNASUR",
  restricted: true,
  forms: [FORM],
  abilities: { writeReturnFor: null },
  latestYear,
  deadline: `${latestYear + 1}-06-30`,
});

const query = (text: string) => new URLSearchParams(text);

describe("the dashboard's choices from the address", () => {
  const regimes = [summary("oas-csbm", 1996, 2026), summary("unasur-rsgd", 2006, 2026)];

  it("takes the first regime and its latest five years by default", () => {
    expect(dashboardFrom(query(""), regimes)).toEqual({ regime: "oas-csbm", from: 2022, to: 2026, state: null });
  });

  it("reads the regime, years and state asked, within the regime's years and at most MAX_YEARS", () => {
    expect(dashboardFrom(query("regime=unasur-rsgd&from=2010&to=2014&state=col"), regimes)).toEqual({
      regime: "unasur-rsgd",
      from: 2010,
      to: 2014,
      state: "COL",
    });
    expect(dashboardFrom(query("regime=unasur-rsgd&from=1990&to=2030"), regimes)).toMatchObject({
      from: 2026 - MAX_YEARS + 1,
      to: 2026,
    });
    expect(dashboardFrom(query("regime=unasur-rsgd&from=2000&to=2008"), regimes)).toMatchObject({
      from: 2006,
      to: 2008,
    });
    // A year asked alone; a from after to; an unknown regime and a malformed state.
    expect(dashboardFrom(query("regime=unasur-rsgd&from=2012"), regimes)).toMatchObject({ from: 2019, to: 2026 });
    expect(dashboardFrom(query("regime=unasur-rsgd&to=2012"), regimes)).toMatchObject({ from: 2008, to: 2012 });
    expect(dashboardFrom(query("regime=nope&state=Colombia"), regimes)).toMatchObject({
      regime: "oas-csbm",
      state: null,
    });
    expect(dashboardFrom(query(""), [])).toBeNull();
  });

  it("lists the years and writes the addresses back", () => {
    expect(yearsOf({ from: 2010, to: 2012 })).toEqual([2010, 2011, 2012]);
    expect(dashboardHref({ regime: "unasur-rsgd", from: 2012, to: 2012, state: "COL" })).toBe(
      "/exchanges?regime=unasur-rsgd&from=2012&to=2012&state=COL",
    );
    expect(returnHref("unasur-rsgd", "COL", 2012)).toBe("/exchanges/unasur-rsgd/returns/COL/2012");
  });

  it("routes the three pages", () => {
    expect(matchRoute("/exchanges")).toEqual({ name: "exchanges" });
    expect(matchRoute("/exchanges/unasur-rsgd/")).toEqual({ name: "exchangeRegime", regime: "unasur-rsgd" });
    expect(matchRoute("/exchanges/unasur-rsgd/returns/col/2012")).toEqual({
      name: "exchangeReturn",
      regime: "unasur-rsgd",
      state: "COL",
      year: "2012",
    });
    expect(matchRoute("/exchanges/unasur-rsgd/returns/COL/twelve")).toEqual({ name: "notFound" });
  });
});

describe("the form in force and its layout", () => {
  it("takes the first form code with a version for the year, its latest version", () => {
    const second = { ...FORM, version: 2, validFrom: 2015 };
    const simplified = { ...FORM, code: "simplified" };
    expect(formInForce([FORM, second, simplified], 2012)).toBe(FORM);
    expect(formInForce([FORM, second, simplified], 2016)).toBe(second);
    expect(formInForce([{ ...FORM, validUntil: 2010 }, simplified], 2012)).toBe(simplified);
    expect(formInForce([FORM], 2000)).toBeUndefined();
  });

  it("shows each group's tables then fields, and what names no group last", () => {
    expect(
      formLayout(FORM).map(({ group, items }) => [
        group?.key ?? null,
        items.map((item) => (item.kind === "matrix" ? item.matrix.key : item.field.key)),
      ]),
    ).toEqual([
      ["expenditure", ["expenditure"]],
      ["context", ["gdp", "population"]],
      [null, ["remarks"]],
    ]);
  });
});

describe("a return's inputs and values", () => {
  it("reads numbers as typed, never guessing at a comma", () => {
    expect(numberFromInput(" 1 234.5 ")).toBe(1234.5);
    expect(numberFromInput("-3")).toBe(-3);
    expect(numberFromInput("1,5")).toBe("1,5");
    expect(numberFromInput("abc")).toBe("abc");
    expect(numberFromInput("  ")).toBeUndefined();
  });

  it("turns inputs into the API's values and back", () => {
    const values = valuesOf(FORM, {
      currency: " cop ",
      scale: "1000",
      nil: false,
      units: {},
      fields: {
        "expenditure.army.personnel": "100",
        "expenditure.army.total": "",
        population: "46000000",
        remarks: "  as executed  ",
        unknown: "1",
      },
    });
    expect(values).toEqual({
      currency: "COP",
      scale: 1000,
      fields: { "expenditure.army.personnel": 100, population: 46_000_000, remarks: "  as executed  " },
    });
    expect(inputsOf(values)).toEqual({
      currency: "COP",
      scale: "1000",
      nil: false,
      units: {},
      fields: { "expenditure.army.personnel": "100", population: "46000000", remarks: "  as executed  " },
    });
    expect(valuesOf(FORM, { ...inputsOf(values), nil: true })).toEqual({ nil: true, fields: {} });
    expect(valuesOf(FORM, { ...inputsOf(values), scale: "1" }).scale).toBeUndefined();
  });
});

describe("totals as the delegation types", () => {
  const context = { year: 2012, today: "2026-12-06", regime: REGIME };
  const typed = {
    currency: "COP",
    fields: {
      "expenditure.army.personnel": 100,
      "expenditure.army.investment": 100,
      "expenditure.navy.personnel": 100,
      "expenditure.navy.investment": 100,
    },
  };

  it("fills the totals left empty from their parts", () => {
    expect(withComputedTotals(FORM, typed, context).fields).toMatchObject({
      "expenditure.army.total": 200,
      "expenditure.total.personnel": 200,
      "expenditure.total.total": 400,
    });
    expect(totalProblems(FORM, typed, context).size).toBe(0);
  });

  it("says which typed total does not add up, and leaves empty a total that would carry the error", () => {
    const wrong = { ...typed, fields: { ...typed.fields, "expenditure.army.total": 999 } };
    expect(totalProblems(FORM, wrong, context)).toEqual(
      new Map([["expenditure.army.total", { expected: "200.00", given: "999.00" }]]),
    );
    const saved = withComputedTotals(FORM, wrong, context).fields;
    expect(saved["expenditure.army.total"]).toBe(999);
    expect(saved["expenditure.total.personnel"]).toBe(200);
    // The grand total would add 999 by rows and 400 by columns: not filled in.
    expect(saved["expenditure.total.total"]).toBeUndefined();
  });

  it("groups the saved draft's refusals by field", () => {
    expect(
      refusalsByField([
        { field: "currency", key: "k", message: "is missing" },
        { field: "expenditure.army.total", key: "k", message: "one" },
        { field: "expenditure.army.total", key: "k", message: "two" },
      ]),
    ).toEqual(
      new Map([
        ["currency", ["is missing"]],
        ["expenditure.army.total", ["one", "two"]],
      ]),
    );
  });
});

describe("moments and timeliness", () => {
  const version = (status: ReturnVersion["status"], submittedAt: string | null, firstSubmittedAt = submittedAt) =>
    ({ status, submittedAt, firstSubmittedAt }) as ReturnVersion;

  it("reads PostgreSQL's timestamps and partial dates", () => {
    expect(instantOf("2026-12-06 23:31:59.581106+00")).toBe("2026-12-06T23:31:59.581Z");
    expect(instantOf("2013-06-30 23:30:00-05")).toBe("2013-07-01T04:30:00.000Z");
    expect(instantOf("2026-12-06T23:31:59Z")).toBe("2026-12-06T23:31:59.000Z");
    expect(instantOf("yesterday")).toBeNull();
    expect(partialDate("2012-01")).toEqual({ day: "2012-01-01", precision: "month" });
    expect(partialDate("2012-05-10")).toEqual({ day: "2012-05-10", precision: "day" });
    expect(partialDate("2012")).toEqual({ day: "2012-01-01", precision: "year" });
    expect(partialDate("May")).toBeNull();
  });

  it("judges a return on its first submission, as compliance does", () => {
    expect(timelinessOf("COL", [], "2013-06-30", "2013-06-01")).toBe("not-yet-due");
    expect(timelinessOf("COL", [version("draft", null)], "2013-06-30", "2026-12-06")).toBe("missing");
    expect(timelinessOf("COL", [version("submitted", "2013-06-30 20:00:00+00")], "2013-06-30", "2026-12-06")).toBe(
      "on-time",
    );
    expect(
      timelinessOf(
        "COL",
        [version("submitted", "2026-12-06 10:00:00+00", "2013-06-01 10:00:00+00")],
        "2013-06-30",
        "2026-12-06",
      ),
    ).toBe("on-time");
    expect(timelinessOf("COL", [version("submitted", "2026-12-06 10:00:00+00")], "2013-06-30", "2026-12-06")).toBe(
      "late",
    );
  });
});

describe("the comparison's bars", () => {
  const row = (state: string, year: number, currency: string, extra: Partial<ComparisonRow>): ComparisonRow => ({
    state,
    year,
    currency,
    scale: 1,
    ...extra,
  });
  const rows = [
    row("COL", 2012, "COP", { total: 2_000_000, shareOfGdp: 0.02 }),
    row("ARG", 2012, "ARS", { total: 500 }),
    row("ARG", 2011, "ARS", { total: 400, shareOfGdp: 0.01 }),
  ];
  const order = (a: ComparisonRow, b: ComparisonRow) => a.state.localeCompare(b.state) || a.year - b.year;

  it("offers the measures some row gives, share of GDP first", () => {
    expect(metricsOf(rows)).toEqual(["shareOfGdp", "total"]);
    expect(metricsOf([])).toEqual([]);
  });

  it("compares shares of GDP in one group and money within each currency", () => {
    expect(barGroups(rows, "shareOfGdp", order)).toEqual([
      {
        currency: null,
        bars: [
          { row: rows[2], value: 0.01 },
          { row: rows[0], value: 0.02 },
        ],
      },
    ]);
    expect(barGroups(rows, "total", order).map((group) => [group.currency, group.bars.length])).toEqual([
      ["ARS", 2],
      ["COP", 1],
    ]);
  });
});
