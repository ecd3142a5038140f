/**
 * The annual information exchanges (confidence- and security-building measures): the regimes
 * states report under, their versioned forms, the rules a return must satisfy, the deadline of a
 * reporting year, and who complied. Pure: no I/O, no Node APIs; the web app imports this module
 * for its return forms and the dashboard.
 *
 * Words used throughout:
 * - **reporting year** (`year`): the year the data of a return is about. Every regime's deadline
 *   is stated against it (`deadlineOf`): UN military expenditure of 2024 is due 2025-04-30; the
 *   OSCE-style information valid on 1 January 2025 is due 2024-12-15.
 * - **field key**: a form's own name for a value (`personnel`), or a matrix cell's
 *   (`expenditure.land_forces.personnel`: matrix, row, column); `total` as a row or column key is
 *   the matrix's totals. Every error names one key, or one of `RETURN_META_FIELDS`.
 *
 * Choices the team made (and the starter data, data/starter/exchanges/regimes.json, cites):
 * - A deadline is the LAST DAY on which a return is on time (inclusive), a calendar day. The OAS
 *   General Assembly asks for reports "prior to April 15 of each year" (AG/RES. 1409 (XXVI-O/96)
 *   and after, as the OAS's inventory page words it), so its last day on time is 14 April; the
 *   team's facts (/work/shared/reference/facts.md) round that to "due 15 April".
 * - Totals are exact: values are decimals with a bounded number of places (amounts: two, in the
 *   return's scale), summed as integers of those places (BigInt), never as floating point. A form
 *   may allow a tolerance per total (in the total's own units) for figures rounded at the source;
 *   no starter form does.
 * - A component left empty counts as zero, but a total none of whose components is given is not
 *   checked (a state may give only a total); `completeTotals` fills the totals a return leaves
 *   empty, by the same rule.
 * - Timeliness is judged on the day of the FIRST submission for a state and year: a correction
 *   supersedes the return's content, never its date.
 */
import { daysInMonth, isDay, type Day } from "./dates.ts";
import type { Language, Names } from "./languages.ts";

// ------------------------------------------------------------------ regimes

/**
 * Who reports under a regime: the members of an organisation of the registry on the reporting
 * day (`participationDay`), a fixed list of states, or every state the registry knows on that
 * day (the UN report is open to all Member States; the registry has no "UN" organisation).
 */
export type Participants =
  | { readonly kind: "organisation"; readonly organisation: string }
  | { readonly kind: "states"; readonly states: readonly string[] }
  | { readonly kind: "all-states" };
export const PARTICIPANT_KINDS = [
  "organisation",
  "states",
  "all-states",
] as const satisfies readonly Participants["kind"][];

/**
 * When the return of reporting year Y is due: the day `month`/`day` of year Y + `yearOffset`,
 * the last day on which it is on time. (One kind today; a rule counted from each state's own
 * fiscal year end would be another.)
 */
export type DeadlineRule = {
  readonly kind: "annual";
  readonly month: number;
  readonly day: number;
  readonly yearOffset: number;
  /** The team's own default, no source giving the regime's deadline: said wherever the rule is shown. */
  readonly assumed?: boolean;
};

export type ExchangeRegime = {
  /** `un-milex`, `unasur-rsgd`: lower-case letters, digits and hyphens. */
  readonly code: string;
  readonly names: Names;
  readonly participants: Participants;
  /** The first reporting year the regime covers. */
  readonly firstYear: number;
  readonly deadline: DeadlineRule;
  /**
   * Whether a return is shown only to the participating states (and the regime's secretariat)
   * rather than to anyone. This is the regime's default; a return's own confidentiality label
   * (the coming labelled-documents work) may narrow it further, never widen it.
   */
  readonly restricted: boolean;
};

/** The reporting year's due day (YYYY-MM-DD): the last day a return is on time. */
export function deadlineOf(regime: Pick<ExchangeRegime, "deadline">, year: number): Day {
  const rule = regime.deadline;
  const dueYear = year + rule.yearOffset;
  if (!Number.isInteger(year) || dueYear < 1 || dueYear > 9999)
    throw new RangeError(`no deadline for reporting year ${year}: it falls outside the years 1 to 9999`);
  return `${String(dueYear).padStart(4, "0")}-${pad2(rule.month)}-${pad2(rule.day)}`;
}

/** The day on which the registry is asked who participates in reporting year `year`: its deadline. */
export const participationDay = deadlineOf;

/**
 * The latest reporting year a return may be given for on `today`: this year, or next year where
 * the information is due before the year it describes (the OSCE-style exchange, due 15 December
 * for the year that follows).
 */
export function latestReportingYear(regime: Pick<ExchangeRegime, "deadline"> | undefined, today: Day): number {
  const year = Number(today.slice(0, 4));
  return year - Math.min(0, regime?.deadline.yearOffset ?? 0);
}

/** The first reporting year whose deadline is `today` or later, and that deadline: what reminders are about. */
export function nextDeadline(
  regime: Pick<ExchangeRegime, "deadline" | "firstYear">,
  today: Day,
): { year: number; due: Day } {
  let year = Math.max(regime.firstYear, Number(today.slice(0, 4)) - regime.deadline.yearOffset - 1);
  while (deadlineOf(regime, year) < today) year += 1;
  return { year, due: deadlineOf(regime, year) };
}

