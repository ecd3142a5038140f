/**
 * Migration 0009 turns one notice row per delegation into one row per notice: a database that
 * had notices before it keeps every one of them, to the same delegations, with the same message.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { withDatabase } from "../../test/support/global-setup.ts";
import { migrate } from "./migrate.ts";

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const name = `concord_migration_${randomBytes(6).toString("hex")}`;
let pool: pg.Pool;

beforeAll(async () => {
  const admin = new pg.Client(inject("adminUrl"));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  pool = new pg.Pool({ connectionString: withDatabase(inject("adminUrl"), name), max: 2 });
  // DROP … WITH (FORCE) below may reach a client still closing after pool.end(); its "terminating
  // connection" error is expected then, and must not surface as an uncaught exception (it did once in CI).
  pool.on("error", () => {});
});
afterAll(async () => {
  await pool?.end();
  const admin = new pg.Client(inject("adminUrl"));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** The schema as it was before 0009, recorded as migrate() records it. */
async function migrateUpTo(last: string) {
  await pool.query(
    "CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  for (const file of (await fs.readdir(migrations)).filter((file) => file.endsWith(".sql")).sort()) {
    if (file > last) break;
    await pool.query(await fs.readFile(path.join(migrations, file), "utf8"));
    await pool.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
  }
}

it("groups each notice's rows into one, keeping its recipients, message, kind and first issue time; moves proposal jobs under their subject", async () => {
  await migrateUpTo("0008_decisions.sql");
  const names = (code: string) => [code, `${code} en`, `${code} es`, `${code} pt`, `${code} fr`];
  for (const code of ["NATO", "ALB", "BEL", "CAN"]) {
    await pool.query(
      `INSERT INTO actors (code, type, name_en, name_es, name_pt, name_fr) VALUES ($1, $6, $2, $3, $4, $5)`,
      [...names(code), code === "NATO" ? "organization" : "state"],
    );
  }
  await pool.query(
    `INSERT INTO bodies (id, actor_code, name_en, name_es, name_pt, name_fr, chair, default_procedure)
     VALUES ('nac', 'NATO', 'Council', 'Consejo', 'Conselho', 'Conseil', 'Secretary General', '{"kind":"consensus"}')`,
  );
  const proposal = async (title: string) =>
    Number(
      (
        await pool.query<{ id: string }>(
          `INSERT INTO proposals (body_id, title, procedure, chair, opened_by) VALUES ('nac', $1, '{"kind":"silence"}', 'chair', 'cli') RETURNING id`,
          [title],
        )
      ).rows[0]!.id,
    );
  const first = await proposal("First");
  const second = await proposal("Second");
  const issue = (proposalId: number, states: string[], kind: string, message: object) =>
    pool.query(
      `INSERT INTO delegation_notices (proposal_id, state_code, kind, message) SELECT $1, code, $3, $4::jsonb FROM unnest($2::text[]) AS code`,
      [proposalId, states, kind, JSON.stringify(message)],
    );
  await issue(first, ["BEL", "CAN"], "reminder", { title: "First", hoursBefore: 48, round: 1 });
  await issue(first, ["CAN"], "reminder", { title: "First", hoursBefore: 2, round: 1 });
  await issue(first, ["ALB", "BEL", "CAN"], "outcome", { title: "First", outcome: "adopted" });
  await issue(second, ["ALB", "BEL", "CAN"], "outcome", { title: "Second", outcome: "not-adopted" });
  const issuedBefore = (
    await pool.query<{ first: Date }>(
      `SELECT min(issued_at) AS first FROM delegation_notices WHERE proposal_id = $1 AND kind = 'outcome'`,
      [first],
    )
  ).rows[0]!.first;
  await pool.query(
    `INSERT INTO jobs (kind, payload, run_at, unique_key) VALUES
       ('proposal.deadline', '{}', now(), $1), ('proposal.reminder', '{}', now(), $2), ('notice.apply', '{}', now(), 'notice:3')`,
    [
      `proposal:${second}:round:1:2026-12-01T00:00:00.000Z:deadline`,
      `proposal:${second}:round:1:2026-12-01T00:00:00.000Z:reminder:48`,
    ],
  );

  expect(await migrate(pool)).toContain("0009_notices_and_quiet_jobs.sql");

  const notices = (
    await pool.query(
      `SELECT proposal_id::int AS proposal, kind, recipients, message, issued_at AS "issuedAt" FROM notices ORDER BY id`,
    )
  ).rows;
  expect(notices.map(({ issuedAt: _, ...notice }) => notice)).toEqual([
    {
      proposal: first,
      kind: "reminder",
      recipients: ["BEL", "CAN"],
      message: { title: "First", hoursBefore: 48, round: 1 },
    },
    { proposal: first, kind: "reminder", recipients: ["CAN"], message: { title: "First", hoursBefore: 2, round: 1 } },
    {
      proposal: first,
      kind: "outcome",
      recipients: ["ALB", "BEL", "CAN"],
      message: { title: "First", outcome: "adopted" },
    },
    {
      proposal: second,
      kind: "outcome",
      recipients: ["ALB", "BEL", "CAN"],
      message: { title: "Second", outcome: "not-adopted" },
    },
  ]);
  expect(notices[2]!.issuedAt).toEqual(issuedBefore);
  expect((await pool.query(`SELECT to_regclass('delegation_notices') AS old`)).rows[0]!.old).toBeNull();
  // A delegation's notices, as the API asks for them.
  const canada = (await pool.query(`SELECT count(*)::int AS n FROM notices WHERE recipients @> ARRAY['CAN']`)).rows[0]!
    .n;
  expect(canada).toBe(4);
  // The jobs of a proposal now carry it as their subject; other jobs have none.
  expect((await pool.query(`SELECT kind, subject FROM jobs ORDER BY id`)).rows).toEqual([
    { kind: "proposal.deadline", subject: `proposal:${second}` },
    { kind: "proposal.reminder", subject: `proposal:${second}` },
    { kind: "notice.apply", subject: null },
    // Put on the queue by a later migration (0034), as every database migrated past it gets it.
    { kind: "documents.label-existing", subject: null },
  ]);
});
