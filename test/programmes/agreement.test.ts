/**
 * Individual partnership programmes end to end, over HTTP as a delegation and the secretariat
 * would use them: Colombia's delegation drafts, NATO's secretariat proposes the draft to the
 * North Atlantic Council, the silence procedure passes at its deadline (the server's job worker
 * decides: the tests wait for the version's status, never for a time), and the version is in
 * force citing the decision; a second version is drafted, compared with the first and agreed,
 * superseding it; a version whose silence an ally breaks is not agreed. Who reads what, and bad
 * input refused naming the field with nothing changed.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let staff: Person;
let colHead: Person;
let colMember: Person;
let usaHead: Person;
let egyHead: Person;
let analyst: Person;
let oasStaff: Person;
let oasCol: Person;

beforeAll(async () => {
  concord = await startConcord();
  staff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  colHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
  colMember = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "COL" });
  usaHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
  egyHead = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "EGY" });
  analyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasStaff = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
  oasCol = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "COL" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Colombia's first draft: two objectives, a menu item and a bespoke activity. */
const FIRST_DRAFT = {
  summary: "The first individually tailored programme.",
  objectives: [
    {
      ref: "O-CYB",
      area: "cyber-defence",
      titles: { en: "Cyber defence", es: "Ciberdefensa" },
      goals: [
        {
          ref: "G-CYB-1",
          titles: { en: "A national cyber incident response capability" },
          activities: [
            { ref: "A-1", menuItem: "NSO-COURSE", year: 2030 },
            { ref: "A-2", titles: { en: "Expert visit to the cyber command" }, year: 2031 },
          ],
        },
      ],
    },
    {
      ref: "O-MAR",
      area: "maritime-security",
      titles: { en: "Maritime security" },
      goals: [{ ref: "G-MAR-1", titles: { en: "Interoperable naval forces" }, activities: [] }],
    },
  ],
};

async function createProgramme(start: string, end: string, kind = "ITPP") {
  const answer = await staff.send("POST", "/api/v1/programmes", { partner: "COL", kind, start, end });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.programme;
}

