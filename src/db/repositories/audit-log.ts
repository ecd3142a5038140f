/**
 * SQL of the audit log's chain (migration 0003): the chain head, appending entries, reading them
 * back in id order, and the signed heads. SQL and nothing else: the hashing, verifying and
 * signing are in src/domain/audit.ts, and their use in src/services/audit/log.ts; searching the
 * log is in ./audit.ts. Rows are checked against their shape here, so callers get typed values.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import {
  canonicalJson,
  type AuditEntry,
  type ChainPoint,
  type JsonValue,
  type SignedHead,
} from "../../domain/audit.ts";

type Executor = Pick<Database, "execute">;

/** The database clock as the log writes and reads it: ISO 8601, UTC, milliseconds. */
const isoUtc = (time: SQL) => sql`to_char(${time} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const clockNow = isoUtc(sql`date_trunc('milliseconds', clock_timestamp())`);

const lockedHeadRow = z.object({ lastId: z.string(), lastHash: z.string(), at: z.string() });

/**
 * The chain head, locked (SELECT … FOR UPDATE on audit_chain_head) until the transaction ends,
 * and the database clock now: where the next entries go, and when they are appended. The lock
 * is what serialises appenders into one unbroken chain in commit order.
 */
export async function lockChainHead(tx: Transaction): Promise<{ lastId: number; lastHash: string; at: string }> {
  const result = await tx.execute(sql`
      SELECT last_id::text AS "lastId", last_hash AS "lastHash",
             ${clockNow} AS at
      FROM audit_chain_head FOR UPDATE`);
  const head = lockedHeadRow.parse(result.rows[0]);
  return { lastId: Number(head.lastId), lastHash: head.lastHash, at: head.at };
}

/**
 * Inserts entries, in order, exactly as given (ids, times, hashes). The trigger
 * audit_log_extends_chain checks each row's id and previous hash again, in order, and moves the head.
 */
export async function insertAuditEntries(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map(
    (
      entry,
    ) => sql`(${entry.id}, ${entry.at}::timestamptz, ${entry.actor}, ${entry.onBehalfOf}, ${entry.action}, ${entry.objectType},
            ${entry.objectId}, ${jsonb(entry.before)}, ${jsonb(entry.after)}, ${jsonb(entry.details)}, ${entry.organization}, ${entry.previousHash}, ${entry.hash})`,
  );
  await tx.execute(sql`
    INSERT INTO audit_log (id, at, actor, on_behalf_of, action, object_type, object_id, before, after, details, organization, previous_hash, hash)
    VALUES ${sql.join(rows, sql`, `)}`);
}

// JSON null is stored as SQL NULL, and SQL NULL read back as null: one value, one form.
const jsonb = (value: JsonValue) => (value === null ? null : sql`${canonicalJson(value)}::jsonb`);

const entryRow = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  onBehalfOf: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  details: z.string().nullable(),
  organization: z.string().nullable(),
  previousHash: z.string(),
  hash: z.string(),
});

/**
 * Up to `limit` entries after entry `afterId`, in id order. JSON columns are read as text and
 * parsed here, so what is hashed does not depend on the driver's type parsers.
 */
export async function selectAuditEntries(
  db: Executor,
  options: { afterId: number; limit: number },
): Promise<AuditEntry[]> {
  const result = await db.execute(sql`
      SELECT id::text AS id, ${isoUtc(sql`at`)} AS at, actor, on_behalf_of AS "onBehalfOf", action,
             object_type AS "objectType", object_id AS "objectId", before::text AS before, after::text AS after,
             details::text AS details, organization, previous_hash AS "previousHash", hash
      FROM audit_log WHERE audit_log.id > ${options.afterId}
      -- Qualified: a bare "id" would sort by the text column of the same name above.
      ORDER BY audit_log.id LIMIT ${options.limit}`);
  return z
    .array(entryRow)
    .parse(result.rows)
    .map((row) => ({
      ...row,
      id: Number(row.id),
      before: parseJson(row.before),
      after: parseJson(row.after),
      details: parseJson(row.details),
    }));
}

const parseJson = (text: string | null): JsonValue => (text === null ? null : (JSON.parse(text) as JsonValue));

const chainHeadRow = z.object({ entryId: z.string(), hash: z.string() });

/** Where the chain ends now, as audit_chain_head says (not locked). */
export async function selectChainHead(db: Executor): Promise<ChainPoint> {
  const result = await db.execute(sql`SELECT last_id::text AS "entryId", last_hash AS hash FROM audit_chain_head`);
  const row = chainHeadRow.parse(result.rows[0]);
  return { entryId: Number(row.entryId), hash: row.hash };
}

/** A head the database published (audit_heads): the signed head, its row id and its key's fingerprint. */
export type PublishedHead = SignedHead & { id: number; keyFingerprint: string };

const headColumns = sql`id::text AS id, entry_id::text AS "entryId", hash, signed_at AS "signedAt", signature,
  public_key AS "publicKey", key_fingerprint AS "keyFingerprint"`;
const publishedHeadRow = z.object({
  id: z.string(),
  entryId: z.string(),
  hash: z.string(),
  signedAt: z.string(),
  signature: z.string(),
  publicKey: z.string(),
  keyFingerprint: z.string(),
});
const toPublishedHead = (row: z.infer<typeof publishedHeadRow>): PublishedHead => ({
  ...row,
  id: Number(row.id),
  entryId: Number(row.entryId),
});

/** The heads the database published, oldest first. */
export async function selectPublishedHeads(db: Executor): Promise<PublishedHead[]> {
  const result = await db.execute(sql`SELECT ${headColumns} FROM audit_heads ORDER BY audit_heads.id`);
  return z.array(publishedHeadRow).parse(result.rows).map(toPublishedHead);
}

/** The latest head published with the key of this fingerprint, if any. */
export async function selectLastPublishedHead(db: Executor, fingerprint: string): Promise<PublishedHead | undefined> {
  const result = await db.execute(
    sql`SELECT ${headColumns} FROM audit_heads WHERE key_fingerprint = ${fingerprint} ORDER BY audit_heads.id DESC LIMIT 1`,
  );
  const row = publishedHeadRow.optional().parse(result.rows[0]);
  return row && toPublishedHead(row);
}

const clockRow = z.object({ now: z.string() });

/** The database clock now, as the log writes it (ISO 8601, UTC, milliseconds). */
export async function auditClockNow(db: Executor): Promise<string> {
  const result = await db.execute(sql`SELECT ${clockNow} AS now`);
  return clockRow.parse(result.rows[0]).now;
}

/** Stores a signed head, with the fingerprint of the key that signed it. */
export async function insertPublishedHead(db: Executor, head: SignedHead, fingerprint: string): Promise<void> {
  await db.execute(sql`
        INSERT INTO audit_heads (entry_id, hash, signed_at, signature, public_key, key_fingerprint)
        VALUES (${head.entryId}, ${head.hash}, ${head.signedAt}, ${head.signature}, ${head.publicKey}, ${fingerprint})`);
}
