import { generateKeyPairSync } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPool, createDatabase } from "../../db/client.ts";
import { CanonicalJsonError, signHead, verifyHead, type JsonValue, type SignedHead } from "../../domain/audit.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { truncateAndRehash, withoutAuditTriggers } from "../../../test/support/audit-tamper.ts";
import { until } from "../../../test/support/wait.ts";
import {
  appendAudit,
  appendAuditEntries,
  AuditHeadError,
  publishedHeads,
  publishHead,
  readEntries,
  startHeadPublisher,
  verifyLog,
  type AuditRecord,
} from "./log.ts";

const key = generateKeyPairSync("ed25519");

/** A record for a write, with overrides. */
const buildRecord = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  actor: "0b6c9a1e-7d4f-4a53-9a43-3f1f1c2a9b10",
  onBehalfOf: "COL",
  action: "relation.update",
  objectType: "relation",
  objectId: 42,
  before: { kind: "observer", since: "2013-06-25" },
  after: { kind: "partner", since: "2017-05-31" },
  details: { reason: "partnership signed" },
  ...overrides,
});

const append = (test: TestDatabase, record: AuditRecord = buildRecord()) =>
  test.db.transaction((tx) => appendAudit(tx, record));

/** The chain head's id: where the log of a fresh test database ends (the template may hold entries). */
async function lastId(test: TestDatabase): Promise<number> {
  const rows = (await test.db.execute(sql`SELECT last_id::int AS "lastId" FROM audit_chain_head`)).rows as Array<{
    lastId: number;
  }>;
  return rows[0]!.lastId;
}

