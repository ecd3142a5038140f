/**
 * Exactly once, with two instances: two Concord servers on one database, each running its job
 * workers, decide 200 silence procedures of NATO's Political and Partnerships Committee at
 * deadlines spread over about three seconds, while delegations break silence (or concur) over
 * HTTP on some of them. Every proposal must be decided once — one `proposal.decide` audit entry,
 * one outcome notice per member — no earlier than its deadline, with the outcome the silence
 * rule gives; both instances must have taken part; the audit chain must still verify.
 *
 * Proposals are opened through the service (a system principal, as the CLI would), earliest
 * deadline first, on both instances at once, so deadlines start falling due while the last
 * proposals are still being opened and positions are still arriving. On a slow machine opening
 * falls behind the plan: no proposal is opened less than MIN_LEAD_MS before its deadline, and a
 * position the server refuses because the deadline came first (409) is expected to count for
 * nothing — what is checked is that each outcome agrees with what the server answered.
 *
 * Exactly once rests on three things: the job claim (FOR UPDATE SKIP LOCKED, the job deleted in
 * the transaction that decides), the proposal row lock with its `status = 'open'` check (the
 * deadline job against a position whose transaction reaches the deadline), and the unique index
 * on outcome notices. Checked by breaking them in a copy of the sources: with all three gone,
 * most proposals were decided several times (up to six); with the lock gone and the index
 * dropped, one or two were; with "amend" no longer breaking silence, outcomes were wrong — this
 * test failed each time. (With the claim and the lock gone but the index kept, it passed: the
 * index refuses a second outcome, and the losing transaction rolls back.)
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../src/config/env.ts";
import { startServer, type RunningServer } from "../../src/server.ts";
import { verifyLog } from "../../src/services/audit/log.ts";
import type { Principal } from "../../src/services/policies.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { signInAs, type Person } from "../support/people.ts";

const PROPOSALS = 200;
/** Deadlines fall due over this long, the first this long after opening starts. */
const SPREAD_MS = 3_000;
const FIRST_DEADLINE_AFTER_MS = 1_500;
/** No proposal is opened with less time than this before its deadline, however slow opening is. */
const MIN_LEAD_MS = 1_200;
/** Proposals opened side by side (half through each instance). */
const OPENING_STREAMS = 4;
const CLI: Principal = { kind: "system", name: "cli" };

/** What happens to proposal i before its deadline; "object" and "amend" break silence. */
type Plan = "silent" | "object" | "amend" | "concur";
const planFor = (i: number): Plan => (["silent", "object", "concur", "amend", "silent"] as const)[i % 5]!;

/**
 * `accepted`: whether the server took the position (200), or refused it because the deadline had
 * come meanwhile (409) — then the outcome must ignore it. A slow machine makes a few positions
 * late; which ones does not matter, as long as the outcome agrees with what the server answered.
 */
type Opened = { id: number; plan: Plan; speaker?: string; accepted?: boolean };

let database: TestDatabase;
const keyFolders: string[] = [];
const servers: RunningServer[] = [];
/** One delegation head per state that speaks, signed in on alternating servers. */
const delegations = new Map<string, { person: Person; server: RunningServer }>();
let members: string[] = [];
/** What both servers logged (job failures among it), shown when the test fails. */
const logs: string[] = [];
const jobLines = () =>
  logs
    .filter((line) => line.includes("Jobs:"))
    .slice(0, 20)
    .join("\n");

