import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryForm, arbitraryReturn } from "../../test/support/exchange-arbitraries.ts";
import {
  COMPLIANCE_STATUSES,
  comparisonOf,
  completeTotals,
  complianceOf,
  dayOfMoment,
  deadlineOf,
  deadlineRuleProblems,
  type ExchangeForm,
  type ExchangeRegime,
  expandForm,
  formatScaled,
  formFor,
  formProblems,
  latestReportingYear,
  nextDeadline,
  perCapita,
  RETURN_ERROR_KEYS,
  RETURN_ERROR_PARAMS,
  type ReturnError,
  type ReturnValues,
  shareOfGdp,
  stateRecord,
  type SubmittedReturn,
  toScaled,
  validateReturn,
} from "./exchanges.ts";
import type { Names } from "./languages.ts";

const names = (text: string): Names => ({ en: text, es: text, pt: text, fr: text });

const regime = (deadline: Partial<ExchangeRegime["deadline"]> = {}, firstYear = 2000): ExchangeRegime => ({
  code: "test",
  names: names("test"),
  participants: { kind: "organisation", organisation: "UNASUR" },
  firstYear,
  restricted: true,
  deadline: { kind: "annual", month: 4, day: 30, yearOffset: 1, ...deadline },
});

/** A small expenditure form: a 2 × 2 matrix of amounts, a population, a GDP, a measured share, a choice. */
const form: ExchangeForm = {
  code: "expenditure",
  regime: "test",
  version: 2,
  validFrom: 2005,
  validUntil: 2030,
  names: names("expenditure"),
  nilAllowed: false,
  groups: [{ key: "main", labels: names("main") }],
  fields: [
    { kind: "amount", key: "gdp", labels: names("GDP"), required: false },
    { kind: "integer", key: "population", labels: names("population"), required: false, unit: "persons" },
    { kind: "integer", key: "personnel", labels: names("personnel"), required: true, unit: "persons", max: 1_000_000 },
    {
      kind: "number",
      key: "share",
      labels: names("share"),
      required: false,
      units: ["percent", "per-mille"],
      decimals: 1,
    },
    { kind: "text", key: "remarks", labels: names("remarks"), required: false, maxLength: 10 },
    {
      kind: "choice",
      key: "applied",
      labels: names("applied"),
      required: false,
      group: "main",
      options: [
        { value: "yes", labels: names("yes") },
        { value: "no", labels: names("no") },
      ],
    },
    {
      kind: "choice",
      key: "measures",
      labels: names("measures"),
      required: false,
      multiple: true,
      options: ["a", "b", "c"].map((value) => ({ value, labels: names(value) })),
    },
  ],
  matrices: [
    {
      key: "spent",
      labels: names("spent"),
      kind: "amount",
      required: true,
      group: "main",
      rows: [
        { key: "army", labels: names("army") },
        { key: "navy", labels: names("navy") },
      ],
      columns: [
        { key: "personnel", labels: names("personnel") },
        { key: "investment", labels: names("investment") },
      ],
    },
  ],
  totals: [],
  comparison: { total: "spent.total.total", population: "population", gdp: "gdp" },
};

/** A return `form` accepts: army 100.10 + 50, navy 20 + 0.25; totals given. */
const good = (): ReturnValues => ({
  currency: "ARS",
  scale: 1_000,
  units: { share: "percent" },
  fields: {
    personnel: 51_000,
    population: 40_000_000,
    gdp: 500_000_000,
    share: 0.9,
    "spent.army.personnel": 100.1,
    "spent.army.investment": 50,
    "spent.navy.personnel": 20,
    "spent.navy.investment": 0.25,
    "spent.army.total": 150.1,
    "spent.navy.total": 20.25,
    "spent.total.personnel": 120.1,
    "spent.total.investment": 50.25,
    "spent.total.total": 170.35,
    applied: "yes",
    measures: ["a", "c"],
  },
});

const context = { year: 2020, today: "2024-06-01", regime: regime() };
const keysOf = (errors: readonly ReturnError[]) => errors.map((error) => `${error.field}: ${error.key}`);

function withFields(values: ReturnValues, fields: Record<string, unknown>): ReturnValues {
  const merged: Record<string, unknown> = { ...values.fields, ...fields };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete merged[key];
  return { ...values, fields: merged };
}

