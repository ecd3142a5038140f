/**
 * The partnership menu (NATO's Partnership Cooperation Menu): an organisation's catalogue of
 * cooperation activities, each with its area, type, titles and descriptions in the four
 * languages, provider, languages taught in, duration, eligibility and its own valid time. Anyone
 * reads it (cooperationPolicy.readMenu); the organisation's secretariat writes it
 * (cooperationPolicy.manageMenu), one item at a time or by importing a CSV file whose refused
 * rows are reported and change nothing. Eligibility is judged against the registry on a day
 * (`isEligibleOn`, and the list's `eligible` filter, done in SQL so counts never leak).
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Database, Transaction } from "../../db/client.ts";
import {
  actorTypeOf,
  eligibleStatesFor,
  existingSources,
  existingStates,
  findMenuItem,
  frameworkSlugs,
  insertMenuItems,
  isMenuItemEligible,
  listMenuItems,
  lockMenuItem,
  type MenuDescriptions,
  type MenuItemRow,
  type MenuItemValues,
  type MenuTitles,
  menuItemsByCode,
  updateMenuItem,
} from "../../db/repositories/menu.ts";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  COOPERATION_LIMITS,
  type Eligibility,
  isEligible,
  MENU_CSV_COLUMNS,
  type MenuCsvColumn,
} from "../../domain/cooperation.ts";
import { isDay, today } from "../../domain/dates.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import { type Message, msg } from "../../domain/messages/index.ts";
import { SEARCH_MAX_LENGTH } from "../../domain/search.ts";
import { appendAuditEntries, type AuditRecord } from "../audit/log.ts";
import { ConflictError, InvalidRequestError, NotFoundError, present } from "../errors.ts";
import { auditActor, authorize, cooperationPolicy, type Principal } from "../policies.ts";
import { standingOf } from "./standing.ts";

export type { MenuItemRow };

/** The organisation whose menu an anonymous reader (or the command line) sees when naming none. */
export const DEFAULT_MENU_ORGANIZATION = "NATO";
export const MENU_DEFAULT_LIMIT = 100;
/** The most items one answer holds (a whole menu, for its CSV). */
export const MENU_MAX_LIMIT = 2000;
/** The furthest page one may ask for. */
export const MENU_MAX_OFFSET = 1_000_000;
/** The most rows one import takes. */
export const MENU_IMPORT_MAX_ROWS = 5000;
/** The most languages an item is taught in (the database's check). */
export const MENU_MAX_LANGUAGES = 12;
const SOURCE_ID_MAX = 100;

/** An item as a caller gives it: checked and normalised before anything is written. */
export type MenuItemDraft = {
  code: string;
  area: string;
  type: string;
  titles: Partial<Record<Language, string | null>>;
  descriptions?: Partial<Record<Language, string | null>>;
  provider: string;
  languages?: string[];
  durationDays?: number | null;
  eligibility?: Eligibility;
  since: string;
  until?: string | null;
  illustrative?: boolean;
  /** A source id of the registry. */
  source?: string | null;
};
export type MenuItemInput = MenuItemDraft & { organization?: string };
export type MenuItemPatch = Partial<Omit<MenuItemDraft, "code">>;

export type MenuQuery = {
  organization?: string;
  at?: string;
  area?: string;
  type?: string;
  provider?: string;
  language?: string;
  eligible?: string;
  q?: string;
  lang: Language;
  limit?: number;
  offset?: number;
};

export type MenuList = { organization: string; at: string; total: number; items: MenuItemRow[] };

/** A row of an import that was refused: nothing of it was written. `row` counts the header as row 1. */
export type MenuRefusal = { row: number; code: string | null; field: string; message: Message };
export type MenuImportReport = {
  organization: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: MenuRefusal[];
};

