/**
 * The programmes pages' pure logic: reading the API's refusals field by field, the words for
 * numbers and periods, grouping activities by year, the draft editor's tree. No I/O; unit tests
 * beside it (logic.test.ts).
 */
import { ACTIVITY_TYPE_NAMES, AREA_NAMES } from "../../../../src/domain/cooperation-names.ts";
import type { Measure } from "../../../../src/domain/cooperation.ts";
import { LANGUAGES, type Language } from "../../../../src/domain/languages.ts";
import { formatDate, intlLocale } from "../../lib/dates.ts";
import type { Activity, Objective, ProgrammeSummary, Quantity, Titles } from "./types.ts";

/**
 * The API names the field at fault by its path in the request: the validator as
 * `json.objectives.0.goals.1.activities.0.year: …`, a service as
 * `body.objectives[0].goals[1].activities[0].year: …`; several faults are joined by "; ". Each
 * becomes `objectives.0.goals.1.activities.0.year` → its text; what names no field stays whole.
 */
export function fieldErrors(message: string): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split(/;\s+(?=(?:json|body|query|param)\b)/)) {
    const match = /^(?:json|body|query|param)(?:\.([\w.[\]-]+))?: ([\s\S]+)$/.exec(part.trim());
    const path = match?.[1] ? normalPath(match[1]) : null;
    const text = match?.[2];
    if (path && text) fields[path] ??= text.charAt(0).toUpperCase() + text.slice(1);
    else rest.push(part.trim());
  }
  return { fields, rest };
}

/** `objectives[0].goals[1]` and `objectives.0.goals.1` alike: dots only. */
export function normalPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "");
}

