/**
 * A state is an applicant while its request for membership or partnership is pending: from the
 * day the request opens as a proposal, citing the request, until the day it is decided (adopted,
 * not adopted, withdrawn). "As of" questions before, during and after say so. Days are not waited
 * for: where a request must have been pending for a while, the test moves the applicant
 * relation's start back, as if the request had been filed then.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

let concord: TestConcord;
let secretariat: Person;
const today = () => new Date().toISOString().slice(0, 10);

type Member = { code: string; relationId: number; since: string; until: string | null; sources: Array<{ id: string }> };

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

async function asOf(day: string, kind: string): Promise<Member[]> {
  const answer = await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?kind=${kind}&at=${day}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { members: Member[] }).members;
}
const applicantOn = async (state: string, day: string) =>
  (await asOf(day, "applicant")).find((member) => member.code === state);

async function request(person: Person, status: string, framework?: string): Promise<number> {
  const filed = await person.send("POST", "/api/v1/requests", {
    organization: "NATO",
    status,
    ...(framework ? { framework } : {}),
    text: "The state requests it.",
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed.body.proposal.id;
}

/** As if the request had been filed `days` ago: the applicant relation starts then. */
async function pendingSince(relationId: number, day: string) {
  await concord.database.db.execute(
    sql`UPDATE relations SET valid = daterange(${day}::date, upper(valid)) WHERE id = ${relationId}`,
  );
}

describe("an applicant while a request is pending", () => {
  it("starts the day a membership request opens, citing the request; a request withdrawn that day made the state an applicant on that day only", async () => {
    const serbia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "SRB" });
    expect(await applicantOn("SRB", today())).toBeUndefined();
    const id = await request(serbia, "member");

    const during = await applicantOn("SRB", today());
    expect(during).toMatchObject({ since: today(), until: null });
    expect(during!.sources.map((source) => source.id)).toEqual([`request-${id}`]);
    expect(await applicantOn("SRB", addDays(today(), -1))).toBeUndefined();
    // The source says what it is: the request, by whom, when.
    const held = (await (await fetch(`${concord.baseUrl}/api/v1/relations/${during!.relationId}`)).json()) as {
      relation: { kind: string; sources: Array<{ id: string; title: string; published: string | null }> };
    };
    expect(held.relation.kind).toBe("applicant");
    expect(held.relation.sources).toEqual([
      expect.objectContaining({ id: `request-${id}`, title: "Request by Serbia: member" }),
    ]);

    const withdrawn = await serbia.send("POST", `/api/v1/proposals/${id}/close`, {
      as: "withdrawn",
      reason: "Serbia withdraws its request.",
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await applicantOn("SRB", today())).toMatchObject({ until: addDays(today(), 1) });
    expect(await applicantOn("SRB", addDays(today(), 1))).toBeUndefined();
  });

  it("ends on the day the request is not adopted: before, during and after", async () => {
    const mongolia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "MNG" });
    const id = await request(mongolia, "member");
    const relation = (await applicantOn("MNG", today()))!;
    const filedOn = addDays(today(), -10);
    await pendingSince(relation.relationId, filedOn);

    const closed = await secretariat.send("POST", `/api/v1/proposals/${id}/close`, {
      as: "not-adopted",
      reason: "No consensus among the Allies.",
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(await applicantOn("MNG", addDays(filedOn, -1))).toBeUndefined();
    expect(await applicantOn("MNG", filedOn)).toMatchObject({ relationId: relation.relationId });
    expect(await applicantOn("MNG", addDays(today(), -1))).toMatchObject({ since: filedOn, until: today() });
    expect(await applicantOn("MNG", today())).toBeUndefined();
    // The end cites the request too.
    const ended = (await (await fetch(`${concord.baseUrl}/api/v1/relations/${relation.relationId}`)).json()) as {
      relation: { claims: Array<{ field: string; asserted: string | null; source: { id: string } }> };
    };
    expect(ended.relation.claims).toContainEqual(
      expect.objectContaining({
        field: "until",
        asserted: today(),
        source: expect.objectContaining({ id: `request-${id}` }),
      }),
    );
  });

  it("ends on the day a partnership request is adopted, when the partnership starts", async () => {
    const { db } = concord.database;
    // As before Colombia's partnership (the starter data holds it): Colombia asks for it now.
    await db.execute(sql`DELETE FROM proposals WHERE concerns_state = 'COL' AND body_id = 'nato-nac'`);
    await db.execute(sql`DELETE FROM relations WHERE subject_code = 'COL' AND object_code = 'NATO'`);
    const colombia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
    const id = await request(colombia, "partner", "partners-across-the-globe");
    const relation = (await applicantOn("COL", today()))!;
    expect(relation).toMatchObject({ until: null });
    const filedOn = addDays(today(), -30);
    await pendingSince(relation.relationId, filedOn);

    const allies = [...new Set((await asOf(today(), "member")).map((member) => member.code))];
    let last: { status: number; body: any } | undefined;
    for (const state of allies) {
      const ally = await signInAs(concord, { organization: "NATO", role: "delegation-head", state });
      last = await ally.send("POST", `/api/v1/proposals/${id}/positions`, { position: "concur" });
      expect(last.status).toBe(200);
    }
    expect(last!.body.proposal.status).toBe("adopted");

    const yesterday = addDays(today(), -1);
    expect(await applicantOn("COL", yesterday)).toMatchObject({ since: filedOn, until: today() });
    expect((await asOf(yesterday, "partner")).some((member) => member.code === "COL")).toBe(false);
    expect(await applicantOn("COL", today())).toBeUndefined();
    expect((await asOf(today(), "partner")).find((member) => member.code === "COL")).toMatchObject({ since: today() });
  }, 180_000);

  it("is not recorded for an observer request", async () => {
    const austria = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "AUT" });
    await request(austria, "observer");
    expect(await applicantOn("AUT", today())).toBeUndefined();
  });
});