/** What is wrong with an item, naming the field in the domain's words (`titles.en`, `durationDays`). */
type Problem = { field: string; message: Message };

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: line breaks and tabs are allowed in a description; no other control character
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const LANGUAGE_CODE = /^[a-z]{2}$/;
const STATE_CODE = /^[A-Z]{3}$/;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** The value, if given, as one of `values`; a refusal naming `field` otherwise. */
function oneOf<T extends string>(values: readonly T[], value: string | undefined, field: string): T | undefined {
  if (value === undefined) return undefined;
  if (isOneOf(values, value)) return value;
  throw new InvalidRequestError(msg("validation.one_of", { options: values.join(", ") }), { field });
}

/** The organisation a request concerns: the one named, else the reader's, else NATO. */
function organizationFor(principal: Principal, named: string | undefined): string {
  if (named) return named;
  if (principal.kind === "account" && principal.account.organizationCode) return principal.account.organizationCode;
  if (principal.kind === "system" && principal.organization) return principal.organization;
  return DEFAULT_MENU_ORGANIZATION;
}

/** Optional text: trimmed, and absent when empty. */
function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function checkText(
  field: string,
  value: string | null,
  options: { required: boolean; max: number; prose?: boolean },
): Problem | undefined {
  if (value === null) return options.required ? { field, message: msg("validation.required") } : undefined;
  if (value.length > options.max) return { field, message: msg("validation.too_long", { maximum: options.max }) };
  if ((options.prose ? CONTROL_IN_PROSE : CONTROL).test(value))
    return { field, message: msg("validation.control_characters") };
  return undefined;
}

/**
 * The draft checked and normalised, or the first problem found: everything but what needs the
 * registry (the framework, the states, the source), which `checkReferences` asks.
 */
export function checkDraft(draft: MenuItemDraft): { code: string; values: MenuItemValues } | Problem {
  const code = draft.code.trim();
  if (!CODE.test(code)) return { field: "code", message: msg("menu.code_format") };
  const area = draft.area.trim();
  if (!isOneOf(COOPERATION_AREAS, area))
    return { field: "area", message: msg("validation.one_of", { options: COOPERATION_AREAS.join(", ") }) };
  const type = draft.type.trim();
  if (!isOneOf(ACTIVITY_TYPES, type))
    return { field: "type", message: msg("validation.one_of", { options: ACTIVITY_TYPES.join(", ") }) };

  const titles: MenuTitles = { en: "", es: null, pt: null, fr: null };
  const descriptions: MenuDescriptions = { en: null, es: null, pt: null, fr: null };
  for (const lang of LANGUAGES) {
    const title = optionalText(draft.titles[lang]);
    const problem = checkText(`titles.${lang}`, title, { required: lang === "en", max: COOPERATION_LIMITS.title });
    if (problem) return problem;
    if (lang === "en") titles.en = title ?? "";
    else titles[lang] = title;
    const description = optionalText(draft.descriptions?.[lang]);
    const wrong = checkText(`descriptions.${lang}`, description, {
      required: false,
      max: COOPERATION_LIMITS.description,
      prose: true,
    });
    if (wrong) return wrong;
    descriptions[lang] = description;
  }

  const provider = optionalText(draft.provider);
  const providerProblem = checkText("provider", provider, { required: true, max: COOPERATION_LIMITS.provider });
  if (providerProblem) return providerProblem;

  const languages: string[] = [];
  for (const given of draft.languages ?? []) {
    const language = given.trim().toLowerCase();
    if (!LANGUAGE_CODE.test(language))
      return { field: "languages", message: msg("menu.language_codes", { got: given }) };
    if (!languages.includes(language)) languages.push(language);
  }
  if (languages.length > MENU_MAX_LANGUAGES)
    return { field: "languages", message: msg("menu.too_many_languages", { maximum: MENU_MAX_LANGUAGES }) };

  const durationDays = draft.durationDays ?? null;
  if (durationDays !== null && (!Number.isInteger(durationDays) || durationDays < 1 || durationDays > 366))
    return { field: "durationDays", message: msg("menu.duration_range") };

  const eligibility = normaliseEligibility(draft.eligibility ?? { kind: "all-partners" });
  if (!eligibility) return { field: "eligibility", message: msg("menu.eligibility_format") };

  const since = draft.since.trim();
  if (!isDay(since)) return { field: "since", message: msg("validation.calendar_date") };
  const until = optionalText(draft.until);
  if (until !== null) {
    if (!isDay(until)) return { field: "until", message: msg("validation.calendar_date") };
    if (until <= since) return { field: "until", message: msg("menu.until_after_since", { since }) };
  }

  const sourceId = optionalText(draft.source);
  const sourceProblem = checkText("source", sourceId, { required: false, max: SOURCE_ID_MAX });
  if (sourceProblem) return sourceProblem;

  return {
    code,
    values: {
      area,
      type,
      titles,
      descriptions,
      provider: provider ?? "",
      languages,
      durationDays,
      eligibility,
      since,
      until,
      illustrative: draft.illustrative ?? false,
      sourceId,
    },
  };
}