/** Why a deadline rule cannot be used (empty when it can). Refuses 29 February: not every year has one. */
export function deadlineRuleProblems(rule: DeadlineRule): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(rule.month) || rule.month < 1 || rule.month > 12) problems.push("month must be 1 to 12");
  else if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > daysInMonth(2023, rule.month))
    problems.push(`day must be a day every year's month ${rule.month} has`);
  if (!Number.isInteger(rule.yearOffset) || Math.abs(rule.yearOffset) > 2)
    problems.push("yearOffset must be a whole number from -2 to 2");
  return problems;
}

// ------------------------------------------------------------------ forms

export const FIELD_KINDS = ["amount", "number", "integer", "text", "choice"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

type FieldCommon = {
  /** Lower-case letters, digits and underscores, starting with a letter. */
  readonly key: string;
  readonly labels: Names;
  readonly required: boolean;
  /** The form's group it is shown in. */
  readonly group?: string;
};

/** Money, in the currency and scale the return names (`ReturnValues.currency`, `.scale`); never negative. */
export type AmountField = FieldCommon & { readonly kind: "amount"; readonly min?: number; readonly max?: number };

/**
 * A measured quantity. Its unit is either fixed by the form (`unit`: "percent") or named by the
 * return from the form's list (`units`, the choice going in `ReturnValues.units`): exactly one.
 */
export type NumberField = FieldCommon & {
  readonly kind: "number";
  readonly unit?: string;
  readonly units?: readonly string[];
  /** Decimal places allowed (default 2, at most 6). */
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
};

/** A count (holdings, persons). Never negative unless `min` says so. */
export type IntegerField = FieldCommon & {
  readonly kind: "integer";
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
};

export type TextField = FieldCommon & { readonly kind: "text"; readonly maxLength: number };

export type ChoiceOption = { readonly value: string; readonly labels: Names };
/** One option (a string), or several (`multiple`: an array of distinct options). */
export type ChoiceField = FieldCommon & {
  readonly kind: "choice";
  readonly options: readonly ChoiceOption[];
  readonly multiple?: boolean;
};

export type FormField = AmountField | NumberField | IntegerField | TextField | ChoiceField;
export type NumericField = AmountField | NumberField | IntegerField;

export type MatrixLine = { readonly key: string; readonly labels: Names };

/**
 * A table of amounts or counts, rows × columns, with a row total per row, a column total per
 * column and a grand total (the standardized UN form: cost categories × force groups). Cells
 * are fields `matrix.row.column`; totals are `matrix.row.total`, `matrix.total.column` and
 * `matrix.total.total`. `required` makes the grand total required; cells are never required
 * (an empty cell is nothing to report).
 */
export type FormMatrix = {
  readonly key: string;
  readonly labels: Names;
  readonly kind: "amount" | "integer";
  readonly required: boolean;
  readonly group?: string;
  readonly rows: readonly MatrixLine[];
  readonly columns: readonly MatrixLine[];
};

/** `field` equals the sum of the fields `of`, within `tolerance` (in `field`'s own units; default 0). */
export type FormTotal = { readonly field: string; readonly of: readonly string[]; readonly tolerance?: number };

export type FormGroup = { readonly key: string; readonly labels: Names };

export type ExchangeForm = {
  /** `un-milex-standardized`: a regime may have several forms (standardized and simplified). */
  readonly code: string;
  readonly regime: string;
  /** 1, 2, …: a new version for a changed form; returns keep the version they were made with. */
  readonly version: number;
  /** The first reporting year this version is for. */
  readonly validFrom: number;
  /** The last reporting year this version is for, if a later version replaced it. */
  readonly validUntil?: number;
  readonly names: Names;
  /** Whether a state may give a nil report (nothing to report: no forces, no expenditure). */
  readonly nilAllowed: boolean;
  readonly groups: readonly FormGroup[];
  readonly fields: readonly FormField[];
  readonly matrices: readonly FormMatrix[];
  /** Totals over fields; the matrices' own totals are added by `expandForm`. */
  readonly totals: readonly FormTotal[];
  /** Which fields the comparisons across states read: the total expenditure, population and GDP. */
  readonly comparison?: { readonly total: string; readonly population?: string; readonly gdp?: string };
};

/** The names an error may give besides field keys: the return's own settings. */
export const RETURN_META_FIELDS = ["year", "currency", "scale", "nil", "form"] as const;

/** What an amount counts: units of the currency, thousands, millions or billions of it. */
export const AMOUNT_SCALES = [1, 1_000, 1_000_000, 1_000_000_000] as const;

/** Decimal places of an amount (in the return's scale): hundredths, the minor unit of most currencies. */
export const AMOUNT_DECIMALS = 2;
const DEFAULT_NUMBER_DECIMALS = 2;
const MAX_NUMBER_DECIMALS = 6;

export const MATRIX_TOTAL = "total";
const KEY = /^[a-z][a-z0-9_]*$/;
const KEY_LIMIT = 64;
const TOTAL_LABEL: Names = { en: "Total", es: "Total", pt: "Total", fr: "Total" };

const cellKey = (matrix: string, row: string, column: string) => `${matrix}.${row}.${column}`;

const joinLabels = (a: Names, b: Names): Names => {
  const joined = {} as Record<Language, string>;
  for (const lang of Object.keys(a) as Language[]) joined[lang] = `${a[lang]} — ${b[lang]}`;
  return joined;
};

export type ExpandedForm = {
  readonly fields: readonly FormField[];
  readonly byKey: ReadonlyMap<string, FormField>;
  readonly totals: readonly FormTotal[];
};

const expanded = new WeakMap<ExchangeForm, ExpandedForm>();

/** Every field of a form, the matrices' cells and totals included, and every total to check. */
export function expandForm(form: ExchangeForm): ExpandedForm {
  const known = expanded.get(form);
  if (known) return known;
  const fields: FormField[] = [...form.fields];
  const totals: FormTotal[] = [...form.totals];
  for (const matrix of form.matrices) {
    const rows = [...matrix.rows, { key: MATRIX_TOTAL, labels: TOTAL_LABEL }];
    const columns = [...matrix.columns, { key: MATRIX_TOTAL, labels: TOTAL_LABEL }];
    for (const row of rows)
      for (const column of columns) {
        const grand = row.key === MATRIX_TOTAL && column.key === MATRIX_TOTAL;
        fields.push({
          kind: matrix.kind,
          key: cellKey(matrix.key, row.key, column.key),
          labels: joinLabels(matrix.labels, joinLabels(row.labels, column.labels)),
          required: grand && matrix.required,
          ...(matrix.group === undefined ? {} : { group: matrix.group }),
        });
      }
    for (const row of matrix.rows)
      totals.push({
        field: cellKey(matrix.key, row.key, MATRIX_TOTAL),
        of: matrix.columns.map((column) => cellKey(matrix.key, row.key, column.key)),
      });
    for (const column of matrix.columns)
      totals.push({
        field: cellKey(matrix.key, MATRIX_TOTAL, column.key),
        of: matrix.rows.map((row) => cellKey(matrix.key, row.key, column.key)),
      });
    const grand = cellKey(matrix.key, MATRIX_TOTAL, MATRIX_TOTAL);
    totals.push({ field: grand, of: matrix.rows.map((row) => cellKey(matrix.key, row.key, MATRIX_TOTAL)) });
    totals.push({ field: grand, of: matrix.columns.map((column) => cellKey(matrix.key, MATRIX_TOTAL, column.key)) });
  }
  const result = { fields, byKey: new Map(fields.map((field) => [field.key, field])), totals };
  expanded.set(form, result);
  return result;
}

/** The version of form `code` for reporting year `year` (the latest version whose years include it). */
export function formFor<F extends ExchangeForm>(forms: readonly F[], code: string, year: number): F | undefined {
  let found: F | undefined;
  for (const form of forms)
    if (
      form.code === code &&
      form.validFrom <= year &&
      (form.validUntil === undefined || year <= form.validUntil) &&
      (found === undefined || form.version > found.version)
    )
      found = form;
  return found;
}

const isNumeric = (field: FormField | undefined): field is NumericField =>
  field !== undefined && (field.kind === "amount" || field.kind === "number" || field.kind === "integer");

const decimalsOfField = (field: NumericField): number =>
  field.kind === "amount"
    ? AMOUNT_DECIMALS
    : field.kind === "integer"
      ? 0
      : (field.decimals ?? DEFAULT_NUMBER_DECIMALS);

/**
 * What is wrong with a form (empty when nothing): keys, kinds and units of totals, cycles,
 * choices, groups, the comparison's fields. English, for whoever writes the form's data.
 */
export function formProblems(form: ExchangeForm): string[] {
  const problems: string[] = [];
  const groups = new Set(form.groups.map((group) => group.key));
  if (groups.size !== form.groups.length) problems.push("two groups have one key");
  if (!Number.isInteger(form.version) || form.version < 1) problems.push("version must be a whole number from 1");
  if (form.validUntil !== undefined && form.validUntil < form.validFrom)
    problems.push("validUntil comes before validFrom");
  const plainKeys = [...form.fields.map((field) => field.key), ...form.matrices.map((matrix) => matrix.key)];
  for (const key of plainKeys) {
    if (!KEY.test(key) || key.length > KEY_LIMIT)
      problems.push(`${key}: a key is lower-case letters, digits and underscores, starting with a letter`);
    if ((RETURN_META_FIELDS as readonly string[]).includes(key)) problems.push(`${key}: the key is reserved`);
  }
  if (new Set(plainKeys).size !== plainKeys.length) problems.push("two fields or matrices have one key");
  for (const field of form.fields) {
    if (field.group !== undefined && !groups.has(field.group)) problems.push(`${field.key}: no group ${field.group}`);
    problems.push(...fieldProblems(field).map((problem) => `${field.key}: ${problem}`));
  }
  for (const matrix of form.matrices) {
    if (matrix.group !== undefined && !groups.has(matrix.group))
      problems.push(`${matrix.key}: no group ${matrix.group}`);
    for (const [what, lines] of [
      ["row", matrix.rows],
      ["column", matrix.columns],
    ] as const) {
      if (lines.length === 0) problems.push(`${matrix.key}: a matrix needs at least one ${what}`);
      const keys = lines.map((line) => line.key);
      if (new Set(keys).size !== keys.length) problems.push(`${matrix.key}: two ${what}s have one key`);
      for (const key of keys)
        if (!KEY.test(key) || key === MATRIX_TOTAL)
          problems.push(`${matrix.key}: ${what} key "${key}" must be a key other than "${MATRIX_TOTAL}"`);
    }
  }
  const { byKey, totals } = expandForm(form);
  for (const total of totals) {
    const target = byKey.get(total.field);
    if (!isNumeric(target)) {
      problems.push(`total ${total.field}: no amount, number or integer field has this key`);
      continue;
    }
    if (total.of.length === 0) problems.push(`total ${total.field}: sums nothing`);
    if (new Set(total.of).size !== total.of.length) problems.push(`total ${total.field}: names a field twice`);
    if (total.tolerance !== undefined && !(total.tolerance >= 0 && Number.isFinite(total.tolerance)))
      problems.push(`total ${total.field}: the tolerance must be a number, 0 or more`);
    for (const key of total.of) {
      const part = byKey.get(key);
      if (!isNumeric(part)) problems.push(`total ${total.field}: ${key} is not an amount, number or integer field`);
      else if (part.kind !== target.kind)
        problems.push(`total ${total.field}: ${key} is ${part.kind}, the total ${target.kind}`);
      else if (part.kind === "number" && target.kind === "number" && (part.unit !== target.unit || !part.unit))
        problems.push(`total ${total.field}: ${key} must have the total's unit, fixed by the form`);
    }
  }
  const cycle = totalCycle(totals);
  if (cycle) problems.push(`totals go round in a circle: ${cycle.join(" → ")}`);
  if (form.comparison) {
    const { total, population, gdp } = form.comparison;
    if (byKey.get(total)?.kind !== "amount") problems.push(`comparison: ${total} is not an amount field`);
    if (gdp !== undefined && byKey.get(gdp)?.kind !== "amount")
      problems.push(`comparison: ${gdp} is not an amount field`);
    if (population !== undefined) {
      const field = byKey.get(population);
      if (field?.kind !== "integer" && field?.kind !== "number")
        problems.push(`comparison: ${population} is not an integer or number field`);
    }
  }
  return problems;
}

function fieldProblems(field: FormField): string[] {
  const problems: string[] = [];
  if (isNumeric(field) && field.min !== undefined && field.max !== undefined && field.min > field.max)
    problems.push("min is above max");
  switch (field.kind) {
    case "number":
      if ((field.unit === undefined) === (field.units === undefined))
        problems.push("a number field names its unit, or the units a return chooses from: one of the two");
      if (field.units !== undefined && (field.units.length === 0 || new Set(field.units).size !== field.units.length))
        problems.push("units must be distinct and at least one");
      if (
        field.decimals !== undefined &&
        !(Number.isInteger(field.decimals) && field.decimals >= 0 && field.decimals <= MAX_NUMBER_DECIMALS)
      )
        problems.push(`decimals must be a whole number from 0 to ${MAX_NUMBER_DECIMALS}`);
      break;
    case "integer":
      if (field.min !== undefined && !Number.isInteger(field.min)) problems.push("min must be a whole number");
      if (field.max !== undefined && !Number.isInteger(field.max)) problems.push("max must be a whole number");
      break;
    case "text":
      if (!Number.isInteger(field.maxLength) || field.maxLength < 1) problems.push("maxLength must be 1 or more");
      break;
    case "choice": {
      const values = field.options.map((option) => option.value);
      if (values.length === 0) problems.push("a choice needs options");
      if (new Set(values).size !== values.length) problems.push("two options have one value");
      break;
    }
    case "amount":
      if (field.min !== undefined && field.min < 0) problems.push("an amount is never negative: min must be 0 or more");
      break;
  }
  return problems;
}

/** A circle of totals (a total summing, through others, itself), or undefined. */
function totalCycle(totals: readonly FormTotal[]): string[] | undefined {
  const parts = new Map<string, string[]>();
  for (const total of totals) parts.set(total.field, [...(parts.get(total.field) ?? []), ...total.of]);
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === "done") return undefined;
    if (state.get(key) === "visiting") return [...path.slice(path.indexOf(key)), key];
    state.set(key, "visiting");
    path.push(key);
    for (const part of parts.get(key) ?? []) {
      const found = visit(part);
      if (found) return found;
    }
    path.pop();
    state.set(key, "done");
    return undefined;
  };
  for (const key of parts.keys()) {
    const found = visit(key);
    if (found) return found;
  }
  return undefined;
}

