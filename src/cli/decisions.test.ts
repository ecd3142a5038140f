/**
 * `concord bodies`, `proposals`, `proposal` and `position`, run as a person or a script runs
 * them, against a real database: the same answers as the API (--json), positions recorded as
 * the CLI on a state's behalf, and the service's own refusals.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";
import { presentProposal, presentProposalSummary } from "../api/decision-presenters.ts";
import { listBodies } from "../db/repositories/decisions.ts";
import { DecisionsService } from "../services/decisions/decisions.ts";
import { CLI } from "../services/policies.ts";
import { RegistryWriter } from "../services/registry-writes.ts";
import { loadStarterDecisions } from "../services/starter/decisions.ts";

let test: TestDatabase;
let env: Record<string, string>;
let decisions: DecisionsService;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  await loadStarterDecisions(test.db); // a no-op when the template has them already
  decisions = new DecisionsService(test.db, new RegistryWriter(), { instance: "test", reminderHours: [] });
});
afterAll(async () => {
  await test?.drop();
});

/** A proposal opened as the chair would open it, through the service, in MERCOSUR's Common Market Council (consensus; five States Parties decide — Venezuela is suspended). */
async function openInMercosur(title: string): Promise<{ id: number; members: string[] }> {
  const detail = await test.db.transaction((tx) =>
    decisions.open(CLI, { body: "mercosur-cmc", title, text: "A text to agree on." }, tx),
  );
  return { id: detail.proposal.id, members: detail.members };
}

const positionsAudited = async (id: number) =>
  (
    await test.db.execute(sql`
      SELECT actor, on_behalf_of AS "onBehalfOf", after->>'state' AS state, after->>'position' AS position
      FROM audit_log WHERE action = 'proposal.position' AND object_type = 'proposal' AND object_id = ${String(id)} ORDER BY id`)
  ).rows as Array<{ actor: string; onBehalfOf: string | null; state: string; position: string }>;

describe("concord proposals", () => {
  it("lists the starter data's reconstructed decision on Colombia's NATO partnership, as the API does with --json", async () => {
    const { code, stdout, stderr } = await runConcord(["proposals", "--status", "closed", "--json"], env);
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { proposals: Array<Record<string, any>> };
    const colombia = printed.proposals.find(
      (proposal) => proposal.body.id === "nato-nac" && proposal.concerns === "COL",
    );
    expect(colombia).toMatchObject({
      body: { id: "nato-nac", actor: "NATO", name: "North Atlantic Council" },
      title: "Request by Colombia: partner (Partners across the globe)",
      procedure: { kind: "consensus" },
      purpose: "request",
      status: "adopted",
      decidedOn: "2017-05-01",
      decidedOnPrecision: "month",
      reconstructed: true,
      positionsTaken: 0,
    });
    expect(printed.proposals.every((proposal) => proposal.status !== "open")).toBe(true);

    const bodies = new Map((await listBodies(test.db)).map((body) => [body.id, body]));
    const expected = (await decisions.list(CLI, { status: "closed" })).map((row) =>
      presentProposalSummary(row, bodies, "en"),
    );
    expect(printed).toEqual(JSON.parse(JSON.stringify({ proposals: expected })));
  });

  it("prints a table: id, body, title, procedure, status, decision date and positions of members", async () => {
    const { code, stdout } = await runConcord(
      ["proposals", "--status", "closed", "--body", "nato-nac", "--lang", "es"],
      env,
    );
    expect(code).toBe(0);
    // In the language asked for (--lang es), as all the command's output.
    expect(stdout).toContain("propuesta(s) cerrada(s) en nato-nac, de la más reciente a la más antigua");
    expect(stdout).toMatch(/^Id\s+Órgano\s+Título\s+Procedimiento\s+Estado\s+Plazo \/ decidida\s+Posiciones$/m);
    // A reconstructed decision records no individual positions: "-" of the members, not "0".
    expect(stdout).toMatch(
      /^\d+\s+nato-nac\s+Request by Colombia: partner \(Partners across the globe\)\s+consenso\s+adoptada \(reconstruida\)\s+2017-05\s+-\/\d+$/m,
    );
    expect(stdout).not.toContain("us-president");
  });

  it("explains bad filters and exits non-zero", async () => {
    const [status, body, lang] = await Promise.all([
      runConcord(["proposals", "--status", "pending"], env),
      runConcord(["proposals", "--body", "nowhere"], env),
      runConcord(["proposals", "--lang", "de"], env),
    ]);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status: must be open or closed (got "pending")');
    expect(body.code).toBe(1);
    expect(body.stderr.trim()).toBe("No body has the id nowhere.");
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang: must be one of en, es, pt, fr (got "de")');
  });
});