/** The eligibility with its states upper-case, once each, in order; undefined when it is not one. */
function normaliseEligibility(eligibility: Eligibility): Eligibility | undefined {
  switch (eligibility.kind) {
    case "all-partners":
      return { kind: "all-partners" };
    case "framework": {
      const framework = eligibility.framework.trim();
      return framework === "" || framework.length > 100 || CONTROL.test(framework)
        ? undefined
        : { kind: "framework", framework };
    }
    case "states": {
      const states = [...new Set(eligibility.states.map((state) => state.trim().toUpperCase()))].sort();
      return states.length === 0 || states.length > 300 || !states.every((state) => STATE_CODE.test(state))
        ? undefined
        : { kind: "states", states };
    }
    default:
      return undefined;
  }
}

/** What the registry knows, to check items' frameworks, states and sources against. */
type References = { organization: string; frameworks: Set<string>; states: Set<string>; sources: Set<string> };

async function loadReferences(
  db: Pick<Database, "execute">,
  organization: string,
  items: readonly MenuItemValues[],
): Promise<References> {
  const states = items.flatMap((item) => (item.eligibility.kind === "states" ? item.eligibility.states : []));
  const sources = items.flatMap((item) => (item.sourceId === null ? [] : [item.sourceId]));
  return {
    organization,
    frameworks: await frameworkSlugs(db, organization),
    states: await existingStates(db, [...new Set(states)]),
    sources: await existingSources(db, [...new Set(sources)]),
  };
}