// ------------------------------------------------------------------ returns

/** What a state's delegation fills in. */
export type ReturnValues = {
  /** The ISO 4217 code of every amount (required when the form has amounts, unless nil). */
  readonly currency?: string;
  /** What each amount counts (`AMOUNT_SCALES`; default 1: units of the currency). */
  readonly scale?: number;
  /** A nil report: the state has nothing to report (where the form allows it); no fields then. */
  readonly nil?: boolean;
  /** The unit the return names for each number field that leaves it to the return. */
  readonly units?: Readonly<Record<string, string>>;
  /** The values by field key: a number, a string, or (a multiple choice) strings. */
  readonly fields: Readonly<Record<string, unknown>>;
};

/**
 * Every refusal `validateReturn` gives, with the names of its parameters: the keys of the
 * message catalogue (src/domain/messages/) to translate. `field` is carried by the error itself,
 * not among the parameters.
 *
 * - `required`: the form requires this field.
 * - `unknown_field`: the form has no such field.
 * - `not_a_number`, `not_an_integer`: not a finite number / not a whole number.
 * - `negative`: an amount below zero.
 * - `too_many_decimals`: more than `decimals` decimal places.
 * - `too_large`: too large to add up exactly (above `max`).
 * - `below_min`, `above_max`: outside the form's bounds.
 * - `not_text`, `text_too_long`: not text / longer than `max` characters.
 * - `not_a_choice`: `value` is not one of the field's options; `choice_repeated`: given twice.
 * - `currency_missing`: amounts need a currency; `currency_invalid`: `currency` is not three
 *   capital letters (ISO 4217).
 * - `scale_invalid`: `scale` is not 1, 1000, 1000000 or 1000000000.
 * - `unit_missing`: the return must name this field's unit; `unit_not_allowed`: `unit` is not
 *   among `allowed`; `unit_unexpected`: this field takes no unit from the return.
 * - `not_for_this_form`: a currency or scale on a form without amounts.
 * - `nil_not_allowed`: the form takes no nil reports; `nil_with_values`: a nil report gives no values.
 * - `total_mismatch`: the total is `given`, its parts add up to `expected` (`difference` apart,
 *   more than the `tolerance`).
 * - `year_invalid`, `year_before_regime` (`first`), `year_in_future` (`latest`).
 * - `form_not_yet_in_force` (`from`), `form_no_longer_in_force` (`until`): the form's version
 *   is not the one for this reporting year.
 */