/** An element id for a field path (`draft-objectives-0-titles-en`). */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, "-")}`;
}

/** A share from 0 to 1 as a whole percentage (null stays null). */
export function percentOf(share: number | null | undefined): number | null {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  return Math.round(Math.max(0, Math.min(1, share)) * 100);
}

const numbers = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, style: "decimal" | "percent"): Intl.NumberFormat {
  const key = `${lang}:${style}`;
  let found = numbers.get(key);
  if (!found) {
    found = new Intl.NumberFormat(intlLocale(lang), { style, maximumFractionDigits: 1 });
    numbers.set(key, found);
  }
  return found;
}

/** A number in the reader's way of writing it; a percentage's value (0–100) with its sign: "50 %" in French. */
export function formatNumber(value: number, lang: string, measure: Measure = "unit"): string {
  return measure === "percentage"
    ? numberFormat(lang, "percent").format(value / 100)
    : numberFormat(lang, "decimal").format(value);
}

/** A target, an actual or a baseline: "55", "50 % (4/8)", or null when there is no number. */
export function formatQuantity(quantity: Quantity | null | undefined, measure: Measure, lang: string): string | null {
  if (!quantity) return null;
  const { value, numerator, denominator } = quantity;
  const parts =
    measure === "percentage" && numerator !== null && numerator !== undefined && denominator
      ? ` (${numberFormat(lang, "decimal").format(numerator)}/${numberFormat(lang, "decimal").format(denominator)})`
      : "";
  if (value === null || value === undefined) {
    if (measure === "percentage" && numerator !== null && numerator !== undefined && denominator)
      return `${formatNumber((100 * numerator) / denominator, lang, measure)}${parts}`;
    return null;
  }
  return `${formatNumber(value, lang, measure)}${parts}`;
}

/** The number a chart draws for a quantity (a percentage from its parts when it has no value). */
export function numberOf(quantity: Quantity | null | undefined): number | null {
  if (!quantity) return null;
  if (quantity.value !== null && quantity.value !== undefined) return quantity.value;
  if (
    quantity.numerator !== null &&
    quantity.numerator !== undefined &&
    quantity.denominator !== null &&
    quantity.denominator !== undefined &&
    quantity.denominator > 0
  )
    return (100 * quantity.numerator) / quantity.denominator;
  return null;
}

/** A programme's period in words: "1 January 2024 – 31 December 2025". */
export function periodText(period: { start: string; end: string }, lang: string): string {
  return `${formatDate(period.start, "day", lang)} – ${formatDate(period.end, "day", lang)}`;
}

/**
 * A reporting period's short name for a chart's axis: "2024" for a calendar year, "2024–2025" for
 * whole years, its first and last months ("Jan 2024", "Jun 2024") for whole months, else its
 * first and last days; as one or two lines.
 */
export function periodLabel(start: string, end: string, lang: string): string[] {
  const [sy, sm, sd] = start.split("-");
  const [ey, em, ed] = end.split("-");
  if (sm === "01" && sd === "01" && em === "12" && ed === "31") return sy === ey ? [sy ?? start] : [`${sy}–${ey}`];
  const endDate = new Date(`${end}T00:00:00Z`);
  const lastOfMonth = new Date(endDate.getTime() + 86_400_000).getUTCDate() === 1;
  const format = (day: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  if (sd === "01" && lastOfMonth) {
    const month = { month: "short", year: "numeric" } as const;
    return sy === ey && sm === em ? [format(start, month)] : [format(start, month), format(end, month)];
  }
  const dayOf = { day: "numeric", month: "short", year: "numeric" } as const;
  return [format(start, dayOf), format(end, dayOf)];
}

/** An area of cooperation's name in the reader's language (an unknown slug as it is). */
export function areaText(area: string, lang: Language): string {
  return Object.hasOwn(AREA_NAMES, area) ? AREA_NAMES[area as keyof typeof AREA_NAMES][lang] : area;
}

/** An activity type's name in the reader's language (an unknown one as it is). */
export function activityTypeText(type: string, lang: Language): string {
  return Object.hasOwn(ACTIVITY_TYPE_NAMES, type)
    ? ACTIVITY_TYPE_NAMES[type as keyof typeof ACTIVITY_TYPE_NAMES][lang]
    : type;
}

/** A programme's partner in the reader's language, whichever way the API names it. */
export function partnerNameOf(
  programme: Pick<ProgrammeSummary, "partner" | "partnerName" | "partnerNames">,
  lang: Language,
): string {
  if (programme.partnerName) return programme.partnerName;
  const names = programme.partnerNames;
  if (typeof names === "string") return names;
  if (names) return names[lang] ?? names.en ?? programme.partner;
  return programme.partner;
}

/** Activities by the year they are planned for, earliest first, each year's in their order. */
export function activitiesByYear<A extends Pick<Activity, "year">>(activities: readonly A[]): Array<[number, A[]]> {
  const years = new Map<number, A[]>();
  for (const activity of activities) {
    const list = years.get(activity.year) ?? [];
    list.push(activity);
    years.set(activity.year, list);
  }
  return [...years].sort(([a], [b]) => a - b);
}

// The draft editor's tree: what PUT /programmes/{id}/draft takes, with text fields as typed.

export type DraftTitles = Record<Language, string>;
export interface DraftActivity {
  ref: string;
  menuItem: string;
  titles: DraftTitles;
  year: string;
  description: string;
}
export interface DraftGoal {
  ref: string;
  titles: DraftTitles;
  description: string;
  activities: DraftActivity[];
}
export interface DraftObjective {
  ref: string;
  area: string;
  titles: DraftTitles;
  description: string;
  goals: DraftGoal[];
}

export function draftTitles(titles?: Titles | null): DraftTitles {
  const draft = {} as DraftTitles;
  for (const lang of LANGUAGES) draft[lang] = titles?.[lang] ?? "";
  return draft;
}

/** The editor's copy of a version's tree. */
export function draftOf(tree: readonly Objective[]): DraftObjective[] {
  return tree.map((objective) => ({
    ref: objective.ref,
    area: objective.area ?? "",
    titles: draftTitles(objective.titles),
    description: objective.description ?? "",
    goals: objective.goals.map((goal) => ({
      ref: goal.ref,
      titles: draftTitles(goal.titles),
      description: goal.description ?? "",
      activities: goal.activities.map((activity) => ({
        ref: activity.ref,
        menuItem: activity.menuItem?.code ?? "",
        titles: draftTitles(activity.titles),
        year: String(activity.year),
        description: activity.description ?? "",
      })),
    })),
  }));
}

function titlesBody(titles: DraftTitles): Record<string, string> {
  const body: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const text = titles[lang].trim();
    if (text) body[lang] = text;
  }
  return body;
}

/**
 * The body of PUT /draft. Empty optional text is left out; a year that is not a whole number is
 * sent as typed so that the API names it; an activity from the menu may go without titles.
 */
export function draftBody(summary: string, objectives: readonly DraftObjective[]): unknown {
  return {
    ...(summary.trim() ? { summary: summary.trim() } : {}),
    objectives: objectives.map((objective) => ({
      ref: objective.ref.trim(),
      ...(objective.area ? { area: objective.area } : {}),
      titles: titlesBody(objective.titles),
      ...(objective.description.trim() ? { description: objective.description.trim() } : {}),
      goals: objective.goals.map((goal) => ({
        ref: goal.ref.trim(),
        titles: titlesBody(goal.titles),
        ...(goal.description.trim() ? { description: goal.description.trim() } : {}),
        activities: goal.activities.map((activity) => {
          const titles = titlesBody(activity.titles);
          const year = activity.year.trim();
          return {
            ref: activity.ref.trim(),
            ...(activity.menuItem.trim() ? { menuItem: activity.menuItem.trim().toUpperCase() } : {}),
            ...(Object.keys(titles).length > 0 ? { titles } : {}),
            year: /^\d{1,4}$/.test(year) ? Number(year) : year,
            ...(activity.description.trim() ? { description: activity.description.trim() } : {}),
          };
        }),
      })),
    })),
  };
}

/** The next free reference after `refs` in the pattern of the last ("O2" after "O1", "G1.3" after "G1.2"). */
export function nextRef(refs: readonly string[], fallback: string): string {
  const last = refs.at(-1);
  if (!last) return fallback;
  const match = /^(.*?)(\d+)$/.exec(last);
  if (!match) return `${last}-2`;
  let n = Number(match[2]) + 1;
  let candidate = `${match[1]}${n}`;
  while (refs.includes(candidate)) candidate = `${match[1]}${++n}`;
  return candidate;
}

// The secretariat's forms for indicators and their periods: what POST /programmes/{id}/indicators
// and POST /indicators/{id}/periods take, with the figures as typed.

/** What is wrong with a field before anything is sent; the form says it in the reader's language. */
export type Problem = "required" | "year" | "number" | "parts";

/** A baseline's or a target's figures as typed: a value, or a percentage's numerator and denominator. */
export interface FigureFields {
  value: string;
  numerator: string;
  denominator: string;
}

export const NO_FIGURES: FigureFields = { value: "", numerator: "", denominator: "" };

/** A typed number ("1,5" is 1.5): null when empty, NaN when it is not a number. */
export function figureOf(text: string): number | null {
  const trimmed = text.trim().replace(/\s+/g, "").replace(",", ".");
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * The figures a measure takes: a value (a percentage's as 0–100) and, for a percentage only, a
 * numerator and a denominator, both or neither; qualitative indicators none. Problems by field.
 */
export function figuresOf(
  fields: FigureFields,
  measure: Measure,
  prefix: string,
): { figures: { value?: number; numerator?: number; denominator?: number }; problems: Record<string, Problem> } {
  const figures: { value?: number; numerator?: number; denominator?: number } = {};
  const problems: Record<string, Problem> = {};
  if (measure === "qualitative") return { figures, problems };
  const names = measure === "percentage" ? (["value", "numerator", "denominator"] as const) : (["value"] as const);
  for (const name of names) {
    const n = figureOf(fields[name]);
    if (n === null) continue;
    if (Number.isNaN(n)) problems[`${prefix}${name}`] = "number";
    else figures[name] = n;
  }
  if (measure === "percentage") {
    const numerator = fields.numerator.trim() !== "";
    const denominator = fields.denominator.trim() !== "";
    if (numerator && !denominator) problems[`${prefix}denominator`] ??= "parts";
    if (denominator && !numerator) problems[`${prefix}numerator`] ??= "parts";
  }
  return { figures, problems };
}

/** The new-indicator form's fields, as typed. */
export interface IndicatorDraft {
  ref: string;
  titles: DraftTitles;
  description: string;
  measure: Measure;
  ascending: boolean;
  baselineYear: string;
  baseline: FigureFields;
  reporters: string[];
}

/**
 * The body of POST /programmes/{id}/indicators for a goal, and what is wrong before sending it (by
 * the API's path of the field). Empty optional text is left out, and so is a baseline with nothing
 * in it; "more is better" means nothing for an indicator described in words.
 */
export function indicatorBody(
  goalRef: string,
  draft: IndicatorDraft,
): { body: unknown; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  if (!draft.ref.trim()) problems.ref = "required";
  if (!draft.titles.en.trim()) problems["titles.en"] = "required";
  const year = draft.baselineYear.trim();
  if (year && !/^\d{4}$/.test(year)) problems["baseline.year"] = "year";
  const { figures, problems: figureProblems } = figuresOf(draft.baseline, draft.measure, "baseline.");
  Object.assign(problems, figureProblems);
  const baseline = { ...(year ? { year: Number(year) } : {}), ...figures };
  const description = draft.description.trim();
  return {
    body: {
      goalRef,
      ref: draft.ref.trim(),
      titles: titlesBody(draft.titles),
      ...(description ? { description } : {}),
      measure: draft.measure,
      ...(draft.measure === "qualitative" ? {} : { ascending: draft.ascending }),
      ...(Object.keys(baseline).length > 0 ? { baseline } : {}),
      reporters: [...new Set(draft.reporters)],
    },
    problems,
  };
}

/** The new-period form's fields, as typed. */
export interface PeriodDraft {
  start: string;
  end: string;
  target: FigureFields;
  /** A qualitative indicator's target, in words. */
  comment: string;
}

/** The body of POST /indicators/{id}/periods, and what is wrong before sending it. */
export function periodBody(draft: PeriodDraft, measure: Measure): { body: unknown; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  if (!draft.start) problems.start = "required";
  if (!draft.end) problems.end = "required";
  const { figures, problems: figureProblems } = figuresOf(draft.target, measure, "target.");
  Object.assign(problems, figureProblems);
  const comment = draft.comment.trim();
  const target = { ...figures, ...(measure === "qualitative" && comment ? { comment } : {}) };
  return {
    body: { start: draft.start, end: draft.end, ...(Object.keys(target).length > 0 ? { target } : {}) },
    problems,
  };
}

/**
 * The first day of a new period of an indicator: the day after its last period when that is
 * still in the programme, else the programme's first day; and the end of that year, or the
 * programme's last day if sooner.
 */
export function nextPeriod(
  periods: readonly { start: string; end: string }[],
  programme: { start: string; end: string },
): { start: string; end: string } {
  const last = [...periods].sort((a, b) => a.end.localeCompare(b.end)).at(-1);
  let start = programme.start;
  if (last) {
    const after = new Date(`${last.end}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    const day = after.toISOString().slice(0, 10);
    if (day <= programme.end) start = day;
  }
  const yearEnd = `${start.slice(0, 4)}-12-31`;
  return { start, end: yearEnd < programme.end ? yearEnd : programme.end };
}