function checkReferences(values: MenuItemValues, references: References): Problem | undefined {
  const { eligibility } = values;
  if (eligibility.kind === "framework" && !references.frameworks.has(eligibility.framework))
    return {
      field: "eligibility",
      message: msg("menu.unknown_framework", { organization: references.organization, slug: eligibility.framework }),
    };
  if (eligibility.kind === "states") {
    const unknown = eligibility.states.filter((state) => !references.states.has(state));
    if (unknown.length > 0)
      return { field: "eligibility", message: msg("menu.unknown_states", { codes: unknown.join(", ") }) };
  }
  if (values.sourceId !== null && !references.sources.has(values.sourceId))
    return { field: "source", message: msg("menu.unknown_source", { id: values.sourceId }) };
  return undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

function sameEligibility(a: Eligibility, b: Eligibility): boolean {
  if (a.kind === "framework" && b.kind === "framework") return a.framework === b.framework;
  if (a.kind === "states" && b.kind === "states") return sameList(a.states, b.states);
  return a.kind === b.kind;
}

/** Whether writing `next` over the stored item would change nothing. */
export function sameValues(stored: MenuItemValues, next: MenuItemValues): boolean {
  return (
    stored.area === next.area &&
    stored.type === next.type &&
    LANGUAGES.every(
      (lang) => stored.titles[lang] === next.titles[lang] && stored.descriptions[lang] === next.descriptions[lang],
    ) &&
    stored.provider === next.provider &&
    sameList(stored.languages, next.languages) &&
    stored.durationDays === next.durationDays &&
    sameEligibility(stored.eligibility, next.eligibility) &&
    stored.since === next.since &&
    stored.until === next.until &&
    stored.illustrative === next.illustrative &&
    stored.sourceId === next.sourceId
  );
}

/** The draft an item is, to apply a change to. */
function draftOf(row: MenuItemRow): MenuItemDraft {
  return {
    code: row.code,
    area: row.area,
    type: row.type,
    titles: row.titles,
    descriptions: row.descriptions,
    provider: row.provider,
    languages: row.languages,
    durationDays: row.durationDays,
    eligibility: row.eligibility,
    since: row.since,
    until: row.until,
    illustrative: row.illustrative,
    source: row.sourceId,
  };
}

/** The entries of a partial record that are given (an absent language leaves the stored text as it is). */
function definedOnly<T>(record: Partial<Record<Language, T>> | undefined): Partial<Record<Language, T>> {
  const given: Partial<Record<Language, T>> = {};
  for (const lang of LANGUAGES) if (record?.[lang] !== undefined) given[lang] = record[lang];
  return given;
}

/** What the audit log keeps of an item. */
function audited(code: string, values: MenuItemValues) {
  return {
    code,
    area: values.area,
    type: values.type,
    titles: values.titles,
    descriptions: values.descriptions,
    provider: values.provider,
    languages: values.languages,
    durationDays: values.durationDays,
    eligibility: values.eligibility,
    since: values.since,
    until: values.until,
    illustrative: values.illustrative,
    sourceId: values.sourceId,
  };
}

// ------------------------------------------------------------------------------------ CSV

/** An eligibility as the CSV writes it: `all-partners`, `framework:SLUG`, `states:COL;MNG`. */
export function eligibilityText(eligibility: Eligibility): string {
  switch (eligibility.kind) {
    case "all-partners":
      return "all-partners";
    case "framework":
      return `framework:${eligibility.framework}`;
    case "states":
      return `states:${eligibility.states.join(";")}`;
  }
}

/** The CSV's text of an eligibility; undefined when it is none of the three forms (empty: all partners). */
export function parseEligibilityText(text: string): Eligibility | undefined {
  const value = text.trim();
  if (value === "" || value === "all-partners") return { kind: "all-partners" };
  if (value.startsWith("framework:")) return { kind: "framework", framework: value.slice("framework:".length).trim() };
  if (value.startsWith("states:"))
    return {
      kind: "states",
      states: value
        .slice("states:".length)
        .split(";")
        .map((state) => state.trim())
        .filter((state) => state !== ""),
    };
  return undefined;
}

/** One item as a row of the menu's CSV (the import's format), every cell text. */
export function menuCsvRecord(row: MenuItemRow): Record<MenuCsvColumn, string | number | boolean | null> {
  return {
    code: row.code,
    area: row.area,
    type: row.type,
    title_en: row.titles.en,
    title_es: row.titles.es,
    title_pt: row.titles.pt,
    title_fr: row.titles.fr,
    description_en: row.descriptions.en,
    description_es: row.descriptions.es,
    description_pt: row.descriptions.pt,
    description_fr: row.descriptions.fr,
    provider: row.provider,
    languages: row.languages.join(";"),
    duration_days: row.durationDays,
    eligibility: eligibilityText(row.eligibility),
    since: row.since,
    until: row.until,
    illustrative: row.illustrative,
    source: row.sourceId,
  };
}

/** The CSV column a domain field comes from, to name it in an import's report. */
const CSV_FIELD: Record<string, MenuCsvColumn> = {
  "titles.en": "title_en",
  "titles.es": "title_es",
  "titles.pt": "title_pt",
  "titles.fr": "title_fr",
  "descriptions.en": "description_en",
  "descriptions.es": "description_es",
  "descriptions.pt": "description_pt",
  "descriptions.fr": "description_fr",
  durationDays: "duration_days",
};
const csvField = (field: string): string => CSV_FIELD[field] ?? field;

/** The guard src/api/csv.ts puts before text a spreadsheet would run (`'=…`), taken off again. */
const unguarded = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** A CSV row as a draft, or what is wrong with one of its cells (named by its column). */
function draftOfRecord(cells: Record<MenuCsvColumn, string>): MenuItemDraft | Problem {
  const text = (column: MenuCsvColumn) => unguarded(cells[column]);
  const durationText = cells.duration_days.trim();
  if (durationText !== "" && !/^\d{1,4}$/.test(durationText))
    return { field: "duration_days", message: msg("menu.duration_range") };
  const eligibility = parseEligibilityText(cells.eligibility);
  if (!eligibility) return { field: "eligibility", message: msg("menu.eligibility_format") };
  const illustrative = cells.illustrative.trim().toLowerCase();
  if (!["", "true", "false"].includes(illustrative)) return { field: "illustrative", message: msg("menu.boolean") };
  if (cells.since.trim() === "") return { field: "since", message: msg("validation.required") };
  return {
    code: cells.code,
    area: cells.area,
    type: cells.type,
    titles: { en: text("title_en"), es: text("title_es"), pt: text("title_pt"), fr: text("title_fr") },
    descriptions: {
      en: text("description_en"),
      es: text("description_es"),
      pt: text("description_pt"),
      fr: text("description_fr"),
    },
    provider: text("provider"),
    languages: cells.languages
      .split(";")
      .map((language) => language.trim())
      .filter((language) => language !== ""),
    durationDays: durationText === "" ? null : Number(durationText),
    eligibility,
    since: cells.since,
    until: cells.until,
    illustrative: illustrative === "true",
    source: cells.source,
  };
}

type CsvRow = { row: number; cells: Record<MenuCsvColumn, string> } | { row: number; problem: Problem };

/** The file's rows, each with its number (the header is row 1), or a refusal of the whole file. */
function readCsv(text: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n"],
    });
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? Number(error.lines) : 1;
    throw new InvalidRequestError(msg("menu.csv_malformed", { line: Number.isFinite(line) ? line : 1 }), {
      field: "",
    });
  }
  const [header, ...rows] = records;
  if (!header) throw new InvalidRequestError(msg("menu.csv_empty"), { field: "" });
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = MENU_CSV_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !isOneOf(MENU_CSV_COLUMNS, name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0)
    throw new InvalidRequestError(
      msg("menu.csv_columns", {
        missing: missing.join(", ") || "-",
        unknown: [...unknown, ...repeated].join(", ") || "-",
      }),
      { field: "" },
    );
  if (rows.length > MENU_IMPORT_MAX_ROWS)
    throw new InvalidRequestError(msg("menu.csv_too_many_rows", { maximum: MENU_IMPORT_MAX_ROWS }), { field: "" });
  return rows.map((record, index) => {
    const row = index + 2;
    if (record.length !== names.length)
      return {
        row,
        problem: { field: "row", message: msg("menu.csv_row_length", { got: record.length, expected: names.length }) },
      };
    const cells = Object.fromEntries(
      MENU_CSV_COLUMNS.map((column) => [column, record[names.indexOf(column)] ?? ""]),
    ) as Record<MenuCsvColumn, string>;
    return { row, cells };
  });
}