export const RETURN_ERROR_PARAMS = {
  "exchanges.return.required": [],
  "exchanges.return.unknown_field": [],
  "exchanges.return.not_a_number": [],
  "exchanges.return.not_an_integer": [],
  "exchanges.return.negative": [],
  "exchanges.return.too_many_decimals": ["decimals"],
  "exchanges.return.too_large": ["max"],
  "exchanges.return.below_min": ["min"],
  "exchanges.return.above_max": ["max"],
  "exchanges.return.not_text": [],
  "exchanges.return.text_too_long": ["max"],
  "exchanges.return.not_a_choice": ["value"],
  "exchanges.return.choice_repeated": ["value"],
  "exchanges.return.currency_missing": [],
  "exchanges.return.currency_invalid": ["currency"],
  "exchanges.return.scale_invalid": ["scale"],
  "exchanges.return.unit_missing": [],
  "exchanges.return.unit_not_allowed": ["unit", "allowed"],
  "exchanges.return.unit_unexpected": [],
  "exchanges.return.not_for_this_form": [],
  "exchanges.return.nil_not_allowed": [],
  "exchanges.return.nil_with_values": [],
  "exchanges.return.total_mismatch": ["expected", "given", "difference", "tolerance"],
  "exchanges.return.year_invalid": ["year"],
  "exchanges.return.year_before_regime": ["year", "first"],
  "exchanges.return.year_in_future": ["year", "latest"],
  "exchanges.return.form_not_yet_in_force": ["year", "version", "from"],
  "exchanges.return.form_no_longer_in_force": ["year", "version", "until"],
} as const satisfies Record<string, readonly string[]>;