beforeAll(async () => {
  database = await createTestDatabase();
  for (let n = 0; n < 2; n++) {
    const keyFolder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-key-"));
    keyFolders.push(keyFolder);
    const env = readEnv({
      DATABASE_URL: database.url,
      PORT: "0",
      CONCORD_LOG: "silent",
      CONCORD_AUDIT_KEY_FILE: path.join(keyFolder, "audit.pem"),
      CONCORD_DOCUMENT_KEY_FILE: path.join(keyFolder, "documents.pem"),
    });
    servers.push(await startServer(env, { log: (line) => logs.push(`server ${n + 1}: ${line}`) }));
  }
  members = [
    ...new Set(
      (await database.registry.members("NATO", { kind: "member" })).members.map((relation) => relation.subject),
    ),
  ].sort();
  for (const [n, state] of members.slice(0, 4).entries()) {
    const server = servers[n % 2]!;
    delegations.set(state, {
      server,
      person: await signInAs(
        { baseUrl: server.url, database },
        { organization: "NATO", role: "delegation-head", state },
      ),
    });
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.drop();
  for (const folder of keyFolders) await fs.rm(folder, { recursive: true, force: true });
});

describe("silence procedures decided by two instances on one database", () => {
  it("decides every proposal exactly once, at its deadline, by the silence rule, on both instances", async () => {
    const { db } = database;
    const [a, b] = servers as [RunningServer, RunningServer];
    expect(a.runtime.instance).not.toBe(b.runtime.instance);
    const speakers = [...delegations.keys()];

    // Open, earliest deadline first, on both instances at once; each position is taken over HTTP
    // (on either server) as soon as its proposal is open.
    const opened: Opened[] = [];
    const positions: Promise<void>[] = [];
    const start = Date.now();
    let next = 0;
    const openOne = async (i: number) => {
      const planned = start + FIRST_DEADLINE_AFTER_MS + Math.round((SPREAD_MS * i) / PROPOSALS);
      const deadline = new Date(Math.max(planned, Date.now() + MIN_LEAD_MS));
      const via = servers[i % 2]!;
      const detail = await via.runtime.db.transaction((tx) =>
        via.runtime.services.decisions.open(
          CLI,
          {
            body: "nato-pcsc",
            title: `Silence procedure ${i + 1}`,
            text: `Text ${i + 1}, agreed unless silence is broken.`,
            deadline,
          },
          tx,
        ),
      );
      expect(detail.proposal.procedure).toEqual({ kind: "silence" });
      expect(detail.members).toEqual(members);
      const plan = planFor(i);
      const speaker = plan === "silent" ? undefined : speakers[i % speakers.length]!;
      opened[i] = { id: detail.proposal.id, plan, speaker };
      if (!speaker) return;
      const statement =
        plan === "concur"
          ? undefined
          : plan === "object"
            ? `Delegation ${speaker} objects to text ${i + 1}.`
            : `Delegation ${speaker} proposes to amend text ${i + 1}.`;
      positions.push(
        delegations
          .get(speaker)!
          .person.send("POST", `/api/v1/proposals/${detail.proposal.id}/positions`, {
            position: plan,
            ...(statement ? { statement } : {}),
          })
          .then((answer) => {
            const refusedAsLate =
              answer.status === 409 && /deadline .* passed|is closed/.test(answer.body?.error?.message ?? "");
            if (!refusedAsLate) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
            opened[i]!.accepted = answer.status === 200;
          }),
      );
    };
    await Promise.all(
      Array.from({ length: OPENING_STREAMS }, async () => {
        while (next < PROPOSALS) await openOne(next++);
      }),
    );
    await Promise.all(positions);
    const ids = opened.map((proposal) => proposal.id);

    // Wait until both instances have decided everything.
    const until = Date.now() + 30_000;
    let open = PROPOSALS;
    while (Date.now() < until) {
      open = Number(
        (
          (
            await db.execute(
              sql`SELECT count(*)::int AS n FROM proposals WHERE id = ANY (${sql.param(ids)}::bigint[]) AND status = 'open'`,
            )
          ).rows[0] as { n: number }
        ).n,
      );
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(open, `proposals still open 30 s after the last position; the job workers said:\n${jobLines()}`).toBe(0);

    // One proposal.decide audit entry per proposal.
    const decides = (
      await db.execute(sql`
        SELECT object_id AS id, count(*)::int AS n FROM audit_log
        WHERE action = 'proposal.decide' AND object_type = 'proposal' AND object_id = ANY (${sql.param(ids.map(String))}::text[])
        GROUP BY object_id`)
    ).rows as Array<{ id: string; n: number }>;
    const decideCount = new Map(decides.map((row) => [Number(row.id), row.n]));
    expect(ids.filter((id) => decideCount.get(id) !== 1).map((id) => `${id}: ${decideCount.get(id) ?? 0}`)).toEqual([]);

    // One outcome notice per member of each proposal, and none to anyone else.
    const notices = (
      await db.execute(sql`
        SELECT m.proposal_id::int AS id, m.state_code AS state, count(n.id)::int AS n
        FROM proposal_members m
        LEFT JOIN (SELECT id, proposal_id, unnest(recipients) AS state_code FROM notices WHERE kind = 'outcome') n
          ON n.proposal_id = m.proposal_id AND n.state_code = m.state_code
        WHERE m.proposal_id = ANY (${sql.param(ids)}::bigint[])
        GROUP BY m.proposal_id, m.state_code`)
    ).rows as Array<{ id: number; state: string; n: number }>;
    expect(notices).toHaveLength(PROPOSALS * members.length);
    expect(notices.filter((row) => row.n !== 1)).toEqual([]);
    const strays = (
      await db.execute(sql`
        SELECT count(*)::int AS n FROM (SELECT proposal_id, unnest(recipients) AS state_code FROM notices WHERE kind = 'outcome') n
        WHERE n.proposal_id = ANY (${sql.param(ids)}::bigint[])
          AND NOT EXISTS (SELECT 1 FROM proposal_members m WHERE m.proposal_id = n.proposal_id AND m.state_code = n.state_code)`)
    ).rows[0] as { n: number };
    expect(strays.n).toBe(0);

    // Adopted if and only if nobody broke silence; decided at or after the deadline; by one of the two instances.
    const outcomes = (
      await db.execute(sql`
        SELECT p.id::int AS id, p.status, p.outcome_rule AS rule, p.outcome_explanation AS explanation, p.decided_by AS "decidedBy",
               (p.decided_at >= r.deadline) AS "notEarly", extract(epoch FROM p.decided_at - r.deadline) * 1000 AS "lateMs"
        FROM proposals p JOIN proposal_rounds r ON r.proposal_id = p.id AND r.number = 1
        WHERE p.id = ANY (${sql.param(ids)}::bigint[])`)
    ).rows as Array<{
      id: number;
      status: string;
      rule: string;
      explanation: string;
      decidedBy: string;
      notEarly: boolean;
      lateMs: number;
    }>;
    const byId = new Map(outcomes.map((row) => [row.id, row]));
    const wrong: string[] = [];
    for (const { id, plan, speaker, accepted } of opened) {
      const outcome = byId.get(id)!;
      const broken = (plan === "object" || plan === "amend") && accepted === true;
      if (broken) {
        if (
          outcome.status !== "not-adopted" ||
          outcome.rule !== "silence.deadline-passed-broken" ||
          !outcome.explanation.includes(speaker!)
        ) {
          wrong.push(`${id} (${plan} by ${speaker}): ${outcome.status} ${outcome.rule} "${outcome.explanation}"`);
        }
      } else if (outcome.status !== "adopted" || outcome.rule !== "silence.deadline-passed-unbroken") {
        wrong.push(`${id} (${plan}): ${outcome.status} ${outcome.rule} "${outcome.explanation}"`);
      }
      if (!outcome.notEarly) wrong.push(`${id}: decided ${-outcome.lateMs} ms before its deadline`);
    }
    expect(wrong).toEqual([]);
    // Most positions arrive well before their deadline (at least MIN_LEAD_MS): a test where silence was seldom broken would prove little.
    expect(
      opened.filter((proposal) => (proposal.plan === "object" || proposal.plan === "amend") && proposal.accepted)
        .length,
    ).toBeGreaterThan(40);

    const byInstance = new Map<string, number>();
    for (const row of outcomes) byInstance.set(row.decidedBy, (byInstance.get(row.decidedBy) ?? 0) + 1);
    expect([...byInstance.keys()].sort()).toEqual([a.runtime.instance, b.runtime.instance].sort());

    // Nothing left behind in the queue for these proposals, and no job failed on the way.
    const leftovers = (
      await db.execute(sql`
        SELECT kind, unique_key AS key, attempts, last_error AS error FROM jobs
        WHERE (payload->>'proposalId')::bigint = ANY (${sql.param(ids)}::bigint[]) OR last_error IS NOT NULL`)
    ).rows;
    expect(leftovers, jobLines()).toEqual([]);

    const verified = await verifyLog(db);
    expect(verified).toMatchObject({ ok: true });
  }, 90_000);
});