async function read(id: number, as: Person = staff, query = "") {
  const answer = await as.send("GET", `/api/v1/programmes/${id}${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.programme;
}

/** Waits until the job worker has decided the version's agreement, one way or the other. */
async function settled(id: number, version: number) {
  return until(
    `version ${version} of programme ${id} to be decided`,
    async () => {
      const programme = await read(id, staff, `?version=${version}`);
      return programme.version.status === "proposed" ? undefined : programme;
    },
    30_000,
  );
}

async function auditActions(id: number): Promise<string[]> {
  const rows = (
    await concord.database.db.execute(
      sql`SELECT action FROM audit_log WHERE object_type = 'programme' AND object_id = ${String(id)} ORDER BY id`,
    )
  ).rows as Array<{ action: string }>;
  return rows.map((row) => row.action);
}

describe("a programme agreed through the decisions engine", () => {
  it("is drafted by the partner's delegation, proposed by the secretariat, in force once silence passes, and superseded by its next version", async () => {
    const opened = await createProgramme("2030-01-01", "2031-12-31");
    expect(opened).toMatchObject({
      partner: "COL",
      organization: "NATO",
      kind: "ITPP",
      period: { start: "2030-01-01", end: "2031-12-31" },
      status: "draft",
      inForce: null,
      reconstructed: false,
      version: { number: 1, status: "draft" },
      tree: [],
      abilities: { draft: true, propose: true, newVersion: false, manageResults: true },
    });
    const id = opened.id as number;

    // Colombia's delegation drafts; it may not propose.
    const drafted = await colHead.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const tree = drafted.body.programme.tree;
    expect(tree.map((objective: { ref: string }) => objective.ref)).toEqual(["O-CYB", "O-MAR"]);
    expect(tree[0].goals[0].activities[0]).toMatchObject({
      ref: "A-1",
      year: 2030,
      menuItem: { code: "NSO-COURSE", type: "course" },
      title: "Course at the NATO School Oberammergau",
    });
    expect(tree[0].goals[0].activities[1]).toMatchObject({
      ref: "A-2",
      menuItem: null,
      title: "Expert visit to the cyber command",
    });
    expect(drafted.body.programme.abilities).toMatchObject({ draft: true, propose: false });
    expect((await colHead.send("POST", `/api/v1/programmes/${id}/agreement`, {})).status).toBe(403);

    // The secretariat proposes it to the North Atlantic Council, under the silence procedure.
    const proposed = await staff.send("POST", `/api/v1/programmes/${id}/agreement`, { deadline: inMs(2_000) });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body.programme.version).toMatchObject({ number: 1, status: "proposed" });
    const proposalId = proposed.body.programme.version.proposalId as number;
    const proposal = (await staff.send("GET", `/api/v1/proposals/${proposalId}`)).body.proposal;
    expect(proposal).toMatchObject({ purpose: "programme", procedure: { kind: "silence" }, body: { id: "nato-nac" } });
    expect((await colHead.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT)).status).toBe(409);

    const agreed = await settled(id, 1);
    const decision = (await staff.send("GET", `/api/v1/proposals/${proposalId}`)).body.proposal;
    expect(decision.outcome).toMatchObject({ status: "adopted", rule: "silence.deadline-passed-unbroken" });
    const decidedOn = (decision.outcome.decidedOn ?? decision.decidedOn) as string;
    expect(agreed.version).toMatchObject({
      number: 1,
      status: "in-force",
      proposalId,
      sourceId: `decision-${proposalId}`,
      inForceUntil: null,
    });
    expect(agreed.version.inForceFrom).toBe(decidedOn);
    expect(agreed.inForce).toBe(1);

    // Version 2: a draft copied from version 1, by Colombia's delegation (a member, not only its head).
    const second = await colMember.send("POST", `/api/v1/programmes/${id}/versions`, { summary: "After the review." });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.programme.version).toMatchObject({ number: 2, status: "draft", summary: "After the review." });
    expect(second.body.programme.tree.map((objective: { ref: string }) => objective.ref)).toEqual(["O-CYB", "O-MAR"]);
    expect((await colMember.send("POST", `/api/v1/programmes/${id}/versions`, {})).status).toBe(409);

    const changedDraft = structuredClone(FIRST_DRAFT);
    changedDraft.objectives[0]!.titles.en = "Cyber defence and resilience";
    changedDraft.objectives[0]!.goals[0]!.activities = [{ ref: "A-1", menuItem: "NSO-COURSE", year: 2031 }];
    changedDraft.objectives[1]!.goals.push({
      ref: "G-MAR-2",
      titles: { en: "Maritime domain awareness" },
      activities: [],
    });
    const redrafted = await colMember.send("PUT", `/api/v1/programmes/${id}/draft`, changedDraft);
    expect(redrafted.status, JSON.stringify(redrafted.body)).toBe(200);
    expect(redrafted.body.programme.version.summary).toBe("The first individually tailored programme.");

    const compared = await usaHead.send("GET", `/api/v1/programmes/${id}/compare?from=1&to=2`);
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    const changes = compared.body.changes as Array<{ level: string; ref: string; change: string; fields: string[] }>;
    expect(changes.map(({ level, ref, change, fields }) => ({ level, ref, change, fields }))).toEqual([
      { level: "objective", ref: "O-CYB", change: "changed", fields: ["titles"] },
      { level: "goal", ref: "G-MAR-2", change: "added", fields: [] },
      { level: "activity", ref: "A-1", change: "changed", fields: ["year"] },
      { level: "activity", ref: "A-2", change: "removed", fields: [] },
    ]);

    const proposedAgain = await staff.send("POST", `/api/v1/programmes/${id}/agreement`, { deadline: inMs(2_000) });
    expect(proposedAgain.status, JSON.stringify(proposedAgain.body)).toBe(200);
    const secondAgreed = await settled(id, 2);
    expect(secondAgreed.version).toMatchObject({ number: 2, status: "in-force", inForceUntil: null });
    expect(secondAgreed.inForce).toBe(2);

    // Both versions stay readable; the first is superseded (agreed the same day: until that day).
    const first = await read(id, colHead, "?version=1");
    expect(first.version.status).toBe("superseded");
    expect(first.version.inForceUntil >= first.version.inForceFrom).toBe(true);
    expect(first.version.inForceUntil).toBe(
      secondAgreed.version.inForceFrom > first.version.inForceFrom
        ? dayBefore(secondAgreed.version.inForceFrom)
        : first.version.inForceFrom,
    );
    expect(first.tree[0].title).toBe("Cyber defence");
    expect((await read(id, colHead)).tree[0].title).toBe("Cyber defence and resilience");
    expect((await read(id, colHead, "?version=1&lang=es")).tree[0].title).toBe("Ciberdefensa");

    expect(await auditActions(id)).toEqual([
      "programme.create",
      "programme.draft",
      "programme.propose",
      "programme.agree",
      "programme.version",
      "programme.draft",
      "programme.propose",
      "programme.agree",
    ]);
  });

  it("is not agreed when an ally breaks silence, and a new version can then be drafted from it", async () => {
    const { id } = await createProgramme("2032-01-01", "2033-12-31");
    const draft = structuredClone(FIRST_DRAFT);
    draft.objectives[0]!.goals[0]!.activities = [{ ref: "A-1", menuItem: "NSO-COURSE", year: 2032 }];
    expect((await staff.send("PUT", `/api/v1/programmes/${id}/draft`, draft)).status).toBe(200);
    const proposed = await staff.send("POST", `/api/v1/programmes/${id}/agreement`, { deadline: inMs(2_500) });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const proposalId = proposed.body.programme.version.proposalId as number;
    const objection = await usaHead.send("POST", `/api/v1/proposals/${proposalId}/positions`, {
      position: "object",
      statement: "The United States asks for the maritime objective to be reworded.",
    });
    expect(objection.status, JSON.stringify(objection.body)).toBe(200);

    const decided = await settled(id, 1);
    expect(decided.version).toMatchObject({ status: "not-agreed", inForceFrom: null, sourceId: null });
    expect(decided.inForce).toBeNull();
    expect(decided.abilities).toMatchObject({ draft: false, propose: false, newVersion: true });
    expect((await staff.send("GET", `/api/v1/proposals/${proposalId}`)).body.proposal.outcome).toMatchObject({
      status: "not-adopted",
      rule: "silence.deadline-passed-broken",
    });
    const next = await colHead.send("POST", `/api/v1/programmes/${id}/versions`, {});
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.programme.version).toMatchObject({ number: 2, status: "draft" });
    expect(next.body.programme.tree[0].goals[0].activities[0]).toMatchObject({ ref: "A-1", year: 2032 });
    expect(await auditActions(id)).toContain("programme.not-agreed");
  });

  it("is not agreed when the chair withdraws the proposal; by default silence runs seven days", async () => {
    const { id } = await createProgramme("2034-01-01", "2035-12-31");
    const draft = structuredClone(FIRST_DRAFT);
    draft.objectives[0]!.goals[0]!.activities = [];
    expect((await staff.send("PUT", `/api/v1/programmes/${id}/draft`, draft)).status).toBe(200);
    const proposed = await staff.send("POST", `/api/v1/programmes/${id}/agreement`);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const proposalId = proposed.body.programme.version.proposalId as number;
    const proposal = (await staff.send("GET", `/api/v1/proposals/${proposalId}`)).body.proposal;
    const days = (Date.parse(proposal.deadline) - Date.parse(proposal.openedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const closed = await staff.send("POST", `/api/v1/proposals/${proposalId}/close`, {
      as: "withdrawn",
      reason: "To be redrafted with Colombia.",
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await read(id)).version.status).toBe("not-agreed");
  });
});

describe("who sees a programme", () => {
  let id: number;
  beforeAll(async () => {
    ({ id } = await createProgramme("2036-01-01", "2037-12-31", "IPCP"));
    const draft = structuredClone(FIRST_DRAFT);
    for (const activity of draft.objectives[0]!.goals[0]!.activities) activity.year += 6;
    const drafted = await staff.send("PUT", `/api/v1/programmes/${id}/draft`, { objectives: draft.objectives });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
  });

  it("reads it whole for the secretariat, the partner's delegation and the allies; its summary for analysts; not at all for others", async () => {
    for (const reader of [staff, colHead, colMember, usaHead]) {
      const programme = await read(id, reader);
      expect(programme.tree).toHaveLength(2);
    }
    const summary = await read(id, analyst);
    expect(summary).toMatchObject({ id, partner: "COL", tree: null, progress: null });
    expect(summary.abilities).toEqual({ draft: false, propose: false, newVersion: false, manageResults: false });
    expect((await read(id, usaHead)).abilities).toMatchObject({ draft: false, propose: false });
    for (const reader of [egyHead, oasStaff, oasCol]) {
      const answer = await reader.send("GET", `/api/v1/programmes/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe(`No programme ${id}.`);
    }
    expect((await fetch(`${concord.baseUrl}/api/v1/programmes/${id}`)).status).toBe(401);
    expect((await analyst.send("GET", `/api/v1/programmes/${id}/compare?from=1&to=1`)).status).toBe(403);
    expect((await egyHead.send("GET", `/api/v1/programmes/${id}/compare?from=1&to=1`)).status).toBe(404);
    // Changes: allies and analysts may not; another partner does not learn it exists.
    expect((await usaHead.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT)).status).toBe(403);
    expect((await analyst.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT)).status).toBe(403);
    expect((await egyHead.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT)).status).toBe(404);
  });

  it("lists what each reader may see", async () => {
    const listed = async (reader: Person, query = "") => {
      const answer = await reader.send("GET", `/api/v1/programmes${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.programmes as Array<{ id: number; partner: string; progress: number | null }>;
    };
    expect((await listed(staff)).map((p) => p.id)).toContain(id);
    expect((await listed(colHead)).every((p) => p.partner === "COL")).toBe(true);
    expect((await listed(colHead)).map((p) => p.id)).toContain(id);
    expect((await listed(usaHead)).map((p) => p.id)).toContain(id);
    expect((await listed(analyst)).find((p) => p.id === id)).toMatchObject({ progress: null });
    expect((await listed(egyHead)).map((p) => p.id)).not.toContain(id);
    expect((await listed(egyHead)).every((p) => p.partner === "EGY")).toBe(true);
    expect(await listed(oasStaff)).toEqual([]);
    expect(await listed(oasCol, "?organization=NATO")).toEqual([]);
    // The starter data's reconstructed programme of Colombia is there, with its versions.
    const starter = (await listed(colHead, "?kind=IPCP")).find((p) => p.id !== id) as unknown as {
      reconstructed: boolean;
      versions: Array<{ status: string; sourceId: string | null; proposalId: number | null }>;
    };
    expect(starter.reconstructed).toBe(true);
    expect(starter.versions.map((v) => v.status)).toEqual(["superseded", "in-force"]);
    expect(starter.versions.every((v) => v.sourceId !== null && v.proposalId === null)).toBe(true);

    const anonymous = await fetch(`${concord.baseUrl}/api/v1/programmes`);
    expect(anonymous.status).toBe(400);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(/^query\.organization:/);
    const named = await fetch(`${concord.baseUrl}/api/v1/programmes?organization=NATO`);
    expect(named.status).toBe(200);
    expect(await named.json()).toEqual({ total: 0, programmes: [] });

    const csv = await fetch(`${concord.baseUrl}/api/v1/programmes?format=csv&partner=COL`, {
      headers: { Cookie: staff.cookie },
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "id,organization,partner,partnerName,kind,start,end,status,inForce,versions,inForceFrom,agreementSource,reconstructed,progress",
    );
    expect(lines.some((line) => line.startsWith(`${id},NATO,COL,Colombia,IPCP,2036-01-01,2037-12-31,draft,`))).toBe(
      true,
    );
  });
});

describe("bad input", () => {
  let id: number;
  let before: unknown;
  beforeAll(async () => {
    ({ id } = await createProgramme("2038-01-01", "2039-12-31"));
    expect((await colHead.send("PUT", `/api/v1/programmes/${id}/draft`, FIRST_DRAFT)).status).toBe(400); // 2030 is outside
    const draft = structuredClone(FIRST_DRAFT);
    draft.objectives[0]!.goals[0]!.activities = [{ ref: "A-1", menuItem: "NSO-COURSE", year: 2038 }];
    expect((await colHead.send("PUT", `/api/v1/programmes/${id}/draft`, draft)).status).toBe(200);
    before = (await read(id)).tree;
  });

  const spoiled = (spoil: (draft: typeof FIRST_DRAFT) => void) => {
    const draft = structuredClone(FIRST_DRAFT);
    draft.objectives[0]!.goals[0]!.activities = [
      { ref: "A-1", menuItem: "NSO-COURSE", year: 2038 },
      { ref: "A-2", titles: { en: "Expert visit" }, year: 2039 },
    ];
    spoil(draft);
    return draft;
  };

  it.each([
    [
      "an activity's year outside the programme's period",
      spoiled((d) => {
        d.objectives[0]!.goals[0]!.activities[1]!.year = 2040;
      }),
      "body.objectives[0].goals[0].activities[1].year: 2040 falls outside the programme's period (2038 to 2039)",
    ],
    [
      "a goal's ref used twice",
      spoiled((d) => {
        d.objectives[1]!.goals[0]!.ref = "G-CYB-1";
      }),
      "body.objectives[1].goals[0].ref: the ref G-CYB-1 is used already, at objectives[0].goals[0]",
    ],
    [
      "a menu item the menu lacks",
      spoiled((d) => {
        d.objectives[0]!.goals[0]!.activities[0]!.menuItem = "NO-SUCH-ITEM";
      }),
      "body.objectives[0].goals[0].activities[0].menuItem: NATO's menu has no item NO-SUCH-ITEM",
    ],
    [
      "a title too long",
      spoiled((d) => {
        d.objectives[1]!.titles.en = "x".repeat(301);
      }),
      "body.objectives[1].titles.en: must be at most 300 characters",
    ],
    [
      "a bespoke activity without a title",
      spoiled((d) => {
        d.objectives[0]!.goals[0]!.activities[1]!.titles = { en: "" };
      }),
      "body.objectives[0].goals[0].activities[1].titles.en: an activity names a menu item or has an English title of its own",
    ],
  ])("refuses %s, naming the field, and changes nothing", async (_what, draft, message) => {
    const answer = await colHead.send("PUT", `/api/v1/programmes/${id}/draft`, draft);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(message);
    expect((await read(id)).tree).toEqual(before);
  });

  it("refuses a programme that is not a partner's, that ends before it starts, or that overlaps another cycle", async () => {
    const usa = await staff.send("POST", "/api/v1/programmes", {
      partner: "USA",
      kind: "ITPP",
      start: "2050-01-01",
      end: "2050-12-31",
    });
    expect(usa.status).toBe(400);
    expect(usa.body.error.message).toMatch(/^body\.partner: USA is not a partner of NATO/);
    const backwards = await staff.send("POST", "/api/v1/programmes", {
      partner: "COL",
      kind: "ITPP",
      start: "2051-01-01",
      end: "2050-12-31",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^body\.end:/);
    const overlap = await staff.send("POST", "/api/v1/programmes", {
      partner: "COL",
      kind: "ITPP",
      start: "2039-06-01",
      end: "2040-12-31",
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(`programme ${id}`);
    const kind = await staff.send("POST", "/api/v1/programmes", {
      partner: "COL",
      kind: "-bad kind",
      start: "2060-01-01",
      end: "2060-12-31",
    });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/^body\.kind:/);
    expect(
      (
        (await staff.send("GET", "/api/v1/programmes?partner=COL")).body.programmes as Array<{
          period: { start: string };
        }>
      ).filter((p) => p.period.start >= "2039-06-01"),
    ).toEqual([]);
  });

  it("refuses proposing an empty draft, and an unknown version", async () => {
    const { id: empty } = await createProgramme("2042-01-01", "2042-12-31");
    const answer = await staff.send("POST", `/api/v1/programmes/${empty}/agreement`, {});
    expect(answer.status).toBe(409);
    expect((await read(empty)).version.status).toBe("draft");
    expect((await staff.send("GET", `/api/v1/programmes/${empty}?version=7`)).status).toBe(404);
  });
});

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
