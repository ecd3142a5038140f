/**
 * Reads of the registry: SQL and nothing else. Who may see what is decided by the services;
 * how rows leave the server is decided by the presenters.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Precision } from "../../domain/dates.ts";
import { LANGUAGES, type Names } from "../../domain/languages.ts";
import type { ActorType, Certainty, ClaimField, RelationKind } from "../../domain/registry.ts";
import type { Database } from "../client.ts";
import { actorType, certainty, claimField, datePrecision, relationKind } from "../schema.ts";

export type ActorRow = {
  code: string;
  type: ActorType;
  names: Names;
  /** An organisation's short name in each language (NATO, OTAN); null for a state. */
  abbreviations: Names | null;
  isoAlpha2: string | null;
  isoNumeric: string | null;
  cowCode: number | null;
  note: string | null;
};

export type ActorPeriodRow = {
  since: string;
  sincePrecision: Precision;
  until: string | null;
  untilPrecision: Precision | null;
  sourceId: string;
  cowCode: number | null;
};

/** A cited source as lists carry it: enough to show it once, link to it and cite it. */
export type SourceRef = {
  id: string;
  title: string;
  publisher: string;
  published: string | null;
  publishedPrecision: Precision | null;
  url: string | null;
  archive: string | null;
};

export type RelationRow = {
  id: number;
  subject: string;
  subjectType: ActorType;
  subjectNames: Names;
  subjectIsoNumeric: string | null;
  object: string;
  objectType: ActorType;
  objectNames: Names;
  kind: RelationKind;
  framework: string | null;
  frameworkNames: Names | null;
  designation: string | null;
  since: string;
  sincePrecision: Precision;
  until: string | null;
  untilPrecision: Precision | null;
  certainty: Certainty;
  note: string | null;
  /** The organisation whose process recorded it (its secretariat, a decision, a notice); null for Concord's own data. */
  recordedBy: string | null;
  sources: SourceRef[];
};

export type SourceRow = SourceRef & {
  perspective: string | null;
  file: string | null;
  citation: string | null;
};

export type ClaimRow = {
  id: number;
  field: ClaimField;
  asserted: string | null;
  assertedPrecision: Precision | null;
  quote: string | null;
  note: string | null;
  locator: string | null;
  source: SourceRow;
};

export type FrameworkRow = {
  organization: string;
  slug: string;
  names: Names;
  since: string | null;
  sincePrecision: Precision | null;
};

// -------------------------------------------------------------------------------------------
// The shapes rows arrive in, checked as they arrive. These are the registry's hot queries
// (bench/registry.ts): plain SQL, whose rows a validator checks for a fraction of a
// microsecond each, where Drizzle's select would map every column of every row through its
// aliases (several microseconds a row, measured on the as-of list). JSON values are checked
// and kept as they came: the same object, its keys in the same order.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A name in every language (json_build_object of name_en, name_es, name_pt, name_fr). */
export const namesValue = z.custom<Names>(
  (value) => isRecord(value) && LANGUAGES.every((language) => typeof value[language] === "string"),
  "a name in every language",
);

const precision = z.enum(datePrecision.enumValues);

const isSourceRef = (value: unknown): value is SourceRef =>
  isRecord(value) &&
  typeof value.id === "string" &&
  typeof value.title === "string" &&
  typeof value.publisher === "string" &&
  ["published", "url", "archive"].every((key) => value[key] === null || typeof value[key] === "string") &&
  (value.publishedPrecision === null || precision.safeParse(value.publishedPrecision).success);
const sourceRefs = z.custom<SourceRef[]>(
  (value) => Array.isArray(value) && value.every(isSourceRef),
  "the sources cited",
);
/** A claim's source in full (json_build_object of every column of sources). */
function isSource(value: unknown): value is SourceRow {
  if (!isSourceRef(value)) return false;
  const fields: Record<string, unknown> = value;
  return ["perspective", "file", "citation"].every((key) => fields[key] === null || typeof fields[key] === "string");
}
const sourceValue = z.custom<SourceRow>(isSource, "a source");

const actorRow = z.object({
  code: z.string(),
  type: z.enum(actorType.enumValues),
  names: namesValue,
  abbreviations: namesValue.nullable(),
  isoAlpha2: z.string().nullable(),
  isoNumeric: z.string().nullable(),
  cowCode: z.number().nullable(),
  note: z.string().nullable(),
}) satisfies z.ZodType<ActorRow>;