export type ReturnErrorKey = keyof typeof RETURN_ERROR_PARAMS;
export const RETURN_ERROR_KEYS = Object.keys(RETURN_ERROR_PARAMS) as ReturnErrorKey[];

/** One refusal: the field it is about (a field key or a `RETURN_META_FIELDS` name), a message key, its parameters. */
export type ReturnError = {
  [K in ReturnErrorKey]: {
    readonly field: string;
    readonly key: K;
    readonly params: { readonly [P in (typeof RETURN_ERROR_PARAMS)[K][number]]: string | number };
  };
}[ReturnErrorKey];

type ParamsOf<K extends ReturnErrorKey> = { [P in (typeof RETURN_ERROR_PARAMS)[K][number]]: string | number };
const error = <K extends ReturnErrorKey>(field: string, key: K, params: ParamsOf<K>): ReturnError =>
  ({ field, key, params }) as ReturnError;

export type ValidationContext = {
  /** The reporting year. */
  readonly year: number;
  /** The day of the check (YYYY-MM-DD): a year after the latest reportable one is refused. */
  readonly today: Day;
  /** The form's regime: refuses years before its first, and knows when next year's data is due. */
  readonly regime?: Pick<ExchangeRegime, "firstYear" | "deadline">;
};

const isAbsent = (value: unknown): boolean =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Every reason the return cannot be accepted for `year` under `form` (empty when it can), in the
 * form's field order, then the totals. Checks the year, the nil report, the currency and scale,
 * unknown fields, each field's presence, type, bounds and unit, and every total.
 */
