/**
 * Cooperation events over HTTP, as NATO's secretariat and its partners' and allies' delegations
 * use them: scheduling and proposing, the workflow's legal moves only, the after-action report;
 * nominations and every reason to refuse one (each refusal naming the field and writing
 * nothing); who reads nominees' personal data (and that each read is audited); who sees which
 * events at all.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { auditOf, countRows, daysFromNow, instantIn, menuItem, scheduleEvent } from "./fixtures.ts";

let concord: TestConcord;
let secretariat: Person;
let colHead: Person;
let colMember: Person;
let egyHead: Person;
let usaHead: Person;
let analyst: Person;
let oasAdmin: Person;
/** Menu items: open to every partner; to the Mediterranean Dialogue (Colombia is not in it); to Colombia alone. */
let allPartners: number;
let mediterranean: number;
let colombiaOnly: number;

beforeAll(async () => {
  concord = await startConcord({ CONCORD_JOBS: "off" });
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  colHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  colMember = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "COL" });
  egyHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
  usaHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
  analyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasAdmin = await signInAs(concord, { organization: "OAS", role: "secretariat-admin" });
  allPartners = await menuItem(
    concord,
    "EVT-ALL",
    { kind: "all-partners" },
    {
      en: "Cyber defence course",
      es: "Curso de ciberdefensa",
    },
  );
  mediterranean = await menuItem(concord, "EVT-MD", { kind: "framework", framework: "mediterranean-dialogue" });
  colombiaOnly = await menuItem(concord, "EVT-COL", { kind: "states", states: ["COL"] });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const nominee = { participantName: "María Pérez", rankOrFunction: "Lieutenant Colonel" };

