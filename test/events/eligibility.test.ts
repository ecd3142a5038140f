/**
 * Who may take part in an event is decided twice: in SQL, where the events list filters what a
 * partner's delegation sees (src/db/repositories/cooperation-events.ts), and by `isEligible`
 * (src/domain/cooperation.ts) over the registry's partnerships on the event's first day
 * (`standingOf`). They must agree for every kind of eligibility, on days before, during and after
 * partnerships; and a state whose partnership has ended by an event's first day can no longer be
 * nominated to it, nor see it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEvent, standingForEvent } from "../../src/db/repositories/cooperation-events.ts";
import { type Eligibility, isEligible } from "../../src/domain/cooperation.ts";
import { standingOf } from "../../src/services/cooperation/standing.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { countRows, daysFromNow, menuItem, scheduleEvent } from "./fixtures.ts";

let concord: TestConcord;
let secretariat: Person;

beforeAll(async () => {
  concord = await startConcord({ CONCORD_JOBS: "off" });
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

/**
 * States with partnerships of every shape: Colombia (partners across the globe since 2018-05-31),
 * Egypt and Israel (Mediterranean Dialogue), Afghanistan (a partner until August 2021), Japan,
 * Finland (Partnership for Peace, then an ally), the United States (an ally, never a partner).
 */
const STATES = ["COL", "EGY", "ISR", "AFG", "JPN", "FIN", "USA"];
/** First days before, during and after those partnerships. */
const DAYS = ["2015-06-01", "2019-03-10", "2022-01-15", daysFromNow(40)];
const ELIGIBILITIES: Array<Eligibility | null> = [
  null, // a bespoke event: every partner
  { kind: "all-partners" },
  { kind: "framework", framework: "mediterranean-dialogue" },
  { kind: "framework", framework: "partners-across-the-globe" },
  { kind: "framework", framework: "pfp" },
  { kind: "states", states: ["COL", "AFG", "USA"] },
];

describe("eligibility for an event", () => {
  it("is the same in SQL (lists, nominations) as isEligible over the registry, for every kind and day", async () => {
    const { db } = concord.database;
    const events: Array<{ id: number; eligibility: Eligibility; startsOn: string }> = [];
    for (const [n, eligibility] of ELIGIBILITIES.entries()) {
      const item = eligibility === null ? null : await menuItem(concord, `ELIG-${n}`, eligibility);
      for (const startsOn of DAYS)
        events.push({
          id: await insertEvent(db, {
            organization: "NATO",
            menuItemId: item,
            titleEn: item === null ? "A bespoke seminar" : null,
            startsOn,
            endsOn: startsOn,
            place: "Brussels",
            online: false,
            provider: "NATO HQ",
            capacity: null,
            nominationDeadline: `${startsOn}T00:00:00Z`,
            status: "approved",
            proposedBy: null,
            createdBy: "test",
          }),
          eligibility: eligibility ?? { kind: "all-partners" },
          startsOn,
        });
    }

    let agreedTrue = 0;
    let agreedFalse = 0;
    const expected = new Map<string, Set<number>>(STATES.map((state) => [state, new Set()]));
    for (const event of events)
      for (const state of STATES) {
        const { partnerships } = await standingOf(db, state, "NATO", event.startsOn);
        const domain = isEligible(event.eligibility, state, partnerships);
        const inSql = (await standingForEvent(db, event.id, state)).eligible;
        expect(inSql, `${state} for ${JSON.stringify(event.eligibility)} on ${event.startsOn}`).toBe(domain);
        if (domain) {
          agreedTrue++;
          expected.get(state)?.add(event.id);
        } else agreedFalse++;
      }
    // Neither answer is trivial.
    expect(agreedTrue).toBeGreaterThan(10);
    expect(agreedFalse).toBeGreaterThan(10);

    // The list a partner's delegation gets is exactly its eligible events (allies' all of them).
    const ours = new Set(events.map((event) => event.id));
    for (const state of ["COL", "EGY", "AFG", "JPN"]) {
      const head = await signInAs(concord, { organization: "NATO", role: "delegation-head", state });
      const listed = await head.send("GET", "/api/v1/events?limit=2000");
      expect(listed.status).toBe(200);
      const seen = (listed.body.events as Array<{ id: number }>).map((event) => event.id).filter((id) => ours.has(id));
      expect(new Set(seen), state).toEqual(expected.get(state));
    }
    const usa = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
    const all = (await usa.send("GET", "/api/v1/events?limit=2000")).body.events as Array<{ id: number }>;
    expect(all.filter((event) => ours.has(event.id))).toHaveLength(events.length);
  });

  it("ends with the partnership: a state whose partnership ends before the event cannot be nominated", async () => {
    const item = await menuItem(concord, "ELIG-END", { kind: "all-partners" });
    const event = await scheduleEvent(secretariat, { menuItem: item });
    const colombia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
    expect((await colombia.send("GET", `/api/v1/events/${event.id}`)).body.eligible).toBe(true);

    const { db } = concord.database;
    // Colombia's partnership ends in ten days, before the event's first day (in sixty).
    await db.execute(sql`
      UPDATE relations SET valid = daterange(lower(valid), ${daysFromNow(10)}::date), until_precision = 'day'
      WHERE subject_code = 'COL' AND object_code = 'NATO' AND kind = 'partner' AND upper_inf(valid)`);
    try {
      const before = await countRows(concord, "nominations");
      const refused = await colombia.send("POST", `/api/v1/events/${event.id}/nominations`, {
        participantName: "Juan Gómez",
        rankOrFunction: "Commander",
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^json\.state: COL may not take part in event \d+/);
      expect(await countRows(concord, "nominations")).toBe(before);
      // Nor does Colombia see it any longer.
      expect((await colombia.send("GET", `/api/v1/events/${event.id}`)).status).toBe(404);
      const listed = (await colombia.send("GET", "/api/v1/events")).body.events as Array<{ id: number }>;
      expect(listed.map((e) => e.id)).not.toContain(event.id);
    } finally {
      await db.execute(sql`
        UPDATE relations SET valid = daterange(lower(valid), NULL), until_precision = NULL
        WHERE subject_code = 'COL' AND object_code = 'NATO' AND kind = 'partner' AND upper(valid) = ${daysFromNow(10)}::date`);
    }
    expect((await colombia.send("GET", `/api/v1/events/${event.id}`)).body.eligible).toBe(true);
  });
});
