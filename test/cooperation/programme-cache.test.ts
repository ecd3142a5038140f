/**
 * The programme pages' copy (src/services/cooperation/programme-cache.ts): a change made elsewhere
 * (another instance, the CLI, the job queue: here, straight in the database) is read back once
 * PostgreSQL's notification arrives (without migration 0027's triggers the first test fails);
 * one made through this server's API is read back at once, results and goals' progress included
 * (the copy is dropped before the change is answered, and the notification follows).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { insertProgramme, type ProgrammeFixture } from "../support/results-fixtures.ts";

let concord: TestConcord;
let secretariat: Person;
let colMember: Person;
let programme: ProgrammeFixture;

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  colMember = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "COL" });
  programme = await insertProgramme(concord.database.db);
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const objectiveTitle = async (person: Person) => {
  const answer = await person.send("GET", `/api/v1/programmes/${programme.id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.programme.tree[0].title as string;
};

describe("the programme pages' copy", () => {
  it("hears a change made elsewhere, and never keeps one reader's answer for another", async () => {
    expect(await objectiveTitle(colMember)).toBe("Security and defence cooperation");
    expect(await objectiveTitle(secretariat)).toBe("Security and defence cooperation");
    await concord.database.db.execute(
      sql`UPDATE programme_objectives SET title_en = 'Security cooperation, renamed elsewhere' WHERE programme_id = ${programme.id}`,
    );
    await expect.poll(() => objectiveTitle(colMember)).toBe("Security cooperation, renamed elsewhere");
    // Another partner's delegation is refused, whatever the copy holds.
    const egypt = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
    expect((await egypt.send("GET", `/api/v1/programmes/${programme.id}`)).status).toBe(404);
  });

  it("reads its own changes at once: an approved update moves the results and the goal's progress", async () => {
    const defined = await secretariat.send("POST", `/api/v1/programmes/${programme.id}/indicators`, {
      goalRef: "G1",
      ref: "CACHE-1",
      titles: { en: "Exercises held" },
      measure: "unit",
      baseline: { year: 2020, value: 0 },
      reporters: [colMember.accountId],
    });
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    const period = await secretariat.send("POST", `/api/v1/indicators/${defined.body.indicator.id}/periods`, {
      start: programme.start,
      end: programme.end,
      target: { value: 4 },
    });
    expect(period.status, JSON.stringify(period.body)).toBe(201);
    const periodId = period.body.indicator.periods[0].id;
    const results = async () =>
      (await colMember.send("GET", `/api/v1/programmes/${programme.id}/results`)).body.indicators[0].periods[0];
    const goal = async () =>
      (await colMember.send("GET", `/api/v1/programmes/${programme.id}`)).body.programme.tree[0].goals[0].progress;
    expect((await results()).actual).toBeNull();
    expect(await goal()).toBeNull();

    const drafted = await colMember.send("POST", `/api/v1/periods/${periodId}/updates`, { value: 2 });
    await colMember.send("POST", `/api/v1/updates/${drafted.body.update.id}/submission`);
    expect((await secretariat.send("POST", `/api/v1/updates/${drafted.body.update.id}/approval`)).status).toBe(200);
    expect((await results()).actual).toMatchObject({ value: 2 });
    expect(await goal()).toBe(0.5);
  });
});