/** Someone the secretariat may name as an indicator's reporter. */
export interface ReporterCandidate {
  id: string;
  name: string;
  /** The delegation's state, for a delegation's member. */
  state: string | null;
}

/** An account as the administrators' list gives it, as much as choosing a reporter needs. */
export interface AccountChoice {
  id: string;
  displayName: string;
  role: string;
  disabled: boolean;
  delegation: { state: string } | null;
}

/**
 * Whom the reporters' checkboxes offer: when the reader may list the organisation's accounts, those
 * that can read the whole programme and report on it (the secretariat, the partner's delegation;
 * disabled accounts left out); and always everyone already reporting on one of the programme's
 * indicators (so that each can be unticked); by name.
 */
export function reporterCandidates(
  indicators: readonly { reporters: readonly { id: string; name: string }[] }[],
  partner: string,
  accounts?: readonly AccountChoice[],
): ReporterCandidate[] {
  const found = new Map<string, ReporterCandidate>();
  for (const account of accounts ?? []) {
    const secretariat = account.role === "secretariat-admin" || account.role === "secretariat-staff";
    const delegation =
      (account.role === "delegation-head" || account.role === "delegation-member") &&
      account.delegation?.state === partner;
    if (!account.disabled && (secretariat || delegation))
      found.set(account.id, { id: account.id, name: account.displayName, state: account.delegation?.state ?? null });
  }
  for (const indicator of indicators)
    for (const reporter of indicator.reporters)
      if (!found.has(reporter.id)) found.set(reporter.id, { id: reporter.id, name: reporter.name, state: null });
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