const actorPeriodRow = z.object({
  since: z.string(),
  sincePrecision: precision,
  until: z.string().nullable(),
  untilPrecision: precision.nullable(),
  sourceId: z.string(),
  cowCode: z.number().nullable(),
}) satisfies z.ZodType<ActorPeriodRow>;

const frameworkRow = z.object({
  organization: z.string(),
  slug: z.string(),
  names: namesValue,
  since: z.string().nullable(),
  sincePrecision: precision.nullable(),
}) satisfies z.ZodType<FrameworkRow>;

const relationRow = z.object({
  id: z.number(),
  subject: z.string(),
  subjectType: z.enum(actorType.enumValues),
  subjectNames: namesValue,
  subjectIsoNumeric: z.string().nullable(),
  object: z.string(),
  objectType: z.enum(actorType.enumValues),
  objectNames: namesValue,
  kind: z.enum(relationKind.enumValues),
  framework: z.string().nullable(),
  frameworkNames: namesValue.nullable(),
  designation: z.string().nullable(),
  since: z.string(),
  sincePrecision: precision,
  until: z.string().nullable(),
  untilPrecision: precision.nullable(),
  certainty: z.enum(certainty.enumValues),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  sources: sourceRefs,
}) satisfies z.ZodType<RelationRow>;

const claimRow = z.object({
  id: z.number(),
  field: z.enum(claimField.enumValues),
  asserted: z.string().nullable(),
  assertedPrecision: precision.nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
  locator: z.string().nullable(),
  source: sourceValue,
}) satisfies z.ZodType<ClaimRow>;

const namesOf = (alias: string) =>
  sql.raw(
    `json_build_object('en', ${alias}.name_en, 'es', ${alias}.name_es, 'pt', ${alias}.name_pt, 'fr', ${alias}.name_fr)`,
  );

const actorColumns = sql`a.code, a.type, ${namesOf("a")} AS names,
  CASE WHEN a.abbreviation_en IS NULL THEN NULL ELSE json_build_object('en', a.abbreviation_en,
    'es', a.abbreviation_es, 'pt', a.abbreviation_pt, 'fr', a.abbreviation_fr) END AS abbreviations,
  a.iso_alpha2 AS "isoAlpha2",
  a.iso_numeric AS "isoNumeric", a.cow_code AS "cowCode", a.note`;

/**
 * Relations matching `where` (over `relations r`), with both actors' names, the framework, and
 * the sources their claims cite — each once, in a stable order. The matching relations are
 * chosen first and their sources gathered in one grouped pass: a subquery per row cost more
 * than the as-of lookup itself (bench/registry.ts).
 */
function selectRelations(where: SQL, orderBy: SQL): SQL {
  return sql`
    WITH matching AS (SELECT r.* FROM relations r WHERE ${where}),
    cited AS (
      SELECT pairs.relation_id,
             json_agg(json_build_object('id', src.id, 'title', src.title, 'publisher', src.publisher,
               'published', src.published, 'publishedPrecision', src.published_precision, 'url', src.url,
               'archive', src.archive) ORDER BY src.id) AS sources
      FROM (SELECT DISTINCT relation_id, source_id FROM claims WHERE relation_id IN (SELECT id FROM matching)) pairs
      JOIN sources src ON src.id = pairs.source_id
      GROUP BY pairs.relation_id
    )
    SELECT r.id::int AS id,
           r.subject_code AS subject, s.type AS "subjectType", ${namesOf("s")} AS "subjectNames", s.iso_numeric AS "subjectIsoNumeric",
           r.object_code AS object, o.type AS "objectType", ${namesOf("o")} AS "objectNames",
           r.kind, f.slug AS framework, CASE WHEN f.id IS NULL THEN NULL ELSE ${namesOf("f")} END AS "frameworkNames",
           r.designation,
           lower(r.valid) AS since, r.since_precision AS "sincePrecision",
           upper(r.valid) AS until, r.until_precision AS "untilPrecision",
           r.certainty, r.note, r.recorded_by AS "recordedBy",
           coalesce(cited.sources, '[]'::json) AS sources
    FROM matching r
    JOIN actors s ON s.code = r.subject_code
    JOIN actors o ON o.code = r.object_code
    LEFT JOIN frameworks f ON f.id = r.framework_id
    LEFT JOIN cited ON cited.relation_id = r.id
    ORDER BY ${orderBy}`;
}

