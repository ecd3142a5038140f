/**
 * `concord audit verify` and `concord audit head`, run as a person or a script runs them.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHead, type SignedHead } from "../domain/audit.ts";
import { appendAudit } from "../services/audit/log.ts";
import { truncateAndRehash, withoutAuditTriggers } from "../../test/support/audit-tamper.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";
import { dataFile } from "../../test/support/data-files.ts";

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-audit-cli-"));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function seed(test: TestDatabase, count: number): Promise<number> {
  for (let k = 1; k <= count; k++) {
    await test.db.transaction((tx) =>
      appendAudit(tx, {
        actor: "cli",
        action: "relation.create",
        objectType: "relation",
        objectId: k,
        after: { kind: "member", step: k },
      }),
    );
  }
  const rows = (await test.db.execute(sql`SELECT last_id::int AS "lastId" FROM audit_chain_head`)).rows as Array<{
    lastId: number;
  }>;
  return rows[0]!.lastId;
}

const readHead = (stdout: string) => JSON.parse(stdout) as SignedHead;

describe("concord audit on an intact log", () => {
  let test: TestDatabase;
  let env: Record<string, string>;
  let last: number;
  beforeAll(async () => {
    test = await createTestDatabase();
    env = { DATABASE_URL: test.url, CONCORD_AUDIT_KEY_FILE: path.join(folder, "intact", "audit-signing-key.pem") };
    last = await seed(test, 3);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("verify says the log is intact, how long it is and its head, and exits 0", async () => {
    const { code, stdout } = await runConcord(["audit", "verify"], env);
    expect(code).toBe(0);
    const hash = ((await test.db.execute(sql`SELECT last_hash FROM audit_chain_head`)).rows[0] as { last_hash: string })
      .last_hash;
    expect(stdout.trim()).toBe(`Audit log intact: ${last} entries, head ${hash}`);
  });

  it("head creates the key on first use (mode 600, outside the database), then prints a signed head as JSON", async () => {
    const first = await runConcord(["audit", "head"], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /Created the audit signing key .*audit-signing-key\.pem \(public key fingerprint [0-9a-f]{64}\)/,
    );
    expect(first.stderr).not.toContain("PRIVATE KEY");
    expect(first.stdout).not.toContain("PRIVATE KEY");
    const head = readHead(first.stdout);
    expect(Object.keys(head)).toEqual(["entryId", "hash", "signedAt", "publicKey", "signature"]);
    expect(head.entryId).toBe(last);
    expect(verifyHead(head)).toMatchObject({ ok: true });
    expect((await fs.stat(env.CONCORD_AUDIT_KEY_FILE!)).mode & 0o777).toBe(0o600);

    const second = await runConcord(["audit", "head"], env);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain("Created the audit signing key");
    expect(readHead(second.stdout).publicKey).toBe(head.publicKey);
    const stored = await test.db.execute(sql`SELECT count(*)::int AS n FROM audit_heads`);
    expect(stored.rows[0]).toEqual({ n: 2 });
  });

  it("verify --head checks the log still holds a head kept elsewhere", async () => {
    const { stdout } = await runConcord(["audit", "head"], env);
    const file = path.join(folder, "kept-head.json");
    await fs.writeFile(file, stdout);
    await seed(test, 1); // the log may grow past it
    const { code, stdout: verified } = await runConcord(["audit", "verify", "--head", file], env);
    expect(code).toBe(0);
    expect(verified).toContain(`Audit log intact: ${last + 1} entries`);
    expect(verified).toMatch(
      new RegExp(`The signed head of \\S+ \\(entry ${last}, key [0-9a-f]{64}, this instance's\\) is in the log\\.`),
    );
  });

  it("verify --head refuses a forged head, and says what is wrong with a file that is not a head", async () => {
    const { stdout } = await runConcord(["audit", "head"], env);
    const head = readHead(stdout);
    const forged = path.join(folder, "forged-head.json");
    await fs.writeFile(forged, JSON.stringify({ ...head, entryId: head.entryId - 1 }));
    const refused = await runConcord(["audit", "verify", "--head", forged], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "is refused: its signature does not match its entry, hash and time: it was forged or altered",
    );

    const missing = await runConcord(["audit", "verify", "--head", path.join(folder, "nowhere.json")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.json: no such file");
    const notHead = path.join(folder, "not-a-head.json");
    await fs.writeFile(notHead, JSON.stringify({ entryId: 1, hash: "xyz" }));
    const wrong = await runConcord(["audit", "verify", "--head", notHead], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "is not a signed head printed by concord audit head: hash must be 64 lower-case hex digits",
    );
  });

  it("names its subcommands when given another", async () => {
    const { code, stderr } = await runConcord(["audit", "frobnicate"], env);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown audit command "frobnicate": use audit verify or audit head.');
  });
});

describe("concord audit on a tampered log", () => {
  let test: TestDatabase;
  let env: Record<string, string>;
  let last: number;
  beforeAll(async () => {
    test = await createTestDatabase();
    env = { DATABASE_URL: test.url, CONCORD_AUDIT_KEY_FILE: path.join(folder, "tampered", "audit-signing-key.pem") };
    last = await seed(test, 10);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("passes a log truncated and re-hashed, but not against a head kept from before", async () => {
    const published = await runConcord(["audit", "head"], env);
    expect(published.code).toBe(0);
    const kept = path.join(folder, "head-before-rewrite.json");
    await fs.writeFile(kept, published.stdout);

    await truncateAndRehash(test.pool, { fromId: last - 4, count: 3 });
    const plain = await runConcord(["audit", "verify"], env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`Audit log intact: ${last - 2} entries`);

    const against = await runConcord(["audit", "verify", "--head", kept], env);
    expect(against.code).toBe(1);
    expect(against.stderr).toMatch(
      new RegExp(
        `^Audit log BROKEN at entry ${last - 1}: the log ends at entry ${last - 2}, but the signed head of \\S+ covers entry ${last}: entries ${last - 1} to ${last} were removed`,
      ),
    );
  });

  it("names the entry edited in place, exits 1, and signs no head over it", async () => {
    await withoutAuditTriggers(test.pool, async (client) => {
      await client.query(`UPDATE audit_log SET actor = 'someone-else' WHERE id = 3`);
    });
    const verify = await runConcord(["audit", "verify"], env);
    expect(verify.code).toBe(1);
    expect(verify.stderr.trim()).toBe(
      "Audit log BROKEN at entry 3: entry 3 was changed: its hash does not match its contents",
    );
    const head = await runConcord(["audit", "head"], env);
    expect(head.code).toBe(1);
    expect(head.stdout).toBe("");
    expect(head.stderr).toContain("Refusing to sign a head: audit log BROKEN at entry 3");
  });
});

describe("what the command line changes", () => {
  let test: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    test = await createTestDatabase();
    env = { DATABASE_URL: test.url, CONCORD_AUDIT_KEY_FILE: path.join(folder, "changes", "audit-signing-key.pem") };
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("is audited: the first administrator and every import, by the command line, and the log still verifies", async () => {
    // The starter data set, loaded into the template every test database is cloned from, is an import too.
    const starter = await test.db.execute(
      sql`SELECT actor, object_id AS "objectId" FROM audit_log WHERE action = 'import.apply' ORDER BY id`,
    );
    expect(starter.rows).toEqual(
      expect.arrayContaining([
        { actor: "importer", objectId: "starter-data-set" },
        { actor: "importer", objectId: "starter-decisions" },
      ]),
    );

    const created = await runConcord(
      ["admin", "create", "--email", "first@example.org", "--organization", "NATO"],
      env,
      { input: "correct horse battery\n" },
    );
    expect(created.code, created.stderr).toBe(0);
    const imported = await runConcord(["import", "cow-states", dataFile("cow", "cow-states-2016.csv")], env);
    expect(imported.code, imported.stderr).toBe(0);
    const again = await runConcord(["import", "cow-states", dataFile("cow", "cow-states-2016.csv")], env);
    expect(again.code, again.stderr).toBe(0);

    const entries = await test.db.execute(sql`
      SELECT e.actor, e.action, e.organization, e.object_id AS "objectId",
             e.after->>'email' AS email, e.after ? 'passwordHash' AS "keptHash",
             (e.details->>'loaded')::int AS loaded, (e.details->>'unchanged')::int AS unchanged
      FROM audit_log e WHERE e.actor = 'cli' ORDER BY e.id`);
    const [admin, firstImport, secondImport, ...rest] = entries.rows as Array<Record<string, unknown>>;
    expect(rest).toEqual([]);
    expect(admin).toMatchObject({
      action: "account.create",
      organization: "NATO",
      email: "first@example.org",
      keptHash: false,
    });
    expect(firstImport).toMatchObject({ action: "import.apply", objectId: "cow-states" });
    expect(firstImport!.loaded).toBeGreaterThan(0);
    // A run that changed nothing is a run all the same.
    expect(secondImport).toMatchObject({ action: "import.apply", objectId: "cow-states", loaded: 0 });
    expect(secondImport!.unchanged).toBe(firstImport!.loaded);

    const verified = await runConcord(["audit", "verify"], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^Audit log intact: \d+ entries/);
  }, 120_000);
});
