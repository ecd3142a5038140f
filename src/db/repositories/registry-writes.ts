/**
 * Writes to the registry: SQL and nothing else. Used by the starter data loader and by the
 * registry's write API, so a relation is stored one way only.
 */
import { sql } from "drizzle-orm";
import { parsePartialDate, type PartialDate } from "../../domain/dates.ts";
import { toDaterange } from "../../domain/interval.ts";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

export type NewClaim = {
  source: string;
  field: "relation" | "since" | "until";
  date?: string;
  quote?: string;
  note?: string;
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
  db: Executor,
  relation: NewRelation,
  recordedBy: RecordedBy = null,
): Promise<number> {
  const since = partial(relation.since);
  const until = relation.until ? partial(relation.until) : undefined;
  const result = await db.execute(sql`
    INSERT INTO relations (subject_code, object_code, kind, framework_id, designation, valid, since_precision, until_precision, certainty, note, recorded_by)
    VALUES (${relation.subject}, ${relation.object}, ${relation.kind}::relation_kind,
            ${relation.framework ? sql`(SELECT id FROM frameworks WHERE organization_code = ${relation.object} AND slug = ${relation.framework})` : null},
            ${relation.designation ?? null}, ${toDaterange({ since: since.date, until: until?.date ?? null })}::daterange,
            ${since.precision}::date_precision, ${until?.precision ?? null}::date_precision, ${relation.certainty}::certainty, ${relation.note ?? null}, ${recordedBy})
    RETURNING id::int AS id`);
  return (result.rows[0] as { id: number }).id;
}

export async function insertClaims(db: Executor, relationId: number, claims: NewClaim[]): Promise<void> {
  for (const claim of claims) {
    const asserted = claim.date ? partial(claim.date) : undefined;
    await db.execute(sql`
      INSERT INTO claims (relation_id, source_id, field, asserted, asserted_precision, quote, note)
      VALUES (${relationId}, ${claim.source}, ${claim.field}::claim_field, ${asserted?.date ?? null}::date,
              ${asserted?.precision ?? null}::date_precision, ${claim.quote ?? null}, ${claim.note ?? null})`);
  }
}

/** Locks the relation for the rest of the transaction; its dates as stored. */
export async function lockRelation(db: Executor, id: number) {
  const result = await db.execute(sql`
    SELECT id::int AS id, lower(valid) AS since, upper(valid) AS until, since_precision AS "sincePrecision",
           until_precision AS "untilPrecision", certainty, note
    FROM relations WHERE id = ${id} FOR UPDATE`);
  return result.rows[0] as
    | {
        id: number;
        since: string;
        until: string | null;
        sincePrecision: string;
        untilPrecision: string | null;
        certainty: string;
        note: string | null;
      }
    | undefined;
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
  },
): Promise<void> {
  const published = source.published ? partial(source.published) : undefined;
  await db.execute(sql`
    INSERT INTO sources (id, title, publisher, published, published_precision, url, perspective, citation)
    VALUES (${source.id}, ${source.title}, ${source.publisher}, ${published?.date ?? null}::date,
            ${published?.precision ?? null}::date_precision, ${source.url ?? null}, ${source.perspective ?? null}, ${source.citation ?? null})`);
}

/**
 * What decides who may write relations towards an actor: its type, whether it is an
 * organisation with a secretariat in Concord (any account of its own), and whether it is a
 * state with a deciding body of its own here (its designations are that body's to make).
 */
export async function writeTarget(
  db: Executor,
  code: string,
): Promise<{ code: string; type: "state" | "organization"; hasSecretariat: boolean; hasOwnBody: boolean } | undefined> {
  const result = await db.execute(sql`
    SELECT a.code, a.type,
           EXISTS (SELECT 1 FROM accounts x WHERE x.organization_code = a.code) AS "hasSecretariat",
           EXISTS (SELECT 1 FROM bodies b WHERE b.actor_code = a.code AND a.type = 'state') AS "hasOwnBody"
    FROM actors a WHERE a.code = ${code}`);
  return result.rows[0] as
    | { code: string; type: "state" | "organization"; hasSecretariat: boolean; hasOwnBody: boolean }
    | undefined;
}

/** The object of a stored relation (what its write rights follow). */
export async function relationObject(db: Executor, id: number): Promise<string | undefined> {
  const result = await db.execute(sql`SELECT object_code AS object FROM relations WHERE id = ${id}`);
  return (result.rows[0] as { object: string } | undefined)?.object;
}

/** Of these codes, those that name no actor. */
export async function unknownActors(db: Executor, codes: string[]): Promise<string[]> {
  const result = await db.execute(
    sql`SELECT code FROM actors WHERE code IN (${sql.join(
      codes.map((code) => sql`${code}`),
      sql`, `,
    )})`,
  );
  const known = new Set((result.rows as Array<{ code: string }>).map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

/** Of these ids, those that name no source. */
export async function unknownSources(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(
    sql`SELECT id FROM sources WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const known = new Set((result.rows as Array<{ id: string }>).map((row) => row.id));
  return [...new Set(ids)].filter((id) => !known.has(id));
}

/** Relations that a new interval for the same fact would overlap: what the database would refuse. */
export async function overlapping(
  db: Executor,
  relation: NewRelation,
  valid: string,
  exceptId?: number,
): Promise<number[]> {
  const result = await db.execute(sql`
    SELECT id::int AS id FROM relations
    WHERE subject_code = ${relation.subject} AND object_code = ${relation.object} AND kind = ${relation.kind}::relation_kind
      AND coalesce(designation, '') = ${relation.designation ?? ""} AND valid && ${valid}::daterange
      AND id IS DISTINCT FROM ${exceptId ?? null}`);
  return (result.rows as Array<{ id: number }>).map((row) => row.id);
}
