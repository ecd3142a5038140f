/**
 * The partnership menu's SQL (menu_items, migrations 0022 and 0023): lists with filters and a
 * count, full-text search in the four languages (menu_search_document / menu_search_query over
 * search_fold()ed text, with a substring fallback for words typed in part), eligibility judged
 * against the registry's partner relations on a day, and the writes: insert, update, retire,
 * and an import's upsert by (organisation, code). SQL and nothing else: what may be written,
 * and by whom, is the service's (src/services/cooperation/menu.ts).
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import {
  ACTIVITY_TYPES,
  type ActivityType,
  COOPERATION_AREAS,
  type CooperationArea,
  type Eligibility,
} from "../../domain/cooperation.ts";
import type { Language } from "../../domain/languages.ts";
import type { Database, Transaction } from "../client.ts";
import { menuItems } from "../schema.ts";

type Executor = Pick<Database, "execute">;

/** Text in the four languages, English required (titles) or not (descriptions). */
export type MenuTitles = { en: string; es: string | null; pt: string | null; fr: string | null };
export type MenuDescriptions = { en: string | null; es: string | null; pt: string | null; fr: string | null };

/** What an item holds, as the service writes it (dates YYYY-MM-DD; `until` exclusive, null while on the menu). */
export type MenuItemValues = {
  area: CooperationArea;
  type: ActivityType;
  titles: MenuTitles;
  descriptions: MenuDescriptions;
  provider: string;
  languages: string[];
  durationDays: number | null;
  eligibility: Eligibility;
  since: string;
  until: string | null;
  illustrative: boolean;
  sourceId: string | null;
};

export type MenuItemRow = MenuItemValues & {
  id: number;
  organization: string;
  code: string;
  source: { id: string; title: string } | null;
};

export const eligibilityValue: z.ZodType<Eligibility> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all-partners") }),
  z.object({ kind: z.literal("framework"), framework: z.string() }),
  z.object({ kind: z.literal("states"), states: z.array(z.string()) }),
]);

const menuItemRow = z.object({
  id: z.coerce.number(),
  organization: z.string(),
  code: z.string(),
  area: z.enum(COOPERATION_AREAS),
  type: z.enum(ACTIVITY_TYPES),
  titles: z.object({ en: z.string(), es: z.string().nullable(), pt: z.string().nullable(), fr: z.string().nullable() }),
  descriptions: z.object({
    en: z.string().nullable(),
    es: z.string().nullable(),
    pt: z.string().nullable(),
    fr: z.string().nullable(),
  }),
  provider: z.string(),
  languages: z.array(z.string()),
  durationDays: z.number().nullable(),
  eligibility: eligibilityValue,
  since: z.string(),
  until: z.string().nullable(),
  illustrative: z.boolean(),
  sourceId: z.string().nullable(),
  source: z.object({ id: z.string(), title: z.string() }).nullable(),
}) satisfies z.ZodType<MenuItemRow>;

const itemColumns = sql`
  m.id, m.organization_code AS organization, m.code, m.area, m.type,
  jsonb_build_object('en', m.title_en, 'es', m.title_es, 'pt', m.title_pt, 'fr', m.title_fr) AS titles,
  jsonb_build_object('en', m.description_en, 'es', m.description_es, 'pt', m.description_pt, 'fr', m.description_fr) AS descriptions,
  m.provider, m.languages, m.duration_days AS "durationDays", m.eligibility,
  lower(m.valid)::text AS since, upper(m.valid)::text AS until, m.illustrative, m.source_id AS "sourceId",
  CASE WHEN s.id IS NOT NULL THEN jsonb_build_object('id', s.id, 'title', s.title) END AS source`;

const fromItems = sql`FROM menu_items m LEFT JOIN sources s ON s.id = m.source_id`;

/** The document and query of the full-text search (0023): the same expressions as the index's. */
const searchDocument = sql`menu_search_document(m.code, m.provider, m.title_en, m.title_es, m.title_pt, m.title_fr,
  m.description_en, m.description_es, m.description_pt, m.description_fr)`;
const searchText = sql`menu_search_text(m.code, m.provider, m.title_en, m.title_es, m.title_pt, m.title_fr)`;