export function validateReturn(form: ExchangeForm, values: ReturnValues, context: ValidationContext): ReturnError[] {
  const errors: ReturnError[] = [];
  const { fields, byKey, totals } = expandForm(form);
  const { year, today, regime } = context;

  if (!Number.isInteger(year) || year < 1 || year > 9999)
    errors.push(error("year", "exchanges.return.year_invalid", { year }));
  else {
    if (regime && year < regime.firstYear)
      errors.push(error("year", "exchanges.return.year_before_regime", { year, first: regime.firstYear }));
    const latest = latestReportingYear(regime, today);
    if (year > latest) errors.push(error("year", "exchanges.return.year_in_future", { year, latest }));
    if (year < form.validFrom)
      errors.push(
        error("form", "exchanges.return.form_not_yet_in_force", { year, version: form.version, from: form.validFrom }),
      );
    if (form.validUntil !== undefined && year > form.validUntil)
      errors.push(
        error("form", "exchanges.return.form_no_longer_in_force", {
          year,
          version: form.version,
          until: form.validUntil,
        }),
      );
  }

  const given = values.fields ?? {};
  for (const key of Object.keys(given))
    if (!byKey.has(key)) errors.push(error(key, "exchanges.return.unknown_field", {}));

  if (values.nil === true) {
    if (!form.nilAllowed) errors.push(error("nil", "exchanges.return.nil_not_allowed", {}));
    for (const key of Object.keys(given))
      if (byKey.has(key) && !isAbsent(given[key])) errors.push(error(key, "exchanges.return.nil_with_values", {}));
    for (const key of Object.keys(values.units ?? {})) errors.push(error(key, "exchanges.return.nil_with_values", {}));
    for (const meta of ["currency", "scale"] as const)
      if (values[meta] !== undefined) errors.push(error(meta, "exchanges.return.nil_with_values", {}));
    return errors;
  }

  const hasAmounts = fields.some((field) => field.kind === "amount");
  if (!hasAmounts) {
    for (const meta of ["currency", "scale"] as const)
      if (values[meta] !== undefined) errors.push(error(meta, "exchanges.return.not_for_this_form", {}));
  } else {
    if (values.currency === undefined || values.currency === "")
      errors.push(error("currency", "exchanges.return.currency_missing", {}));
    else if (typeof values.currency !== "string" || !CURRENCY.test(values.currency))
      errors.push(error("currency", "exchanges.return.currency_invalid", { currency: String(values.currency) }));
    if (values.scale !== undefined && !(AMOUNT_SCALES as readonly number[]).includes(values.scale))
      errors.push(error("scale", "exchanges.return.scale_invalid", { scale: String(values.scale) }));
  }

  const units = values.units ?? {};
  for (const key of Object.keys(units)) {
    const field = byKey.get(key);
    if (field?.kind !== "number" || field.units === undefined)
      errors.push(error(key, "exchanges.return.unit_unexpected", {}));
  }

  /** Fields whose value is wrong: totals over them are not checked (the error is already given). */
  const invalid = new Set<string>();
  for (const field of fields) {
    const value = given[field.key];
    if (isAbsent(value)) {
      if (field.required) errors.push(error(field.key, "exchanges.return.required", {}));
      continue;
    }
    const found = fieldValueErrors(field, value);
    if (found.length > 0) invalid.add(field.key);
    errors.push(...found);
    if (field.kind === "number" && field.units !== undefined) {
      const unit = units[field.key];
      if (unit === undefined || unit === "") errors.push(error(field.key, "exchanges.return.unit_missing", {}));
      else if (!field.units.includes(unit))
        errors.push(error(field.key, "exchanges.return.unit_not_allowed", { unit, allowed: field.units.join(", ") }));
    }
  }

  const resolve = resolver(byKey, totals, given, invalid);
  for (const total of totals) {
    const target = byKey.get(total.field);
    if (!isNumeric(target) || invalid.has(total.field) || isAbsent(given[total.field])) continue;
    const sum = sumOf(total, resolve);
    if (sum === undefined) continue; // nothing given to add up, or a part is wrong already
    const decimals = Math.max(decimalsOfField(target), ...total.of.map((key) => decimalsOf(byKey.get(key))));
    const givenScaled = toScaled(given[total.field] as number, decimals);
    const sumScaled = toScaledSum(sum, decimals);
    const tolerance = toScaled(total.tolerance ?? 0, decimals) ?? 0n;
    if (givenScaled === undefined || sumScaled === undefined) continue;
    const difference = givenScaled - sumScaled;
    if ((difference < 0n ? -difference : difference) > tolerance)
      errors.push(
        error(total.field, "exchanges.return.total_mismatch", {
          expected: formatScaled(sumScaled, decimals),
          given: formatScaled(givenScaled, decimals),
          difference: formatScaled(difference, decimals),
          tolerance: formatScaled(tolerance, decimals),
        }),
      );
  }
  return errors;
}

const decimalsOf = (field: FormField | undefined): number => (isNumeric(field) ? decimalsOfField(field) : 0);

/** A number's value, or a computed total's parts (kept exact: summed later as scaled integers). */
type Resolved = { readonly parts: readonly number[] } | undefined;

/**
 * The value of a field for the totals: what the return gives, else (for a total) the sum of its
 * parts when at least one is given; undefined when nothing is known or something is wrong.
 */
function resolver(
  byKey: ReadonlyMap<string, FormField>,
  totals: readonly FormTotal[],
  given: Readonly<Record<string, unknown>>,
  invalid: ReadonlySet<string>,
) {
  const definedBy = new Map<string, FormTotal>();
  for (const total of totals) if (!definedBy.has(total.field)) definedBy.set(total.field, total);
  const cache = new Map<string, Resolved | "wrong">();
  const visiting = new Set<string>();
  const resolve = (key: string): Resolved | "wrong" => {
    if (cache.has(key)) return cache.get(key);
    if (invalid.has(key) || !isNumeric(byKey.get(key))) return "wrong";
    let result: Resolved | "wrong";
    const value = given[key];
    if (!isAbsent(value)) result = { parts: [value as number] };
    else {
      const total = definedBy.get(key);
      if (total === undefined || visiting.has(key)) result = undefined;
      else {
        visiting.add(key);
        const parts: number[] = [];
        let any = false;
        result = undefined;
        for (const part of total.of) {
          const found = resolve(part);
          if (found === "wrong") {
            result = "wrong";
            break;
          }
          if (found !== undefined) {
            any = true;
            parts.push(...found.parts);
          }
        }
        visiting.delete(key);
        if (result !== "wrong") result = any ? { parts } : undefined;
      }
    }
    cache.set(key, result);
    return result;
  };
  return resolve;
}

function sumOf(total: FormTotal, resolve: (key: string) => Resolved | "wrong"): number[] | undefined {
  const parts: number[] = [];
  let any = false;
  for (const key of total.of) {
    const found = resolve(key);
    if (found === "wrong") return undefined;
    if (found !== undefined) {
      any = true;
      parts.push(...found.parts);
    }
  }
  return any ? parts : undefined;
}

