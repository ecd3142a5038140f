/**
 * The exchanges pages' pure logic: the dashboard's choices read from the address, the form in
 * force for a year, a return's inputs turned into the values the API takes (and back), the
 * totals checked as the delegation types (the domain's own rules, src/domain/exchanges.ts), the
 * comparison's bars. No I/O; unit tests beside it (logic.test.ts).
 */
import {
  AMOUNT_SCALES,
  type ComplianceStatus,
  complianceOf,
  completeTotals,
  type ExchangeForm,
  expandForm,
  type FormField,
  type FormGroup,
  type FormMatrix,
  formFor,
  type ReturnValues,
  validateReturn,
  type ValidationContext,
} from "../../../../src/domain/exchanges.ts";
import { href } from "../../lib/router.ts";
import type { Precision } from "../../lib/types.ts";
import type { ComparisonRow, RegimeSummary, ReturnRefusal, ReturnVersion } from "./types.ts";

/** The most reporting years the dashboard shows at once (one request each). */
export const MAX_YEARS = 8;
/** The years shown when the address names none: the latest and the four before it. */
export const DEFAULT_YEARS = 5;

const STATE = /^[A-Z]{3}$/;

export type DashboardChoice = { regime: string; from: number; to: number; state: string | null };

function yearIn(text: string | null): number | null {
  return text !== null && /^\d{4}$/.test(text.trim()) ? Number(text) : null;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * The dashboard's regime, years and state from the address (`?regime=&from=&to=&state=`): a
 * regime Concord knows (else the first), years within the regime's (its first reporting year to
 * the latest one may report for), at most MAX_YEARS of them, the latest DEFAULT_YEARS by default.
 */
export function dashboardFrom(query: URLSearchParams, regimes: readonly RegimeSummary[]): DashboardChoice | null {
  const asked = query.get("regime");
  const found = regimes.find((entry) => entry.regime.code === asked) ?? regimes[0];
  if (!found) return null;
  const first = found.regime.firstYear;
  const latest = Math.max(first, found.latestYear);
  const askedTo = yearIn(query.get("to"));
  const askedFrom = yearIn(query.get("from"));
  const to = clamp(askedTo ?? Math.max(latest, askedFrom ?? latest), first, latest);
  let from = clamp(askedFrom ?? to - DEFAULT_YEARS + 1, first, to);
  if (to - from + 1 > MAX_YEARS) from = to - MAX_YEARS + 1;
  const state = (query.get("state") ?? "").trim().toUpperCase();
  return { regime: found.regime.code, from, to, state: STATE.test(state) ? state : null };
}

/** The years from `from` to `to`, oldest first. */
export function yearsOf(choice: Pick<DashboardChoice, "from" | "to">): number[] {
  const years: number[] = [];
  for (let year = choice.from; year <= choice.to; year++) years.push(year);
  return years;
}

/** The dashboard's address. */
export function dashboardHref(choice: Partial<DashboardChoice> & { regime: string }): string {
  return href("/exchanges", {
    regime: choice.regime,
    from: choice.from === undefined ? null : String(choice.from),
    to: choice.to === undefined ? null : String(choice.to),
    state: choice.state ?? null,
  });
}

/** A return's page. */
export function returnHref(regime: string, state: string, year: number): string {
  return `/exchanges/${encodeURIComponent(regime)}/returns/${encodeURIComponent(state)}/${year}`;
}

/**
 * The form a return for `year` is made with: of the regime's form codes in the order the API
 * lists them, the first with a version for the year (the service's own rule, ExchangesService.formOf).
 */
export function formInForce(forms: readonly ExchangeForm[], year: number): ExchangeForm | undefined {
  for (const code of [...new Set(forms.map((form) => form.code))]) {
    const form = formFor(forms, code, year);
    if (form) return form;
  }
  return undefined;
}

/** PostgreSQL's timestamptz text (`2026-12-06 23:31:59.581106+00`) or ISO 8601, as ISO 8601 (null when neither). */
export function instantOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = text.includes("T") ? text : text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A date as a publication gives it (`2012`, `2012-01`, `2012-05-10`): a day and its precision. */
export function partialDate(text: string): { day: string; precision: Precision } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { day: text, precision: "day" };
  if (/^\d{4}-\d{2}$/.test(text)) return { day: `${text}-01`, precision: "month" };
  if (/^\d{4}$/.test(text)) return { day: `${text}-01-01`, precision: "year" };
  return null;
}