// --------------------------------------------------------------------------------- import

/**
 * Adds and updates the organisation's items from a CSV file of the menu's columns, matched by
 * code. A row with anything wrong is refused whole (the report says which row, which column and
 * why) and the others are written; a file imported twice changes nothing the second time.
 * In the caller's transaction (the API's, the starter data's loader's).
 */
export async function importMenuCsv(
  principal: Principal,
  organizationNamed: string | undefined,
  csvText: string,
  tx: Transaction,
): Promise<MenuImportReport> {
  const organization = organizationFor(principal, organizationNamed);
  authorize(principal, cooperationPolicy.manageMenu(principal, organization), msg("menu.managing", { organization }));
  await requireOrganization(tx, organization);

  const refused: MenuRefusal[] = [];
  const accepted: Array<{ row: number; code: string; values: MenuItemValues }> = [];
  const firstRowOf = new Map<string, number>();
  for (const read of readCsv(csvText)) {
    const code = "cells" in read ? read.cells.code.trim() || null : null;
    const refuse = (problem: Problem) =>
      refused.push({ row: read.row, code, field: csvField(problem.field), message: problem.message });
    if ("problem" in read) {
      refuse(read.problem);
      continue;
    }
    const draft = draftOfRecord(read.cells);
    if ("field" in draft) {
      refuse(draft);
      continue;
    }
    const checked = checkDraft(draft);
    if ("field" in checked) {
      refuse(checked);
      continue;
    }
    const first = firstRowOf.get(checked.code);
    if (first !== undefined) {
      refuse({ field: "code", message: msg("menu.duplicate_row", { row: first }) });
      continue;
    }
    firstRowOf.set(checked.code, read.row);
    accepted.push({ row: read.row, ...checked });
  }

  const references = await loadReferences(
    tx,
    organization,
    accepted.map((item) => item.values),
  );
  const valid = accepted.filter((item) => {
    const problem = checkReferences(item.values, references);
    if (problem)
      refused.push({ row: item.row, code: item.code, field: csvField(problem.field), message: problem.message });
    return problem === undefined;
  });
  refused.sort((a, b) => a.row - b.row);

  const stored = new Map(
    (
      await menuItemsByCode(
        tx,
        organization,
        valid.map((item) => item.code),
      )
    ).map((item) => [item.code, item]),
  );
  const created = valid.filter((item) => !stored.has(item.code));
  const changed = valid.flatMap((item) => {
    const before = stored.get(item.code);
    return before && !sameValues(before, item.values) ? [{ ...item, before }] : [];
  });
  const ids = await insertMenuItems(tx, organization, created);
  for (const item of changed) await updateMenuItem(tx, item.before.id, item.values);

  const report: MenuImportReport = {
    organization,
    created: created.length,
    updated: changed.length,
    unchanged: valid.length - created.length - changed.length,
    refused,
  };
  if (created.length + changed.length > 0) {
    const actor = { ...auditActor(principal), organization };
    const records: AuditRecord[] = [
      ...created.map((item, index) => ({
        ...actor,
        action: "menu.item-create",
        objectType: "menu_item" as const,
        objectId: ids[index] ?? null,
        after: audited(item.code, item.values),
      })),
      ...changed.map((item) => ({
        ...actor,
        action: "menu.item-update",
        objectType: "menu_item" as const,
        objectId: item.before.id,
        before: audited(item.code, item.before),
        after: audited(item.code, item.values),
      })),
      {
        ...actor,
        action: "menu.import",
        objectType: "menu_item",
        objectId: null,
        details: {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          refused: refused.length,
          checksum: createHash("sha256").update(csvText).digest("hex"),
        },
      },
    ];
    await appendAuditEntries(tx, records);
  }
  return report;
}

