/**
 * The historical decisions of the starter data: closed proposals marked as reconstructed, whose
 * members are the registry's member states on the decision date, linked to the relation the
 * decision started and to the source that reports it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { DecisionsService, SCHEDULER } from "../../src/services/decisions/decisions.ts";
import { RegistryWriter } from "../../src/services/registry-writes.ts";

let database: TestDatabase;
let decisions: DecisionsService;

beforeAll(async () => {
  database = await createTestDatabase();
  decisions = new DecisionsService(database.db, new RegistryWriter(), { instance: "test", reminderHours: [] });
});
afterAll(async () => {
  await database?.drop();
});

describe("reconstructed decisions", () => {
  it("record NATO's consensus on Colombia's global partnership with the 28 Allies of May 2017", async () => {
    const closed = await decisions.list(SCHEDULER, { status: "closed", body: "nato-nac" });
    const colombia = closed.find((proposal) => proposal.concernsState === "COL");
    expect(colombia).toMatchObject({
      status: "adopted",
      outcomeRule: "consensus.all-concurred",
      reconstructed: true,
      decidedOn: "2017-05-01",
      decidedOnPrecision: "month",
    });
    const detail = await decisions.get(SCHEDULER, colombia!.id);
    // Montenegro joined on 2017-06-05, after the decision: it could not take part.
    expect(detail.members).toHaveLength(28);
    expect(detail.members).not.toContain("MNE");
    expect(detail.positions).toEqual([]); // no positions are invented
    expect(detail.proposal.decisionSourceId).toBe("dialogo-2020-gottemoeller");
    const { relation } = await database.registry.getRelation(detail.proposal.effectRelationId!);
    expect(relation).toMatchObject({
      subject: "COL",
      object: "NATO",
      kind: "partner",
      framework: "partners-across-the-globe",
    });
  });

  it("record the US designations as unilateral decisions of the United States alone", async () => {
    const designations = await decisions.list(SCHEDULER, { status: "closed", body: "us-president" });
    expect(designations.map((proposal) => proposal.concernsState).sort()).toEqual(["AFG", "ARG", "BRA", "COL"]);
    for (const proposal of designations) {
      expect(proposal.procedure).toEqual({ kind: "unilateral" });
      expect((await decisions.get(SCHEDULER, proposal.id)).members).toEqual(["USA"]);
    }
  });
});