// ---------------------------------------------------------------- the return form

/** What the form's inputs hold, as typed. */
export type ReturnInputs = {
  currency: string;
  /** One of AMOUNT_SCALES, as text. */
  scale: string;
  nil: boolean;
  units: Record<string, string>;
  fields: Record<string, string | string[]>;
};

export const NO_INPUTS: ReturnInputs = { currency: "", scale: "1", nil: false, units: {}, fields: {} };

const SPACES = /[\s\u00a0\u202f_]/g;

/**
 * A number as typed: a plain decimal with a point (spaces between digits allowed) becomes a
 * number; anything else is sent as typed, for the form to refuse under its field (never guessed:
 * "1,5" could be one and a half or fifteen). Empty is nothing.
 */
export function numberFromInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const plain = trimmed.replace(SPACES, "");
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : trimmed;
}

const isNumeric = (field: FormField | undefined) =>
  field !== undefined && (field.kind === "amount" || field.kind === "number" || field.kind === "integer");

/** Whether the form has amounts (then a return names its currency and scale). */
export function hasAmounts(form: ExchangeForm): boolean {
  return expandForm(form).fields.some((field) => field.kind === "amount");
}

/** The inputs showing a return's values (a draft to go on with, or the submitted one to correct). */
export function inputsOf(values: ReturnValues | undefined): ReturnInputs {
  if (!values) return NO_INPUTS;
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values.fields ?? {})) {
    if (value === null || value === undefined) continue;
    fields[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return {
    currency: typeof values.currency === "string" ? values.currency : "",
    scale: values.scale === undefined ? "1" : String(values.scale),
    nil: values.nil === true,
    units: { ...(values.units ?? {}) },
    fields,
  };
}

/**
 * The values the API takes from what the inputs hold: numbers where numbers are typed, the
 * currency in capitals, the scale as a number, units for the fields that take one. A nil report
 * carries nothing else.
 */
export function valuesOf(form: ExchangeForm, inputs: ReturnInputs): ReturnValues {
  if (inputs.nil) return { nil: true, fields: {} };
  const { byKey } = expandForm(form);
  const fields: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(inputs.fields)) {
    const field = byKey.get(key);
    if (!field) continue;
    if (Array.isArray(raw)) {
      if (raw.length > 0) fields[key] = [...raw];
      continue;
    }
    if (isNumeric(field)) {
      const value = numberFromInput(raw);
      if (value !== undefined) fields[key] = value;
    } else if (raw.trim() !== "") fields[key] = field.kind === "text" ? raw : raw.trim();
  }
  const units: Record<string, string> = {};
  for (const [key, unit] of Object.entries(inputs.units)) {
    const field = byKey.get(key);
    if (field?.kind === "number" && field.units !== undefined && unit !== "" && fields[key] !== undefined)
      units[key] = unit;
  }
  const values: { -readonly [K in keyof ReturnValues]: ReturnValues[K] } = { fields };
  if (hasAmounts(form)) {
    const currency = inputs.currency.trim().toUpperCase();
    if (currency !== "") values.currency = currency;
    const scale = Number(inputs.scale);
    if (scale !== 1 && (AMOUNT_SCALES as readonly number[]).includes(scale)) values.scale = scale;
  }
  if (Object.keys(units).length > 0) values.units = units;
  return values;
}

/** The keys that are totals (a matrix's row, column and grand totals, and the form's own totals). */
export function totalKeys(form: ExchangeForm): Set<string> {
  return new Set(expandForm(form).totals.map((total) => total.field));
}

/**
 * The totals that do not add up, as the delegation types: each total's key with what its parts
 * add up to and what was given (the form's own check, validateReturn, kept to its totals).
 */
export function totalProblems(
  form: ExchangeForm,
  values: ReturnValues,
  context: ValidationContext,
): Map<string, { expected: string; given: string }> {
  const found = new Map<string, { expected: string; given: string }>();
  for (const error of validateReturn(form, values, context))
    if (error.key === "exchanges.return.total_mismatch" && !found.has(error.field))
      found.set(error.field, { expected: String(error.params.expected), given: String(error.params.given) });
  return found;
}

/**
 * The values to save: what the delegation typed, with each total it left empty filled in from
 * its parts (completeTotals), except a total whose parts disagree with each other (a typed total
 * that does not add up): that one stays empty, so that the form's refusal names the total the
 * delegation typed, not one it never saw.
 */