describe("deadlineOf", () => {
  it("dates each regime's reporting year by its rule", () => {
    expect(deadlineOf(regime({ month: 4, day: 30, yearOffset: 1 }), 2024)).toBe("2025-04-30"); // UN
    expect(deadlineOf(regime({ month: 4, day: 14, yearOffset: 1 }), 2024)).toBe("2025-04-14"); // OAS: prior to 15 April
    expect(deadlineOf(regime({ month: 12, day: 15, yearOffset: -1 }), 2025)).toBe("2024-12-15"); // OSCE-style
    expect(deadlineOf(regime({ month: 6, day: 30, yearOffset: 1 }), 2010)).toBe("2011-06-30"); // UNASUR default
  });

  it("refuses a year whose deadline would leave the calendar", () => {
    expect(() => deadlineOf(regime({ yearOffset: 1 }), 9999)).toThrow(RangeError);
    expect(() => deadlineOf(regime(), 2020.5)).toThrow(RangeError);
  });

  it("is strictly increasing in the year, one calendar year apart (property)", () => {
    const rule = fc.record({
      kind: fc.constant("annual" as const),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      yearOffset: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(rule, fc.integer({ min: 3, max: 9900 }), fc.integer({ min: 1, max: 50 }), (deadline, year, step) => {
        const r = { deadline };
        expect(deadlineRuleProblems(deadline)).toEqual([]);
        expect(deadlineOf(r, year) < deadlineOf(r, year + step)).toBe(true);
        expect(Number(deadlineOf(r, year + 1).slice(0, 4)) - Number(deadlineOf(r, year).slice(0, 4))).toBe(1);
        expect(deadlineOf(r, year + 1).slice(5)).toBe(deadlineOf(r, year).slice(5));
      }),
    );
  });

  it("refuses rules some years cannot keep", () => {
    expect(deadlineRuleProblems({ kind: "annual", month: 2, day: 29, yearOffset: 1 })).toHaveLength(1);
    expect(deadlineRuleProblems({ kind: "annual", month: 13, day: 1, yearOffset: 1 })).toHaveLength(1);
    expect(deadlineRuleProblems({ kind: "annual", month: 4, day: 31, yearOffset: 3 })).toHaveLength(2);
  });

  it("knows the next deadline and the latest reportable year", () => {
    expect(nextDeadline(regime(), "2025-04-30")).toEqual({ year: 2024, due: "2025-04-30" });
    expect(nextDeadline(regime(), "2025-05-01")).toEqual({ year: 2025, due: "2026-04-30" });
    expect(nextDeadline(regime({ month: 12, day: 15, yearOffset: -1 }), "2024-12-16")).toEqual({
      year: 2026,
      due: "2025-12-15",
    });
    expect(nextDeadline(regime({}, 2030), "2025-01-01")).toEqual({ year: 2030, due: "2031-04-30" });
    expect(latestReportingYear(regime(), "2025-03-01")).toBe(2025);
    expect(latestReportingYear(regime({ yearOffset: -1 }), "2025-03-01")).toBe(2026);
    expect(latestReportingYear(undefined, "2025-03-01")).toBe(2025);
  });
});

describe("forms", () => {
  it("expands a matrix into cells, row, column and grand totals", () => {
    const { fields, totals, byKey } = expandForm(form);
    expect(fields.filter((field) => field.key.startsWith("spent."))).toHaveLength(9);
    expect(byKey.get("spent.total.total")?.required).toBe(true);
    expect(byKey.get("spent.army.personnel")?.required).toBe(false);
    expect(byKey.get("spent.navy.investment")?.labels.en).toBe("spent — navy — investment");
    expect(totals).toContainEqual({ field: "spent.army.total", of: ["spent.army.personnel", "spent.army.investment"] });
    expect(totals).toContainEqual({
      field: "spent.total.investment",
      of: ["spent.army.investment", "spent.navy.investment"],
    });
    expect(totals.filter((total) => total.field === "spent.total.total")).toHaveLength(2);
    expect(formProblems(form)).toEqual([]);
  });

  it("names what is wrong with a form", () => {
    const broken: ExchangeForm = {
      ...form,
      fields: [
        ...form.fields,
        { kind: "amount", key: "year", labels: names("year"), required: false },
        { kind: "number", key: "loose", labels: names("loose"), required: false },
        { kind: "amount", key: "a", labels: names("a"), required: false },
        { kind: "amount", key: "b", labels: names("b"), required: false },
        { kind: "choice", key: "empty", labels: names("empty"), required: false, options: [] },
      ],
      totals: [
        { field: "a", of: ["b"] },
        { field: "b", of: ["a"] },
        { field: "gdp", of: ["population"] },
        { field: "nothing", of: ["gdp"] },
      ],
      comparison: { total: "remarks" },
    };
    const problems = formProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "year: the key is reserved",
        "loose: a number field names its unit, or the units a return chooses from: one of the two",
        "empty: a choice needs options",
        "total gdp: population is integer, the total amount",
        "total nothing: no amount, number or integer field has this key",
        "comparison: remarks is not an amount field",
      ]),
    );
    expect(problems.some((problem) => problem.startsWith("totals go round in a circle"))).toBe(true);
  });

  it("finds the version in force for a year", () => {
    const v1 = { ...form, version: 1, validFrom: 2000, validUntil: 2009 };
    const v2 = { ...form, version: 2, validFrom: 2010, validUntil: undefined };
    expect(formFor([v1, v2], "expenditure", 2005)?.version).toBe(1);
    expect(formFor([v1, v2], "expenditure", 2010)?.version).toBe(2);
    expect(formFor([v1, v2], "expenditure", 1999)).toBeUndefined();
    expect(formFor([v1, v2], "other", 2010)).toBeUndefined();
  });

  it("accepts every generated form (property)", () => {
    fc.assert(
      fc.property(arbitraryForm, (generated) => {
        expect(formProblems(generated)).toEqual([]);
      }),
    );
  });
});

