/**
 * The audit log in the database: appending an entry inside the caller's transaction, reading
 * entries in id order, verifying the chain (against heads published earlier, too), and
 * publishing signed heads. The rules themselves (hashing, verification, signatures) are in
 * src/domain/audit.ts; the SQL in src/db/repositories/audit-log.ts; the append-only triggers in
 * src/db/migrations/0003_audit_log.sql.
 */
import type { AuditObjectType } from "../../domain/audit-objects.ts";
import type { KeyObject } from "node:crypto";
import type { Database, Transaction } from "../../db/client.ts";
import {
  auditClockNow,
  insertAuditEntries,
  insertPublishedHead,
  lockChainHead,
  selectAuditEntries,
  selectChainHead,
  selectLastPublishedHead,
  selectPublishedHeads,
  type PublishedHead,
} from "../../db/repositories/audit-log.ts";
import {
  canonicalJson,
  ChainVerifier,
  entryHash,
  keyFingerprint,
  signHead,
  toAuditJson,
  verifyHead,
  type AuditContent,
  type AuditEntry,
  type Checkpoint,
  type JsonValue,
  type SignedHead,
  type VerifyOptions,
  type VerifyResult,
} from "../../domain/audit.ts";

type Executor = Pick<Database, "execute">;

/** What a service records: who, for whom, what, on which object, the state before and after. */
export type AuditRecord = {
  /** An account id, or 'system' / 'cli'. */
  actor: string;
  /** The delegation (e.g. its state code) the actor acted for, if any. */
  onBehalfOf?: string | null;
  /** Resource and verb: 'relation.create', 'account.read', … */
  action: string;
  objectType: AuditObjectType;
  objectId?: string | number | null;
  /** The object before the change (omit for a create or a read). Dates become ISO strings. */
  before?: unknown;
  /** The object after the change (omit for a delete or a read). */
  after?: unknown;
  /** Anything else worth keeping: the query of a read, the reason for a change. */
  details?: unknown;
  /** The organisation whose part of Concord this belongs to (its administrators read it); omit for Concord's own. */
  organization?: string | null;
};

/**
 * Appends one entry to the audit log inside the caller's transaction, so that it commits or
 * rolls back with the change it records. Takes a Drizzle transaction on purpose: the chain head
 * is locked (SELECT … FOR UPDATE on audit_chain_head) until that transaction ends, which is what
 * serialises concurrent appenders into one unbroken chain in commit order, and gives a
 * rolled-back append's id back. Every other appender waits from here until this transaction
 * ends, so call it as late as possible, after the transaction's other writes (that also keeps
 * lock order the same everywhere: data rows first, chain head last).
 *
 * Under READ COMMITTED (the default) a waiting appender sees the new head once it gets the
 * lock. Under REPEATABLE READ or SERIALIZABLE it fails with a serialization error (40001)
 * instead, and the caller must retry its transaction.
 *
 * Throws CanonicalJsonError, before taking the lock, if before/after/details are not JSON.
 */
export async function appendAudit(tx: Transaction, record: AuditRecord): Promise<AuditEntry> {
  const [entry] = await appendAuditEntries(tx, [record]);
  if (entry === undefined) throw new Error("One record appended, yet no entry returned."); // cannot happen
  return entry;
}

/**
 * Appends several entries at once, in order, as appendAudit would one by one: one wait for the
 * chain head and one INSERT, so a transaction recording many changes (a batch of deadlines)
 * holds the head only for the moment it takes to write them.
 */
export async function appendAuditEntries(tx: Transaction, records: readonly AuditRecord[]): Promise<AuditEntry[]> {
  if (records.length === 0) return [];
  const fields = records.map((record) => ({
    actor: record.actor,
    onBehalfOf: record.onBehalfOf ?? null,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId === undefined || record.objectId === null ? null : String(record.objectId),
    before: (toAuditJson(record.before) ?? null) as JsonValue,
    after: (toAuditJson(record.after) ?? null) as JsonValue,
    details: (toAuditJson(record.details) ?? null) as JsonValue,
    organization: record.organization ?? null,
  }));
  for (const entry of fields) canonicalJson(entry); // refuse what cannot be hashed before making everyone else wait

  // Locked until this transaction ends: every other appender waits from here.
  const head = await lockChainHead(tx);

  const entries: AuditEntry[] = [];
  let previousHash = head.lastHash;
  for (const [index, entryFields] of fields.entries()) {
    const content: AuditContent = { id: head.lastId + 1 + index, at: head.at, ...entryFields };
    const entry: AuditEntry = { ...content, previousHash, hash: entryHash(previousHash, content) };
    entries.push(entry);
    previousHash = entry.hash;
  }
  // The trigger audit_log_extends_chain checks each row's id and previous hash again, in order, and moves the head.
  await insertAuditEntries(tx, entries);
  return entries;
}

/**
 * Up to `limit` entries after entry `afterId`, in id order. JSON columns are read as text and
 * parsed by the repository, so what is hashed does not depend on the driver's type parsers.
 */
