/**
 * A delegation's dashboard (GET /api/v1/cooperation/dashboard): Colombia's delegation sees its
 * own programme with its progress, the results it owes (missing, late, returned, waiting), the
 * next events it may attend, its own nominations (reading them is audited) and its digests;
 * Egypt's delegation, the United States' and Colombia's delegation to the OAS see none of it.
 * The programmes list carries each programme's progress, computed for many at once.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/domain/dates.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { insertProgramme, type ProgrammeFixture } from "../support/results-fixtures.ts";

let concord: TestConcord;
let secretariat: Person;
let colHead: Person;
let colMember: Person;
let egyHead: Person;
let usaHead: Person;
let oasCol: Person;
let colombia: ProgrammeFixture;
let egypt: ProgrammeFixture;

type Due = {
  programmeId: number;
  indicatorRef: string;
  indicatorTitle: string | null;
  updateId: number | null;
  comment: string | null;
};
type Dashboard = {
  state: string;
  programmes: Array<{ id: number; partner: string; progress: number | null }>;
  results: { missing: Due[]; late: Due[]; returned: Due[]; awaitingApproval: Due[] };
  events: Array<{ id: number; title: string; eligible: boolean | null }>;
  nominations: Array<{ id: number; eventId: number; eventTitle: string; participantName: string }>;
  digests: unknown[];
};

async function dashboard(person: Person, lang = "en"): Promise<Dashboard> {
  const answer = await person.send("GET", `/api/v1/cooperation/dashboard?lang=${lang}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Dashboard;
}

async function indicator(programmeId: number, ref: string, reporter: Person) {
  const answer = await secretariat.send("POST", `/api/v1/programmes/${programmeId}/indicators`, {
    goalRef: "G1",
    ref,
    titles: { en: `Officers trained (${ref})`, es: `Oficiales formados (${ref})` },
    measure: "unit",
    baseline: { year: 2020, value: 0 },
    reporters: [reporter.accountId],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.indicator.id as number;
}

async function period(indicatorId: number, start: string, end: string, target: number): Promise<number> {
  const answer = await secretariat.send("POST", `/api/v1/indicators/${indicatorId}/periods`, {
    start,
    end,
    target: { value: target },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.indicator.periods.find((p: { start: string }) => p.start === start).id as number;
}

async function submittedUpdate(reporter: Person, periodId: number, value: number): Promise<number> {
  const drafted = await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  const id = drafted.body.update.id as number;
  expect((await reporter.send("POST", `/api/v1/updates/${id}/submission`)).status).toBe(200);
  return id;
}

let eventId = 0;
let nominationId = 0;

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  colHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  colMember = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Reporter",
  });
  egyHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
  usaHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
  oasCol = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "COL" });
  const day = today();
  colombia = await insertProgramme(concord.database.db, {
    partner: "COL",
    start: addDays(day, -400),
    end: addDays(day, 400),
  });
  egypt = await insertProgramme(concord.database.db, {
    partner: "EGY",
    start: addDays(day, -400),
    end: addDays(day, 400),
  });

  // Colombia's programme: one period ended without an update (late, and missing), one approved
  // half-way to its target (progress), one update returned with a comment, one waiting.
  const late = await indicator(colombia.id, "I-LATE", colMember);
  await period(late, addDays(day, -300), addDays(day, -30), 10);
  const done = await indicator(colombia.id, "I-DONE", colMember);
  const donePeriod = await period(done, addDays(day, -300), addDays(day, 200), 10);
  const approved = await submittedUpdate(colMember, donePeriod, 5);
  expect((await secretariat.send("POST", `/api/v1/updates/${approved}/approval`)).status).toBe(200);
  const back = await indicator(colombia.id, "I-BACK", colMember);
  const backPeriod = await period(back, addDays(day, -300), addDays(day, 200), 10);
  const returned = await submittedUpdate(colMember, backPeriod, 99);
  expect(
    (await secretariat.send("POST", `/api/v1/updates/${returned}/return`, { comment: "Ninety-nine is not credible." }))
      .status,
  ).toBe(200);
  const wait = await indicator(colombia.id, "I-WAIT", colMember);
  await submittedUpdate(colMember, await period(wait, addDays(day, -300), addDays(day, 200), 10), 3);
  // Egypt's programme owes a late period too: never on Colombia's dashboard.
  const egyptian = await indicator(egypt.id, "I-EGY", egyHead);
  await period(egyptian, addDays(day, -300), addDays(day, -30), 10);

  // An event open to every partner, and Colombia's nomination to it.
  const scheduled = await secretariat.send("POST", "/api/v1/events", {
    title: "Building integrity course",
    startsOn: addDays(day, 60),
    endsOn: addDays(day, 64),
    place: "Oberammergau",
    provider: "NATO School Oberammergau",
    nominationDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
  eventId = scheduled.body.id;
  const nominated = await colHead.send("POST", `/api/v1/events/${eventId}/nominations`, {
    participantName: "Capt. Ana Gómez",
    rankOrFunction: "Captain",
  });
  expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
  nominationId = nominated.body.nomination?.id ?? nominated.body.id;
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

describe("a delegation's dashboard", () => {
  it("shows Colombia's delegation its programme, the results it owes, its next events and its nominations", async () => {
    const seen = await dashboard(colMember, "es");
    expect(seen.state).toBe("COL");
    expect(seen.programmes.map((programme) => programme.id)).toContain(colombia.id);
    expect(seen.programmes.every((programme) => programme.partner === "COL")).toBe(true);
    // Mean over goal G1's indicators with progress: I-DONE at 0.5 is the only one.
    expect(seen.programmes.find((programme) => programme.id === colombia.id)?.progress).toBe(0.5);

    const refs = (list: Due[]) => list.filter((due) => due.programmeId === colombia.id).map((due) => due.indicatorRef);
    expect(refs(seen.results.late)).toEqual(["I-LATE"]);
    expect(refs(seen.results.missing)).toContain("I-LATE");
    expect(refs(seen.results.awaitingApproval)).toEqual(["I-WAIT"]);
    expect(refs(seen.results.returned)).toEqual(["I-BACK"]);
    expect(seen.results.returned[0]).toMatchObject({
      indicatorTitle: "Oficiales formados (I-BACK)",
      comment: "Ninety-nine is not credible.",
    });
    expect(seen.results.late.some((due) => due.programmeId === egypt.id)).toBe(false);

    expect(seen.events.map((event) => event.id)).toContain(eventId);
    expect(seen.nominations).toEqual([
      expect.objectContaining({
        id: nominationId,
        eventId,
        eventTitle: "Building integrity course",
        participantName: "Capt. Ana Gómez",
      }),
    ]);
    const audited = await concord.database.db.execute(sql`
      SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'nomination.read' AND actor = ${colMember.accountId} AND details->'nominations' @> ${JSON.stringify([nominationId])}::jsonb`);
    expect(audited.rows[0]?.n).toBe(1);
  });

  it("shows other delegations none of Colombia's programme, results or nominations", async () => {
    const egyptian = await dashboard(egyHead);
    expect(egyptian.programmes.map((programme) => programme.id)).toEqual([egypt.id]);
    expect(egyptian.results.late.map((due) => due.indicatorRef)).toEqual(["I-EGY"]);
    expect(egyptian.results.returned).toEqual([]);
    expect(egyptian.nominations).toEqual([]);
    expect(egyptian.events.map((event) => event.id)).toContain(eventId);

    const ally = await dashboard(usaHead);
    expect(ally.programmes).toEqual([]);
    expect(ally.nominations).toEqual([]);
    // An ally is no partner: the event is not one it may attend.
    expect(ally.events.map((event) => event.id)).not.toContain(eventId);

    const elsewhere = await dashboard(oasCol);
    expect(elsewhere).toMatchObject({ programmes: [], events: [], nominations: [] });
    expect(elsewhere.results).toEqual({ missing: [], late: [], returned: [], awaitingApproval: [] });
  });

  it("is refused to those with no delegation", async () => {
    expect((await secretariat.send("GET", "/api/v1/cooperation/dashboard")).status).toBe(403);
    expect((await fetch(`${concord.baseUrl}/api/v1/cooperation/dashboard`)).status).toBe(401);
  });

  it("gives the programmes list each programme's progress", async () => {
    const answer = await secretariat.send("GET", "/api/v1/programmes");
    expect(answer.status).toBe(200);
    const byId = new Map(
      (answer.body.programmes as Array<{ id: number; progress: number | null }>).map((p) => [p.id, p.progress]),
    );
    expect(byId.get(colombia.id)).toBe(0.5);
    expect(byId.get(egypt.id)).toBeNull();
  });

  it("pages the programmes list, counting all the reader may see", async () => {
    const all = (await secretariat.send("GET", "/api/v1/programmes")).body;
    expect(all.total).toBe(all.programmes.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const second = (await secretariat.send("GET", "/api/v1/programmes?limit=1&offset=1")).body;
    expect(second).toEqual({ total: all.total, programmes: [all.programmes[1]] });
    // Colombia's delegation counts its own programmes only.
    const own = (await colHead.send("GET", "/api/v1/programmes?limit=1")).body;
    expect(own.total).toBe(all.programmes.filter((p: { partner: string }) => p.partner === "COL").length);
    const refused = await secretariat.send("GET", "/api/v1/programmes?limit=0");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^query\.limit: /);
  });
});
