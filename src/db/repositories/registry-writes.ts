/**
 * Writes to the registry: SQL and nothing else. Used by the starter data loader and by the
 * registry's write API, so a relation is stored one way only.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { parsePartialDate, type PartialDate } from "../../domain/dates.ts";
import { toDaterange } from "../../domain/interval.ts";
import type { Database } from "../client.ts";
import { actors, relations, sources } from "../schema.ts";

type Executor = Pick<Database, "execute">;
type Reader = Pick<Database, "select">;

/**
 * A column of the outer query inside a subquery of a select field. Drizzle writes a one-table
 * query's own columns unqualified in its select list ("code"), which inside the subquery could
 * name the subquery's column instead; nested like this, it stays "actors"."code".
 */
const outer = (column: AnyPgColumn) => sql`${column}`;

export type NewClaim = {
  source: string;
  field: "relation" | "since" | "until";
  date?: string;
  quote?: string;
  note?: string;
  locator?: string;
};
export type NewRelation = {
  subject: string;
  object: string;
  kind: string;
  framework?: string;
  designation?: string;
  since: string;
  until?: string;
  certainty: string;
  note?: string;
};

/** Who writes a relation: the organisation whose process records it, or null for Concord's own data. */
export type RecordedBy = string | null;

/** A partial date the caller has validated already (format.ts). */
function partial(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`Not a validated date: ${text}`);
  return parsed;
}

export async function insertRelation(
  db: Pick<Database, "insert">,
  relation: NewRelation,
  recordedBy: RecordedBy = null,
): Promise<number> {
  const since = partial(relation.since);
  const until = relation.until ? partial(relation.until) : undefined;
  const [row] = await db
    .insert(relations)
    .values({
      subjectCode: relation.subject,
      objectCode: relation.object,
      // Checked by the caller (format.ts, the API's schemas) as text; the database has the last word.
      kind: sql`${relation.kind}::relation_kind`,
      frameworkId: relation.framework
        ? sql`(SELECT id FROM frameworks WHERE organization_code = ${relation.object} AND slug = ${relation.framework})`
        : null,
      designation: relation.designation ?? null,
      valid: sql`${toDaterange({ since: since.date, until: until?.date ?? null })}::daterange`,
      sincePrecision: since.precision,
      untilPrecision: until?.precision ?? null,
      certainty: sql`${relation.certainty}::certainty`,
      note: relation.note ?? null,
      recordedBy,
    })
    .returning({ id: relations.id });
  if (!row) throw new Error("INSERT … RETURNING gave no relation");
  return row.id;
}

export async function insertClaims(db: Executor, relationId: number, claims: NewClaim[]): Promise<void> {
  for (const claim of claims) {
    const asserted = claim.date ? partial(claim.date) : undefined;
    await db.execute(sql`
      INSERT INTO claims (relation_id, source_id, field, asserted, asserted_precision, quote, note, locator)
      VALUES (${relationId}, ${claim.source}, ${claim.field}::claim_field, ${asserted?.date ?? null}::date,
              ${asserted?.precision ?? null}::date_precision, ${claim.quote ?? null}, ${claim.note ?? null},
              ${claim.locator ?? null})`);
  }
}

/** Locks the relation for the rest of the transaction; its dates as stored. */
export async function lockRelation(db: Reader, id: number) {
  const [row] = await db
    .select({
      id: relations.id,
      since: sql<string>`lower(${relations.valid})`,
      until: sql<string | null>`upper(${relations.valid})`,
      sincePrecision: relations.sincePrecision,
      untilPrecision: relations.untilPrecision,
      certainty: relations.certainty,
      note: relations.note,
    })
    .from(relations)
    .where(eq(relations.id, id))
    .for("update");
  return row;
}

export async function updateRelation(
  db: Executor,
  id: number,
  change: { since: PartialDate; until: PartialDate | null; certainty: string; note: string | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE relations
    SET valid = ${toDaterange({ since: change.since.date, until: change.until?.date ?? null })}::daterange,
        since_precision = ${change.since.precision}::date_precision,
        until_precision = ${change.until?.precision ?? null}::date_precision,
        certainty = ${change.certainty}::certainty, note = ${change.note}
    WHERE id = ${id}`);
}

export async function insertSource(
  db: Executor,
  source: {
    id: string;
    title: string;
    publisher: string;
    published?: string;
    url?: string;
    perspective?: string;
    citation?: string;
    archive?: string;
  },
): Promise<void> {
  const published = source.published ? partial(source.published) : undefined;
  await db.execute(sql`
    INSERT INTO sources (id, title, publisher, published, published_precision, url, perspective, citation, archive)
    VALUES (${source.id}, ${source.title}, ${source.publisher}, ${published?.date ?? null}::date,
            ${published?.precision ?? null}::date_precision, ${source.url ?? null}, ${source.perspective ?? null},
            ${source.citation ?? null}, ${source.archive ?? null})`);
}

/**
 * What decides who may write relations towards an actor: its type, whether it is an
 * organisation with a secretariat in Concord (any account of its own), and whether it is a
 * state with a deciding body of its own here (its designations are that body's to make).
 */
export async function writeTarget(
  db: Reader,
  code: string,
): Promise<{ code: string; type: "state" | "organization"; hasSecretariat: boolean; hasOwnBody: boolean } | undefined> {
  const [row] = await db
    .select({
      code: actors.code,
      type: actors.type,
      hasSecretariat: sql<boolean>`EXISTS (SELECT 1 FROM accounts x WHERE x.organization_code = ${outer(actors.code)})`,
      hasOwnBody: sql<boolean>`EXISTS (SELECT 1 FROM bodies b WHERE b.actor_code = ${outer(actors.code)} AND ${outer(actors.type)} = 'state')`,
    })
    .from(actors)
    .where(eq(actors.code, code));
  return row;
}

/** The object of a stored relation (what its write rights follow). */
export async function relationObject(db: Reader, id: number): Promise<string | undefined> {
  const [row] = await db.select({ object: relations.objectCode }).from(relations).where(eq(relations.id, id));
  return row?.object;
}

/** Of these codes, those that name no actor. */
export async function unknownActors(db: Reader, codes: string[]): Promise<string[]> {
  const rows = await db.select({ code: actors.code }).from(actors).where(inArray(actors.code, codes));
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

/** Of these ids, those that name no source. */
export async function unknownSources(db: Reader, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: sources.id }).from(sources).where(inArray(sources.id, ids));
  const known = new Set(rows.map((row) => row.id));
  return [...new Set(ids)].filter((id) => !known.has(id));
}

/** Relations that a new interval for the same fact would overlap: what the database would refuse. */
export async function overlapping(
  db: Reader,
  relation: NewRelation,
  valid: string,
  exceptId?: number,
): Promise<number[]> {
  const rows = await db
    .select({ id: relations.id })
    .from(relations)
    .where(
      and(
        eq(relations.subjectCode, relation.subject),
        eq(relations.objectCode, relation.object),
        sql`${relations.kind} = ${relation.kind}::relation_kind`,
        sql`coalesce(${relations.designation}, '') = ${relation.designation ?? ""}`,
        sql`${relations.valid} && ${valid}::daterange`,
        sql`${relations.id} IS DISTINCT FROM ${exceptId ?? null}`,
      ),
    );
  return rows.map((row) => row.id);
}