describe("appendAudit", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("appends entries that chain onto each other, and reads them back exactly as hashed", async () => {
    const start = await lastId(test);
    const first = await append(test);
    const second = await append(
      test,
      buildRecord({
        action: "account.read",
        before: null,
        after: null,
        details: { fields: ["email"] },
        onBehalfOf: null,
      }),
    );
    expect([first.id, second.id]).toEqual([start + 1, start + 2]);
    expect(second.previousHash).toBe(first.hash);
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(first.at) - Date.now())).toBeLessThan(60_000);
    const stored = await readEntries(test.db, { afterId: start });
    expect(stored).toEqual([first, second]);
    expect(stored[0]).toMatchObject({
      objectId: "42",
      onBehalfOf: "COL",
      before: { kind: "observer", since: "2013-06-25" },
    });
    expect(await verifyLog(test.db)).toMatchObject({
      ok: true,
      count: start + 2,
      head: { entryId: start + 2, hash: second.hash },
    });
  });

  it("stores Dates as ISO strings and an absent before/after as null", async () => {
    const entry = await append(test, {
      actor: "cli",
      action: "import.apply",
      objectType: "import",
      after: { appliedAt: new Date("2026-11-23T10:00:00Z") },
    });
    expect(entry).toMatchObject({
      onBehalfOf: null,
      objectId: null,
      before: null,
      details: null,
      after: { appliedAt: "2026-11-23T10:00:00.000Z" },
    });
    expect((await readEntries(test.db, { afterId: entry.id - 1 }))[0]).toEqual(entry);
  });

  it("commits with the change it records, or rolls back with it and leaves no gap", async () => {
    const start = await lastId(test);
    const marker = `audit-rollback-${Date.now()}`;
    await expect(
      test.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO imports (name, checksum) VALUES (${marker}, 'x')`);
        await appendAudit(tx, buildRecord({ action: "import.apply", objectType: "import", objectId: marker }));
        throw new Error("the change fails after the entry was appended");
      }),
    ).rejects.toThrow("the change fails");
    const imports = await test.db.execute(sql`SELECT 1 FROM imports WHERE name = ${marker}`);
    expect(imports.rows).toHaveLength(0);
    expect(await lastId(test)).toBe(start);

    await test.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO imports (name, checksum) VALUES (${marker}, 'x')`);
      await appendAudit(tx, buildRecord({ action: "import.apply", objectType: "import", objectId: marker }));
    });
    const entries = await readEntries(test.db, { afterId: start });
    expect(entries.map((entry) => [entry.id, entry.objectId])).toEqual([[start + 1, marker]]);
  });

  it("serialises 20 concurrent transactions into one unbroken chain, rolled-back ones leaving no gap", async () => {
    const start = await lastId(test);
    const pool = createPool(test.url, 20);
    const db = createDatabase(pool);
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          db.transaction(async (tx) => {
            await appendAudit(tx, buildRecord({ objectId: n, details: { n } }));
            // Hold the chain head a little while others queue behind it.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
            if (n % 4 === 3) throw new Error(`transaction ${n} rolls back`);
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(5);
    } finally {
      await pool.end();
    }
    const entries = await readEntries(test.db, { afterId: start });
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 15 }, (_, k) => start + 1 + k));
    expect(new Set(entries.map((entry) => (entry.details as { n: number }).n))).toEqual(
      new Set(Array.from({ length: 20 }, (_, n) => n).filter((n) => n % 4 !== 3)),
    );
    expect(await verifyLog(test.db)).toMatchObject({ ok: true, count: start + 15 });
  });

  it("keeps JSON of any shape exactly through PostgreSQL's jsonb, so the hashes still verify", async () => {
    const json = fc
      .jsonValue({ stringUnit: "grapheme", maxDepth: 3 })
      .filter((value) => !JSON.stringify(value).includes("\\u0000")) as fc.Arbitrary<JsonValue>;
    await fc.assert(
      fc.asyncProperty(json, json, async (before, after) => {
        const entry = await append(test, buildRecord({ before, after, details: [before, after] }));
        expect((await readEntries(test.db, { afterId: entry.id - 1, limit: 1 }))[0]).toEqual({
          ...entry,
          before: JSON.parse(JSON.stringify(entry.before)),
          after: JSON.parse(JSON.stringify(entry.after)),
          details: JSON.parse(JSON.stringify(entry.details)),
        });
      }),
      { numRuns: 40 },
    );
    expect(await verifyLog(test.db, { batchSize: 7 })).toMatchObject({ ok: true });
  });

  it("appends several entries at once, chained in order, interleaved with single appends from other transactions", async () => {
    const start = await lastId(test);
    const pool = createPool(test.url, 6);
    const db = createDatabase(pool);
    try {
      await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          db.transaction(async (tx) => {
            if (n % 2 === 0)
              await appendAuditEntries(
                tx,
                Array.from({ length: 5 }, (_, k) => buildRecord({ objectId: n, details: { n, k } })),
              );
            else await appendAudit(tx, buildRecord({ objectId: n, details: { n, k: 0 } }));
          }),
        ),
      );
    } finally {
      await pool.end();
    }
    const entries = await readEntries(test.db, { afterId: start });
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 18 }, (_, k) => start + 1 + k));
    // A transaction's entries are contiguous and in the order given.
    for (const n of [0, 2, 4]) {
      const own = entries.filter((entry) => entry.objectId === String(n));
      expect(own.map((entry) => (entry.details as { k: number }).k)).toEqual([0, 1, 2, 3, 4]);
      expect(own[4]!.id - own[0]!.id).toBe(4);
    }
    expect(await verifyLog(test.db)).toMatchObject({ ok: true, count: start + 18 });
  });

  it("refuses a set with one entry that cannot be hashed, and appends none of it", async () => {
    const start = await lastId(test);
    await expect(
      test.db.transaction((tx) =>
        appendAuditEntries(tx, [buildRecord(), buildRecord({ details: { ratio: Infinity } })]),
      ),
    ).rejects.toThrow(/\$\.details\.ratio: Infinity is not a JSON number/);
    expect(await lastId(test)).toBe(start);
  });

  it("refuses what cannot be hashed, and appends nothing", async () => {
    const start = await lastId(test);
    await expect(append(test, buildRecord({ after: { since: undefined } }))).rejects.toThrow(CanonicalJsonError);
    await expect(append(test, buildRecord({ details: { ratio: NaN } }))).rejects.toThrow(
      /\$\.details\.ratio: NaN is not a JSON number/,
    );
    expect(await lastId(test)).toBe(start);
  });
});