describe("validateReturn", () => {
  it("accepts a good return", () => {
    expect(validateReturn(form, good(), context)).toEqual([]);
  });

  it("refuses missing required fields, naming each", () => {
    const values = withFields(good(), { personnel: undefined, "spent.total.total": null });
    expect(keysOf(validateReturn(form, values, context))).toEqual([
      "personnel: exchanges.return.required",
      "spent.total.total: exchanges.return.required",
    ]);
  });

  it("treats an empty text, an empty list and null as absent", () => {
    const values = withFields(good(), { remarks: "", measures: [], gdp: null });
    expect(validateReturn(form, values, context)).toEqual([]);
  });

  it("refuses unknown fields", () => {
    const values = withFields(good(), { tanks: 3, "spent.air.personnel": 1 });
    expect(keysOf(validateReturn(form, values, context))).toEqual([
      "tanks: exchanges.return.unknown_field",
      "spent.air.personnel: exchanges.return.unknown_field",
    ]);
  });

  it("refuses numbers that are not finite, whole, positive, exact or in bounds", () => {
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ gdp: "12" }, "gdp: exchanges.return.not_a_number", {}],
      [{ gdp: Number.NaN }, "gdp: exchanges.return.not_a_number", {}],
      [{ gdp: Number.POSITIVE_INFINITY }, "gdp: exchanges.return.not_a_number", {}],
      [{ gdp: -1 }, "gdp: exchanges.return.negative", {}],
      [{ gdp: 1.005 }, "gdp: exchanges.return.too_many_decimals", { decimals: 2 }],
      [{ gdp: 1e14 }, "gdp: exchanges.return.too_large", { max: "90071992547409.91" }],
      [{ population: 1.5 }, "population: exchanges.return.not_an_integer", {}],
      [{ population: -3 }, "population: exchanges.return.below_min", { min: 0 }],
      [{ personnel: 1_000_001 }, "personnel: exchanges.return.above_max", { max: 1_000_000 }],
      [{ share: 0.25 }, "share: exchanges.return.too_many_decimals", { decimals: 1 }],
    ];
    for (const [fields, expected, params] of cases) {
      const errors = validateReturn(form, withFields(good(), fields), context);
      expect(keysOf(errors), JSON.stringify(fields)).toEqual([expected]);
      expect(errors[0]?.params).toEqual(params);
    }
  });

  it("refuses texts and choices that do not fit", () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ remarks: 12 }, ["remarks: exchanges.return.not_text"]],
      [{ remarks: "ñ".repeat(11) }, ["remarks: exchanges.return.text_too_long"]],
      [{ applied: "maybe" }, ["applied: exchanges.return.not_a_choice"]],
      [{ applied: ["yes"] }, ["applied: exchanges.return.not_a_choice"]],
      [{ measures: "a" }, ["measures: exchanges.return.not_a_choice"]],
      [
        { measures: ["a", "z", "a"] },
        ["measures: exchanges.return.not_a_choice", "measures: exchanges.return.choice_repeated"],
      ],
    ];
    for (const [fields, expected] of cases)
      expect(keysOf(validateReturn(form, withFields(good(), fields), context)), JSON.stringify(fields)).toEqual(
        expected,
      );
    expect(validateReturn(form, withFields(good(), { remarks: "ñ".repeat(10) }), context)).toEqual([]);
  });

  it("wants the currency named in ISO 4217 letters, and a known scale", () => {
    const { currency: _currency, ...noCurrency } = good();
    expect(keysOf(validateReturn(form, noCurrency, context))).toEqual(["currency: exchanges.return.currency_missing"]);
    expect(keysOf(validateReturn(form, { ...good(), currency: "" }, context))).toEqual([
      "currency: exchanges.return.currency_missing",
    ]);
    const bad = validateReturn(form, { ...good(), currency: "pesos" }, context);
    expect(keysOf(bad)).toEqual(["currency: exchanges.return.currency_invalid"]);
    expect(bad[0]?.params).toEqual({ currency: "pesos" });
    expect(keysOf(validateReturn(form, { ...good(), scale: 100 }, context))).toEqual([
      "scale: exchanges.return.scale_invalid",
    ]);
  });

  it("wants a unit where the form leaves it to the return, and only there", () => {
    const { units: _units, ...noUnits } = good();
    expect(keysOf(validateReturn(form, noUnits, context))).toEqual(["share: exchanges.return.unit_missing"]);
    const wrong = validateReturn(form, { ...good(), units: { share: "%" } }, context);
    expect(keysOf(wrong)).toEqual(["share: exchanges.return.unit_not_allowed"]);
    expect(wrong[0]?.params).toEqual({ unit: "%", allowed: "percent, per-mille" });
    expect(
      keysOf(validateReturn(form, { ...good(), units: { share: "percent", personnel: "people" } }, context)),
    ).toEqual(["personnel: exchanges.return.unit_unexpected"]);
    // No share given, no unit needed.
    expect(validateReturn(form, { ...withFields(noUnits, { share: undefined }) }, context)).toEqual([]);
  });

  it("refuses totals that do not add up, naming the total and the sums, exactly", () => {
    const errors = validateReturn(form, withFields(good(), { "spent.army.total": 150.11 }), context);
    // The grand total is checked against the row totals as given: it disagrees with them too.
    expect(keysOf(errors)).toEqual([
      "spent.army.total: exchanges.return.total_mismatch",
      "spent.total.total: exchanges.return.total_mismatch",
    ]);
    expect(errors[0]?.params).toEqual({ expected: "150.10", given: "150.11", difference: "0.01", tolerance: "0.00" });
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; in hundredths it is 30.
    const exact = withFields(good(), {
      "spent.army.personnel": 0.1,
      "spent.army.investment": 0.2,
      "spent.army.total": 0.3,
      "spent.total.personnel": 20.1,
      "spent.total.investment": 0.45,
      "spent.total.total": 20.55,
    });
    expect(validateReturn(form, exact, context)).toEqual([]);
  });

  it("checks a grand total against both its rows and its columns", () => {
    const errors = validateReturn(form, withFields(good(), { "spent.total.total": 170 }), context);
    expect(keysOf(errors)).toEqual([
      "spent.total.total: exchanges.return.total_mismatch",
      "spent.total.total: exchanges.return.total_mismatch",
    ]);
  });

  it("counts empty parts as zero, but leaves a total with no parts given unchecked", () => {
    const onlyTotal: ReturnValues = { currency: "ARS", fields: { personnel: 1, "spent.total.total": 99 } };
    expect(validateReturn(form, onlyTotal, context)).toEqual([]);
    const partial: ReturnValues = {
      currency: "ARS",
      fields: { personnel: 1, "spent.army.personnel": 10, "spent.total.total": 10 },
    };
    expect(validateReturn(form, partial, context)).toEqual([]);
    const wrong = { ...partial, fields: { ...partial.fields, "spent.total.total": 11 } };
    expect(keysOf(validateReturn(form, wrong, context))).toEqual([
      "spent.total.total: exchanges.return.total_mismatch",
      "spent.total.total: exchanges.return.total_mismatch",
    ]);
  });

  it("does not pile a total's error on a part that is already wrong", () => {
    const errors = validateReturn(form, withFields(good(), { "spent.army.personnel": "a lot" }), context);
    expect(keysOf(errors)).toEqual(["spent.army.personnel: exchanges.return.not_a_number"]);
  });

  it("allows a tolerance where the form states one", () => {
    const tolerant: ExchangeForm = {
      ...form,
      fields: [
        { kind: "amount", key: "a", labels: names("a"), required: true },
        { kind: "amount", key: "b", labels: names("b"), required: true },
        { kind: "amount", key: "sum", labels: names("sum"), required: true },
      ],
      matrices: [],
      totals: [{ field: "sum", of: ["a", "b"], tolerance: 0.05 }],
      comparison: undefined,
    };
    const values = (sum: number): ReturnValues => ({ currency: "USD", fields: { a: 1.04, b: 2.04, sum } });
    expect(validateReturn(tolerant, values(3.1), context)).toEqual([]);
    expect(validateReturn(tolerant, values(3.03), context)).toEqual([]);
    const errors = validateReturn(tolerant, values(3.14), context);
    expect(keysOf(errors)).toEqual(["sum: exchanges.return.total_mismatch"]);
    expect(errors[0]?.params).toMatchObject({ difference: "0.06", tolerance: "0.05" });
  });

  it("refuses years in the future, before the regime, or outside the form's version", () => {
    const at = (year: number, today = "2024-06-01", r = regime()) =>
      keysOf(validateReturn(form, good(), { year, today, regime: r }));
    expect(at(2024)).toEqual([]);
    expect(at(2025)).toEqual(["year: exchanges.return.year_in_future"]);
    expect(at(2025, "2024-06-01", regime({ month: 12, day: 15, yearOffset: -1 }))).toEqual([]);
    expect(at(2026, "2024-06-01", regime({ month: 12, day: 15, yearOffset: -1 }))).toEqual([
      "year: exchanges.return.year_in_future",
    ]);
    expect(at(2004, "2024-06-01", regime({}, 2006))).toEqual([
      "year: exchanges.return.year_before_regime",
      "form: exchanges.return.form_not_yet_in_force",
    ]);
    expect(at(2031, "2040-01-01")).toEqual(["form: exchanges.return.form_no_longer_in_force"]);
    expect(at(2020.5)).toEqual(["year: exchanges.return.year_invalid"]);
    const params = validateReturn(form, good(), { year: 2004, today: "2024-06-01", regime: regime({}, 2006) });
    expect(params.map((error) => error.params)).toEqual([
      { year: 2004, first: 2006 },
      { year: 2004, version: 2, from: 2005 },
    ]);
    // Without the regime: only "not after this year".
    expect(keysOf(validateReturn(form, good(), { year: 2025, today: "2024-06-01" }))).toEqual([
      "year: exchanges.return.year_in_future",
    ]);
  });

  it("takes a nil report where the form allows one, and nothing with it", () => {
    const nilForm = { ...form, nilAllowed: true };
    expect(validateReturn(nilForm, { nil: true, fields: {} }, context)).toEqual([]);
    expect(keysOf(validateReturn(form, { nil: true, fields: {} }, context))).toEqual([
      "nil: exchanges.return.nil_not_allowed",
    ]);
    expect(
      keysOf(
        validateReturn(
          nilForm,
          { nil: true, currency: "ARS", units: { share: "percent" }, fields: { gdp: 1 } },
          context,
        ),
      ),
    ).toEqual([
      "gdp: exchanges.return.nil_with_values",
      "share: exchanges.return.nil_with_values",
      "currency: exchanges.return.nil_with_values",
    ]);
  });

  it("refuses a currency or a scale on a form without amounts", () => {
    const counts: ExchangeForm = {
      ...form,
      fields: [form.fields[2] as ExchangeForm["fields"][number]],
      matrices: [],
      comparison: undefined,
    };
    expect(validateReturn(counts, { fields: { personnel: 3 } }, context)).toEqual([]);
    expect(keysOf(validateReturn(counts, { currency: "USD", scale: 1, fields: { personnel: 3 } }, context))).toEqual([
      "currency: exchanges.return.not_for_this_form",
      "scale: exchanges.return.not_for_this_form",
    ]);
  });

  it("gives every message key it declares, with the declared parameters", () => {
    // Every refusal produced by the cases above and a few more, gathered in one place.
    const produced = new Map<string, ReturnError>();
    const collect = (errors: ReturnError[]) => {
      for (const error of errors) produced.set(error.key, error);
    };
    const nilForm = { ...form, nilAllowed: true };
    const counts: ExchangeForm = {
      ...form,
      fields: [form.fields[2] as ExchangeForm["fields"][number]],
      matrices: [],
      comparison: undefined,
    };
    const { currency: _c, units: _u, ...bare } = good();
    collect(validateReturn(form, bare, context));
    collect(validateReturn(form, { ...good(), currency: "x", scale: 7, units: { share: "?", gdp: "x" } }, context));
    collect(
      validateReturn(
        form,
        withFields(good(), {
          personnel: undefined,
          other: 1,
          gdp: "x",
          population: 1.5,
          "spent.army.personnel": -1,
          "spent.navy.personnel": 0.001,
          "spent.navy.investment": 1e15,
          remarks: 3,
          applied: "x",
          measures: ["a", "a"],
          "spent.army.total": 3,
        }),
        context,
      ),
    );
    collect(
      validateReturn(form, withFields(good(), { population: -1, personnel: 2e6, remarks: "x".repeat(20) }), context),
    );
    collect(validateReturn(form, withFields(good(), { "spent.total.total": 1 }), context));
    collect(validateReturn(form, good(), { year: 1.5, today: "2024-01-01" }));
    collect(validateReturn(form, good(), { year: 2001, today: "2024-01-01", regime: regime({}, 2002) }));
    collect(validateReturn(form, good(), { year: 2031, today: "2024-01-01", regime: regime({}, 2002) }));
    collect(validateReturn({ ...form, validUntil: 2010 }, good(), { year: 2011, today: "2024-01-01" }));
    collect(validateReturn(form, { nil: true, fields: {} }, context));
    collect(validateReturn(nilForm, { nil: true, fields: { gdp: 1 } }, context));
    collect(validateReturn(counts, { currency: "USD", fields: { personnel: 1 } }, context));
    expect([...produced.keys()].sort()).toEqual([...RETURN_ERROR_KEYS].sort());
    for (const error of produced.values())
      expect(Object.keys(error.params).sort(), error.key).toEqual([...RETURN_ERROR_PARAMS[error.key]].sort());
  });
});

