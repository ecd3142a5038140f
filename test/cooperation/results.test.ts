/**
 * Results of a cooperation programme over HTTP, in IATI 2.03's model: the secretariat defines an
 * indicator of a partnership goal with a baseline, a period with a target, and assigns a
 * reporter; the reporter drafts an update and submits it; the secretariat approves it (and only
 * then does it count) or returns it with a comment, and the reporter revises and resubmits.
 * Percentages pool their numerators and denominators; a locked period and a period outside the
 * programme are refused, naming what is wrong and changing nothing; only the programme's readers
 * see its results; the CSV exports carry the same rows; the SQL aggregation agrees with
 * `periodActual` on generated updates; and however many entries there are, each person gets one
 * digest a day.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodActual, type UpdateValue } from "../../src/domain/cooperation.ts";
import { addDays, today } from "../../src/domain/dates.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { insertProgramme, type ProgrammeFixture } from "../support/results-fixtures.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let secretariat: Person;
let reporter: Person;
let otherReporter: Person;
let colHead: Person;
let egyHead: Person;
let usaHead: Person;
let analyst: Person;
let oasAdmin: Person;
let programme: ProgrammeFixture;

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Staff" });
  reporter = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Reporter",
  });
  otherReporter = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Other",
  });
  colHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  egyHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
  usaHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
  analyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasAdmin = await signInAs(concord, { organization: "OAS", role: "secretariat-admin" });
  programme = await insertProgramme(concord.database.db);
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

type Indicator = {
  id: number;
  ref: string;
  title: string;
  measure: string;
  reporters: Array<{ id: string; name: string }>;
  periods: Array<{
    id: number;
    start: string;
    end: string;
    target: { value: number | null; numerator: number | null; denominator: number | null };
    actual: {
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      narrative: string | null;
    } | null;
    locked: boolean;
    progress: number | null;
    updates: { draft: number; pendingApproval: number; approved: number; returned: number };
  }>;
};

let refs = 0;
async function indicator(body: Record<string, unknown>, programmeId = programme.id): Promise<Indicator> {
  const answer = await secretariat.send("POST", `/api/v1/programmes/${programmeId}/indicators`, {
    goalRef: "G1",
    ref: `I${++refs}`,
    titles: { en: `Indicator ${refs}`, es: `Indicador ${refs}` },
    measure: "unit",
    reporters: [reporter.accountId],
    ...body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.indicator;
}

async function period(indicatorId: number, body: Record<string, unknown>): Promise<Indicator["periods"][number]> {
  const answer = await secretariat.send("POST", `/api/v1/indicators/${indicatorId}/periods`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.indicator.periods.find((p: { start: string }) => p.start === body.start);
}

async function results(as: Person = secretariat, programmeId = programme.id) {
  const answer = await as.send("GET", `/api/v1/programmes/${programmeId}/results?lang=es`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as {
    indicators: Indicator[];
    overview: {
      withinDays: number;
      missing: Array<{ periodId: number }>;
      late: Array<{ periodId: number }>;
      awaitingApproval: Array<{ updateId: number; periodId: number }>;
    };
  };
}

const periodOf = async (indicatorId: number, periodId: number) =>
  (await results()).indicators.find((i) => i.id === indicatorId)?.periods.find((p) => p.id === periodId);

const thisYear = () => ({ start: addDays(today(), -100), end: addDays(today(), 100) });

describe("the update workflow", () => {
  it("counts an update only once approved; a returned one is revised and resubmitted", async () => {
    const defined = await indicator({ baseline: { year: 2023, value: 0 } });
    expect(defined.title).toBe(`Indicator ${refs}`);
    expect(defined.reporters).toEqual([{ id: reporter.accountId, name: "Reporter" }]);
    const { id: periodId } = await period(defined.id, { ...thisYear(), target: { value: 20 } });

    const drafted = await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, {
      value: 5,
      narrative: "Five officers trained.",
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    expect(drafted.body.update).toMatchObject({ status: "draft", value: 5, createdBy: reporter.accountId });
    const first = drafted.body.update.id;
    expect(await periodOf(defined.id, periodId)).toMatchObject({ actual: null, updates: { draft: 1, approved: 0 } });

    // Someone else may not submit it, nor may the reporter approve it.
    expect((await otherReporter.send("POST", `/api/v1/updates/${first}/submission`)).status).toBe(403);
    const submitted = await reporter.send("POST", `/api/v1/updates/${first}/submission`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.update.status).toBe("pending-approval");
    expect((await reporter.send("POST", `/api/v1/updates/${first}/approval`)).status).toBe(403);
    const pending = await results();
    expect(pending.overview.awaitingApproval.map((entry) => entry.updateId)).toContain(first);
    expect(pending.indicators.find((i) => i.id === defined.id)?.periods[0]?.actual).toBeNull();

    const approved = await secretariat.send("POST", `/api/v1/updates/${first}/approval`);
    expect(approved.status).toBe(200);
    expect(approved.body.update.status).toBe("approved");
    expect(await periodOf(defined.id, periodId)).toMatchObject({
      actual: { value: 5, narrative: "Five officers trained." },
      progress: 0.25,
      updates: { approved: 1, pendingApproval: 0 },
    });
    // Approving twice is refused: it is no longer pending.
    expect((await secretariat.send("POST", `/api/v1/updates/${first}/approval`)).status).toBe(409);

    const second = (await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 3 })).body.update.id;
    await reporter.send("POST", `/api/v1/updates/${second}/submission`);
    const noComment = await secretariat.send("POST", `/api/v1/updates/${second}/return`, { comment: " " });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toMatch(/comment/);
    const returned = await secretariat.send("POST", `/api/v1/updates/${second}/return`, {
      comment: "Count only the officers who finished the course.",
    });
    expect(returned.body.update).toMatchObject({
      status: "returned",
      reviewComment: "Count only the officers who finished the course.",
    });
    expect(await periodOf(defined.id, periodId)).toMatchObject({ actual: { value: 5 }, updates: { returned: 1 } });

    const resubmitted = await reporter.send("POST", `/api/v1/updates/${second}/submission`, { value: 4 });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.update).toMatchObject({ status: "pending-approval", value: 4 });
    await secretariat.send("POST", `/api/v1/updates/${second}/approval`);
    expect(await periodOf(defined.id, periodId)).toMatchObject({ actual: { value: 9 }, updates: { approved: 2 } });

    const audit = await concord.database.db.execute(sql`
      SELECT action FROM audit_log WHERE object_type IN ('indicator', 'indicator_update') ORDER BY id`);
    const actions = audit.rows.map((row) => (row as { action: string }).action);
    for (const action of [
      "indicator.create",
      "indicator.period",
      "update.create",
      "update.submit",
      "update.approve",
      "update.return",
    ])
      expect(actions).toContain(action);
  });

  it("pools a percentage's numerators and denominators: 3/4 and 1/4 make 50%", async () => {
    const defined = await indicator({ measure: "percentage", baseline: { year: 2023, value: 20 } });
    const { id: periodId } = await period(defined.id, { ...thisYear(), target: { numerator: 4, denominator: 5 } });
    for (const [numerator, denominator] of [
      [3, 4],
      [1, 4],
    ]) {
      const id = (await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { numerator, denominator })).body
        .update.id;
      await reporter.send("POST", `/api/v1/updates/${id}/submission`);
      await secretariat.send("POST", `/api/v1/updates/${id}/approval`);
    }
    const found = await periodOf(defined.id, periodId);
    expect(found?.actual).toEqual({ value: 50, numerator: 4, denominator: 8, narrative: null });
    // From the baseline 20% towards the target 80%: half way.
    expect(found?.progress).toBeCloseTo(0.5);
  });

  it("refuses an update that lacks what its measure needs, naming the field", async () => {
    const percentage = await indicator({ measure: "percentage" });
    const unit = await indicator({ measure: "unit" });
    const qualitative = await indicator({ measure: "qualitative" });
    const periods = await Promise.all([percentage, unit, qualitative].map((i) => period(i.id, thisYear())));
    const refused = async (periodId: number, body: object, field: string) => {
      const answer = await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(new RegExp(`^body\\.${field}: `));
    };
    await refused(periods[0]!.id, { numerator: 3 }, "denominator");
    await refused(periods[0]!.id, { numerator: 3, denominator: 0 }, "denominator");
    await refused(periods[1]!.id, { narrative: "no figure" }, "value");
    await refused(periods[2]!.id, { narrative: "  " }, "narrative");
    const counted = await concord.database.db.execute(
      sql`SELECT count(*)::int AS n FROM indicator_updates WHERE period_id = ANY (${sql.param(periods.map((p) => p.id))}::bigint[])`,
    );
    expect(counted.rows[0]).toEqual({ n: 0 });
  });

  it("refuses an update to a locked period with a 409 naming the period, and changes nothing", async () => {
    const defined = await indicator({});
    const { id: periodId, start, end } = await period(defined.id, thisYear());
    const draft = (await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 1 })).body.update.id;
    expect((await reporter.send("POST", `/api/v1/periods/${periodId}/lock`)).status).toBe(403);
    const locked = await secretariat.send("POST", `/api/v1/periods/${periodId}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.indicator.periods[0].locked).toBe(true);
    const refused = await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`${periodId} (${start} to ${end})`);
    const submitLocked = await reporter.send("POST", `/api/v1/updates/${draft}/submission`);
    expect(submitLocked.status).toBe(409);
    expect(await periodOf(defined.id, periodId)).toMatchObject({
      locked: true,
      updates: { draft: 1, pendingApproval: 0 },
    });
  });

  it("refuses a period outside the programme's, or overlapping another, naming start or end", async () => {
    const defined = await indicator({});
    const early = await secretariat.send("POST", `/api/v1/indicators/${defined.id}/periods`, {
      start: addDays(programme.start, -1),
      end: addDays(programme.start, 30),
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^body\.start: .*programme/);
    const late = await secretariat.send("POST", `/api/v1/indicators/${defined.id}/periods`, {
      start: addDays(programme.end, -30),
      end: addDays(programme.end, 1),
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/^body\.end: .*programme/);
    const backwards = await secretariat.send("POST", `/api/v1/indicators/${defined.id}/periods`, {
      start: addDays(programme.start, 30),
      end: addDays(programme.start, 10),
    });
    expect(backwards.body.error.message).toMatch(/^body\.end: /);
    await period(defined.id, { start: addDays(programme.start, 0), end: addDays(programme.start, 100) });
    const overlapping = await secretariat.send("POST", `/api/v1/indicators/${defined.id}/periods`, {
      start: addDays(programme.start, 50),
      end: addDays(programme.start, 150),
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.message).toMatch(/^body\.start: /);
    expect((await results()).indicators.find((i) => i.id === defined.id)?.periods).toHaveLength(1);
  });

  it("takes as reporters only accounts of the programme's organisation", async () => {
    const defined = await indicator({});
    const refused = await secretariat.send("PUT", `/api/v1/indicators/${defined.id}/reporters`, {
      reporters: [reporter.accountId, oasAdmin.accountId],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^body\.reporters: /);
    const set = await secretariat.send("PUT", `/api/v1/indicators/${defined.id}/reporters`, {
      reporters: [otherReporter.accountId],
    });
    expect(set.body.indicator.reporters).toEqual([{ id: otherReporter.accountId, name: "Other" }]);
    // The former reporter may no longer write; the new one may.
    const { id: periodId } = await period(defined.id, thisYear());
    expect((await reporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 1 })).status).toBe(403);
    expect((await otherReporter.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 1 })).status).toBe(201);
  });

  it("refuses an indicator of a goal the programme does not have", async () => {
    const answer = await secretariat.send("POST", `/api/v1/programmes/${programme.id}/indicators`, {
      goalRef: "G9",
      ref: "X1",
      titles: { en: "Nothing" },
      measure: "unit",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^body\.goalRef: /);
  });
});

describe("who sees results", () => {
  it("shows them to the programme's readers, and to nobody else", async () => {
    const path = `/api/v1/programmes/${programme.id}/results`;
    expect((await colHead.send("GET", path)).status).toBe(200);
    expect((await reporter.send("GET", path)).status).toBe(200);
    expect((await usaHead.send("GET", path)).status).toBe(200);
    // Another partner, another organisation: no such programme. An analyst sees the summary, not results.
    const egy = await egyHead.send("GET", path);
    expect(egy.status).toBe(404);
    const oas = await oasAdmin.send("GET", path);
    expect(oas.status).toBe(404);
    expect(oas.body).toEqual(egy.body);
    expect((await analyst.send("GET", path)).status).toBe(403);
    expect((await fetch(concord.baseUrl + path)).status).toBe(401);
    for (const sub of ["updates", "iati"])
      expect((await egyHead.send("GET", `/api/v1/programmes/${programme.id}/${sub}`)).status).toBe(404);
    // Changes: the partner's own delegation may read but not define (403); others learn nothing (404).
    const body = { goalRef: "G1", ref: "Z1", titles: { en: "Z" }, measure: "unit" };
    expect((await colHead.send("POST", `/api/v1/programmes/${programme.id}/indicators`, body)).status).toBe(403);
    expect((await oasAdmin.send("POST", `/api/v1/programmes/${programme.id}/indicators`, body)).status).toBe(404);
    expect((await secretariat.send("GET", "/api/v1/programmes/999999/results")).status).toBe(404);
  });
});

describe("the overview and the CSV exports", () => {
  it("lists missing and late periods and updates awaiting approval", async () => {
    const defined = await indicator({});
    const ended = await period(defined.id, { start: addDays(today(), -60), end: addDays(today(), -20) });
    const closing = await period(defined.id, { start: addDays(today(), -19), end: addDays(today(), 3) });
    const later = await period(defined.id, { start: addDays(today(), 4), end: addDays(today(), 90) });
    const { overview } = await results();
    const missing = overview.missing.map((entry) => entry.periodId);
    const late = overview.late.map((entry) => entry.periodId);
    expect(missing).toEqual(expect.arrayContaining([ended.id, closing.id]));
    expect(missing).not.toContain(later.id);
    expect(late).toContain(ended.id);
    expect(late).not.toContain(closing.id);
    // A pending update takes a period off the missing list, not off the late one.
    const update = (await reporter.send("POST", `/api/v1/periods/${ended.id}/updates`, { value: 2 })).body.update.id;
    await reporter.send("POST", `/api/v1/updates/${update}/submission`);
    const after = (await results()).overview;
    expect(after.missing.map((entry) => entry.periodId)).not.toContain(ended.id);
    expect(after.late.map((entry) => entry.periodId)).toContain(ended.id);
    expect(after.awaitingApproval.map((entry) => entry.updateId)).toContain(update);
  });

  it("exports indicators × periods and the updates as CSV", async () => {
    const json = await results();
    const rows = json.indicators.reduce((n, i) => n + Math.max(1, i.periods.length), 0);
    const csv = await fetch(`${concord.baseUrl}/api/v1/programmes/${programme.id}/results?format=csv`, {
      headers: { Cookie: secretariat.cookie },
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^programme,goalRef,indicatorId,indicatorRef,title,measure/);
    expect(lines).toHaveLength(rows + 1);
    const updates = await secretariat.send("GET", `/api/v1/programmes/${programme.id}/updates`);
    const updatesCsv = await fetch(`${concord.baseUrl}/api/v1/programmes/${programme.id}/updates`, {
      headers: { Cookie: secretariat.cookie, Accept: "text/csv" },
    });
    const updateLines = (await updatesCsv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(updateLines[0]).toBe(
      "id,indicatorId,periodId,value,numerator,denominator,narrative,status,reviewComment,createdBy,createdAt,submittedAt,reviewedAt",
    );
    expect(updateLines).toHaveLength(updates.body.updates.length + 1);
    expect(updates.body.updates.length).toBeGreaterThan(5);
  });
});

describe("the aggregation in SQL", () => {
  it("agrees with periodActual on generated updates of every measure", async () => {
    const own = await insertProgramme(concord.database.db, {
      partner: "EGY",
      kind: "IPCP",
      start: addDays(programme.start, -2000),
      end: addDays(programme.start, -1000),
    });
    let seed = 20260613;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const measures = ["unit", "percentage", "nominal", "ordinal", "qualitative"] as const;
    const periodsByMeasure: Array<{ measure: (typeof measures)[number]; indicatorId: number; periodId: number }> = [];
    for (const measure of measures)
      for (let round = 0; round < 2; round++) {
        const defined = await indicator({ measure }, own.id);
        const { id: periodId } = await period(defined.id, {
          start: addDays(own.start, 10),
          end: addDays(own.start, 100),
        });
        periodsByMeasure.push({ measure, indicatorId: defined.id, periodId });
        const statuses = ["draft", "pending-approval", "approved", "approved", "returned"];
        const count = 5 + Math.floor(random() * 40);
        for (let i = 0; i < count; i++) {
          const status = statuses[Math.floor(random() * statuses.length)] ?? "approved";
          const parts = measure === "percentage" ? random() > 0.1 : random() > 0.8;
          const denominator = parts ? 1 + Math.floor(random() * 20) : null;
          const numerator = denominator === null ? null : Math.floor(random() * (denominator + 1));
          const value = measure === "percentage" || random() < 0.1 ? null : Math.round(random() * 1000) / 10;
          const narrative = random() < 0.7 ? `note ${i}` : null;
          // Approval times repeat on purpose: the latest is then the latest id.
          await concord.database.db.execute(sql`
            INSERT INTO indicator_updates (period_id, value, numerator, denominator, narrative, status, created_by,
                                           submitted_at, reviewed_at, reviewed_by)
            VALUES (${periodId}, ${value}, ${numerator}, ${denominator}, ${narrative}, ${status}::indicator_update_status,
                    ${reporter.accountId}, now(),
                    ${status === "approved" || status === "returned" ? `2025-01-01T00:00:${String(Math.floor(random() * 6)).padStart(2, "0")}Z` : null}::timestamptz,
                    'test')`);
        }
      }
    const page = await results(secretariat, own.id);
    const updates = (await secretariat.send("GET", `/api/v1/programmes/${own.id}/updates`)).body.updates as Array<{
      periodId: number;
      status: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      narrative: string | null;
      reviewedAt: string | null;
    }>;
    for (const { measure, indicatorId, periodId } of periodsByMeasure) {
      const approved: UpdateValue[] = updates
        .filter((u) => u.periodId === periodId && u.status === "approved")
        .map((u) => ({ ...u, approvedAt: u.reviewedAt ?? "" }));
      const expected = periodActual(measure, approved);
      const actual = page.indicators.find((i) => i.id === indicatorId)?.periods[0]?.actual;
      expect(approved.length).toBeGreaterThan(0);
      expect(actual?.narrative, `${measure} narrative`).toBe(expected?.narrative);
      if (expected?.value === null) expect(actual?.value).toBeNull();
      else expect(actual?.value, `${measure} value`).toBeCloseTo(expected?.value ?? Number.NaN, 9);
      if (measure === "percentage") {
        expect(actual?.numerator).toBe(expected?.numerator);
        expect(actual?.denominator).toBe(expected?.denominator);
      }
    }
  });
});

describe("the daily digest", () => {
  it("gives each person one digest a day, however many entries it lists", async () => {
    const db = concord.database.db;
    const defined = await indicator({});
    const ended = await period(defined.id, { start: addDays(today(), -300), end: addDays(today(), -250) });
    const open = await period(defined.id, { start: addDays(today(), -249), end: addDays(today(), 200) });
    const many = 30;
    for (let i = 0; i < many; i++) {
      const update = (await reporter.send("POST", `/api/v1/periods/${open.id}/updates`, { value: i })).body.update.id;
      expect((await reporter.send("POST", `/api/v1/updates/${update}/submission`)).status).toBe(200);
    }
    // The digest's job is scheduled for the next morning; the test moves it to now, as the clock would.
    const run = async () => {
      const moved = await db.execute(
        sql`UPDATE jobs SET run_at = now() WHERE unique_key = 'results.digest' RETURNING id`,
      );
      expect(moved.rows).toHaveLength(1);
      await db.execute(sql`NOTIFY concord_jobs`);
      await until("the digest job to run and reschedule itself", async () => {
        const { rows } = await db.execute(
          sql`SELECT 1 FROM jobs WHERE unique_key = 'results.digest' AND run_at > now() + interval '1 minute'`,
        );
        return rows.length > 0 ? true : undefined;
      });
    };
    await run();
    const digest = await until("the secretariat's digest", async () => {
      const answer = await secretariat.send("GET", "/api/v1/cooperation/digest");
      expect(answer.status).toBe(200);
      const mine = answer.body.digests[0];
      return mine?.day === today() && mine.total > 0 ? mine : undefined;
    });
    const awaiting = digest.items.filter((item: { kind: string }) => item.kind === "awaiting-approval");
    expect(awaiting.length).toBeGreaterThanOrEqual(many);
    expect(digest.items.map((item: { periodId: number; kind: string }) => `${item.kind}:${item.periodId}`)).toContain(
      `late:${ended.id}`,
    );
    const reporters = (await reporter.send("GET", "/api/v1/cooperation/digest")).body.digests[0];
    expect(reporters.day).toBe(today());
    expect(
      reporters.items.map((item: { kind: string; periodId: number }) => `${item.kind}:${item.periodId}`),
    ).toContain(`late:${ended.id}`);

    await run(); // A second run the same day rewrites the day's digest, it adds none.
    const duplicates = await db.execute(sql`
      SELECT account_id, count(*) FROM digests WHERE day = ${today()}::date GROUP BY account_id HAVING count(*) > 1`);
    expect(duplicates.rows).toEqual([]);
    const people = await db.execute(sql`SELECT count(*)::int AS n FROM digests WHERE day = ${today()}::date`);
    expect((people.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(2);
    expect((people.rows[0] as { n: number }).n).toBeLessThan(many);
    // Nobody signed in has no digest to read.
    expect((await fetch(`${concord.baseUrl}/api/v1/cooperation/digest`)).status).toBe(401);
  });
});
