/**
 * The worked scenario from the source documents: Colombia asks to become a NATO partner across
 * the globe; the North Atlantic Council decides by consensus ("for the assignment of partner
 * status, the consent of all allies is necessary"); the partner relation starts on the decision
 * date with the decision as its source. Run against a registry as it stood before Colombia's
 * partnership (the starter data's partner relation is removed first).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

let concord: TestConcord;
let secretariat: Person;
let colombia: Person;
const allies = new Map<string, Person>();

beforeAll(async () => {
  concord = await startConcord();
  const { db } = concord.database;
  await db.execute(sql`DELETE FROM proposals WHERE concerns_state = 'COL' AND body_id = 'nato-nac'`);
  await db.execute(sql`DELETE FROM relations WHERE subject_code = 'COL' AND object_code = 'NATO'`);
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  colombia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  const members = [
    ...new Set(
      (await concord.database.registry.members("NATO", { kind: "member" })).members.map((relation) => relation.subject),
    ),
  ].sort();
  for (const state of members)
    allies.set(state, await signInAs(concord, { organization: "NATO", role: "delegation-head", state }));
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

describe("Colombia's request to become a global partner", () => {
  let proposalId: number;

  it("is filed by Colombia's delegation and opens a consensus proposal in the North Atlantic Council with today's 32 Allies", async () => {
    const filed = await colombia.send("POST", "/api/v1/requests", {
      organization: "NATO",
      status: "partner",
      framework: "partners-across-the-globe",
      text: "Colombia requests to become a partner across the globe.",
    });
    expect(filed.status).toBe(201);
    const proposal = filed.body.proposal;
    proposalId = proposal.id;
    expect(proposal).toMatchObject({
      body: { id: "nato-nac" },
      procedure: { kind: "consensus" },
      purpose: "request",
      concerns: "COL",
      status: "open",
      members: 32,
    });
    expect(proposal.grid.map((row: { state: string }) => row.state)).toEqual([...allies.keys()].sort());
    expect(proposal.abilities.speakFor).toBeNull(); // Colombia is not an Ally: it asks, it does not decide
  });

  it("cannot be filed for another state, nor by the secretariat", async () => {
    expect(
      (await secretariat.send("POST", "/api/v1/requests", { organization: "NATO", status: "observer", text: "x" }))
        .status,
    ).toBe(403);
  });

  it("stays open while one Ally objects, and its objection is kept when it changes its mind", async () => {
    const [first, second] = [...allies.keys()];
    expect(
      (await allies.get(first!)!.send("POST", `/api/v1/proposals/${proposalId}/positions`, { position: "concur" }))
        .status,
    ).toBe(200);
    const objection = await allies.get(second!)!.send("POST", `/api/v1/proposals/${proposalId}/positions`, {
      position: "object",
      statement: "Needs more consultation.",
    });
    expect(objection.status).toBe(200);
    expect(objection.body.proposal.status).toBe("open");
    const noReason = await allies
      .get(second!)!
      .send("POST", `/api/v1/proposals/${proposalId}/positions`, { position: "object" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/statement/);
    const withReservation = await allies.get(second!)!.send("POST", `/api/v1/proposals/${proposalId}/positions`, {
      position: "concur-with-reservation",
      statement: "On the understanding that cooperation starts with Building Integrity.",
    });
    expect(
      withReservation.body.proposal.positions.filter((cast: { state: string }) => cast.state === second),
    ).toHaveLength(2);
  });

  it("refuses a position for another state", async () => {
    const [first] = [...allies.keys()];
    const answer = await allies
      .get(first!)!
      .send("POST", `/api/v1/proposals/${proposalId}/positions`, { state: "COL", position: "concur" });
    expect(answer.status).toBe(403);
  });

  it("is adopted by Concord the moment the last Ally concurs, and the partner relation starts that day citing the decision", async () => {
    let last: { status: number; body: any } | undefined;
    for (const [state, person] of allies) {
      const grid = (await person.send("GET", `/api/v1/proposals/${proposalId}`)).body.proposal.grid as Array<{
        state: string;
        position: string | null;
      }>;
      if (grid.find((row) => row.state === state)!.position !== null) continue;
      last = await person.send("POST", `/api/v1/proposals/${proposalId}/positions`, { position: "concur" });
      expect(last.status).toBe(200);
    }
    const proposal = last!.body.proposal;
    expect(proposal.status).toBe("adopted");
    expect(proposal.outcome).toMatchObject({
      status: "adopted",
      rule: "consensus.all-concurred",
      sourceId: `decision-${proposalId}`,
    });
    expect(proposal.outcome.explanation).toMatch(/All 32 members concurred, .* with a reservation/);
    expect(proposal.noticesIssued).toBe(32);

    const today = new Date().toISOString().slice(0, 10);
    const partners = (await (
      await fetch(
        `${concord.baseUrl}/api/v1/organizations/NATO/members?kind=partner&framework=partners-across-the-globe&at=${today}`,
      )
    ).json()) as {
      members: Array<{ code: string; relationId: number; since: string; sources: Array<{ id: string }> }>;
    };
    const colombiaRow = partners.members.find((member) => member.code === "COL");
    expect(colombiaRow).toMatchObject({ relationId: proposal.outcome.relationId, since: proposal.outcome.decidedOn });
    expect(colombiaRow?.sources.map((source) => source.id)).toEqual([`decision-${proposalId}`]);
  });

  it("takes no more positions once closed", async () => {
    const [first] = [...allies.keys()];
    const answer = await allies
      .get(first!)!
      .send("POST", `/api/v1/proposals/${proposalId}/positions`, { position: "object", statement: "Too late." });
    expect(answer.status).toBe(409);
  });

  it("is in the audit log step by step, and an outcome notice reached every Ally's delegation", async () => {
    const actions = (
      await concord.database.db.execute(
        sql`SELECT action FROM audit_log WHERE object_type = 'proposal' AND object_id = ${String(proposalId)} ORDER BY id`,
      )
    ).rows.map((row) => (row as { action: string }).action);
    expect(actions[0]).toBe("proposal.open");
    // 32 first positions and one change; the objection without reasons was refused and left no trace.
    expect(actions.filter((action) => action === "proposal.position")).toHaveLength(33);
    expect(actions.at(-1)).toBe("proposal.decide");
    const [first] = [...allies.keys()];
    const inbox = await allies.get(first!)!.send("GET", "/api/v1/notices");
    expect(
      inbox.body.notices.find(
        (notice: { proposalId: number; kind: string }) => notice.proposalId === proposalId && notice.kind === "outcome",
      ),
    ).toBeDefined();
  });
});