export async function readEntries(
  db: Executor,
  options: { afterId?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  return selectAuditEntries(db, { afterId: options.afterId ?? 0, limit: options.limit ?? 1000 });
}

/** A signed head given to verifyLog that does not check out: refused before the log is read. */
export class AuditHeadError extends Error {}

/** The log does not verify, so no head is signed over it. */
export class AuditChainBrokenError extends Error {
  constructor(readonly result: { entryId: number; reason: string }) {
    super(`Refusing to sign a head: audit log BROKEN at entry ${result.entryId}: ${result.reason}`);
  }
}

export type VerifyLogOptions = {
  /** Signed heads kept elsewhere: each must check out, and the log must still hold its hash. */
  againstHead?: SignedHead | SignedHead[];
  /** When given, heads in againstHead must be signed by this key (the instance's public key). */
  trustedKey?: KeyObject;
  /** Entries read per query (default 1000): the log is streamed, never loaded whole. */
  batchSize?: number;
};

export type VerifyLogResult = VerifyResult & { headsChecked: number };

/**
 * Walks the whole log in id order, in batches, inside one read-only snapshot, and checks:
 * the chain (ids without gaps, each hash matching its entry and naming the previous entry's),
 * that it ends where audit_chain_head says, that every head the database published
 * (audit_heads) is still in it, and that every head given in `againstHead` is. The last check
 * is the one that matters against someone able to rewrite the tables: a log truncated and
 * re-hashed from some entry on passes every other check, but not a head kept elsewhere.
 *
 * Throws AuditHeadError if a head in `againstHead` has a bad signature (or, with trustedKey,
 * another key's): such a head proves nothing either way.
 */
export async function verifyLog(db: Database, options: VerifyLogOptions = {}): Promise<VerifyLogResult> {
  const external = options.againstHead === undefined ? [] : [options.againstHead].flat();
  for (const head of external) {
    const checked = verifyHead(head, options.trustedKey);
    if (!checked.ok)
      throw new AuditHeadError(
        `The signed head of ${head.signedAt} (entry ${head.entryId}) is refused: ${checked.reason}.`,
      );
  }
  const checkpoints: Checkpoint[] = external.map((head) => ({
    entryId: head.entryId,
    hash: head.hash,
    label: `the signed head of ${head.signedAt}`,
  }));
  return db.transaction(
    async (tx) => {
      const published = await publishedHeads(tx);
      for (const head of published) {
        const checked = verifyHead(head);
        if (!checked.ok) {
          return {
            ok: false,
            entryId: head.entryId,
            reason: `published head #${head.id} (entry ${head.entryId}, ${head.signedAt}) is not valid: ${checked.reason}`,
            headsChecked: 0,
          };
        }
        checkpoints.push({
          entryId: head.entryId,
          hash: head.hash,
          label: `published head #${head.id} of ${head.signedAt}`,
        });
      }
      const end = await selectChainHead(tx);
      const result = await walk(
        tx,
        { checkpoints, end: { ...end, label: "the chain head (audit_chain_head)" } },
        options.batchSize,
      );
      return { ...result, headsChecked: checkpoints.length };
    },
    // One snapshot: entries appended while we read neither count nor look like a broken end.
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Feeds the entries after the verifier's start to it, batch by batch, until the end or a failure. */
async function walk(tx: Executor, options: VerifyOptions, batchSize = 1000): Promise<VerifyResult> {
  const verifier = new ChainVerifier(options);
  let afterId = options.start?.entryId ?? 0;
  for (;;) {
    const batch = await readEntries(tx, { afterId, limit: batchSize });
    const last = batch.at(-1);
    if (last === undefined) break;
    if (!batch.every((entry) => verifier.add(entry))) break;
    afterId = last.id;
  }
  return verifier.finish();
}

/** The heads the database published, oldest first. */
export async function publishedHeads(db: Executor): Promise<PublishedHead[]> {
  return selectPublishedHeads(db);
}

/**
 * Signs the current chain head with the instance's key, stores it in audit_heads and returns
 * it, for others to keep. A head is never signed over a chain that does not verify
 * (AuditChainBrokenError). `check: "full"` (the default, and `concord audit head`) walks the
 * whole log first. `check: "since-last-head"` (the periodic publisher, on a large log) walks only
 * the entries after the last head this key signed: enough for what the signature promises, that
 * the new head extends the old one, while damage to older entries is left for verifyLog to find.
 */
export async function publishHead(
  db: Database,
  privateKey: KeyObject,
  options: { check?: "full" | "since-last-head" } = {},
): Promise<SignedHead> {
  return db.transaction(
    async (tx) => {
      const head = await selectChainHead(tx);
      const fingerprint = keyFingerprint(privateKey);
      const previous = await selectLastPublishedHead(tx, fingerprint);
      // Walk from the previous head when the log still reaches it; otherwise from the start,
      // where the previous head, as a checkpoint, names what went missing.
      const trusted = previous && verifyHead(previous).ok ? previous : undefined;
      const incremental = options.check === "since-last-head" && trusted && trusted.entryId <= head.entryId;
      const start = incremental ? { entryId: trusted.entryId, hash: trusted.hash } : undefined;
      const checkpoints = trusted
        ? [
            {
              entryId: trusted.entryId,
              hash: trusted.hash,
              label: `published head #${trusted.id} of ${trusted.signedAt}`,
            },
          ]
        : [];
      const result = await walk(tx, {
        start,
        checkpoints,
        end: { ...head, label: "the chain head (audit_chain_head)" },
      });
      if (!result.ok) throw new AuditChainBrokenError(result);

      const signed = signHead(head, await auditClockNow(tx), privateKey);
      await insertPublishedHead(tx, signed, fingerprint);
      return signed;
    },
    // The head signed is the head of the entries checked: one snapshot for both.
    { isolationLevel: "repeatable read" },
  );
}

/**
 * Publishes a signed head every `everyMs` while the log has grown since the last one, for a
 * long-running server. Failures are logged, not thrown: a broken chain must be seen, and must
 * not take the server down. Returns a function that stops it.
 */
export function startHeadPublisher(
  db: Database,
  privateKey: KeyObject,
  options: { everyMs: number; log: (line: string) => void },
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const head = await selectChainHead(db);
      const last = await selectLastPublishedHead(db, keyFingerprint(privateKey));
      if (last?.entryId !== head.entryId || last.hash !== head.hash)
        await publishHead(db, privateKey, { check: "since-last-head" });
    } catch (error) {
      options.log(`Audit head not published: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