export class RegistryRepository {
  /** Works on the pool or inside a transaction alike. */
  constructor(private readonly db: Pick<Database, "execute">) {}

  /** The rows `query` gives, each checked against `row`. */
  private async rows<T>(row: z.ZodType<T>, query: SQL): Promise<T[]> {
    const result = await this.db.execute(query);
    return result.rows.map((value) => row.parse(value));
  }

  async findActor(code: string): Promise<ActorRow | undefined> {
    const [row] = await this.rows(actorRow, sql`SELECT ${actorColumns} FROM actors a WHERE a.code = ${code}`);
    return row;
  }

  async listActors(filter: { type?: ActorType; q?: string }): Promise<ActorRow[]> {
    const conditions: SQL[] = [sql`true`];
    if (filter.type) conditions.push(sql`a.type = ${filter.type}`);
    if (filter.q) {
      // A search matches the code or any of the four names, ignoring case.
      const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(sql`(a.code ILIKE ${pattern} OR a.name_en ILIKE ${pattern} OR a.name_es ILIKE ${pattern}
        OR a.name_pt ILIKE ${pattern} OR a.name_fr ILIKE ${pattern})`);
    }
    return this.rows(
      actorRow,
      sql`SELECT ${actorColumns} FROM actors a WHERE ${sql.join(conditions, sql` AND `)} ORDER BY a.code`,
    );
  }

  async actorPeriods(code: string): Promise<ActorPeriodRow[]> {
    return this.rows(
      actorPeriodRow,
      sql`
      SELECT lower(valid) AS since, since_precision AS "sincePrecision", upper(valid) AS until,
             until_precision AS "untilPrecision", source_id AS "sourceId", cow_code AS "cowCode"
      FROM actor_periods WHERE actor_code = ${code} ORDER BY lower(valid)`,
    );
  }

  async frameworks(organizationCode?: string): Promise<FrameworkRow[]> {
    const where = organizationCode ? sql`WHERE organization_code = ${organizationCode}` : sql``;
    return this.rows(
      frameworkRow,
      sql`
      SELECT organization_code AS organization, slug, ${namesOf("frameworks")} AS names,
             since, since_precision AS "sincePrecision"
      FROM frameworks ${where} ORDER BY organization_code, since NULLS LAST, slug`,
    );
  }

  /** Relations held towards `objectCode` on `at`, or at any time when `at` is undefined. */
  async relationsTowards(
    objectCode: string,
    at: string | undefined,
    filter: { kind?: RelationKind; framework?: string },
  ): Promise<RelationRow[]> {
    const conditions: SQL[] = [sql`r.object_code = ${objectCode}`];
    if (at) conditions.push(sql`r.valid @> ${at}::date`);
    if (filter.kind) conditions.push(sql`r.kind = ${filter.kind}`);
    if (filter.framework) {
      conditions.push(
        sql`r.framework_id = (SELECT id FROM frameworks WHERE organization_code = ${objectCode} AND slug = ${filter.framework})`,
      );
    }
    return this.rows(
      relationRow,
      selectRelations(sql.join(conditions, sql` AND `), sql`r.subject_code, r.kind, lower(r.valid)`),
    );
  }

  /** Relations in which `code` is subject or object, valid on `at`, or at any time when `at` is undefined. */
  async relationsInvolving(code: string, at?: string): Promise<RelationRow[]> {
    const when = at ? sql`AND r.valid @> ${at}::date` : sql``;
    return this.rows(
      relationRow,
      selectRelations(sql`(r.subject_code = ${code} OR r.object_code = ${code}) ${when}`, sql`lower(r.valid), r.id`),
    );
  }

  async findRelation(id: number): Promise<RelationRow | undefined> {
    const [row] = await this.rows(relationRow, selectRelations(sql`r.id = ${id}`, sql`r.id`));
    return row;
  }

  async claimsOf(relationId: number): Promise<ClaimRow[]> {
    return this.rows(
      claimRow,
      sql`
      SELECT c.id::int AS id, c.field, c.asserted, c.asserted_precision AS "assertedPrecision", c.quote, c.note, c.locator,
             json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'published', s.published,
               'publishedPrecision', s.published_precision, 'url', s.url, 'archive', s.archive,
               'perspective', s.perspective, 'file', s.file, 'citation', s.citation) AS source
      FROM claims c JOIN sources s ON s.id = c.source_id
      WHERE c.relation_id = ${relationId}
      ORDER BY c.field, c.asserted NULLS FIRST, c.id`,
    );
  }
}
