/**
 * SQL of the data sets loaded into the registry: the record of each import applied (the table
 * `imports`), and what the importer of the Correlates of War state system list
 * (src/services/imports/cow-states.ts) reads and writes. SQL and nothing else: parsing the list
 * and deciding what to load or refuse is the service's.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import * as schema from "../schema.ts";

/** Whether the import of this name was applied to this database. */
export async function importApplied(db: Pick<Database, "select">, name: string): Promise<boolean> {
  const [done] = await db
    .select({ name: schema.imports.name })
    .from(schema.imports)
    .where(eq(schema.imports.name, name));
  return done !== undefined;
}

/** The MD5 of the file last imported under this name (recordDataSetImport), if any. */
export async function dataSetImportChecksum(db: Pick<Database, "select">, name: string): Promise<string | undefined> {
  const [row] = await db
    .select({ checksum: schema.imports.checksum })
    .from(schema.imports)
    .where(eq(schema.imports.name, name));
  return row?.checksum;
}

/** Records an import as applied, with what it loaded; an import of the same name must not be recorded yet. */
export async function recordImport(
  tx: Transaction,
  applied: { name: string; checksum: string; summary: Record<string, number> },
): Promise<void> {
  await tx.insert(schema.imports).values(applied);
}

/** A source the registry's rows can cite. */
export type ImportSource = {
  id: string;
  title: string;
  publisher: string;
  published: string | null;
  publishedPrecision: "day" | "month" | "year" | null;
  url: string;
  citation: string;
};

/** Adds the source unless one of its id is there already (which is left as it is). */
export async function ensureSource(tx: Transaction, source: ImportSource): Promise<void> {
  await tx.execute(sql`
      INSERT INTO sources (id, title, publisher, published, published_precision, url, citation)
      VALUES (${source.id}, ${source.title}, ${source.publisher}, ${source.published},
              ${source.publishedPrecision}, ${source.url}, ${source.citation})
      ON CONFLICT (id) DO NOTHING`);
}

/** The ids of every source. */
export async function sourceIds(tx: Transaction): Promise<string[]> {
  const rows = await tx.select({ id: schema.sources.id }).from(schema.sources);
  return rows.map((row) => row.id);
}

/** The codes of every state in the registry. */
export async function stateCodes(tx: Transaction): Promise<string[]> {
  const rows = await tx.select({ code: schema.actors.code }).from(schema.actors).where(eq(schema.actors.type, "state"));
  return rows.map((row) => row.code);
}

/** A period of an actor already in the registry: its range as text (`[1816-01-01,1918-11-11)`), source and COW code. */
export type StoredPeriod = { valid: string; sourceId: string; cowCode: number | null };

const storedPeriodRow = z.object({ valid: z.string(), sourceId: z.string(), cowCode: z.number().nullable() });

/** The periods of this actor that overlap `valid` (a daterange's text). */
export async function periodsOverlapping(tx: Transaction, actorCode: string, valid: string): Promise<StoredPeriod[]> {
  const result = await tx.execute(sql`
          SELECT valid::text AS valid, source_id AS "sourceId", cow_code AS "cowCode"
          FROM actor_periods WHERE actor_code = ${actorCode} AND valid && ${valid}::daterange`);
  return z.array(storedPeriodRow).parse(result.rows);
}

/** A period of a state in the system, by day, from a COW list. */
export type NewCowPeriod = {
  actorCode: string;
  /** A daterange's text. */
  valid: string;
  /** Whether it has ended (its end's precision is then a day). */
  ended: boolean;
  sourceId: string;
  cowCode: number;
};

export async function insertCowPeriod(tx: Transaction, period: NewCowPeriod): Promise<void> {
  await tx.execute(sql`
        INSERT INTO actor_periods (actor_code, valid, since_precision, until_precision, source_id, cow_code)
        VALUES (${period.actorCode}, ${period.valid}::daterange, 'day', ${period.ended ? "day" : null}, ${period.sourceId}, ${period.cowCode})`);
}

const latestCowCodeRow = z.object({ code: z.string(), cowCode: z.number() });

/** Each actor's COW code in its latest period from this source (periods without one left out). */
export async function latestCowCodes(
  tx: Transaction,
  sourceId: string,
): Promise<Array<{ code: string; cowCode: number }>> {
  const result = await tx.execute(sql`
        SELECT DISTINCT ON (actor_code) actor_code AS code, cow_code AS "cowCode"
        FROM actor_periods WHERE source_id = ${sourceId} AND cow_code IS NOT NULL
        ORDER BY actor_code, lower(valid) DESC`);
  return z.array(latestCowCodeRow).parse(result.rows);
}

/** Sets an actor's COW code and abbreviation, unless they are these already. */
export async function setActorCowCode(
  tx: Transaction,
  code: string,
  cow: { code: number; abbrev: string | null },
): Promise<void> {
  await tx.execute(sql`
        UPDATE actors SET cow_code = ${cow.code}, cow_abbrev = ${cow.abbrev}
        WHERE code = ${code} AND (cow_code IS DISTINCT FROM ${cow.code} OR cow_abbrev IS DISTINCT FROM ${cow.abbrev})`);
}

/**
 * Records the import of a public data set's file under `name`, its checksum the MD5 of the file's text: a
 * new record, or the record of that name replaced when the file differs (left as it is when
 * the same file is imported again).
 */
export async function recordDataSetImport(
  tx: Transaction,
  name: string,
  fileText: string,
  summary: Record<string, unknown>,
): Promise<void> {
  await tx.execute(sql`
      INSERT INTO imports (name, checksum, summary) VALUES (${name}, md5(${fileText}), ${JSON.stringify(summary)}::jsonb)
      ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, summary = EXCLUDED.summary, applied_at = now()
      WHERE imports.checksum <> EXCLUDED.checksum`);
}