describe("validateReturn, properties", () => {
  const options = { numRuns: 150 };
  const formAndReturn = arbitraryForm.chain((generated) =>
    arbitraryReturn(generated).map((values) => ({ form: generated, values })),
  );
  const at = { year: 2020, today: "2024-06-01" };

  it("accepts a return generated to satisfy its form", () => {
    fc.assert(
      fc.property(formAndReturn, ({ form: generated, values }) => {
        expect(validateReturn(generated, values, at)).toEqual([]);
      }),
      options,
    );
  });

  it("names exactly the totals over a part changed by a non-zero amount", () => {
    fc.assert(
      fc.property(
        formAndReturn,
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        ({ form: generated, values }, pick, units) => {
          const { totals, byKey } = expandForm(generated);
          // Parts that are no totals themselves, given by the return, with a total that is given too.
          const totalFields = new Set(totals.map((total) => total.field));
          const candidates = [...new Set(totals.flatMap((total) => total.of))].filter(
            (key) =>
              !totalFields.has(key) &&
              typeof values.fields[key] === "number" &&
              totals.some((total) => total.of.includes(key) && values.fields[total.field] !== undefined),
          );
          fc.pre(candidates.length > 0);
          const part = candidates[pick % candidates.length] as string;
          const field = byKey.get(part);
          const decimals = field?.kind === "amount" ? 2 : field?.kind === "number" ? (field.decimals ?? 2) : 0;
          const changed = toScaled(values.fields[part] as number, decimals)! + BigInt(units);
          const perturbed = withFields(values, { [part]: Number(formatScaled(changed, decimals)) });
          const named = new Set(
            validateReturn(generated, perturbed, at).map((error) => `${error.field}: ${error.key}`),
          );
          const expected = new Set(
            totals
              .filter((total) => total.of.includes(part) && values.fields[total.field] !== undefined)
              .map((total) => `${total.field}: exchanges.return.total_mismatch`),
          );
          expect(named).toEqual(expected);
        },
      ),
      options,
    );
  });

  it("names a total changed by a non-zero amount", () => {
    fc.assert(
      fc.property(
        formAndReturn,
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        ({ form: generated, values }, pick, units) => {
          const { totals, byKey } = expandForm(generated);
          // Totals the return gives with at least one part given: those are checked.
          const checked = totals.filter(
            (total) =>
              values.fields[total.field] !== undefined && total.of.some((key) => values.fields[key] !== undefined),
          );
          fc.pre(checked.length > 0);
          const target = (checked[pick % checked.length] as (typeof checked)[number]).field;
          const field = byKey.get(target);
          const decimals = field?.kind === "amount" ? 2 : field?.kind === "number" ? (field.decimals ?? 2) : 0;
          const changed = toScaled(values.fields[target] as number, decimals)! + BigInt(units);
          const perturbed = withFields(values, { [target]: Number(formatScaled(changed, decimals)) });
          const errors = validateReturn(generated, perturbed, at);
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.every((error) => error.key === "exchanges.return.total_mismatch")).toBe(true);
          expect(errors.some((error) => error.field === target)).toBe(true);
        },
      ),
      options,
    );
  });

  it("fills totals so that they add up, and never changes a given value", () => {
    fc.assert(
      fc.property(formAndReturn, ({ form: generated, values }) => {
        const { totals } = expandForm(generated);
        const emptied: Record<string, unknown> = { ...values.fields };
        for (const total of totals) delete emptied[total.field];
        const refilled = completeTotals(generated, { ...values, fields: emptied });
        for (const [key, value] of Object.entries(emptied)) expect(refilled.fields[key]).toBe(value);
        // Required totals with no parts given stay empty; put the generated ones back.
        const fields = { ...refilled.fields };
        for (const [key, value] of Object.entries(values.fields)) if (fields[key] === undefined) fields[key] = value;
        expect(validateReturn(generated, { ...refilled, fields }, at)).toEqual([]);
      }),
      options,
    );
  });
});