function fieldValueErrors(field: FormField, value: unknown): ReturnError[] {
  switch (field.kind) {
    case "amount":
    case "number":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value))
        return [error(field.key, "exchanges.return.not_a_number", {})];
      if (field.kind === "integer" && !Number.isInteger(value))
        return [error(field.key, "exchanges.return.not_an_integer", {})];
      const decimals = decimalsOfField(field);
      const scaled = toScaled(value, decimals);
      if (scaled === undefined) return [error(field.key, "exchanges.return.too_many_decimals", { decimals })];
      const limit = BigInt(Number.MAX_SAFE_INTEGER);
      if (scaled > limit || scaled < -limit)
        return [error(field.key, "exchanges.return.too_large", { max: formatScaled(limit, decimals) })];
      const min = field.min ?? (field.kind === "number" ? undefined : 0);
      if (min !== undefined && value < min)
        return [
          field.kind === "amount" && value < 0
            ? error(field.key, "exchanges.return.negative", {})
            : error(field.key, "exchanges.return.below_min", { min }),
        ];
      if (field.max !== undefined && value > field.max)
        return [error(field.key, "exchanges.return.above_max", { max: field.max })];
      return [];
    }
    case "text":
      if (typeof value !== "string") return [error(field.key, "exchanges.return.not_text", {})];
      if ([...value].length > field.maxLength)
        return [error(field.key, "exchanges.return.text_too_long", { max: field.maxLength })];
      return [];
    case "choice": {
      const options = new Set(field.options.map((option) => option.value));
      const chosen = field.multiple ? value : [value];
      if (!Array.isArray(chosen) || (!field.multiple && Array.isArray(value)))
        return [error(field.key, "exchanges.return.not_a_choice", { value: String(value) })];
      const errors: ReturnError[] = [];
      const seen = new Set<unknown>();
      for (const item of chosen) {
        if (typeof item !== "string" || !options.has(item))
          errors.push(error(field.key, "exchanges.return.not_a_choice", { value: String(item) }));
        else if (seen.has(item)) errors.push(error(field.key, "exchanges.return.choice_repeated", { value: item }));
        seen.add(item);
      }
      return errors;
    }
  }
}

/**
 * The return with every empty total filled in from its parts (a part left empty counts as zero;
 * a total none of whose parts is given stays empty), exactly: what a form shows as the delegation
 * types. Parts that are not numbers are left as they are, and so is their total.
 */
export function completeTotals(form: ExchangeForm, values: ReturnValues): ReturnValues {
  const { byKey, totals } = expandForm(form);
  const given = values.fields ?? {};
  const invalid = new Set<string>();
  for (const [key, value] of Object.entries(given)) {
    const field = byKey.get(key);
    if (field && !isAbsent(value) && fieldValueErrors(field, value).length > 0) invalid.add(key);
  }
  const resolve = resolver(byKey, totals, given, invalid);
  const fields: Record<string, unknown> = { ...given };
  for (const total of totals) {
    if (!isAbsent(given[total.field])) continue;
    const found = resolve(total.field);
    if (found === undefined || found === "wrong") continue;
    const decimals = Math.max(...[total.field, ...total.of].map((key) => decimalsOf(byKey.get(key))));
    const sum = toScaledSum(found.parts, decimals);
    if (sum !== undefined) fields[total.field] = Number(formatScaled(sum, decimals));
  }
  return { ...values, fields };
}

// ------------------------------------------------------------------ exact decimals

/** `value` × 10^decimals as an exact integer, or undefined when it has more decimal places. */
export function toScaled(value: number, decimals: number): bigint | undefined {
  if (!Number.isFinite(value)) return undefined;
  const factor = 10n ** BigInt(decimals);
  if (Number.isInteger(value)) return BigInt(value) * factor;
  const text = Math.abs(value).toString();
  if (/e/i.test(text)) return undefined; // below 1e-6: more places than any field allows
  const [whole = "0", fraction = ""] = text.split(".");
  if (fraction.length > decimals) return undefined;
  const scaled = BigInt(whole) * factor + BigInt(fraction.padEnd(decimals, "0") || "0");
  return value < 0 ? -scaled : scaled;
}

const toScaledSum = (parts: readonly number[], decimals: number): bigint | undefined => {
  let sum = 0n;
  for (const part of parts) {
    const scaled = toScaled(part, decimals);
    if (scaled === undefined) return undefined;
    sum += scaled;
  }
  return sum;
};

/** A scaled integer written as a decimal: 12345n with 2 places → "123.45". */
export function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

// ------------------------------------------------------------------ compliance

/** A return's life: a draft, then submitted; a correction supersedes the submitted one. */
export const EXCHANGE_RETURN_STATUSES = ["draft", "submitted", "superseded"] as const;
export type ExchangeReturnStatus = (typeof EXCHANGE_RETURN_STATUSES)[number];

export const COMPLIANCE_STATUSES = ["on-time", "late", "missing", "not-yet-due"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/**
 * A return as compliance sees it: whose, and when. Give every version of a corrected return, or
 * give the current one with `firstSubmittedAt`, the moment its first version was submitted.
 * A moment is a day (YYYY-MM-DD) or an ISO 8601 date-time with its offset, read as its UTC day.
 */
export type SubmittedReturn = {
  readonly state: string;
  readonly submittedAt: string;
  readonly firstSubmittedAt?: string;
};

export type StateCompliance = {
  readonly state: string;
  readonly status: ComplianceStatus;
  /** The day of the first submission, when there is one by `today`. */
  readonly submitted?: Day;
};

export type Compliance = {
  /** One entry per participant, in the order given (duplicates dropped). */
  readonly states: readonly StateCompliance[];
  readonly summary: Readonly<Record<ComplianceStatus, number>> & { readonly participants: number };
  /** States that returned something without being participants (they are not counted). */
  readonly others: readonly string[];
};

/** The UTC day of a moment: `2025-04-30`, or `2025-04-30T23:30:00-05:00` (→ 2025-05-01). */
export function dayOfMoment(moment: string): Day {
  if (isDay(moment)) return moment;
  const time = Date.parse(moment);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(moment) || Number.isNaN(time))
    throw new RangeError(`"${moment}" is neither a day (YYYY-MM-DD) nor an ISO 8601 date-time`);
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Who complied with one regime's deadline for one reporting year, as of `today`: on time (first
 * submitted on or before the deadline), late (after it), missing (nothing by `today`, the deadline
 * passed) or not yet due (nothing yet, the deadline not passed). Returns submitted after `today`
 * are not seen, so the same data answers "as of" any earlier day. A correction keeps the time of
 * the first submission.
 */