/** 404 unless `code` is an organisation of the registry. */
async function requireOrganization(executor: Pick<Database, "execute">, code: string): Promise<void> {
  if ((await actorTypeOf(executor, code)) !== "organization")
    throw new NotFoundError(msg("menu.organization_not_found", { code }));
}

// -------------------------------------------------------------------------------- service

export class MenuService {
  constructor(private readonly db: Database) {}

  /** The items on the organisation's menu on `at` (default today) that match the filters, best matches first when searching. */
  async list(principal: Principal, query: MenuQuery): Promise<MenuList> {
    authorize(principal, cooperationPolicy.readMenu(principal), msg("menu.reading"));
    const organization = organizationFor(principal, query.organization);
    await requireOrganization(this.db, organization);
    const at = query.at ?? today();
    if (!isDay(at)) throw new InvalidRequestError(msg("validation.calendar_date"), { field: "at" });
    const area = oneOf(COOPERATION_AREAS, query.area, "area");
    const type = oneOf(ACTIVITY_TYPES, query.type, "type");
    const language = query.language?.trim().toLowerCase();
    if (language !== undefined && !LANGUAGE_CODE.test(language))
      throw new InvalidRequestError(msg("menu.language_codes", { got: query.language ?? "" }), { field: "language" });
    const provider = optionalText(query.provider) ?? undefined;
    if (provider !== undefined && provider.length > COOPERATION_LIMITS.provider)
      throw new InvalidRequestError(msg("validation.too_long", { maximum: COOPERATION_LIMITS.provider }), {
        field: "provider",
      });
    const q = query.q?.trim().replace(/\s+/g, " ") || undefined;
    if (q !== undefined && q.length > SEARCH_MAX_LENGTH)
      throw new InvalidRequestError(msg("validation.too_long", { maximum: SEARCH_MAX_LENGTH }), { field: "q" });
    const eligible = query.eligible?.trim().toUpperCase();
    if (eligible !== undefined && (!STATE_CODE.test(eligible) || (await actorTypeOf(this.db, eligible)) !== "state"))
      throw new InvalidRequestError(msg("menu.not_a_state", { code: query.eligible ?? "" }), { field: "eligible" });
    const limit = query.limit ?? MENU_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MENU_MAX_LIMIT)
      throw new InvalidRequestError(msg("menu.limit_range", { maximum: MENU_MAX_LIMIT }), { field: "limit" });
    const offset = query.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > MENU_MAX_OFFSET)
      throw new InvalidRequestError(msg("menu.offset_range", { maximum: MENU_MAX_OFFSET }), { field: "offset" });

    const { total, items } = await listMenuItems(this.db, {
      organization,
      at,
      area,
      type,
      provider,
      language,
      eligible,
      q,
      lang: query.lang,
      limit,
      offset,
    });
    return { organization, at, total, items };
  }

  async get(principal: Principal, id: number): Promise<MenuItemRow> {
    authorize(principal, cooperationPolicy.readMenu(principal), msg("menu.reading"));
    const item = await findMenuItem(this.db, id);
    if (!item) throw new NotFoundError(msg("menu.item_not_found", { id: String(id) }));
    return item;
  }

  /** A new item on the organisation's menu (its secretariat). */
  async create(principal: Principal, input: MenuItemInput, tx: Transaction): Promise<MenuItemRow> {
    const organization = organizationFor(principal, input.organization);
    authorize(principal, cooperationPolicy.manageMenu(principal, organization), msg("menu.managing", { organization }));
    await requireOrganization(tx, organization);
    const checked = checkDraft(input);
    if ("field" in checked) throw new InvalidRequestError(checked.message, { field: checked.field });
    const problem = checkReferences(checked.values, await loadReferences(tx, organization, [checked.values]));
    if (problem) throw new InvalidRequestError(problem.message, { field: problem.field });
    if ((await menuItemsByCode(tx, organization, [checked.code])).length > 0)
      throw new ConflictError(msg("menu.code_taken", { organization, code: checked.code }));
    const [id] = await insertMenuItems(tx, organization, [checked]);
    const item = present(await findMenuItem(tx, present(id, "the new item's id")), "the new menu item");
    await appendAuditEntries(tx, [
      {
        ...auditActor(principal),
        organization,
        action: "menu.item-create",
        objectType: "menu_item",
        objectId: item.id,
        after: audited(item.code, checked.values),
      },
    ]);
    return item;
  }

  /**
   * A change to an item (its secretariat): the fields given replace the item's. A change that
   * only ends an item's time on the menu (`until`, where it had none) is recorded as its
   * retirement. A change to nothing writes nothing.
   */
  async update(principal: Principal, id: number, patch: MenuItemPatch, tx: Transaction): Promise<MenuItemRow> {
    const item = await lockMenuItem(tx, id);
    if (!item) {
      authorize(principal, cooperationPolicy.readMenu(principal), msg("menu.reading"));
      throw new NotFoundError(msg("menu.item_not_found", { id: String(id) }));
    }
    const { organization } = item;
    authorize(principal, cooperationPolicy.manageMenu(principal, organization), msg("menu.managing", { organization }));
    const given = Object.entries(patch).filter(([, value]) => value !== undefined);
    if (given.length === 0) throw new InvalidRequestError(msg("menu.nothing_to_change"), { field: "" });
    const current = draftOf(item);
    const pick = <K extends keyof MenuItemPatch>(key: K): MenuItemDraft[K] =>
      patch[key] === undefined ? current[key] : patch[key];
    const checked = checkDraft({
      code: item.code,
      area: pick("area") ?? item.area,
      type: pick("type") ?? item.type,
      titles: { ...current.titles, ...definedOnly(patch.titles) },
      descriptions: { ...current.descriptions, ...definedOnly(patch.descriptions) },
      provider: pick("provider") ?? item.provider,
      languages: pick("languages"),
      durationDays: pick("durationDays"),
      eligibility: pick("eligibility"),
      since: pick("since") ?? item.since,
      until: pick("until"),
      illustrative: pick("illustrative"),
      source: pick("source"),
    });
    if ("field" in checked) throw new InvalidRequestError(checked.message, { field: checked.field });
    const problem = checkReferences(checked.values, await loadReferences(tx, organization, [checked.values]));
    if (problem) throw new InvalidRequestError(problem.message, { field: problem.field });
    if (sameValues(item, checked.values)) return item;

    const retiring =
      item.until === null &&
      checked.values.until !== null &&
      sameValues({ ...item, until: checked.values.until }, checked.values);
    await updateMenuItem(tx, id, checked.values);
    await appendAuditEntries(tx, [
      {
        ...auditActor(principal),
        organization,
        action: retiring ? "menu.item-retire" : "menu.item-update",
        objectType: "menu_item",
        objectId: id,
        before: audited(item.code, item),
        after: audited(item.code, checked.values),
      },
    ]);
    return present(await findMenuItem(tx, id), "the changed menu item");
  }

  /** Takes an item off the menu from `until` (exclusive: its last day on the menu is the day before). */
  async retire(principal: Principal, id: number, until: string, tx: Transaction): Promise<MenuItemRow> {
    return this.update(principal, id, { until }, tx);
  }

  /**
   * Adds and updates the organisation's items from a CSV file of the menu's columns
   * (`importMenuCsv`), in `tx` when given, else in a transaction of its own.
   */
  async importCsv(
    principal: Principal,
    organization: string | undefined,
    csvText: string,
    tx?: Transaction,
  ): Promise<MenuImportReport> {
    if (tx) return importMenuCsv(principal, organization, csvText, tx);
    return this.db.transaction((own) => importMenuCsv(principal, organization, csvText, own));
  }

  /**
   * Whether `state` may take part in a menu item (by id) on `day`, by the registry: a partner of
   * the item's organisation that day, through a partnership its eligibility answers. For the
   * events' nominations; `executor` lets a caller ask inside its own transaction.
   */
  async isEligibleOn(
    item: number | { organization: string; eligibility: Eligibility },
    state: string,
    day: string,
    executor: Database | Transaction = this.db,
  ): Promise<boolean> {
    if (typeof item === "number") return isMenuItemEligible(executor, item, state, day);
    const standing = await standingOf(this.db, state, item.organization, day);
    return isEligible(item.eligibility, state, standing.partnerships);
  }

  /** The brief's name for `isEligibleOn` by item id. */
  eligibilityOn(itemId: number, state: string, day: string, executor?: Database | Transaction): Promise<boolean> {
    return this.isEligibleOn(itemId, state, day, executor);
  }

  /** The states that may take part in the item on `day`, by code. */
  async eligibleStates(itemId: number, day: string, executor: Database | Transaction = this.db): Promise<string[]> {
    return eligibleStatesFor(executor, itemId, day);
  }
}
