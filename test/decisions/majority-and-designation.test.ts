/**
 * The other procedures, as the organisations' rules describe them:
 *  - the OAS General Assembly votes by two thirds of all member states, with a quorum of two
 *    thirds (Charter, arts. 8 and 9): decided at the deadline, exactly at the boundary and one
 *    vote short;
 *  - a consensus that is not reached is closed by the chair; a state withdraws its own request;
 *  - a US designation (Major Non-NATO Ally) is decided by the United States alone, at once, and
 *    its adoption or revocation changes the registry, citing the decision.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  concord = await startConcord();
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

async function read(person: Person, id: number) {
  const answer = await person.send("GET", `/api/v1/proposals/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.proposal;
}

/** Waits until the server's job worker has recorded an outcome (a state, however long a busy machine takes). */
async function decided(person: Person, id: number, timeoutMs = 60_000) {
  return until(
    `an outcome of proposal ${id}`,
    async () => {
      const proposal = await read(person, id);
      return proposal.status !== "open" ? proposal : undefined;
    },
    timeoutMs,
  );
}

describe("a qualified majority in the OAS General Assembly (2/3 of all members, quorum 2/3)", () => {
  let assembly: Person;
  const delegations = new Map<string, Person>();
  let members: string[];
  let needed: number;

  beforeAll(async () => {
    assembly = await signInAs(concord, {
      organization: "OAS",
      role: "secretariat-staff",
      name: "OAS General Secretariat",
    });
    members = [
      ...new Set(
        (await concord.database.registry.members("OAS", { kind: "member" })).members.map(
          (relation) => relation.subject,
        ),
      ),
    ].sort();
    needed = Math.ceil((2 * members.length) / 3);
    // Enough delegations to reach the threshold, vote against and abstain.
    for (const state of members.slice(0, needed + 3))
      delegations.set(state, await signInAs(concord, { organization: "OAS", role: "delegation-head", state }));
  }, 120_000);

  it("is adopted with exactly two thirds of all members, not adopted one vote short, and fails without a quorum", async () => {
    // Time enough for some eighty votes over HTTP on a busy two-core machine: the test checks below
    // that they all came in before the deadline.
    const deadline = new Date(Date.now() + 25_000).toISOString();
    const open = async (title: string) => {
      const answer = await assembly.send("POST", "/api/v1/proposals", {
        body: "oas-general-assembly",
        title,
        text: `Resolution: ${title}.`,
        deadline,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.proposal).toMatchObject({
        procedure: {
          kind: "majority",
          threshold: { numerator: 2, denominator: 3 },
          base: "all-members",
          quorum: { numerator: 2, denominator: 3 },
          abstentions: "excluded",
        },
        members: members.length,
        deadline,
      });
      return answer.body.proposal.id as number;
    };
    const atBoundary = await open("Exactly two thirds");
    const oneShort = await open("One vote short");
    const noQuorum = await open("No quorum");

    const voters = [...delegations.entries()];
    const vote = async (id: number, votes: Array<[string, Person]>, position: "concur" | "object" | "abstain") =>
      Promise.all(
        votes.map(async ([state, person]) => {
          const answer = await person.send("POST", `/api/v1/proposals/${id}/positions`, {
            position,
            ...(position === "object" ? { statement: `${state} votes against.` } : {}),
          });
          expect(answer.status, `${state} ${position}: ${JSON.stringify(answer.body)}`).toBe(200);
        }),
      );
    await Promise.all([
      // Exactly the threshold for, one against, one abstaining: the abstention counts towards the quorum only.
      (async () => {
        await vote(atBoundary, voters.slice(0, needed), "concur");
        await vote(atBoundary, voters.slice(needed, needed + 1), "object");
        await vote(atBoundary, voters.slice(needed + 1, needed + 2), "abstain");
      })(),
      // One short of the threshold, with a quorum: two against, one abstaining.
      (async () => {
        await vote(oneShort, voters.slice(0, needed - 1), "concur");
        await vote(oneShort, voters.slice(needed - 1, needed + 1), "object");
        await vote(oneShort, voters.slice(needed + 1, needed + 2), "abstain");
      })(),
      // One short of the quorum, all in favour.
      vote(noQuorum, voters.slice(0, needed - 1), "concur"),
    ]);
    expect(Date.now(), "the votes took longer than the deadline allows: give the test more time").toBeLessThan(
      Date.parse(deadline),
    );

    // A majority is decided at the deadline, however clear it looks before.
    expect((await read(assembly, atBoundary)).status).toBe("open");

    const adopted = await decided(assembly, atBoundary);
    expect(adopted.outcome).toMatchObject({ status: "adopted", rule: "majority.threshold-met" });
    expect(adopted.outcome.explanation).toContain(
      `${needed} for, 1 against, 1 abstaining, of ${members.length} members`,
    );
    expect(Date.parse(adopted.outcome.decidedAt)).toBeGreaterThanOrEqual(Date.parse(deadline));

    const short = await decided(assembly, oneShort);
    expect(short.outcome).toMatchObject({ status: "not-adopted", rule: "majority.threshold-not-met" });
    expect(short.outcome.explanation).toContain(`${needed - 1} for, 2 against, 1 abstaining`);

    const inquorate = await decided(assembly, noQuorum);
    expect(inquorate.outcome).toMatchObject({ status: "not-adopted", rule: "majority.quorum-not-met" });
    expect(inquorate.outcome.explanation).toContain(`${needed - 1} of ${members.length} took part`);
  }, 180_000);

  it("is not closed by its chair: a vote is decided at its deadline (409)", async () => {
    const opened = await assembly.send("POST", "/api/v1/proposals", {
      body: "oas-general-assembly",
      title: "To close",
      text: "A text.",
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    const closed = await assembly.send("POST", `/api/v1/proposals/${opened.body.proposal.id}/close`, {
      as: "not-adopted",
      reason: "No.",
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/at its deadline/);
  });

  it("refuses a threshold of 0 (adopted with no votes for it), saying so, and opens nothing", async () => {
    const before = await assembly.send("GET", "/api/v1/proposals?body=oas-general-assembly&status=open");
    expect(before.status).toBe(200);
    expect(Array.isArray(before.body.proposals)).toBe(true);
    // The list carries the server's clock, to count time left from.
    expect(before.body.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(before.body.now) - Date.now())).toBeLessThan(60_000);
    const answer = await assembly.send("POST", "/api/v1/proposals", {
      body: "oas-general-assembly",
      title: "Nobody needs to agree",
      text: "A text.",
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      procedure: {
        kind: "majority",
        threshold: { numerator: 0, denominator: 3 },
        base: "all-members",
        quorum: { numerator: 0, denominator: 1 },
        abstentions: "excluded",
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^body\.procedure: the threshold must be more than 0, got 0\/3/);
    const after = await assembly.send("GET", "/api/v1/proposals?body=oas-general-assembly&status=open");
    expect(after.body.proposals).toEqual(before.body.proposals);
  });
});

describe("consensus that is not reached, and a request withdrawn", () => {
  let presidency: Person;
  let bolivia: Person;
  let colombia: Person;

  beforeAll(async () => {
    presidency = await signInAs(concord, {
      organization: "UNASUR",
      role: "secretariat-staff",
      name: "Pro tempore presidency",
    });
    bolivia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "BOL" });
    colombia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "COL" });
  });

  it("is closed by the chair as not adopted (chair.closed-without-consensus), which a delegation may not do", async () => {
    const opened = await presidency.send("POST", "/api/v1/proposals", {
      body: "unasur-council",
      title: "A common defence white paper",
      text: "The Council adopts the white paper.",
    });
    expect(opened.status).toBe(201);
    const id = opened.body.proposal.id as number;
    expect(
      (
        await bolivia.send("POST", `/api/v1/proposals/${id}/positions`, {
          position: "object",
          statement: "Bolivia needs more time.",
        })
      ).status,
    ).toBe(200);
    expect(
      (await bolivia.send("POST", `/api/v1/proposals/${id}/close`, { as: "not-adopted", reason: "No consensus." }))
        .status,
    ).toBe(403);

    const closed = await presidency.send("POST", `/api/v1/proposals/${id}/close`, {
      as: "not-adopted",
      reason: "Consensus could not be reached at this session.",
    });
    expect(closed.status).toBe(200);
    expect(closed.body.proposal).toMatchObject({
      status: "not-adopted",
      outcome: {
        status: "not-adopted",
        rule: "chair.closed-without-consensus",
        explanation: "Consensus could not be reached at this session.",
        decidedBy: presidency.accountId,
      },
    });
    expect(closed.body.proposal.noticesIssued).toBe(closed.body.proposal.members);
    expect(
      (await presidency.send("POST", `/api/v1/proposals/${id}/close`, { as: "not-adopted", reason: "Again." })).status,
    ).toBe(409);
    expect((await bolivia.send("POST", `/api/v1/proposals/${id}/positions`, { position: "concur" })).status).toBe(409);
  });

  it("is withdrawn by the state that requested, not by another, and the registry is unchanged", async () => {
    const filed = await colombia.send("POST", "/api/v1/requests", {
      organization: "UNASUR",
      status: "member",
      text: "Colombia requests to rejoin UNASUR.",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const request = filed.body.proposal;
    expect(request).toMatchObject({
      purpose: "request",
      concerns: "COL",
      body: { id: "unasur-council" },
      procedure: { kind: "consensus" },
      status: "open",
    });
    expect(request.abilities).toMatchObject({ withdraw: true, chair: false, speakFor: null });

    expect(
      (
        await bolivia.send("POST", `/api/v1/proposals/${request.id}/close`, {
          as: "withdrawn",
          reason: "Bolivia withdraws it.",
        })
      ).status,
    ).toBe(403);
    // The requesting state withdraws; it does not decide.
    expect(
      (await colombia.send("POST", `/api/v1/proposals/${request.id}/close`, { as: "not-adopted", reason: "No." }))
        .status,
    ).toBe(403);

    const withdrawn = await colombia.send("POST", `/api/v1/proposals/${request.id}/close`, {
      as: "withdrawn",
      reason: "Colombia withdraws its request.",
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.proposal).toMatchObject({
      status: "withdrawn",
      outcome: { status: "withdrawn", rule: "withdrawn.by-requesting-state", relationId: null, sourceId: null },
    });

    const members = (await (
      await fetch(`${concord.baseUrl}/api/v1/organizations/UNASUR/members?kind=member&at=${today()}`)
    ).json()) as { members: Array<{ code: string }> };
    expect(members.members.map((member) => member.code)).not.toContain("COL");
  });
});

describe("a US designation, decided by the United States alone", () => {
  let usa: Person;
  let canada: Person;
  let chile: Person;

  beforeAll(async () => {
    // The US delegation's state is the United States, so its head acts for the body `us-president`.
    usa = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
    canada = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "CAN" });
    // The designations of the US President's body belong to NATO's part of Concord: Chile follows them through its delegation there.
    chile = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "CHL" });
  });

  it("designates Chile a Major Non-NATO Ally the moment the United States concurs, and the registry cites the decision", async () => {
    const before = (await (await fetch(`${concord.baseUrl}/api/v1/actors/CHL/relations`)).json()) as {
      relations: Array<{ kind: string; designation: string | null }>;
    };
    expect(
      before.relations.some(
        (relation) => relation.kind === "designation" && relation.designation === "major-non-nato-ally",
      ),
    ).toBe(false);

    expect(
      (
        await canada.send("POST", "/api/v1/designations", {
          body: "us-president",
          designee: "CHL",
          designation: "major-non-nato-ally",
          text: "Canada cannot designate for the US.",
        })
      ).status,
    ).toBe(403);
    const proposed = await usa.send("POST", "/api/v1/designations", {
      body: "us-president",
      designee: "CHL",
      designation: "major-non-nato-ally",
      text: "Designation of Chile as a Major Non-NATO Ally under 22 U.S.C. 2321k.",
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const proposal = proposed.body.proposal;
    expect(proposal).toMatchObject({
      purpose: "designation",
      concerns: "CHL",
      procedure: { kind: "unilateral" },
      members: 1,
      status: "open",
      body: { id: "us-president" },
    });
    expect(proposal.abilities).toMatchObject({ speakFor: "USA", allowedPositions: ["concur", "object"] });

    // Another Ally does not even see it; the state it concerns sees it but does not decide.
    expect(
      (await canada.send("POST", `/api/v1/proposals/${proposal.id}/positions`, { state: "USA", position: "concur" }))
        .status,
    ).toBe(404);
    expect((await read(chile, proposal.id)).abilities.speakFor).toBeNull();
    expect(
      (await chile.send("POST", `/api/v1/proposals/${proposal.id}/positions`, { state: "USA", position: "concur" }))
        .status,
    ).toBe(403);
    // The same states' delegations to another organisation have no part in it: the US delegation to
    // the OAS can neither decide nor designate, and Chile's there does not see it.
    const usaInOas = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "USA" });
    const chileInOas = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "CHL" });
    expect(
      (await usaInOas.send("POST", `/api/v1/proposals/${proposal.id}/positions`, { position: "concur" })).status,
    ).toBe(404);
    expect(
      (
        await usaInOas.send("POST", "/api/v1/designations", {
          body: "us-president",
          designee: "PER",
          designation: "major-non-nato-ally",
          text: "Not from here.",
        })
      ).status,
    ).toBe(403);
    expect((await chileInOas.send("GET", `/api/v1/proposals/${proposal.id}`)).status).toBe(404);
    expect(
      (await chileInOas.send("GET", "/api/v1/proposals")).body.proposals.some(
        (listed: { id: number }) => listed.id === proposal.id,
      ),
    ).toBe(false);

    const concurred = await usa.send("POST", `/api/v1/proposals/${proposal.id}/positions`, { position: "concur" });
    expect(concurred.status).toBe(200);
    const adopted = concurred.body.proposal;
    expect(adopted).toMatchObject({
      status: "adopted",
      outcome: {
        rule: "unilateral.designating-state-concurred",
        sourceId: `decision-${proposal.id}`,
        decidedOn: today(),
      },
    });
    expect(adopted.outcome.relationId).toEqual(expect.any(Number));

    const after = (await (await fetch(`${concord.baseUrl}/api/v1/actors/CHL/relations`)).json()) as {
      relations: Array<{
        id: number;
        kind: string;
        object: string;
        designation: string | null;
        since: string;
        until: string | null;
        sources: Array<{ id: string }>;
      }>;
    };
    const designation = after.relations.find(
      (relation) => relation.kind === "designation" && relation.designation === "major-non-nato-ally",
    );
    expect(designation).toMatchObject({ id: adopted.outcome.relationId, object: "USA", since: today(), until: null });
    expect(designation!.sources.map((source) => source.id)).toEqual([`decision-${proposal.id}`]);

    // Designating again is refused: Chile holds it now.
    expect(
      (
        await usa.send("POST", "/api/v1/designations", {
          body: "us-president",
          designee: "CHL",
          designation: "major-non-nato-ally",
          text: "Again.",
        })
      ).status,
    ).toBe(409);
  });

  it("revokes Argentina's designation: the relation ends on the decision date, citing the decision", async () => {
    const current = (await (await fetch(`${concord.baseUrl}/api/v1/actors/ARG/relations`)).json()) as {
      relations: Array<{ id: number; kind: string; designation: string | null; until: string | null }>;
    };
    const held = current.relations.find(
      (relation) => relation.kind === "designation" && relation.designation === "major-non-nato-ally",
    );
    expect(held).toMatchObject({ until: null });

    const proposed = await usa.send("POST", "/api/v1/designations", {
      body: "us-president",
      designee: "ARG",
      designation: "major-non-nato-ally",
      revoke: true,
      text: "Revocation of Argentina's designation as a Major Non-NATO Ally.",
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const proposal = proposed.body.proposal;
    expect(proposal).toMatchObject({
      purpose: "revocation",
      concerns: "ARG",
      effect: { action: "relation.end", relationId: held!.id },
    });

    const concurred = await usa.send("POST", `/api/v1/proposals/${proposal.id}/positions`, { position: "concur" });
    expect(concurred.status).toBe(200);
    const adopted = concurred.body.proposal;
    expect(adopted.outcome).toMatchObject({
      status: "adopted",
      rule: "unilateral.designating-state-concurred",
      relationId: held!.id,
      sourceId: `decision-${proposal.id}`,
    });

    const ended = (await (await fetch(`${concord.baseUrl}/api/v1/relations/${held!.id}`)).json()) as {
      relation: {
        until: string | null;
        untilPrecision: string | null;
        claims: Array<{ field: string; asserted: string | null; source: { id: string } }>;
      };
    };
    expect(ended.relation).toMatchObject({ until: adopted.outcome.decidedOn, untilPrecision: "day" });
    expect(ended.relation.claims).toContainEqual(
      expect.objectContaining({
        field: "until",
        asserted: adopted.outcome.decidedOn,
        source: expect.objectContaining({ id: `decision-${proposal.id}` }),
      }),
    );
    // Intervals are half-open: on the decision date the designation is no longer held.
    const afterwards = (await (await fetch(`${concord.baseUrl}/api/v1/actors/ARG/relations`)).json()) as {
      relations: Array<{ id: number }>;
    };
    expect(afterwards.relations.map((relation) => relation.id)).not.toContain(held!.id);

    // Nothing left to revoke.
    expect(
      (
        await usa.send("POST", "/api/v1/designations", {
          body: "us-president",
          designee: "ARG",
          designation: "major-non-nato-ally",
          revoke: true,
          text: "Again.",
        })
      ).status,
    ).toBe(409);
  });

  it("is declined when the United States objects: not adopted, and the registry is unchanged", async () => {
    const proposed = await usa.send("POST", "/api/v1/designations", {
      body: "us-president",
      designee: "URY",
      designation: "major-non-nato-ally",
      text: "Designation of Uruguay.",
    });
    expect(proposed.status).toBe(201);
    const declined = await usa.send("POST", `/api/v1/proposals/${proposed.body.proposal.id}/positions`, {
      position: "object",
      statement: "Not at this time.",
    });
    expect(declined.status).toBe(200);
    expect(declined.body.proposal.outcome).toMatchObject({
      status: "not-adopted",
      rule: "unilateral.designating-state-declined",
      relationId: null,
    });
    const relations = (await (await fetch(`${concord.baseUrl}/api/v1/actors/URY/relations`)).json()) as {
      relations: Array<{ kind: string }>;
    };
    expect(relations.relations.some((relation) => relation.kind === "designation")).toBe(false);
  });
});
