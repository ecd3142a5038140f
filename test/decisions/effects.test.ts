/**
 * What an adopted request does to the registry when the registry cannot do it. A refusal by the
 * registry (it changed since the request was filed: the relation is there already) is part of
 * the outcome: the decision stands, and its explanation says why the registry was not changed.
 * Any other failure (here a deadlock, raised by a trigger the test puts on `relations`) is not
 * the outcome of anything: the deadline job fails, is put back with its error, and decides the
 * proposal when it runs again and the registry takes the change.
 *
 * NATO's requests go to the North Atlantic Council, which decides by consensus when the last
 * Ally concurs; here they go to the Political and Partnerships Committee, which decides by
 * silence at the deadline, so the decision is the job queue's.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let colombia: Person;
let secretariat: Person;

beforeAll(async () => {
  concord = await startConcord();
  await concord.database.db.execute(
    sql`UPDATE organization_rules SET request_body_id = 'nato-pcsc' WHERE organization_code = 'NATO'`,
  );
  colombia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

async function request(status: string): Promise<number> {
  const filed = await colombia.send("POST", "/api/v1/requests", {
    organization: "NATO",
    status,
    text: `Colombia requests to become a NATO ${status}.`,
    deadline: inMs(1_500),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  expect(filed.body.proposal).toMatchObject({ body: { id: "nato-pcsc" }, procedure: { kind: "silence" } });
  return filed.body.proposal.id;
}

async function read(id: number) {
  const answer = await secretariat.send("GET", `/api/v1/proposals/${id}`);
  expect(answer.status).toBe(200);
  return answer.body.proposal;
}

const decided = (id: number) =>
  until(`proposal ${id} decided`, async () => {
    const proposal = await read(id);
    return proposal.status === "open" ? undefined : proposal;
  });

const deadlineJob = async (id: number) =>
  (
    await concord.database.db.execute(sql`
      SELECT attempts, last_error AS "lastError" FROM jobs
      WHERE kind = 'proposal.deadline' AND subject = ${`proposal:${id}`}`)
  ).rows[0] as { attempts: number; lastError: string | null } | undefined;

const colombiaIn = async (kind: string) =>
  (
    (await (await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?kind=${kind}&at=${today()}`)).json()) as {
      members: Array<{ code: string }>;
    }
  ).members.filter((member) => member.code === "COL");

describe("the effect of an adopted request", () => {
  it("fails loudly on an unexpected error: the job is retried, and no explanation is recorded", async () => {
    await concord.database.db.execute(sql`
      CREATE FUNCTION test_deadlock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'deadlock detected (induced by the test)' USING ERRCODE = 'deadlock_detected';
      END $$`);
    await concord.database.db.execute(sql`
      CREATE TRIGGER test_deadlock BEFORE INSERT ON relations
      FOR EACH ROW WHEN (NEW.subject_code = 'COL' AND NEW.kind = 'observer') EXECUTE FUNCTION test_deadlock()`);
    const id = await request("observer");

    // The deadline job ran, failed, and was put back with the error to run again.
    const failed = await until(`proposal ${id}'s deadline job failing`, async () => {
      const job = await deadlineJob(id);
      return job && job.attempts >= 1 ? job : undefined;
    });
    expect(failed.lastError).toContain("deadlock detected (induced by the test)");
    expect(await read(id)).toMatchObject({ status: "open", outcome: null });

    // Whatever it was passes; the next attempt adopts the request and changes the registry.
    await concord.database.db.execute(sql`DROP TRIGGER test_deadlock ON relations`);
    const proposal = await decided(id);
    expect(proposal.status).toBe("adopted");
    expect(proposal.outcome.rule).toMatch(/^silence\./);
    expect(proposal.outcome.relationId).toEqual(expect.any(Number));
    expect(proposal.outcome.sourceId).toBe(`decision-${id}`);
    expect(proposal.outcome.explanation).not.toContain("The registry was not changed");
    expect(await deadlineJob(id)).toBeUndefined();
    expect(await colombiaIn("observer")).toHaveLength(1);
  });

  it("is the outcome's explanation when the registry refuses it, and is not tried again", async () => {
    const id = await request("associate");
    // Meanwhile, the secretariat records the same relation itself.
    const recorded = await secretariat.send("POST", "/api/v1/relations", {
      subject: "COL",
      object: "NATO",
      kind: "associate",
      since: today(),
      claims: [{ source: "nato-member-countries", note: "recorded before the decision" }],
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);

    const proposal = await decided(id);
    expect(proposal.status).toBe("adopted");
    expect(proposal.outcome.relationId).toBeNull();
    expect(proposal.outcome.explanation).toMatch(/ The registry was not changed: .+/);
    expect(await deadlineJob(id)).toBeUndefined();
    expect(await colombiaIn("associate")).toHaveLength(1);
  });
});