export function withComputedTotals(form: ExchangeForm, values: ReturnValues, context: ValidationContext): ReturnValues {
  const completed = completeTotals(form, values);
  const typed = values.fields ?? {};
  const filled = Object.keys(completed.fields).filter((key) => typed[key] === undefined);
  if (filled.length === 0) return completed;
  const problems = totalProblems(form, completed, context);
  const fields = { ...completed.fields };
  for (const key of filled) if (problems.has(key)) delete fields[key];
  return { ...completed, fields };
}

/**
 * Whether the state's return for the year was on time, late, missing or is not yet due on `day`,
 * by the domain's own rule (complianceOf): judged on its first submission.
 */
export function timelinessOf(
  state: string,
  versions: readonly ReturnVersion[],
  deadline: string,
  day: string,
): ComplianceStatus {
  const returns = versions
    .filter((version) => version.status !== "draft")
    .flatMap((version) => {
      const submittedAt = instantOf(version.submittedAt);
      const firstSubmittedAt = instantOf(version.firstSubmittedAt);
      if (submittedAt === null) return [];
      return [firstSubmittedAt === null ? { state, submittedAt } : { state, submittedAt, firstSubmittedAt }];
    });
  return complianceOf([state], returns, deadline, day).states[0]?.status ?? "missing";
}

/** The refusals of a saved draft by the field they name, in the order given. */
export function refusalsByField(errors: readonly ReturnRefusal[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const error of errors) found.set(error.field, [...(found.get(error.field) ?? []), error.message]);
  return found;
}

/** An element id for a field of the return form (`return-expenditure-army-total`). */
export function fieldDomId(key: string): string {
  return `return-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export type LayoutItem = { kind: "field"; field: FormField } | { kind: "matrix"; matrix: FormMatrix };

/**
 * The form as it is shown: its groups in order, each with its matrices and then its fields;
 * whatever names no group (or a group the form does not list) comes last, under no heading.
 */
export function formLayout(form: ExchangeForm): Array<{ group: FormGroup | null; items: LayoutItem[] }> {
  const known = new Set(form.groups.map((group) => group.key));
  const itemsOf = (key: string | null): LayoutItem[] => {
    const inGroup = (group: string | undefined) =>
      key === null ? group === undefined || !known.has(group) : group === key;
    return [
      ...form.matrices.filter((matrix) => inGroup(matrix.group)).map((matrix) => ({ kind: "matrix" as const, matrix })),
      ...form.fields.filter((field) => inGroup(field.group)).map((field) => ({ kind: "field" as const, field })),
    ];
  };
  const sections: Array<{ group: FormGroup | null; items: LayoutItem[] }> = form.groups.map((group) => ({
    group,
    items: itemsOf(group.key),
  }));
  sections.push({ group: null, items: itemsOf(null) });
  return sections.filter((section) => section.items.length > 0);
}

/** The key of a matrix's cell (`expenditure.army.personnel`; `total` for its totals). */
export const cellKey = (matrix: string, row: string, column: string) => `${matrix}.${row}.${column}`;

// ---------------------------------------------------------------- comparisons

export const METRICS = ["shareOfGdp", "perCapita", "total"] as const;
export type Metric = (typeof METRICS)[number];

/** The measures at least one row gives, in the order a reader compares states by: share of GDP first. */
export function metricsOf(rows: readonly ComparisonRow[]): Metric[] {
  return METRICS.filter((metric) => rows.some((row) => typeof row[metric] === "number"));
}

export type BarGroup = { currency: string | null; bars: Array<{ row: ComparisonRow; value: number }> };

/**
 * The bars of one measure: a share of GDP compares across states as it is (one group); money
 * (totals, per capita) only within one currency (a group per currency). Rows without the measure
 * are left out; `order` sorts the bars within a group (by state's name, then year).
 */
export function barGroups(
  rows: readonly ComparisonRow[],
  metric: Metric,
  order: (a: ComparisonRow, b: ComparisonRow) => number,
): BarGroup[] {
  const groups = new Map<string | null, BarGroup>();
  for (const row of rows) {
    const value = row[metric];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const currency = metric === "shareOfGdp" ? null : row.currency;
    const group = groups.get(currency) ?? { currency, bars: [] };
    group.bars.push({ row, value });
    groups.set(currency, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, bars: [...group.bars].sort((a, b) => order(a.row, b.row)) }))
    .sort((a, b) => (a.currency ?? "").localeCompare(b.currency ?? ""));
}