export function complianceOf(
  participants: readonly string[],
  returns: readonly SubmittedReturn[],
  deadline: Day,
  today: Day,
): Compliance {
  const first = new Map<string, Day>();
  for (const entry of returns) {
    const day = dayOfMoment(entry.firstSubmittedAt ?? entry.submittedAt);
    if (day > today) continue; // not yet submitted on the day asked about
    const seen = first.get(entry.state);
    if (seen === undefined || day < seen) first.set(entry.state, day);
  }
  const summary: Record<ComplianceStatus, number> = { "on-time": 0, late: 0, missing: 0, "not-yet-due": 0 };
  const states: StateCompliance[] = [];
  const counted = new Set<string>();
  for (const state of participants) {
    if (counted.has(state)) continue;
    counted.add(state);
    const submitted = first.get(state);
    const status: ComplianceStatus =
      submitted !== undefined
        ? submitted <= deadline
          ? "on-time"
          : "late"
        : today > deadline
          ? "missing"
          : "not-yet-due";
    summary[status] += 1;
    states.push(submitted === undefined ? { state, status } : { state, status, submitted });
  }
  const others = [...first.keys()].filter((state) => !counted.has(state)).sort();
  return { states, summary: { ...summary, participants: counted.size }, others };
}

/** A state's record over years: its status each year it participated, and how often each. */
export function stateRecord(
  state: string,
  years: readonly { readonly year: number; readonly compliance: Compliance }[],
): { years: { year: number; status: ComplianceStatus }[]; counts: Record<ComplianceStatus, number> } {
  const counts: Record<ComplianceStatus, number> = { "on-time": 0, late: 0, missing: 0, "not-yet-due": 0 };
  const found: { year: number; status: ComplianceStatus }[] = [];
  for (const { year, compliance } of [...years].sort((a, b) => a.year - b.year)) {
    const entry = compliance.states.find((candidate) => candidate.state === state);
    if (!entry) continue;
    counts[entry.status] += 1;
    found.push({ year, status: entry.status });
  }
  return { years: found, counts };
}

// ------------------------------------------------------------------ comparisons

/** Expenditure per inhabitant (in the expenditure's currency units), or undefined without a population. */
export function perCapita(amount: number, population: number | undefined): number | undefined {
  if (population === undefined || !Number.isFinite(population) || population <= 0 || !Number.isFinite(amount))
    return undefined;
  return amount / population;
}

/** Expenditure as a fraction of GDP (0.0093 is 0.93 %), both in one currency, or undefined without a GDP. */
export function shareOfGdp(amount: number, gdp: number | undefined): number | undefined {
  if (gdp === undefined || !Number.isFinite(gdp) || gdp <= 0 || !Number.isFinite(amount)) return undefined;
  return amount / gdp;
}

export type ReturnComparison = {
  /** The total expenditure in units of the currency (the return's scale applied). */
  readonly total?: number;
  readonly currency?: string;
  readonly population?: number;
  /** GDP in units of the currency. */
  readonly gdp?: number;
  /** Per inhabitant, in units of the return's currency: compare across states only after converting. */
  readonly perCapita?: number;
  /** A fraction of GDP: comparable across states as it is. */
  readonly shareOfGdp?: number;
};

/** What a valid return gives the comparisons across states and years, by the form's `comparison`. */
export function comparisonOf(form: ExchangeForm, values: ReturnValues): ReturnComparison {
  if (!form.comparison || values.nil) return {};
  const completed = completeTotals(form, values).fields;
  const scale = BigInt(values.scale ?? 1);
  const read = (key: string | undefined) => {
    const value = key === undefined ? undefined : completed[key];
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
  /** An amount in units of the currency, multiplied exactly (170.35 thousand is 170350, not 170349.99…). */
  const inUnits = (key: string | undefined) => {
    const value = read(key);
    const scaled = value === undefined ? undefined : toScaled(value, AMOUNT_DECIMALS);
    return scaled === undefined ? undefined : Number(formatScaled(scaled * scale, AMOUNT_DECIMALS));
  };
  const total = inUnits(form.comparison.total);
  const gdp = inUnits(form.comparison.gdp);
  const population = read(form.comparison.population);
  const result: {
    -readonly [K in keyof ReturnComparison]: ReturnComparison[K];
  } = {};
  if (total !== undefined) result.total = total;
  if (values.currency !== undefined) result.currency = values.currency;
  if (population !== undefined) result.population = population;
  if (gdp !== undefined) result.gdp = gdp;
  if (total !== undefined) {
    const capita = perCapita(total, population);
    const share = shareOfGdp(total, gdp);
    if (capita !== undefined) result.perCapita = capita;
    if (share !== undefined) result.shareOfGdp = share;
  }
  return result;
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