describe("the database keeps the log append-only", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    for (let k = 0; k < 3; k++) await append(test);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("refuses UPDATE, DELETE and TRUNCATE on audit_log, saying it is append-only", async () => {
    await expect(test.pool.query(`UPDATE audit_log SET actor = 'someone-else' WHERE id = 1`)).rejects.toThrow(
      "the audit log is append-only: UPDATE on audit_log is refused",
    );
    await expect(test.pool.query(`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow(
      "the audit log is append-only: DELETE on audit_log is refused",
    );
    await expect(test.pool.query(`TRUNCATE audit_log`)).rejects.toThrow(
      "the audit log is append-only: TRUNCATE on audit_log is refused",
    );
    // Even a statement that would touch nothing.
    await expect(test.pool.query(`DELETE FROM audit_log WHERE false`)).rejects.toThrow("append-only");
    expect(await verifyLog(test.db)).toMatchObject({ ok: true });
  });

  it("refuses an entry that does not extend the chain, and any direct change to the chain head", async () => {
    const [last] = (await readEntries(test.db)).slice(-1);
    const insert = (id: number, previousHash: string) =>
      test.pool.query(
        `INSERT INTO audit_log (id, at, actor, action, object_type, previous_hash, hash) VALUES ($1, now(), 'cli', 'x.y', 'x', $2, $3)`,
        [id, previousHash, "ab".repeat(32)],
      );
    await expect(insert(last!.id + 2, last!.hash)).rejects.toThrow(
      `audit log entry ${last!.id + 2} does not extend the chain`,
    );
    await expect(insert(last!.id + 1, "0".repeat(64))).rejects.toThrow("does not extend the chain");
    await expect(insert(last!.id, last!.previousHash)).rejects.toThrow("does not extend the chain");
    await expect(test.pool.query(`UPDATE audit_chain_head SET last_id = 1`)).rejects.toThrow(
      "its chain head moves only when an entry is appended",
    );
    await expect(test.pool.query(`DELETE FROM audit_chain_head`)).rejects.toThrow("append-only");
    await expect(test.pool.query(`TRUNCATE audit_chain_head`)).rejects.toThrow("append-only");
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the published heads", async () => {
    await publishHead(test.db, key.privateKey);
    await expect(test.pool.query(`UPDATE audit_heads SET hash = repeat('0', 64)`)).rejects.toThrow(
      "the audit log is append-only: UPDATE on audit_heads is refused",
    );
    await expect(test.pool.query(`DELETE FROM audit_heads`)).rejects.toThrow("append-only");
    await expect(test.pool.query(`TRUNCATE audit_heads`)).rejects.toThrow("append-only");
  });
});

describe("signed heads", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("signs the current head, stores it, and the log verifies against it as it grows", async () => {
    await append(test);
    const head = await publishHead(test.db, key.privateKey);
    expect(head).toMatchObject({ entryId: await lastId(test) });
    expect(verifyHead(head, key.publicKey)).toMatchObject({ ok: true });
    expect((await publishedHeads(test.db)).at(-1)).toMatchObject(head);
    await append(test);
    const result = await verifyLog(test.db, { againstHead: head, trustedKey: key.publicKey });
    expect(result).toMatchObject({ ok: true, headsChecked: 2 }); // the one given, the one stored
    // The next head is checked from this one on, and extends it.
    const next = await publishHead(test.db, key.privateKey);
    expect(next.entryId).toBe(head.entryId + 1);
  });

  it("publishes periodically while the log grows, and not while it stands still", async () => {
    const count = async () => (await publishedHeads(test.db)).length;
    const before = await count();
    await append(test);
    const problems: string[] = [];
    // Counts what the publisher asks of the database: proof that it looked again (a state), not a
    // time that may or may not have let it.
    let looks = 0;
    const watched = new Proxy(test.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          looks += 1;
          return value.apply(target, args);
        };
      },
    });
    const stop = startHeadPublisher(watched, key.privateKey, { everyMs: 30, log: (line) => problems.push(line) });
    try {
      await expect.poll(count, { timeout: 20_000, interval: 20 }).toBe(before + 1);
      // Several more looks at a log that stands still (a look is one or two queries): no new head.
      const seen = looks;
      await until("the publisher to look at the log again several times", () =>
        looks >= seen + 10 ? true : undefined,
      );
      expect(await count()).toBe(before + 1);
    } finally {
      stop();
    }
    expect(problems).toEqual([]);
  });
});

describe("tamper drills: whoever can switch the triggers off", () => {
  let test: TestDatabase;
  let base: number;
  let head: SignedHead;
  beforeEach(async () => {
    test = await createTestDatabase();
    base = await lastId(test);
    for (let k = 1; k <= 10; k++) await append(test, buildRecord({ objectId: k, after: { kind: "member", step: k } }));
    // A head published after entry base+10, and kept elsewhere (here: in memory).
    head = await publishHead(test.db, key.privateKey);
  });
  afterEach(async () => {
    await test?.drop();
  });

  const tamper = (statement: string, params: unknown[] = []) =>
    withoutAuditTriggers(test.pool, async (client) => void (await client.query(statement, params)));

  it("(a) an entry edited in place is named", async () => {
    await tamper(`UPDATE audit_log SET after = '{"kind": "partner", "step": 4}' WHERE id = $1`, [base + 4]);
    expect(await verifyLog(test.db)).toEqual({
      ok: false,
      entryId: base + 4,
      reason: `entry ${base + 4} was changed: its hash does not match its contents`,
      headsChecked: 1,
    });
  });

  it("(b) a deleted entry is detected where it was, and no head is signed over it", async () => {
    await tamper(`DELETE FROM audit_log WHERE id = $1`, [base + 5]);
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 5,
      reason: `entry ${base + 5} is missing or out of order: entry ${base + 6} follows entry ${base + 4}`,
    });
    await expect(publishHead(test.db, key.privateKey)).rejects.toThrow(
      `Refusing to sign a head: audit log BROKEN at entry ${base + 5}`,
    );
    // The periodic publisher checks only what follows its last head: the hole is before it.
    await expect(publishHead(test.db, key.privateKey, { check: "since-last-head" })).resolves.toMatchObject({
      entryId: base + 10,
    });
  });

  it("(b') the last entry deleted is caught by the chain head, or by the published heads if that was moved too", async () => {
    await tamper(`DELETE FROM audit_log WHERE id = $1`, [base + 10]);
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 10,
      reason: expect.stringMatching(
        /^the log ends at entry \d+, but (the chain head \(audit_chain_head\) records|published head #\d+ of \S+ covers) entry \d+: entry \d+ was removed$/,
      ),
    });
    await withoutAuditTriggers(test.pool, async (client) => {
      await client.query(
        `UPDATE audit_chain_head SET last_id = $1, last_hash = (SELECT hash FROM audit_log WHERE id = $1)`,
        [base + 9],
      );
    });
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 10,
      reason: expect.stringContaining(`covers entry ${base + 10}: entry ${base + 10} was removed`),
    });
  });

  it("(c) two entries' contents swapped, or their places, are detected at the first", async () => {
    await tamper(
      `
      UPDATE audit_log a SET (at, actor, action, object_id, before, after, details, previous_hash, hash) =
        (SELECT at, actor, action, object_id, before, after, details, previous_hash, hash FROM audit_log b
         WHERE b.id = CASE a.id WHEN $1::bigint THEN $2::bigint ELSE $1::bigint END)
      WHERE a.id IN ($1, $2)`,
      [base + 3, base + 7],
    );
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 3,
      reason: `entry ${base + 3} was changed: its hash does not match its contents`,
    });
  });

  it("(c') two entries moved into each other's place are detected at the first", async () => {
    await withoutAuditTriggers(test.pool, async (client) => {
      await client.query(`UPDATE audit_log SET id = 1000000 WHERE id = $1`, [base + 2]);
      await client.query(`UPDATE audit_log SET id = $1 WHERE id = $2`, [base + 2, base + 6]);
      await client.query(`UPDATE audit_log SET id = $1 WHERE id = 1000000`, [base + 6]);
    });
    expect(await verifyLog(test.db)).toMatchObject({ ok: false, entryId: base + 2 });
  });

  it("(d) a log truncated and re-hashed passes the chain checks, but not a signed head kept elsewhere", async () => {
    // Clumsy: the heads the database published are left behind, and give it away.
    await truncateAndRehash(test.pool, { fromId: base + 6, count: 3, keepPublishedHeads: true });
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 9,
      reason: expect.stringContaining(`published head #`),
    });

    // Thorough: the published heads removed too. Everything in the database agrees now…
    const forged = await truncateAndRehash(test.pool, { fromId: base + 6, count: 3 });
    expect(await verifyLog(test.db)).toEqual({
      ok: true,
      count: base + 8,
      head: { entryId: base + 8, hash: forged.at(-1)!.hash },
      headsChecked: 0,
    });
    // …except with the head someone kept.
    expect(await verifyLog(test.db, { againstHead: head, trustedKey: key.publicKey })).toMatchObject({
      ok: false,
      entryId: base + 9,
      reason: `the log ends at entry ${base + 8}, but the signed head of ${head.signedAt} covers entry ${base + 10}: entries ${base + 9} to ${base + 10} were removed`,
    });
  });

  it("(d') a log rewritten from some entry on and grown past the head kept elsewhere still fails it", async () => {
    await truncateAndRehash(test.pool, { fromId: base + 6, count: 8 });
    expect(await verifyLog(test.db)).toMatchObject({ ok: true, count: base + 13 });
    expect(await verifyLog(test.db, { againstHead: head })).toMatchObject({
      ok: false,
      entryId: base + 10,
      reason: `entry ${base + 10} no longer has the hash the signed head of ${head.signedAt} recorded: the log was rewritten at or before entry ${base + 10}`,
    });
  });

  it("(e) a forged head is refused: altered, or signed with another key", async () => {
    const forged = await truncateAndRehash(test.pool, { fromId: base + 6, count: 5 });
    const altered = { ...head, hash: forged.at(-1)!.hash };
    await expect(verifyLog(test.db, { againstHead: altered })).rejects.toThrow(AuditHeadError);
    await expect(verifyLog(test.db, { againstHead: altered })).rejects.toThrow(
      /is refused: its signature does not match its entry, hash and time: it was forged or altered/,
    );
    // Signed by the attacker's own key: self-consistent, so only the instance's key refuses it.
    const attacker = generateKeyPairSync("ed25519");
    const theirs = signHead({ entryId: base + 10, hash: forged.at(-1)!.hash }, head.signedAt, attacker.privateKey);
    await expect(verifyLog(test.db, { againstHead: theirs, trustedKey: key.publicKey })).rejects.toThrow(
      /not by this instance's key/,
    );
    // And a forged head slipped into audit_heads is itself named.
    await withoutAuditTriggers(test.pool, async (client) => {
      await client.query(
        `INSERT INTO audit_heads (entry_id, hash, signed_at, signature, public_key, key_fingerprint) VALUES ($1, $2, $3, $4, $5, repeat('0', 64))`,
        [altered.entryId, altered.hash, altered.signedAt, altered.signature, altered.publicKey],
      );
    });
    expect(await verifyLog(test.db)).toMatchObject({
      ok: false,
      entryId: base + 10,
      reason: expect.stringMatching(
        /^published head #\d+ \(entry \d+, .*\) is not valid: its signature does not match/,
      ),
    });
  });
});
