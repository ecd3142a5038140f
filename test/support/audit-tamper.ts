/**
 * What an attacker who owns the audit tables can do: switch the append-only triggers off (the
 * tables' owner may, as may a superuser) and rewrite the log — for the tamper drills.
 */
import type pg from "pg";
import { entryHash, type AuditContent, type AuditEntry } from "../../src/domain/audit.ts";

const AUDIT_TABLES = ["audit_log", "audit_chain_head", "audit_heads"];

/** Runs `work` in one transaction with the audit tables' triggers disabled, then commits. */
export async function withoutAuditTriggers(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // ALTER TABLE is transactional: no other session ever sees the triggers off.
    for (const table of AUDIT_TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await work(client);
    for (const table of AUDIT_TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** Inserts an entry as it is, bypassing appendAudit (and, with triggers off, the chain check). */
export async function insertEntry(client: pg.PoolClient, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  await client.query(
    `INSERT INTO audit_log (id, at, actor, on_behalf_of, action, object_type, object_id, before, after, details, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      entry.id,
      entry.at,
      entry.actor,
      entry.onBehalfOf,
      entry.action,
      entry.objectType,
      entry.objectId,
      json(entry.before),
      json(entry.after),
      json(entry.details),
      entry.previousHash,
      entry.hash,
    ],
  );
}

/**
 * The rewrite a hash chain alone cannot catch: drops every entry from `fromId` on, appends
 * `count` forged entries re-hashed onto the entry before, moves the chain head to the last of
 * them, and (unless `keepPublishedHeads`) removes the heads the database published. Returns the
 * forged entries.
 */
export async function truncateAndRehash(
  pool: pg.Pool,
  options: { fromId: number; count: number; keepPublishedHeads?: boolean },
): Promise<AuditEntry[]> {
  const forged: AuditEntry[] = [];
  await withoutAuditTriggers(pool, async (client) => {
    const before = await client.query<{ hash: string }>("SELECT hash FROM audit_log WHERE id = $1", [
      options.fromId - 1,
    ]);
    let previousHash = before.rows[0]?.hash ?? "0".repeat(64);
    await client.query("DELETE FROM audit_log WHERE id >= $1", [options.fromId]);
    for (let k = 0; k < options.count; k++) {
      const content: AuditContent = {
        id: options.fromId + k,
        at: "2026-11-23T12:00:00.000Z",
        actor: "someone-else",
        onBehalfOf: null,
        organization: null,
        action: "relation.delete",
        objectType: "relation",
        objectId: String(900 + k),
        before: { kind: "member" },
        after: null,
        details: null,
      };
      const entry = { ...content, previousHash, hash: entryHash(previousHash, content) };
      await insertEntry(client, entry);
      forged.push(entry);
      previousHash = entry.hash;
    }
    await client.query("UPDATE audit_chain_head SET last_id = $1, last_hash = $2", [
      options.fromId + options.count - 1,
      previousHash,
    ]);
    if (!options.keepPublishedHeads) await client.query("DELETE FROM audit_heads");
  });
  return forged;
}
