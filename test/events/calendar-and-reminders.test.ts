/**
 * The secret calendar feed of events (RFC 5545, read back by a real iCalendar parser, ical.js)
 * and its revocation; and the reminders before a nomination deadline, run by the job queue once,
 * to the eligible delegations that have nominated nobody, read from their notices.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addDays } from "../../src/domain/dates.ts";
import { JobWorker } from "../../src/services/jobs/queue.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { auditOf, instantIn, menuItem, scheduleEvent } from "./fixtures.ts";

let concord: TestConcord;
let secretariat: Person;
let colHead: Person;
let egyHead: Person;
let allPartners: number;
let mediterranean: number;

beforeAll(async () => {
  // The server's own worker is off: the test runs due jobs itself, once.
  concord = await startConcord({ CONCORD_JOBS: "off" });
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
  colHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  egyHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
  allPartners = await menuItem(
    concord,
    "CAL-ALL",
    { kind: "all-partners" },
    {
      en: "Building Integrity course",
      es: "Curso de integridad",
    },
  );
  mediterranean = await menuItem(concord, "CAL-MD", { kind: "framework", framework: "mediterranean-dialogue" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

type VEvent = {
  uid: string;
  summary: string;
  start: string;
  end: string;
  isDate: boolean;
  status: string;
  location: string;
};

async function readFeed(
  url: string,
  lang?: string,
): Promise<{ status: number; type: string | null; events: VEvent[]; text: string }> {
  const answer = await fetch(lang ? `${url}?lang=${lang}` : url);
  const text = await answer.text();
  if (answer.status !== 200)
    return { status: answer.status, type: answer.headers.get("content-type"), events: [], text };
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(String(calendar.getFirstPropertyValue("prodid"))).toContain("Concord");
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      status: String(component.getFirstPropertyValue("status")),
      location: event.location,
    };
  });
  return { status: answer.status, type: answer.headers.get("content-type"), events, text };
}

describe("the calendar feed", () => {
  it("serves the events its account may see as RFC 5545, until revoked", async () => {
    const open = await scheduleEvent(secretariat, { menuItem: allPartners });
    const dialogue = await scheduleEvent(secretariat, { menuItem: mediterranean });
    const cancelled = await scheduleEvent(secretariat, { menuItem: allPartners, online: true, place: null });
    await secretariat.send("POST", `/api/v1/events/${cancelled.id}/status`, { status: "cancelled" });
    await colHead.send("POST", `/api/v1/events/${open.id}/nominations`, {
      participantName: "María Pérez",
      rankOrFunction: "Lieutenant Colonel",
    });

    expect((await colHead.send("GET", "/api/v1/calendar-feed")).body).toEqual({
      url: null,
      active: false,
      createdAt: null,
    });
    const made = await colHead.send("POST", "/api/v1/calendar-feed");
    expect(made.status).toBe(201);
    const url = made.body.url as string;
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await colHead.send("GET", "/api/v1/calendar-feed")).body).toMatchObject({ url: null, active: true });

    // Only the secret's SHA-256 is kept.
    const secret = url.slice(url.lastIndexOf("/") + 1, -4);
    const stored = await concord.database.db.execute(
      sql`SELECT secret_hash AS hash FROM calendar_feeds WHERE account_id = ${colHead.accountId} AND revoked_at IS NULL`,
    );
    expect(z.object({ hash: z.instanceof(Buffer) }).parse(stored.rows[0]).hash).toEqual(
      createHash("sha256").update(secret).digest(),
    );

    const feed = await readFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const uids = feed.events.map((event) => event.uid);
    expect(uids).toContain(`event-${open.id}@nato.concord`);
    expect(uids).toContain(`event-${cancelled.id}@nato.concord`);
    // Not open to Colombia: not in its calendar.
    expect(uids).not.toContain(`event-${dialogue.id}@nato.concord`);
    const course = feed.events.find((event) => event.uid === `event-${open.id}@nato.concord`);
    expect(course).toEqual({
      uid: `event-${open.id}@nato.concord`,
      summary: "Building Integrity course",
      start: open.startsOn,
      // All day: the end is the day after the last.
      end: addDays(open.endsOn, 1),
      isDate: true,
      status: "TENTATIVE",
      location: "Oberammergau",
    });
    expect(feed.events.find((event) => event.uid === `event-${cancelled.id}@nato.concord`)).toMatchObject({
      status: "CANCELLED",
      location: "Online",
    });
    // No personal data in a calendar.
    expect(feed.text).not.toContain("Pérez");
    expect((await readFeed(url, "es")).events.find((event) => event.uid.startsWith(`event-${open.id}@`))?.summary).toBe(
      "Curso de integridad",
    );

    // A new address revokes the old one; revoking leaves none.
    const again = await colHead.send("POST", "/api/v1/calendar-feed");
    expect((await readFeed(url)).status).toBe(404);
    expect((await readFeed(again.body.url)).status).toBe(200);
    expect((await colHead.send("DELETE", "/api/v1/calendar-feed")).body).toEqual({
      url: null,
      active: false,
      createdAt: null,
    });
    expect((await readFeed(again.body.url)).status).toBe(404);
    expect((await readFeed(`${concord.baseUrl}/api/v1/calendar/not-a-feed.ics`)).status).toBe(404);

    const created = (await auditOf(concord, "calendar.create")).filter((entry) => entry.actor === colHead.accountId);
    expect(created).toHaveLength(2);
    expect(created[1]?.details).toEqual({ revoked: Number(created[0]?.objectId) });
    expect(
      (await auditOf(concord, "calendar.revoke")).filter((entry) => entry.actor === colHead.accountId),
    ).toHaveLength(1);
  });

  it("follows its account's role as it is when the calendar asks", async () => {
    const egypt = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "EGY" });
    const dialogue = await scheduleEvent(secretariat, { menuItem: mediterranean });
    const url = (await egypt.send("POST", "/api/v1/calendar-feed")).body.url as string;
    expect((await readFeed(url)).events.map((event) => event.uid)).toContain(`event-${dialogue.id}@nato.concord`);
    // Made an analyst (who sees no events): the feed is gone.
    await concord.database.db.execute(sql`UPDATE accounts SET role = 'analyst' WHERE id = ${egypt.accountId}`);
    expect((await readFeed(url)).status).toBe(404);
    // Analysts keep no feed.
    const analyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
    expect((await analyst.send("POST", "/api/v1/calendar-feed")).status).toBe(403);
  });
});

describe("nomination reminders", () => {
  it("remind the eligible delegations that nominated nobody, once, before the deadline", async () => {
    const event = await scheduleEvent(secretariat, { menuItem: allPartners, nominationDeadline: instantIn(10) });
    const jobs = await concord.database.db.execute(
      sql`SELECT payload->>'daysBefore' AS days FROM jobs WHERE subject = ${`event:${event.id}`} ORDER BY run_at`,
    );
    expect(jobs.rows.map((row) => z.object({ days: z.string() }).parse(row).days)).toEqual(["7", "1"]);
    expect(
      (
        await colHead.send("POST", `/api/v1/events/${event.id}/nominations`, {
          participantName: "Ana Ruiz",
          rankOrFunction: "Major",
        })
      ).status,
    ).toBe(201);

    // The seven-day reminder falls due (the clock is not waited for: the job is moved to now).
    await concord.database.db.execute(
      sql`UPDATE jobs SET run_at = clock_timestamp() WHERE subject = ${`event:${event.id}`} AND payload->>'daysBefore' = '7'`,
    );
    const worker = new JobWorker({
      db: concord.database.db,
      databaseUrl: concord.database.url,
      handlers: concord.server.runtime.jobHandlers,
      instance: "test",
    });
    await worker.runDue();
    const noticed = async () => {
      const rows = await concord.database.db.execute(
        sql`SELECT state_code AS state FROM cooperation_notices WHERE event_id = ${event.id} ORDER BY state_code`,
      );
      return rows.rows.map((row) => z.object({ state: z.string() }).parse(row).state);
    };
    const states = await noticed();
    // Egypt and Japan (partners, nobody nominated) are reminded; Colombia (nominated) and Afghanistan (no longer a partner) are not.
    expect(states).toEqual(expect.arrayContaining(["EGY", "JPN"]));
    expect(states).not.toContain("COL");
    expect(states).not.toContain("AFG");
    expect(states).not.toContain("USA");
    expect(new Set(states).size).toBe(states.length);

    // Egypt's dashboard reads it; Colombia's has nothing of this event.
    const egypt = await egyHead.send("GET", "/api/v1/cooperation/notices");
    expect(egypt.status).toBe(200);
    expect(egypt.body.notices.find((notice: { eventId: number }) => notice.eventId === event.id)).toMatchObject({
      kind: "event.nomination-reminder",
      state: "EGY",
      payload: { eventId: event.id, daysBefore: 7, title: "Building Integrity course", startsOn: event.startsOn },
    });
    expect(
      (await colHead.send("GET", "/api/v1/cooperation/notices")).body.notices.map(
        (n: { eventId: number }) => n.eventId,
      ),
    ).not.toContain(event.id);
    expect((await egyHead.send("GET", "/api/v1/cooperation/notices?state=COL")).status).toBe(403);

    // Run again: nothing more (the job ran once; the one-day reminder is not due).
    await worker.runDue();
    expect(await noticed()).toEqual(states);

    // A cancelled event's reminders are dropped.
    const cancelled = await scheduleEvent(secretariat, { menuItem: allPartners, nominationDeadline: instantIn(10) });
    await secretariat.send("POST", `/api/v1/events/${cancelled.id}/status`, { status: "cancelled" });
    const left = await concord.database.db.execute(
      sql`SELECT count(*)::int AS n FROM jobs WHERE subject = ${`event:${cancelled.id}`}`,
    );
    expect(z.object({ n: z.number() }).parse(left.rows[0]).n).toBe(0);
  });
});