describe("compliance", () => {
  const deadline = "2025-04-30";

  it("sorts participants into on time, late, missing and not yet due", () => {
    const returns: SubmittedReturn[] = [
      { state: "ARG", submittedAt: "2025-04-30" },
      { state: "BRA", submittedAt: "2025-05-01T00:30:00Z" },
      { state: "CHL", submittedAt: "2025-06-01", firstSubmittedAt: "2025-03-01T12:00:00-03:00" },
      { state: "PRY", submittedAt: "2025-04-30T23:30:00-05:00" }, // 1 May in UTC
      { state: "USA", submittedAt: "2025-01-01" },
    ];
    const result = complianceOf(["ARG", "BRA", "CHL", "COL", "PRY", "ARG"], returns, deadline, "2025-07-01");
    expect(result.states).toEqual([
      { state: "ARG", status: "on-time", submitted: "2025-04-30" },
      { state: "BRA", status: "late", submitted: "2025-05-01" },
      { state: "CHL", status: "on-time", submitted: "2025-03-01" },
      { state: "COL", status: "missing" },
      { state: "PRY", status: "late", submitted: "2025-05-01" },
    ]);
    expect(result.summary).toEqual({ "on-time": 2, late: 2, missing: 1, "not-yet-due": 0, participants: 5 });
    expect(result.others).toEqual(["USA"]);
  });

  it("keeps the time of the first submission when a return is corrected", () => {
    const first = { state: "ARG", submittedAt: "2025-04-01" };
    const correction = { state: "ARG", submittedAt: "2025-09-01" };
    expect(complianceOf(["ARG"], [correction, first], deadline, "2025-10-01").states[0]?.status).toBe("on-time");
    expect(complianceOf(["ARG"], [first], deadline, "2025-10-01").states[0]?.status).toBe("on-time");
  });

  it("answers as of a day: what was submitted later is not yet there", () => {
    const returns = [{ state: "ARG", submittedAt: "2025-05-10" }];
    expect(complianceOf(["ARG"], returns, deadline, "2025-04-30").states[0]?.status).toBe("not-yet-due");
    expect(complianceOf(["ARG"], returns, deadline, "2025-05-01").states[0]?.status).toBe("missing");
    expect(complianceOf(["ARG"], returns, deadline, "2025-05-10").states[0]?.status).toBe("late");
  });

  it("refuses a moment it cannot read", () => {
    expect(() => dayOfMoment("yesterday")).toThrow(RangeError);
    expect(() => dayOfMoment("2025-02-30")).toThrow(RangeError);
    expect(dayOfMoment("2025-02-28T10:00:00+02:00")).toBe("2025-02-28");
  });

  const states = fc.constantFrom<string>(
    "ARG",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "ECU",
    "GUY",
    "PER",
    "PRY",
    "SUR",
    "URY",
    "VEN",
  );
  const day = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const submission = fc.record({ state: states, submittedAt: day });

  it("partitions the participants exactly (property)", () => {
    fc.assert(
      fc.property(fc.array(states), fc.array(submission), day, day, (participants, returns, due, today) => {
        const result = complianceOf(participants, returns, due, today);
        const unique = [...new Set(participants)];
        expect(result.states.map((entry) => entry.state)).toEqual(unique);
        expect(result.summary.participants).toBe(unique.length);
        expect(COMPLIANCE_STATUSES.reduce((sum, status) => sum + result.summary[status], 0)).toBe(unique.length);
        for (const status of COMPLIANCE_STATUSES)
          expect(result.summary[status]).toBe(result.states.filter((entry) => entry.status === status).length);
        for (const entry of result.states) {
          const seen = returns
            .filter((r) => r.state === entry.state && r.submittedAt <= today)
            .map((r) => r.submittedAt);
          const first = seen.sort()[0];
          expect(entry.submitted).toBe(first);
          if (entry.status === "on-time") expect(first! <= due).toBe(true);
          if (entry.status === "late") expect(first! > due && first! <= today).toBe(true);
          if (entry.status === "missing") expect(first === undefined && today > due).toBe(true);
          if (entry.status === "not-yet-due") expect(first === undefined && today <= due).toBe(true);
        }
        expect(result.others.every((state) => !unique.includes(state))).toBe(true);
      }),
    );
  });

  it("is not changed by corrections, and never goes back from a verdict as days pass (property)", () => {
    fc.assert(
      fc.property(fc.array(states), fc.array(submission), day, day, day, (participants, returns, due, today, later) => {
        const before = complianceOf(participants, returns, due, today);
        const corrected = returns.map((r) => ({ ...r, submittedAt: "2027-01-01", firstSubmittedAt: r.submittedAt }));
        expect(complianceOf(participants, corrected, due, today)).toEqual(before);
        if (later < today) return;
        const after = complianceOf(participants, returns, due, later);
        before.states.forEach((entry, i) => {
          const next = after.states[i]!;
          if (entry.status === "on-time" || entry.status === "late") expect(next).toEqual(entry);
          if (entry.status === "missing") expect(["missing", "late"]).toContain(next.status);
        });
      }),
    );
  });

  it("keeps a state's record over the years", () => {
    const year = (status: "on-time" | "late" | "missing", y: number) => ({
      year: y,
      compliance: complianceOf(
        ["ARG", "BRA"],
        status === "missing" ? [] : [{ state: "ARG", submittedAt: status === "on-time" ? "2020-01-01" : "2030-01-01" }],
        "2021-04-30",
        "2031-01-01",
      ),
    });
    const record = stateRecord("ARG", [year("late", 2021), year("on-time", 2020), year("missing", 2022)]);
    expect(record.years).toEqual([
      { year: 2020, status: "on-time" },
      { year: 2021, status: "late" },
      { year: 2022, status: "missing" },
    ]);
    expect(record.counts).toEqual({ "on-time": 1, late: 1, missing: 1, "not-yet-due": 0 });
    expect(stateRecord("URY", [year("late", 2021)]).years).toEqual([]);
  });
});

