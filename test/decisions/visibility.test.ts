/**
 * Who may see a proposal is one rule, decisionPolicy.read. The list of proposals and a
 * delegation's notices are filtered in the database for speed, by a filter derived from that
 * rule (decisionPolicy.readableIn); here each is checked against the rule itself, for readers
 * of every kind — a secretariat, an analyst, delegations whose state has a body of its own in
 * the organisation, is the subject of a designation there, or neither, a delegation to another
 * organisation, the CLI: each list holds exactly what `read` allows, no more and no less. The
 * live updates ask the same rule of each event; an event about a proposal is read by exactly
 * those who read the proposal.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountRow } from "../../src/db/repositories/accounts.ts";
import type { Role } from "../../src/domain/accounts.ts";
import { scopeOfEvent } from "../../src/api/live-updates.ts";
import { DecisionsService } from "../../src/services/decisions/decisions.ts";
import { abilities, CLI, decisionPolicy, type Principal } from "../../src/services/policies.ts";
import { RegistryWriter } from "../../src/services/registry-writes.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let decisions: DecisionsService;

const person = (organizationCode: string, role: Role, delegationState: string | null = null): Principal => {
  const account: AccountRow = {
    id: `${organizationCode}-${role}-${delegationState ?? "none"}`,
    email: `${role}@${organizationCode.toLowerCase()}.example`,
    displayName: role,
    organizationCode,
    role,
    delegationId: delegationState === null ? null : 1,
    delegationState,
    passwordHash: null,
    passwordTemporary: false,
    disabledAt: null,
  };
  return { kind: "account", account };
};

const readers: Record<string, Principal> = {
  "NATO's secretariat": person("NATO", "secretariat-staff"),
  "a NATO analyst": person("NATO", "analyst"),
  "the US delegation to NATO (its own body: us-president)": person("NATO", "delegation-member", "USA"),
  "Colombia's delegation to NATO (designated by the US)": person("NATO", "delegation-head", "COL"),
  "Canada's delegation to NATO (designated, by a proposal opened here)": person("NATO", "delegation-head", "CAN"),
  "Germany's delegation to NATO (neither)": person("NATO", "delegation-head", "DEU"),
  "the US delegation to the OAS": person("OAS", "delegation-head", "USA"),
  "the CLI": CLI,
};

beforeAll(async () => {
  database = await createTestDatabase();
  decisions = new DecisionsService(database.db, new RegistryWriter(), { instance: "test", reminderHours: [] });
  // Beside the starter data's (NATO's, and US designations concerning ARG, BRA, COL, AFG): a US
  // proposal concerning nobody, one concerning Canada, and closed proposals in NATO and the OAS,
  // whose outcome notices go to their members.
  await database.db.transaction(async (tx) => {
    await decisions.open(CLI, { body: "us-president", title: "A US matter", text: "Text." }, tx);
    await decisions.proposeDesignation(
      CLI,
      { body: "us-president", designee: "CAN", designation: "visibility-test", text: "Designation." },
      tx,
    );
    for (const body of ["nato-nac", "oas-permanent-council"]) {
      const deadline = body === "nato-nac" ? null : new Date(Date.now() + 86_400_000);
      const { proposal } = await decisions.open(CLI, { body, title: `In ${body}`, text: "Text.", deadline }, tx);
      await decisions.close(CLI, proposal.id, { as: "withdrawn", reason: "Withdrawn by its chair." }, tx);
    }
  });
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

async function everyProposal() {
  const rows = await decisions.list(CLI, { limit: 500 });
  const bodies = await decisions.bodiesOf(rows);
  return rows.map((row) => ({ row, body: bodies.get(row.bodyId)! }));
}

describe("who may see a proposal", () => {
  it("is what the list of proposals holds, for every reader, with or without a body asked for", async () => {
    const all = await everyProposal();
    expect(new Set(all.map(({ body }) => body.id))).toEqual(
      new Set(["nato-nac", "oas-permanent-council", "us-president"]),
    );
    for (const [who, principal] of Object.entries(readers)) {
      const allowed = all.filter(({ row, body }) =>
        decisionPolicy.read(principal, { body, concernsState: row.concernsState }),
      );
      const listed = await decisions.list(principal, { limit: 500 });
      expect(
        listed.map((row) => row.id),
        who,
      ).toEqual(allowed.map(({ row }) => row.id));
      for (const body of ["nato-nac", "us-president", "oas-permanent-council"]) {
        const inBody = await decisions.list(principal, { body, limit: 500 });
        expect(
          inBody.map((row) => row.id),
          `${who}, in ${body}`,
        ).toEqual(allowed.filter((proposal) => proposal.body.id === body).map(({ row }) => row.id));
      }
    }
    // The rule itself, as the organisations keep it: what each reader sees of the US body.
    const inUsBody = async (principal: Principal) =>
      (await decisions.list(principal, { body: "us-president", limit: 500 })).map((row) => row.concernsState);
    expect(new Set(await inUsBody(readers["Colombia's delegation to NATO (designated by the US)"]!))).toEqual(
      new Set(["COL"]),
    );
    expect(await inUsBody(readers["Canada's delegation to NATO (designated, by a proposal opened here)"]!)).toEqual([
      "CAN",
    ]);
    expect(await inUsBody(readers["Germany's delegation to NATO (neither)"]!)).toEqual([]);
    expect(await inUsBody(readers["a NATO analyst"]!)).toEqual([]);
    expect(await inUsBody(readers["the US delegation to the OAS"]!)).toEqual([]);
    expect((await inUsBody(readers["the US delegation to NATO (its own body: us-president)"]!)).length).toBe(
      all.filter(({ body }) => body.id === "us-president").length,
    );
  });

  it("is what a delegation's notices hold", async () => {
    const all = new Map((await everyProposal()).map((proposal) => [proposal.row.id, proposal]));
    const issued = (
      await database.db.execute(sql`SELECT id::int AS id, proposal_id::int AS "proposalId", recipients FROM notices`)
    ).rows as Array<{ id: number; proposalId: number; recipients: string[] }>;
    let seen = 0;
    for (const [who, principal] of Object.entries(readers)) {
      if (principal.kind !== "account" || principal.account.delegationState === null) continue;
      const state = principal.account.delegationState;
      const allowed = issued.filter((notice) => {
        const proposal = all.get(notice.proposalId);
        return (
          notice.recipients.includes(state) &&
          proposal !== undefined &&
          decisionPolicy.read(principal, { body: proposal.body, concernsState: proposal.row.concernsState })
        );
      });
      const notices = await decisions.notices(principal);
      expect(new Set(notices.map((notice) => notice.id)), who).toEqual(new Set(allowed.map((notice) => notice.id)));
      seen += notices.length;
    }
    expect(seen).toBeGreaterThan(0);
    // The United States sits in NATO and in the OAS: each of its delegations reads its own organisation's notices only.
    const bodiesNoticed = async (principal: Principal) =>
      new Set((await decisions.notices(principal)).map((notice) => all.get(notice.proposalId)?.body.id));
    expect(await bodiesNoticed(readers["the US delegation to NATO (its own body: us-president)"]!)).toEqual(
      new Set(["nato-nac"]),
    );
    expect(await bodiesNoticed(readers["the US delegation to the OAS"]!)).toEqual(new Set(["oas-permanent-council"]));
  });

  it("is who reads the live updates about it, and what the UI is told it may read", async () => {
    for (const { row, body } of await everyProposal()) {
      const event = {
        type: "proposal.opened" as const,
        organization: body.organization,
        body: { actorCode: body.actorCode, actorType: body.actorType },
        concerns: row.concernsState,
        proposalId: row.id,
        at: new Date().toISOString(),
      };
      for (const [who, principal] of Object.entries(readers))
        expect(decisionPolicy.read(principal, scopeOfEvent(event)), `${who}, proposal ${row.id}`).toBe(
          decisionPolicy.read(principal, { body, concernsState: row.concernsState }),
        );
    }
    for (const [who, principal] of Object.entries(readers)) expect(abilities(principal).decisions.read, who).toBe(true);
    expect(abilities({ kind: "anonymous" }).decisions.read).toBe(false);
  });
});
