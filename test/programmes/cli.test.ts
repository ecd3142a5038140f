/**
 * `concord programmes` and `concord programme <ID>`, run as a person or a script runs them,
 * against a real database with the starter data: Colombia's reconstructed programme with NATO,
 * the same answer as the API with --json, its tree as text, IATI XML with --iati, and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { runConcord } from "../support/process.ts";

let test: TestDatabase;
let env: Record<string, string>;
let colombia: { id: number };

beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  const { code, stdout, stderr } = await runConcord(["programmes", "--partner", "COL", "--json"], env);
  expect(code, stderr).toBe(0);
  const printed = JSON.parse(stdout) as { programmes: Array<{ id: number; reconstructed: boolean }> };
  colombia = printed.programmes.find((programme) => programme.reconstructed) as { id: number };
}, 200_000);
afterAll(async () => {
  await test?.drop();
});

describe("concord programmes", () => {
  it("lists Colombia's reconstructed programme with NATO, with its versions, as the API does with --json", async () => {
    const { code, stdout } = await runConcord(["programmes", "--partner", "COL", "--json"], env);
    expect(code).toBe(0);
    const { programmes } = JSON.parse(stdout) as { programmes: Array<Record<string, any>> };
    expect(programmes.find((programme) => programme.id === colombia.id)).toMatchObject({
      organization: "NATO",
      partner: "COL",
      partnerNames: { en: "Colombia" },
      kind: "IPCP",
      period: { start: "2018-05-31", end: "2022-12-31" },
      status: "in-force",
      inForce: 2,
      reconstructed: true,
      versions: [
        { number: 1, status: "superseded", inForceFrom: "2018-05-31", inForceUntil: "2021-12-07", proposalId: null },
        { number: 2, status: "in-force", inForceFrom: "2021-12-08", inForceUntil: null, proposalId: null },
      ],
    });
  });

  it("prints a table in the language asked for", async () => {
    const { code, stdout } = await runConcord(["programmes", "--partner", "COL", "--lang", "es"], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ programas?\n/);
    expect(stdout).toContain("Colombia (COL)");
    expect(stdout).toContain("IPCP (reconstruido a partir de las fuentes)");
    expect(stdout).toContain("2018-05-31 – 2022-12-31");
  });
});

describe("concord programme <ID>", () => {
  it("prints the version in force as a tree, each activity with its year and menu item", async () => {
    const { code, stdout } = await runConcord(["programme", String(colombia.id)], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Programme ${colombia.id}: IPCP of Colombia (COL) with NATO`);
    expect(stdout).toContain("Version 2 (in-force):");
    expect(stdout).toMatch(/ {2}O-CYB {2}.+ \[cyber-defence\]/);
    expect(stdout).toMatch(/ {6}A-EDU-1 {2}2022 {2}.+ \[NSO-COURSE\]/);
  });

  it("gives the API's answer with --json: the tree, each node citing its source with a quote", async () => {
    const { code, stdout } = await runConcord(["programme", String(colombia.id), "--json"], env);
    expect(code).toBe(0);
    const { programme } = JSON.parse(stdout) as { programme: Record<string, any> };
    expect(programme.version).toMatchObject({
      number: 2,
      status: "in-force",
      sourceId: "brief-2022-nato-latin-america",
    });
    expect(programme.abilities).toMatchObject({ draft: false, propose: false, newVersion: true, manageResults: true });
    const nodes = (programme.tree as Array<Record<string, any>>).flatMap((objective) => [
      objective,
      ...objective.goals.flatMap((goal: Record<string, any>) => [goal, ...goal.activities]),
    ]);
    expect(nodes.length).toBeGreaterThan(20);
    for (const node of nodes) {
      expect(node.source?.id, node.ref).toMatch(/^[a-z0-9-]+$/);
      expect(node.quote, node.ref).toEqual(expect.any(String));
    }
  });

  it("prints the programme as IATI XML with --iati", async () => {
    const { code, stdout, stderr } = await runConcord(["programme", String(colombia.id), "--iati"], env);
    expect(code, stderr).toBe(0);
    expect(stdout.trimStart()).toMatch(/^<\?xml/);
    expect(stdout).toContain("<iati-activities");
  });

  it("refuses a number that is not one, and says when there is no such programme", async () => {
    const wrong = await runConcord(["programme", "abc"], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`The programme's number must be a positive whole number (got "abc").`);
    const missing = await runConcord(["programme", "999999"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No programme 999999.");
  });

  it("is in the help, in every language", async () => {
    const { code, stdout } = await runConcord(["help", "--lang", "fr"], env);
    expect(code).toBe(0);
    expect(stdout).toContain("Programmes de coopération :");
    expect(stdout).toContain("concord programme <ID> [--lang L] [--json] [--iati]");
  });
});