describe("concord bodies", () => {
  it("lists the deciding bodies with their default procedures, and the API's JSON with --json", async () => {
    const [table, json] = await Promise.all([
      runConcord(["bodies"], env),
      runConcord(["bodies", "--json", "--lang", "fr"], env),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^nato-nac\s+NATO\s+North Atlantic Council\s+Secretary General\s+consensus$/m);
    expect(table.stdout).toMatch(
      /^oas-general-assembly\s+OAS\s+General Assembly\s+.*majority \(2\/3 of all members\)$/m,
    );
    expect(json.code).toBe(0);
    const { bodies } = JSON.parse(json.stdout) as {
      bodies: Array<{ id: string; name: string; defaultProcedure: { kind: string } }>;
    };
    expect(bodies.find((body) => body.id === "nato-nac")).toMatchObject({
      name: "Conseil de l'Atlantique Nord",
      defaultProcedure: { kind: "consensus" },
    });
    expect(bodies.map((body) => body.id)).toContain("us-president");
  });
});

describe("concord position and concord proposal", () => {
  let id: number;
  let members: string[];
  beforeAll(async () => {
    ({ id, members } = await openInMercosur("Common position on regional defence cooperation"));
  });

  it("opens with MERCOSUR's States Parties less suspended Venezuela, and no outcome", async () => {
    expect(members).toEqual(["ARG", "BOL", "BRA", "PRY", "URY"]);
    const { code, stdout } = await runConcord(["proposal", String(id)], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Proposal ${id}: Common position on regional defence cooperation`);
    expect(stdout).toMatch(/Procedure:\s+consensus/);
    expect(stdout).toMatch(/Status:\s+open/);
    expect(stdout).toMatch(/^ {2}ARG\s+Argentina\s+-$/m);
    expect(stdout).toContain("Outcome: not yet decided");
  });

  it("records positions as the CLI on each state's behalf, keeps a changed position, and shows the grid", async () => {
    const first = await runConcord(["position", String(id), "--state", "ARG", "--position", "concur"], env);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Recorded the position of Argentina (ARG) on proposal ${id}: concur (by the CLI, on its behalf).`,
    );
    expect(first.stdout).toContain(`Proposal ${id} stays open: 1 of 5 members have taken a position in round 1.`);

    const objection = await runConcord(
      [
        "position",
        String(id),
        "--state",
        "BRA",
        "--position",
        "object",
        "--statement",
        "The text needs another reading.",
      ],
      env,
    );
    expect(objection.code).toBe(0);
    const reservation = await runConcord(
      [
        "position",
        String(id),
        "--state",
        "BRA",
        "--position",
        "concur-with-reservation",
        "--statement",
        "On the understanding that it binds no State Party to deploy forces.",
        "--json",
      ],
      env,
    );
    expect(reservation.code).toBe(0);
    const { proposal } = JSON.parse(reservation.stdout);
    expect(proposal).toMatchObject({ id, status: "open", positionsTaken: 2, members: 5, outcome: null });
    expect(proposal.grid.find((row: { state: string }) => row.state === "BRA")).toMatchObject({
      position: "concur-with-reservation",
    });
    expect(
      proposal.positions.map((cast: { state: string; position: string; castBy: string }) => [
        cast.state,
        cast.position,
        cast.castBy,
      ]),
    ).toEqual([
      ["ARG", "concur", "cli"],
      ["BRA", "object", "cli"],
      ["BRA", "concur-with-reservation", "cli"],
    ]);

    const shown = await runConcord(["proposal", String(id)], env);
    expect(shown.stdout).toMatch(/^ {2}BRA\s+Brazil\s+concur-with-reservation\s+\S+ \S+ UTC\s+cli$/m);
    expect(shown.stdout).toContain(
      "BRA (concur-with-reservation): On the understanding that it binds no State Party to deploy forces.",
    );
    expect(shown.stdout).toMatch(/Earlier positions[^\n]*\n.*\n.*\n {2}1\s+BRA\s+object\s+.*\s+cli$/m);
  }, 90_000);

  it("refuses bad input with the service's message, naming the option, and records nothing", async () => {
    const before = (await positionsAudited(id)).length;
    const [abstain, noStatement, notMember, unknown, notAPosition, noState, notAnId, missingId] = await Promise.all([
      runConcord(["position", String(id), "--state", "PRY", "--position", "abstain"], env),
      runConcord(["position", String(id), "--state", "PRY", "--position", "object"], env),
      runConcord(["position", String(id), "--state", "USA", "--position", "concur"], env),
      runConcord(["position", "999999", "--state", "PRY", "--position", "concur"], env),
      runConcord(["position", String(id), "--state", "PRY", "--position", "maybe"], env),
      runConcord(["position", String(id), "--position", "concur"], env),
      runConcord(["position", "first", "--state", "PRY", "--position", "concur"], env),
      runConcord(["proposal"], env),
    ]);
    expect(abstain.code).toBe(1);
    expect(abstain.stderr.trim()).toBe(
      "--position: a consensus procedure accepts concur, concur-with-reservation, object; got abstain",
    );
    expect(noStatement.code).toBe(1);
    expect(noStatement.stderr.trim()).toBe("--statement: an objection must be stated in writing");
    expect(notMember.code).toBe(1);
    expect(notMember.stderr.trim()).toBe(
      `USA was not a member of Common Market Council when proposal ${id} opened, so it takes no position on it.`,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("No proposal has the id 999999.");
    expect(notAPosition.code).toBe(2);
    expect(notAPosition.stderr).toContain(
      '--position: must be one of concur, concur-with-reservation, object, amend, abstain (got "maybe")',
    );
    expect(noState.code).toBe(2);
    expect(noState.stderr).toContain("--state is required");
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('The proposal\'s id must be a positive whole number (got "first")');
    expect(missingId.code).toBe(2);
    expect(missingId.stderr).toContain("Missing argument: the proposal's id");
    expect(await positionsAudited(id)).toHaveLength(before);
  }, 90_000);

  it("is adopted when the last State Party concurs; --json is the API's answer, with the rule and its explanation", async () => {
    for (const state of ["BOL", "PRY"]) {
      const { code } = await runConcord(["position", String(id), "--state", state, "--position", "concur"], env);
      expect(code).toBe(0);
    }
    const last = await runConcord(["position", String(id), "--state", "URY", "--position", "concur"], env);
    expect(last.stderr).not.toMatch(/Error/);
    expect(last.code).toBe(0);
    expect(last.stdout).toContain(
      `Proposal ${id} is now adopted (consensus.all-concurred): All 5 members concurred, BRA with a reservation.`,
    );

    const { code, stdout } = await runConcord(["proposal", String(id), "--json"], env);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { proposal: Record<string, any> };
    expect(printed.proposal).toMatchObject({
      status: "adopted",
      positionsTaken: 5,
      outcome: {
        status: "adopted",
        rule: "consensus.all-concurred",
        explanation: "All 5 members concurred, BRA with a reservation.",
        relationId: null,
      },
      noticesIssued: 5,
      abilities: { speakFor: null, chair: false },
    });
    const { now: _printedNow, ...printedRest } = printed.proposal;
    const { now: _expectedNow, ...expectedRest } = JSON.parse(
      JSON.stringify(presentProposal(await decisions.get(CLI, id), "en")),
    );
    expect(printedRest).toEqual(expectedRest);

    const shown = await runConcord(["proposal", String(id)], env);
    expect(shown.stdout).toMatch(/^Outcome:\s+adopted on \d{4}-\d{2}-\d{2}, recorded by \S+$/m);
    expect(shown.stdout).toMatch(/^Rule:\s+consensus\.all-concurred$/m);
    expect(shown.stdout).toMatch(/^Why:\s+All 5 members concurred, BRA with a reservation\.$/m);
  }, 90_000);

  it("is in the audit log as recorded by the CLI on behalf of each state", async () => {
    expect(await positionsAudited(id)).toEqual([
      { actor: "cli", onBehalfOf: "ARG", state: "ARG", position: "concur" },
      { actor: "cli", onBehalfOf: "BRA", state: "BRA", position: "object" },
      { actor: "cli", onBehalfOf: "BRA", state: "BRA", position: "concur-with-reservation" },
      { actor: "cli", onBehalfOf: "BOL", state: "BOL", position: "concur" },
      { actor: "cli", onBehalfOf: "PRY", state: "PRY", position: "concur" },
      { actor: "cli", onBehalfOf: "URY", state: "URY", position: "concur" },
    ]);
    const decided = (
      await test.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'proposal.decide' AND object_id = ${String(id)}`,
      )
    ).rows[0];
    expect(decided).toEqual({ n: 1 });
  });

  it("takes no more positions once closed, on a decided proposal or a reconstructed one", async () => {
    const reconstructed = (await decisions.list(CLI, { status: "closed", body: "nato-nac" })).find(
      (row) => row.reconstructed,
    )!;
    const [decided, historical] = await Promise.all([
      runConcord(["position", String(id), "--state", "ARG", "--position", "object", "--statement", "Too late."], env),
      runConcord(["position", String(reconstructed.id), "--state", "BEL", "--position", "concur"], env),
    ]);
    expect(decided.code).toBe(1);
    expect(decided.stderr).toMatch(
      new RegExp(`^Proposal ${id} is closed \\(adopted at .*\\): nothing more can be changed\\.`),
    );
    expect(historical.code).toBe(1);
    expect(historical.stderr).toContain(`Proposal ${reconstructed.id} is closed (adopted`);
  });
});

describe("concord help", () => {
  it("lists the decision commands", async () => {
    const { code, stdout } = await runConcord(["help"], env);
    expect(code).toBe(0);
    for (const command of [
      "concord bodies",
      "concord proposals [--status open|closed] [--body ID]",
      "concord proposal <ID>",
      "concord position <ID> --state CODE --position P",
    ]) {
      expect(stdout).toContain(command);
    }
  });
});
