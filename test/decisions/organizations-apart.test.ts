/**
 * One Concord, several organisations: none may change, reveal or steer another's part. Tried
 * as another organisation's secretariat and curators would: relations towards NATO written by
 * anyone but NATO's own process, and who sits in NATO's council when its next proposal opens.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

let concord: TestConcord;
let natoStaff: Person;
let oasStaff: Person;
let curator: Person;

beforeAll(async () => {
  concord = await startConcord({ CONCORD_JOBS: "off" });
  natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  oasStaff = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
  curator = await signInAs(concord, { organization: "UNASUR", role: "registry-curator" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const today = () => new Date().toISOString().slice(0, 10);
const claim = { source: "nato-member-countries", note: "organisations-apart test" };

async function councilMembers(): Promise<string[]> {
  const opened = await natoStaff.send("POST", "/api/v1/proposals", {
    body: "nato-nac",
    title: "Who sits here?",
    text: "A text.",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return opened.body.proposal.grid.map((row: { state: string }) => row.state);
}

describe("relations towards an organisation", () => {
  it("are written by its own secretariat only: another organisation's secretariat and curators are refused, saying whose they are", async () => {
    const mexico = { subject: "MEX", object: "NATO", kind: "member", since: "2020-01-01", claims: [claim] };
    const byOas = await oasStaff.send("POST", "/api/v1/relations", mexico);
    expect(byOas.status).toBe(403);
    expect(byOas.body.error.message).toBe(
      "Relations towards NATO are recorded by NATO's own secretariat, and by its decisions.",
    );
    expect((await curator.send("POST", "/api/v1/relations", mexico)).status).toBe(403);

    // Nor may they end or amend NATO's: the United States' membership stays as it is.
    const usa = (await (await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?at=${today()}`)).json()) as {
      members: Array<{ code: string; relationId: number }>;
    };
    const membership = usa.members.find((member) => member.code === "USA")!;
    const ended = await oasStaff.send("POST", `/api/v1/relations/${membership.relationId}/end`, {
      until: today(),
      claim: { ...claim, field: "until", date: today() },
    });
    expect(ended.status).toBe(403);
    expect((await oasStaff.send("POST", `/api/v1/relations/${membership.relationId}/claims`, claim)).status).toBe(403);
    expect(await councilMembers()).toContain("USA");
    expect(await councilMembers()).not.toContain("MEX");
  });

  it("towards an organisation with no secretariat in Concord are research data: a curator records them, as its organisation's", async () => {
    const brics = await curator.send("POST", "/api/v1/relations", {
      subject: "ARG",
      object: "BRICS",
      kind: "applicant",
      since: "2023-08-24",
      claims: [claim],
    });
    expect(brics.status, JSON.stringify(brics.body)).toBe(201);
    expect(brics.body.relation).toMatchObject({ recordedBy: "UNASUR" });
    expect(
      (
        await natoStaff.send("POST", "/api/v1/relations", {
          subject: "ARG",
          object: "BRICS",
          kind: "observer",
          since: "2023-08-24",
          claims: [claim],
        })
      ).status,
    ).toBe(403);
  });

  it("recorded by the organisation's own secretariat say so, and count for its decisions", async () => {
    const recorded = await natoStaff.send("POST", "/api/v1/relations", {
      subject: "ISL",
      object: "NATO",
      kind: "observer",
      since: "1900-01-01",
      until: "1900-01-02",
      claims: [claim],
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.relation.recordedBy).toBe("NATO");
  });

  it("refuse what cannot be: a state related to itself, an organisation as a member of a state, a designation by an organisation", async () => {
    const cases: Array<[object, RegExp]> = [
      [
        { subject: "NATO", object: "NATO", kind: "observer", since: "2000-01-01", claims: [claim] },
        /^body\.object: NATO cannot stand in a relation to itself/,
      ],
      [
        { subject: "NATO", object: "COL", kind: "member", since: "2000-01-01", claims: [claim] },
        /^body\.object: COL is a state; a member relation is held towards an organisation/,
      ],
    ];
    const curatorCases: Array<[object, RegExp]> = [
      [
        { subject: "BRICS", object: "BRICS", kind: "observer", since: "2000-01-01", claims: [claim] },
        /cannot stand in a relation to itself/,
      ],
      [
        { subject: "EU", object: "MEX", kind: "member", since: "2000-01-01", claims: [claim] },
        /MEX is a state; a member relation is held towards an organisation/,
      ],
      [
        {
          subject: "COL",
          object: "BRICS",
          kind: "designation",
          designation: "friend",
          since: "2000-01-01",
          claims: [claim],
        },
        /a designation is made by a state, and BRICS is an organisation/,
      ],
    ];
    for (const [body, message] of cases) {
      const answer = await natoStaff.send("POST", "/api/v1/relations", body);
      // Towards a state, NATO's secretariat has no say; NATO itself is its own.
      expect([400, 403]).toContain(answer.status);
      if (answer.status === 400) expect(answer.body.error.message).toMatch(message);
    }
    for (const [body, message] of curatorCases) {
      const answer = await curator.send("POST", "/api/v1/relations", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
  });
});

describe("who sits in an organisation's body when a proposal opens", () => {
  it("comes only from what the organisation's own process recorded and Concord's own data, never another's records", async () => {
    // As if recorded towards NATO by another organisation's process, or by a curator before NATO
    // had a secretariat here: such a record must not put a state in NATO's council.
    await concord.database.db.execute(sql`
      INSERT INTO relations (subject_code, object_code, kind, valid, since_precision, recorded_by)
      VALUES ('BRA', 'NATO', 'member', '[2020-01-01,)', 'day', 'UNASUR'), ('PER', 'NATO', 'member', '[2020-01-01,)', 'day', 'NATO')`);
    const members = await councilMembers();
    expect(members).not.toContain("BRA");
    expect(members).toContain("PER");
    expect(members).toContain("USA");
  });
});