/** The text as a LIKE pattern's literal part: `%`, `_` and `\` stand for themselves. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The words of a search, for the substring fallback (at most ten; the full-text search takes them all). */
function wordsOf(q: string): string[] {
  return q
    .split(/[\s"]+/)
    .map((word) => word.replace(/^[-+]+/, ""))
    .filter((word) => word !== "" && word.toLowerCase() !== "or")
    .slice(0, 10);
}

/**
 * Whether `state` may take part in the item `m` on `day`: it holds a partner relation towards
 * the item's organisation on that day, and that partnership answers the item's eligibility (any
 * partnership; one of the named framework; or the state named). The same rule as `isEligible`
 * (src/domain/cooperation.ts) over `standingOf`'s partnerships; a test holds them together.
 */
export function eligibleCondition(state: string | SQL, day: string): SQL {
  return sql`EXISTS (
    SELECT 1 FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
    WHERE r.subject_code = ${state} AND r.object_code = m.organization_code AND r.kind = 'partner'
      AND r.valid @> ${day}::date
      AND (m.eligibility->>'kind' = 'all-partners'
        OR (m.eligibility->>'kind' = 'framework' AND f.slug = m.eligibility->>'framework')
        OR (m.eligibility->>'kind' = 'states' AND m.eligibility->'states' ? ${state})))`;
}

export type MenuFilter = {
  organization: string;
  /** Items on the menu that day. */
  at: string;
  area?: CooperationArea;
  type?: ActivityType;
  /** Part of the provider's name, ignoring case and accents. */
  provider?: string;
  /** A language the item is taught in (ISO 639-1). */
  language?: string;
  /** Only items this state may take part in on `at`. */
  eligible?: string;
  /** Words to search for, in any of the four languages. */
  q?: string;
  /** The reader's language: ties are ordered by the title in it. */
  lang: Language;
  limit: number;
  offset: number;
};

const titleColumn: Record<Language, string> = {
  en: "m.title_en",
  es: "m.title_es",
  pt: "m.title_pt",
  fr: "m.title_fr",
};

/** The items matching the filter, best matches first when searching, with how many match in all. */
export async function listMenuItems(
  db: Executor,
  filter: MenuFilter,
): Promise<{ total: number; items: MenuItemRow[] }> {
  const conditions: SQL[] = [sql`m.organization_code = ${filter.organization}`, sql`m.valid @> ${filter.at}::date`];
  if (filter.area) conditions.push(sql`m.area = ${filter.area}`);
  if (filter.type) conditions.push(sql`m.type = ${filter.type}`);
  if (filter.provider)
    conditions.push(sql`search_fold(m.provider) LIKE '%' || search_fold(${literal(filter.provider)}) || '%'`);
  if (filter.language) conditions.push(sql`m.languages @> ARRAY[${filter.language}]::text[]`);
  if (filter.eligible) conditions.push(eligibleCondition(filter.eligible, filter.at));

  const ownTitle = sql.raw(`coalesce(${titleColumn[filter.lang]}, m.title_en)`);
  let order = sql`m.area, search_fold(${ownTitle}), m.code`;
  let group = sql`0`;
  let score = sql`0::real`;
  const words = filter.q ? wordsOf(filter.q) : [];
  if (filter.q) {
    const query = sql`menu_search_query(${filter.q})`;
    const substring =
      words.length === 0
        ? sql`false`
        : sql.join(
            words.map((word) => sql`${searchText} LIKE '%' || search_fold(${literal(word)}) || '%'`),
            sql` AND `,
          );
    conditions.push(sql`(${searchDocument} @@ ${query} OR (${substring}))`);
    // An exact code first, then full-text matches by their weight (titles count most), then the substrings.
    group = sql`CASE WHEN lower(m.code) = lower(${filter.q}) THEN 0 WHEN ${searchDocument} @@ ${query} THEN 1 ELSE 2 END`;
    score = sql`ts_rank_cd(${searchDocument}, ${query})`;
    order = sql`search_group, search_score DESC, search_fold(${ownTitle}), m.code`;
  }
  const where = sql.join(conditions, sql` AND `);
  const counted = await db.execute(sql`SELECT count(*)::int AS total FROM menu_items m WHERE ${where}`);
  const total = z.object({ total: z.number() }).parse(counted.rows[0]).total;
  const result = await db.execute(sql`
    SELECT ${itemColumns}, ${group} AS search_group, ${score} AS search_score ${fromItems}
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  return { total, items: result.rows.map((row) => menuItemRow.parse(row)) };
}

export async function findMenuItem(db: Executor, id: number): Promise<MenuItemRow | undefined> {
  const result = await db.execute(sql`SELECT ${itemColumns} ${fromItems} WHERE m.id = ${id}`);
  const [row] = result.rows;
  return row === undefined ? undefined : menuItemRow.parse(row);
}

/** The item, locked for an update in this transaction. */
export async function lockMenuItem(tx: Transaction, id: number): Promise<MenuItemRow | undefined> {
  await tx.execute(sql`SELECT 1 FROM menu_items WHERE id = ${id} FOR UPDATE`);
  return findMenuItem(tx, id);
}

/** The organisation's items of these codes, whatever their dates. */
export async function menuItemsByCode(
  db: Executor,
  organization: string,
  codes: readonly string[],
): Promise<MenuItemRow[]> {
  if (codes.length === 0) return [];
  const result = await db.execute(sql`
    SELECT ${itemColumns} ${fromItems}
    WHERE m.organization_code = ${organization} AND m.code = ANY(${sql.param([...codes])}::text[])`);
  return result.rows.map((row) => menuItemRow.parse(row));
}

/** Whether `state` may take part in the item on `day`, by the registry (eligibleCondition). */
export async function isMenuItemEligible(db: Executor, id: number, state: string, day: string): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT ${eligibleCondition(state, day)} AS eligible FROM menu_items m WHERE m.id = ${id}`,
  );
  const [row] = result.rows;
  return row === undefined ? false : z.object({ eligible: z.boolean() }).parse(row).eligible;
}

/** The states eligible for the item on `day` (partners of its organisation that day whose partnership answers it). */
export async function eligibleStatesFor(db: Executor, id: number, day: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT a.code FROM menu_items m
    JOIN relations p ON p.object_code = m.organization_code AND p.kind = 'partner' AND p.valid @> ${day}::date
    JOIN actors a ON a.code = p.subject_code AND a.type = 'state'
    WHERE m.id = ${id} AND ${eligibleCondition(sql`a.code`, day)}
    ORDER BY a.code`);
  return result.rows.map((row) => z.object({ code: z.string() }).parse(row).code);
}

function columnsOf(values: MenuItemValues) {
  return {
    area: values.area,
    type: values.type,
    titleEn: values.titles.en,
    titleEs: values.titles.es,
    titlePt: values.titles.pt,
    titleFr: values.titles.fr,
    descriptionEn: values.descriptions.en,
    descriptionEs: values.descriptions.es,
    descriptionPt: values.descriptions.pt,
    descriptionFr: values.descriptions.fr,
    provider: values.provider,
    languages: values.languages,
    durationDays: values.durationDays,
    eligibility: values.eligibility,
    valid: `[${values.since},${values.until ?? ""})`,
    illustrative: values.illustrative,
    sourceId: values.sourceId,
  };
}

/** New items of one organisation; their ids, in order. */
export async function insertMenuItems(
  tx: Transaction,
  organization: string,
  items: ReadonlyArray<{ code: string; values: MenuItemValues }>,
): Promise<number[]> {
  if (items.length === 0) return [];
  const rows = await tx
    .insert(menuItems)
    .values(items.map((item) => ({ organizationCode: organization, code: item.code, ...columnsOf(item.values) })))
    .returning({ id: menuItems.id });
  return rows.map((row) => row.id);
}

export async function updateMenuItem(tx: Transaction, id: number, values: MenuItemValues): Promise<void> {
  await tx.update(menuItems).set(columnsOf(values)).where(eq(menuItems.id, id));
}

/** Takes the item off the menu from `until` (exclusive: its last day is the day before). */
export async function retireMenuItem(tx: Transaction, id: number, until: string): Promise<void> {
  await tx.execute(sql`UPDATE menu_items SET valid = daterange(lower(valid), ${until}::date) WHERE id = ${id}`);
}

/** Which of these sources exist. */
export async function existingSources(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.execute(sql`SELECT id FROM sources WHERE id = ANY(${sql.param([...ids])}::text[])`);
  return new Set(result.rows.map((row) => z.object({ id: z.string() }).parse(row).id));
}

/** The organisation's framework slugs. */
export async function frameworkSlugs(db: Executor, organization: string): Promise<Set<string>> {
  const result = await db.execute(sql`SELECT slug FROM frameworks WHERE organization_code = ${organization}`);
  return new Set(result.rows.map((row) => z.object({ slug: z.string() }).parse(row).slug));
}

/** Which of these codes are states in the registry. */
export async function existingStates(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const result = await db.execute(
    sql`SELECT code FROM actors WHERE type = 'state' AND code = ANY(${sql.param([...codes])}::text[])`,
  );
  return new Set(result.rows.map((row) => z.object({ code: z.string() }).parse(row).code));
}

/** The actor's type, if there is one of this code. */
export async function actorTypeOf(db: Executor, code: string): Promise<"state" | "organization" | undefined> {
  const result = await db.execute(sql`SELECT type FROM actors WHERE code = ${code}`);
  const [row] = result.rows;
  return row === undefined ? undefined : z.object({ type: z.enum(["state", "organization"]) }).parse(row).type;
}

/** Serialises loaders of the starter menu on one database (the second waits, then finds it loaded). */
export async function lockStarterMenu(tx: Transaction): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('concord-starter-menu'))`);
}

/** The checksum recorded for an import of this name, if it was applied. */
export async function importChecksum(db: Executor, name: string): Promise<string | undefined> {
  const result = await db.execute(sql`SELECT checksum FROM imports WHERE name = ${name}`);
  const [row] = result.rows;
  return row === undefined ? undefined : z.object({ checksum: z.string() }).parse(row).checksum;
}

/** Records an import of this name with its checksum (replacing an earlier record of it). */
export async function recordMenuImport(
  tx: Transaction,
  name: string,
  checksum: string,
  summary: Record<string, number>,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO imports (name, checksum, summary) VALUES (${name}, ${checksum}, ${JSON.stringify(summary)}::jsonb)
    ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, summary = EXCLUDED.summary, applied_at = now()`);
}