describe("comparisons", () => {
  it("divides by population and GDP when a return gives them", () => {
    expect(perCapita(1_000, 4)).toBe(250);
    expect(perCapita(1_000, 0)).toBeUndefined();
    expect(perCapita(1_000, undefined)).toBeUndefined();
    expect(shareOfGdp(93, 10_000)).toBe(0.0093);
    expect(shareOfGdp(93, -1)).toBeUndefined();
  });

  it("reads the form's total, population and GDP, with the return's scale", () => {
    expect(comparisonOf(form, good())).toEqual({
      total: 170_350,
      currency: "ARS",
      population: 40_000_000,
      gdp: 500_000_000_000,
      perCapita: 170_350 / 40_000_000,
      shareOfGdp: 170_350 / 500_000_000_000,
    });
    // Totals left empty are computed; without population or GDP there is nothing to divide by.
    const bare = withFields(good(), {
      population: undefined,
      gdp: undefined,
      "spent.army.total": undefined,
      "spent.total.total": undefined,
    });
    expect(comparisonOf(form, { ...bare, scale: undefined })).toEqual({ total: 170.35, currency: "ARS" });
    expect(comparisonOf(form, { nil: true, fields: {} })).toEqual({});
    expect(comparisonOf({ ...form, comparison: undefined }, good())).toEqual({});
  });
});

describe("exact decimals", () => {
  it("scales numbers to integers of their places, refusing more places", () => {
    expect(toScaled(0.29, 2)).toBe(29n);
    expect(toScaled(-1.5, 2)).toBe(-150n);
    expect(toScaled(1e21, 0)).toBe(10n ** 21n);
    expect(toScaled(0.001, 2)).toBeUndefined();
    expect(toScaled(1e-7, 6)).toBeUndefined();
    expect(formatScaled(5n, 2)).toBe("0.05");
    expect(formatScaled(-12345n, 2)).toBe("-123.45");
    expect(formatScaled(7n, 0)).toBe("7");
  });

  it("round-trips every decimal of its places (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (scaled, places) => {
        const value = Number(formatScaled(BigInt(scaled), places));
        expect(toScaled(value, places)).toBe(BigInt(scaled));
      }),
    );
  });
});
