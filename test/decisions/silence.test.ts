/**
 * The silence procedure in NATO's Political and Partnerships Committee: a text is adopted when
 * its deadline passes and no Ally has broken silence (an objection or an amendment, in writing).
 * Nobody presses a button at the deadline: the server's job worker decides, so these tests open
 * proposals a few seconds ahead and watch them over the API, as a delegation would.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

/** Reminders this many hours before each deadline: 1.8 s, so a test can wait for one. */
const REMINDER_HOURS = "0.0005";

let concord: TestConcord;
let chair: Person;
const allies = {} as Record<"CAN" | "DEU" | "FRA" | "USA", Person>;

beforeAll(async () => {
  concord = await startConcord({ CONCORD_REMINDER_HOURS: REMINDER_HOURS });
  chair = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "NATO secretariat" });
  for (const state of ["CAN", "DEU", "FRA", "USA"] as const)
    allies[state] = await signInAs(concord, { organization: "NATO", role: "delegation-head", state });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

async function open(deadline: string, text = "The Committee agrees the partnership cooperation menu for 2027.") {
  const answer = await chair.send("POST", "/api/v1/proposals", {
    body: "nato-pcsc",
    title: "Partnership cooperation menu",
    text,
    deadline,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.proposal;
}

async function read(id: number, as: Person = chair) {
  const answer = await as.send("GET", `/api/v1/proposals/${id}`);
  expect(answer.status).toBe(200);
  return answer.body.proposal;
}

/** Waits until the worker has recorded an outcome. */
async function decided(id: number, timeoutMs = 25_000) {
  return until(
    `an outcome of proposal ${id}`,
    async () => {
      const proposal = await read(id);
      return proposal.status !== "open" ? proposal : undefined;
    },
    timeoutMs,
  );
}

/**
 * Waits until `deadline` has passed by the database's clock, the one the server decides by (a
 * state, not a time on this process's clock); with `jobsOf`, also until the job worker has run
 * every job of that proposal due by then, so whatever the server does at a deadline, it has done.
 */
async function passed(deadline: string, jobsOf?: number) {
  const subject = jobsOf === undefined ? null : `proposal:${jobsOf}`;
  await until(`${deadline} to pass${subject ? ` and the due jobs of ${subject} to run` : ""}`, async () => {
    const row = (
      await concord.database.db.execute(sql`
        SELECT clock_timestamp() > ${deadline}::timestamptz AS past,
               (SELECT count(*)::int FROM jobs
                 WHERE subject = ${subject} AND failed_at IS NULL AND run_at <= clock_timestamp()) AS due`)
    ).rows[0] as { past: boolean; due: number };
    return row.past && row.due === 0 ? true : undefined;
  });
}

async function position(state: keyof typeof allies, id: number, position: string, statement?: string) {
  return allies[state].send("POST", `/api/v1/proposals/${id}/positions`, {
    position,
    ...(statement ? { statement } : {}),
  });
}

/** The proposal as the list of open proposals shows it. */
async function listed(id: number) {
  const list = await chair.send("GET", "/api/v1/proposals?status=open");
  expect(list.status).toBe(200);
  const found = list.body.proposals.find((proposal: { id: number }) => proposal.id === id);
  if (!found) throw new Error(`proposal ${id} is not in the list of open proposals`);
  return found;
}

describe("the silence procedure", () => {
  it("adopts the text when the deadline passes and nobody has broken silence (saying one concurs does not break it)", async () => {
    const opened = await open(inMs(2_000));
    expect(opened).toMatchObject({
      status: "open",
      procedure: { kind: "silence" },
      body: { id: "nato-pcsc" },
      members: 32,
      round: 1,
    });
    expect(opened.abilities.chair).toBe(true);
    const concurred = await position("USA", opened.id, "concur");
    expect(concurred.status).toBe(200);
    expect(concurred.body.proposal.status).toBe("open"); // silence is decided at the deadline, not before
    expect((await listed(opened.id)).silenceBrokenBy).toEqual([]);

    const proposal = await decided(opened.id);
    expect(proposal.status).toBe("adopted");
    expect(proposal.outcome).toMatchObject({ status: "adopted", rule: "silence.deadline-passed-unbroken" });
    expect(Date.parse(proposal.outcome.decidedAt)).toBeGreaterThanOrEqual(Date.parse(opened.deadline));
    expect(proposal.outcome.decidedBy).not.toBe(chair.accountId); // the server decided, not a person
    expect(proposal.noticesIssued).toBe(32);
    expect(proposal.grid.every((row: { brokeSilence: boolean }) => !row.brokeSilence)).toBe(true);
  });

  it("does not adopt the text when a delegation objects in writing before the deadline", async () => {
    const opened = await open(inMs(2_000));
    const unwritten = await position("FRA", opened.id, "object");
    expect(unwritten.status).toBe(400); // breaking silence takes a statement
    const objection = await position("FRA", opened.id, "object", "France cannot agree to paragraph 3 as drafted.");
    expect(objection.status).toBe(200);
    const afterObjection = objection.body.proposal;
    expect(afterObjection.status).toBe("open");
    expect(afterObjection.grid.find((row: { state: string }) => row.state === "FRA")).toMatchObject({
      position: "object",
      brokeSilence: true,
    });

    // The list says so too, not only the proposal's page.
    expect((await listed(opened.id)).silenceBrokenBy).toEqual(["FRA"]);

    const proposal = await decided(opened.id);
    expect(proposal.outcome).toMatchObject({ status: "not-adopted", rule: "silence.deadline-passed-broken" });
    expect(proposal.outcome.explanation).toContain("FRA");
  });

  it("refuses a position once the deadline has passed (409), and records nothing", async () => {
    const opened = await open(inMs(1_500));
    await passed(opened.deadline);
    const late = await position("DEU", opened.id, "object", "Germany objects, too late.");
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/deadline|closed/);
    const proposal = await decided(opened.id);
    expect(proposal.outcome.rule).toBe("silence.deadline-passed-unbroken");
    expect(proposal.positions).toEqual([]);
  });

  it("is extended by its chair: the old deadline passes without a decision, the new one decides, and the extension is kept", async () => {
    const opened = await open(inMs(2_000));
    const oldDeadline = opened.deadline as string;
    const newDeadline = new Date(Date.parse(oldDeadline) + 2_500).toISOString();

    expect(
      (await allies.USA.send("POST", `/api/v1/proposals/${opened.id}/extend`, { deadline: newDeadline })).status,
    ).toBe(403); // a delegation is not the chair
    const earlier = await chair.send("POST", `/api/v1/proposals/${opened.id}/extend`, {
      deadline: new Date(Date.parse(oldDeadline) - 500).toISOString(),
    });
    expect(earlier.status).toBe(400);

    const extended = await chair.send("POST", `/api/v1/proposals/${opened.id}/extend`, { deadline: newDeadline });
    expect(extended.status).toBe(200);
    expect(extended.body.proposal.deadline).toBe(newDeadline);
    expect(extended.body.proposal.rounds[0].extensions).toEqual([
      { from: oldDeadline, to: newDeadline, at: expect.any(String), by: chair.accountId },
    ]);

    await passed(oldDeadline, opened.id);
    const between = await read(opened.id);
    expect(between.status).toBe("open");
    // Still open to positions, too.
    expect((await position("CAN", opened.id, "concur")).status).toBe(200);

    const proposal = await decided(opened.id);
    expect(proposal.outcome.rule).toBe("silence.deadline-passed-unbroken");
    expect(Date.parse(proposal.outcome.decidedAt)).toBeGreaterThanOrEqual(Date.parse(newDeadline));
    expect(proposal.rounds).toHaveLength(1);
    expect(proposal.rounds[0].extensions).toEqual([expect.objectContaining({ from: oldDeadline, to: newDeadline })]);
  });

  it("recirculates an amended text after silence is broken: round 2 starts afresh, is adopted at its deadline, and round 1 is kept", async () => {
    const originalText = "The Committee agrees the annual partnership report.";
    const opened = await open(inMs(2_500), originalText);
    const firstDeadline = opened.deadline as string;
    const amendment = await position("DEU", opened.id, "amend", "Replace 'agrees' with 'notes'.");
    expect(amendment.status).toBe(200);
    expect(amendment.body.proposal.grid.find((row: { state: string }) => row.state === "DEU").brokeSilence).toBe(true);

    const amendedText = "The Committee notes the annual partnership report.";
    const secondDeadline = new Date(Date.parse(firstDeadline) + 2_500).toISOString();
    expect(
      (
        await allies.DEU.send("POST", `/api/v1/proposals/${opened.id}/recirculate`, {
          text: amendedText,
          deadline: secondDeadline,
        })
      ).status,
    ).toBe(403);
    const recirculated = await chair.send("POST", `/api/v1/proposals/${opened.id}/recirculate`, {
      text: amendedText,
      deadline: secondDeadline,
    });
    expect(recirculated.status).toBe(200);
    const round2 = recirculated.body.proposal;
    expect(round2).toMatchObject({
      status: "open",
      round: 2,
      text: amendedText,
      deadline: secondDeadline,
      positionsTaken: 0,
    });
    expect(
      round2.grid.every(
        (row: { position: string | null; brokeSilence: boolean }) => row.position === null && !row.brokeSilence,
      ),
    ).toBe(true);

    // Round 1's deadline passes: its silence was broken, but round 1 no longer decides anything.
    await passed(firstDeadline, opened.id);
    expect((await read(opened.id)).status).toBe("open");

    const proposal = await decided(opened.id);
    expect(proposal.outcome).toMatchObject({ status: "adopted", rule: "silence.deadline-passed-unbroken" });
    expect(Date.parse(proposal.outcome.decidedAt)).toBeGreaterThanOrEqual(Date.parse(secondDeadline));
    expect(
      proposal.rounds.map((round: { number: number; text: string; deadline: string }) => [
        round.number,
        round.text,
        round.deadline,
      ]),
    ).toEqual([
      [1, originalText, firstDeadline],
      [2, amendedText, secondDeadline],
    ]);
    // Round 1's amendment is history, not a position in round 2.
    expect(proposal.positions).toEqual([
      expect.objectContaining({
        round: 1,
        state: "DEU",
        position: "amend",
        statement: "Replace 'agrees' with 'notes'.",
      }),
    ]);
  });

  it(`reminds the delegations that have taken no position ${REMINDER_HOURS} hours before the deadline, and not those that have`, async () => {
    const opened = await open(inMs(4_000));
    const remindAt = Date.parse(opened.deadline) - Number(REMINDER_HOURS) * 3_600_000;
    expect(remindAt).toBeGreaterThan(Date.now());
    expect((await position("CAN", opened.id, "concur")).status).toBe(200);

    const remindersOf = async (state: keyof typeof allies) =>
      (
        (await allies[state].send("GET", "/api/v1/notices")).body.notices as Array<{
          proposalId: number;
          kind: string;
          state: string;
          message: any;
          issuedAt: string;
        }>
      ).filter((notice) => notice.proposalId === opened.id && notice.kind === "reminder");
    await until(
      "a reminder to reach the United States' delegation",
      async () => ((await remindersOf("USA")).length > 0 ? true : undefined),
      25_000,
    );
    for (const state of ["USA", "DEU", "FRA"] as const) {
      const reminders = await remindersOf(state);
      expect(reminders, state).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        state,
        message: { round: 1, deadline: opened.deadline, hoursBefore: Number(REMINDER_HOURS) },
      });
      expect(Date.parse(reminders[0]!.issuedAt)).toBeGreaterThanOrEqual(remindAt);
      expect(Date.parse(reminders[0]!.issuedAt)).toBeLessThan(Date.parse(opened.deadline));
    }
    expect(await remindersOf("CAN")).toEqual([]);
    // Every member but Canada was reminded: 31 of 32.
    const { count } = (
      await concord.database.db.execute(
        sql`SELECT sum(cardinality(recipients))::int AS count FROM notices WHERE proposal_id = ${opened.id} AND kind = 'reminder'`,
      )
    ).rows[0] as { count: number };
    expect(count).toBe(31);

    const proposal = await decided(opened.id);
    expect(proposal.outcome.rule).toBe("silence.deadline-passed-unbroken");
  });
});