describe("the workflow", () => {
  it("takes an event from proposal to report, by legal moves only, each audited", async () => {
    // The secretariat schedules (the provider, through it): approved at once.
    const scheduled = await scheduleEvent(secretariat, { menuItem: allPartners, capacity: 20 });
    expect(scheduled).toMatchObject({ status: "approved", proposedBy: null, title: "Cyber defence course" });
    expect(scheduled.menuItem).toMatchObject({ code: "EVT-ALL", type: "course", area: "cyber-defence" });
    expect(scheduled.abilities).toEqual({ nominate: false, run: true });

    // Colombia's delegation head proposes a bespoke event: proposed, by COL.
    const proposed = await colHead.send("POST", "/api/v1/events", {
      title: "Maritime security workshop in Cartagena",
      startsOn: daysFromNow(90),
      endsOn: daysFromNow(91),
      place: "Cartagena",
      provider: "Colombian Navy",
      nominationDeadline: instantIn(60),
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ status: "proposed", proposedBy: "COL", eligible: true });
    const id = proposed.body.id as number;

    // A delegation member may not propose; an ally's head is no partner; an analyst neither.
    for (const person of [colMember, usaHead, analyst])
      expect(
        (
          await person.send("POST", "/api/v1/events", {
            title: "x",
            startsOn: daysFromNow(90),
            endsOn: daysFromNow(90),
            online: true,
            nominationDeadline: instantIn(60),
          })
        ).status,
      ).toBe(403);

    // Only the secretariat moves it along.
    expect((await colHead.send("POST", `/api/v1/events/${id}/status`, { status: "approved" })).status).toBe(403);
    const move = (status: string) => secretariat.send("POST", `/api/v1/events/${id}/status`, { status });
    expect((await move("approved")).body.status).toBe("approved");
    const backwards = await move("approved");
    expect(backwards.status).toBe(409);
    expect(backwards.body.error.message).toMatch(/^status: event \d+ is approved, so it cannot become approved/);
    const early = await secretariat.send("PUT", `/api/v1/events/${id}/report`, { report: "Too early." });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain("status:");
    expect((await move("held")).status).toBe(409);
    expect((await move("confirmed")).body.status).toBe("confirmed");
    expect((await move("held")).body.status).toBe("held");
    const cancelHeld = await move("cancelled");
    expect(cancelHeld.status).toBe(409);
    expect(cancelHeld.body.error.message).toContain("is held");

    const reported = await secretariat.send("PUT", `/api/v1/events/${id}/report`, {
      report: "Twelve officers trained.",
    });
    expect(reported.status).toBe(200);
    expect(reported.body.report).toBe("Twelve officers trained.");
    // Colombia's people did not attend: they do not read the report.
    expect((await colHead.send("GET", `/api/v1/events/${id}`)).body.report).toBeNull();

    const statusChanges = (await auditOf(concord, "event.status")).filter((entry) => entry.objectId === String(id));
    expect(statusChanges.map((entry) => entry.after.status)).toEqual(["approved", "confirmed", "held"]);
    expect((await auditOf(concord, "event.create")).map((entry) => entry.objectId)).toEqual(
      expect.arrayContaining([String(scheduled.id), String(id)]),
    );
    expect((await auditOf(concord, "event.report")).at(-1)).toMatchObject({
      objectId: String(id),
      after: { report: "Twelve officers trained." },
    });
  });

  it("refuses bad events, naming the field, and writes nothing", async () => {
    const before = await countRows(concord, "events");
    const base = {
      menuItem: allPartners,
      startsOn: daysFromNow(60),
      endsOn: daysFromNow(61),
      place: "Rome",
      nominationDeadline: instantIn(30),
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsOn: daysFromNow(59) }, "json.endsOn"],
      [{ nominationDeadline: instantIn(-1) }, "json.nominationDeadline"],
      [{ nominationDeadline: instantIn(70) }, "json.nominationDeadline"],
      [{ place: null }, "json.place"],
      [{ menuItem: 999_999 }, "json.menuItem"],
      [{ menuItem: undefined }, "json.title"],
      [{ startsOn: "2026-02-30" }, "json.startsOn"],
    ];
    for (const [change, field] of cases) {
      const answer = await secretariat.send("POST", "/api/v1/events", { ...base, ...change });
      expect(answer.status, `${JSON.stringify(change)} → ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.body.error.message.startsWith(`${field}:`), answer.body.error.message).toBe(true);
    }
    // Colombia may not propose what it could not take part in.
    const ineligible = await colHead.send("POST", "/api/v1/events", { ...base, menuItem: mediterranean });
    expect(ineligible.status).toBe(400);
    expect(ineligible.body.error.message).toMatch(/^json\.menuItem: COL may not take part/);
    expect(await countRows(concord, "events")).toBe(before);
  });
});

describe("who sees which events", () => {
  it("shows partners only the events they are eligible for, lists and counts alike", async () => {
    const open = await scheduleEvent(secretariat, { menuItem: allPartners });
    const dialogue = await scheduleEvent(secretariat, { menuItem: mediterranean });
    const ours = await scheduleEvent(secretariat, { menuItem: colombiaOnly });
    const ids = (body: any) => (body.events as Array<{ id: number }>).map((event) => event.id);

    const colombia = await colHead.send("GET", "/api/v1/events?organization=NATO&status=approved");
    expect(colombia.status).toBe(200);
    expect(ids(colombia.body)).toEqual(expect.arrayContaining([open.id, ours.id]));
    expect(ids(colombia.body)).not.toContain(dialogue.id);
    expect(colombia.body.events.every((event: { eligible: boolean }) => event.eligible)).toBe(true);

    const egypt = await egyHead.send("GET", "/api/v1/events");
    expect(ids(egypt.body)).toEqual(expect.arrayContaining([open.id, dialogue.id]));
    expect(ids(egypt.body)).not.toContain(ours.id);

    // Allies and the secretariat see everything; an ally is eligible for nothing.
    const usa = await usaHead.send("GET", "/api/v1/events");
    expect(ids(usa.body)).toEqual(expect.arrayContaining([open.id, dialogue.id, ours.id]));
    expect(usa.body.events.find((event: { id: number }) => event.id === ours.id)).toMatchObject({
      eligible: false,
      abilities: { nominate: false, run: false },
    });
    const all = await secretariat.send("GET", "/api/v1/events?lang=es");
    expect(ids(all.body)).toEqual(expect.arrayContaining([open.id, dialogue.id, ours.id]));
    expect(all.body.events.find((event: { id: number }) => event.id === open.id)).toMatchObject({
      title: "Curso de ciberdefensa",
      eligible: null,
    });

    // One event: hidden from a partner not eligible for it, and from another organisation.
    expect((await colHead.send("GET", `/api/v1/events/${dialogue.id}`)).status).toBe(404);
    expect((await oasAdmin.send("GET", `/api/v1/events/${open.id}`)).status).toBe(404);
    expect((await analyst.send("GET", `/api/v1/events/${open.id}`)).status).toBe(403);
    expect((await analyst.send("GET", "/api/v1/events")).status).toBe(403);
    expect((await oasAdmin.send("GET", "/api/v1/events?organization=NATO")).status).toBe(403);
    expect((await fetch(`${concord.baseUrl}/api/v1/events/${open.id}`)).status).toBe(401);

    // The CSV has the same rows.
    const csv = await fetch(`${concord.baseUrl}/api/v1/events?format=csv&status=approved`, {
      headers: { Cookie: colHead.cookie },
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("id,organization,menuItem");
    expect(lines.length - 1).toBe(colombia.body.events.length);
  });

  it("leaves the live-updates stream at the same address", async () => {
    const stream = await fetch(`${concord.baseUrl}/api/v1/events`, {
      headers: { Cookie: colHead.cookie, Accept: "text/event-stream" },
    });
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await stream.body?.cancel();
    const anonymous = await fetch(`${concord.baseUrl}/api/v1/events`);
    expect(anonymous.status).toBe(401);
  });
});

describe("nominations", () => {
  it("are taken from an eligible delegation within capacity, and refused otherwise, naming the field", async () => {
    const event = await scheduleEvent(secretariat, { menuItem: allPartners, capacity: 1 });
    const nominate = (person: Person, id = event.id, body: unknown = nominee) =>
      person.send("POST", `/api/v1/events/${id}/nominations`, body);

    const first = await nominate(colMember);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ state: "COL", nation: "COL", status: "nominated", ...nominee });

    const before = await countRows(concord, "nominations");
    // Full: Egypt's nomination is refused.
    const full = await nominate(egyHead, event.id, { participantName: "Ahmed Hassan", rankOrFunction: "Major" });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe("capacity: all 1 places are taken");
    // An ally is no partner; the secretariat speaks for no state; another organisation sees nothing.
    const ally = await nominate(usaHead);
    expect(ally.status).toBe(400);
    expect(ally.body.error.message).toMatch(/^json\.state: USA is not a partner of NATO on \d{4}-\d{2}-\d{2}/);
    expect((await nominate(secretariat)).status).toBe(403);
    expect((await nominate(analyst)).status).toBe(403);
    expect((await nominate(oasAdmin)).status).toBe(404);
    // A partner the activity is not open to: its state cannot be nominated (and learns no more).
    const dialogue = await scheduleEvent(secretariat, { menuItem: mediterranean });
    const ineligible = await nominate(colHead, dialogue.id);
    expect(ineligible.status).toBe(400);
    expect(ineligible.body.error.message).toMatch(/^json\.state: COL may not take part in event \d+/);
    // Bad input.
    const blank = await nominate(egyHead, dialogue.id, { participantName: "  ", rankOrFunction: "Major" });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/^json\.participantName:/);
    expect(await countRows(concord, "nominations")).toBe(before);

    // Colombia withdraws its nominee: the place is free again, and Egypt's nomination goes through.
    const withdrawn = await colHead.send("PATCH", `/api/v1/nominations/${first.body.id}`, { status: "withdrawn" });
    expect(withdrawn.body.status).toBe("withdrawn");
    expect(
      (await nominate(egyHead, event.id, { participantName: "Ahmed Hassan", rankOrFunction: "Major" })).status,
    ).toBe(201);
  });

  it("are refused after the deadline, by the database's clock", async () => {
    const event = await scheduleEvent(secretariat, { menuItem: allPartners });
    await concord.database.db.execute(
      sql`UPDATE events SET nomination_deadline = clock_timestamp() - interval '1 minute' WHERE id = ${event.id}`,
    );
    const before = await countRows(concord, "nominations");
    const late = await colHead.send("POST", `/api/v1/events/${event.id}/nominations`, nominee);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^nominationDeadline: nominations closed at /);
    expect((await colHead.send("GET", `/api/v1/events/${event.id}`)).body.abilities.nominate).toBe(false);
    expect(await countRows(concord, "nominations")).toBe(before);
  });

  it("are refused for a proposed or cancelled event", async () => {
    const event = await scheduleEvent(secretariat, { menuItem: allPartners });
    expect((await secretariat.send("POST", `/api/v1/events/${event.id}/status`, { status: "cancelled" })).status).toBe(
      200,
    );
    const before = await countRows(concord, "nominations");
    const cancelled = await colHead.send("POST", `/api/v1/events/${event.id}/nominations`, nominee);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.message).toMatch(/^status: event \d+ is cancelled/);
    expect(await countRows(concord, "nominations")).toBe(before);
  });

  it("show names to the secretariat and the nominating delegation only, and every read is audited", async () => {
    const event = await scheduleEvent(secretariat, { menuItem: allPartners });
    const colombian = await colHead.send("POST", `/api/v1/events/${event.id}/nominations`, nominee);
    const egyptian = await egyHead.send("POST", `/api/v1/events/${event.id}/nominations`, {
      participantName: "Ahmed Hassan",
      rankOrFunction: "Major",
    });
    expect([colombian.status, egyptian.status]).toEqual([201, 201]);
    const reads = async () =>
      (await auditOf(concord, "nomination.read")).filter((entry) => entry.objectId === String(event.id));

    const bySecretariat = await secretariat.send("GET", `/api/v1/events/${event.id}`);
    expect(bySecretariat.body.nominees.map((n: { state: string }) => n.state).sort()).toEqual(["COL", "EGY"]);
    expect(await reads()).toHaveLength(1);
    expect((await reads())[0]).toMatchObject({
      actor: secretariat.accountId,
      details: { nominations: expect.arrayContaining([colombian.body.id, egyptian.body.id]) },
    });

    const byColombia = await colMember.send("GET", `/api/v1/events/${event.id}`);
    expect(byColombia.body.nominees).toEqual([
      expect.objectContaining({ state: "COL", participantName: "María Pérez" }),
    ]);
    expect(byColombia.body.nominations).toEqual({ total: 2, confirmed: 0 });
    expect(await reads()).toHaveLength(2);

    // An ally sees how many, never who: and nothing personal read, nothing audited.
    const byAlly = await usaHead.send("GET", `/api/v1/events/${event.id}`);
    expect(byAlly.body.nominees).toEqual([]);
    expect(byAlly.body.nominations).toEqual({ total: 2, confirmed: 0 });
    expect(JSON.stringify(byAlly.body)).not.toContain("Pérez");
    expect(await reads()).toHaveLength(2);
    // Nor does the list show any name.
    expect(JSON.stringify((await usaHead.send("GET", "/api/v1/events")).body)).not.toContain("Hassan");

    // The secretariat confirms (for the provider); others may not touch another state's nominee.
    expect(
      (await usaHead.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, { status: "confirmed" })).status,
    ).toBe(404);
    expect(
      (await egyHead.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, { status: "withdrawn" })).status,
    ).toBe(404);
    expect(
      (await colHead.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, { status: "confirmed" })).status,
    ).toBe(403);
    const confirmed = await secretariat.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, {
      status: "confirmed",
    });
    expect(confirmed.body.status).toBe("confirmed");
    const early = await secretariat.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, { attended: true });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/^attended:/);

    // Held: attendance recorded; Colombia's people, who attended, read the report.
    for (const status of ["confirmed", "held"])
      await secretariat.send("POST", `/api/v1/events/${event.id}/status`, { status });
    expect(
      (await secretariat.send("PATCH", `/api/v1/nominations/${colombian.body.id}`, { attended: true })).body.attended,
    ).toBe(true);
    await secretariat.send("PUT", `/api/v1/events/${event.id}/report`, { report: "All attended." });
    expect((await colMember.send("GET", `/api/v1/events/${event.id}`)).body.report).toBe("All attended.");
    expect((await egyHead.send("GET", `/api/v1/events/${event.id}`)).body.report).toBeNull();
    const updates = (await auditOf(concord, "nomination.update")).filter(
      (entry) => entry.objectId === String(colombian.body.id),
    );
    expect(updates.map((entry) => [entry.before, entry.after])).toEqual([
      [
        { status: "nominated", attended: null },
        { status: "confirmed", attended: null },
      ],
      [
        { status: "confirmed", attended: null },
        { status: "confirmed", attended: true },
      ],
    ]);
    expect((await auditOf(concord, "nomination.create")).map((entry) => entry.objectId)).toEqual(
      expect.arrayContaining([String(colombian.body.id), String(egyptian.body.id)]),
    );
  });
});
