/**
 * `concord exchanges`, `concord exchanges compliance`, `concord return submit` and `concord
 * return show` against a real database with the starter regimes.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";

let test: TestDatabase;
let env: Record<string, string>;
let folder: string;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-exchanges-"));
});
afterAll(async () => {
  await test?.drop();
  await fs.rm(folder, { recursive: true, force: true });
});

const measures = (value: string) =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`measure_${i + 1}`, value]));

describe("concord exchanges and concord return", () => {
  it("lists the regimes with their next deadline, in the language asked for", async () => {
    const { code, stdout, stderr } = await runConcord(["exchanges", "--lang", "es"], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^régimen\s+formularios\s+último año\s+plazo/m);
    expect(stdout).toMatch(/^un-milex .*\d{4}-04-30\s*$/m);
  });

  it("records a return given in writing, naming every field the form refuses first", async () => {
    const bad = path.join(folder, "bad.json");
    await fs.writeFile(bad, JSON.stringify({ fields: { ...measures("applied"), measure_3: "perhaps" } }));
    const refused = await runConcord(["return", "submit", "oas-csbm", "CHL", "2023", "--file", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('measure_3: "perhaps" is not one of the field\'s options');

    const good = path.join(folder, "good.json");
    await fs.writeFile(good, JSON.stringify({ fields: measures("applied") }));
    const submitted = await runConcord(["return", "submit", "oas-csbm", "CHL", "2023", "--file", good], env);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toMatch(/^#\d+ submitted$/m);
    const shown = await runConcord(["return", "show", "oas-csbm", "CHL", "2023", "--json"], env);
    expect(JSON.parse(shown.stdout).versions.map((v: { status: string }) => v.status)).toEqual(["submitted"]);

    const compliance = await runConcord(["exchanges", "compliance", "oas-csbm", "2023", "--json"], env);
    expect(compliance.code, compliance.stderr).toBe(0);
    const answer = JSON.parse(compliance.stdout);
    expect(answer.deadline).toBe("2024-04-14");
    expect(answer.states.find((entry: { state: string }) => entry.state === "CHL").status).toBe("late");
  });
});
