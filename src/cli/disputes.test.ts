/**
 * `concord disputes`, `concord dispute`, `concord cases` and `concord import gml-mid` against a
 * real database holding the starter data (the GML MID file in data/gml-mid/ included).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { dataFile } from "../../test/support/data-files.ts";
import { runConcord } from "../../test/support/process.ts";

let test: TestDatabase;
let env: Record<string, string>;
let folder: string;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-disputes-"));
});
afterAll(async () => {
  await test?.drop();
  await fs.rm(folder, { recursive: true, force: true });
});

describe("concord disputes", () => {
  it("prints a pair's summary as JSON with --pair A B --json", async () => {
    const { code, stdout, stderr } = await runConcord(["disputes", "--pair", "GUY", "VEN", "--json"], env);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary).sort()).toEqual(["disputes", "firstYear", "highestHostility", "lastYear", "wars"]);
    expect(summary.disputes).toBeGreaterThan(0);
  });

  it("lists a state's disputes in the language asked for, and refuses a bad state naming it", async () => {
    const listed = await runConcord(["disputes", "--state", "ECU", "--from", "1990", "--lang", "es"], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^\d+ controversias \(\d+ mostradas\)/m);
    expect(listed.stdout).toContain("colombia-ecuador-angostura");
    const refused = await runConcord(["disputes", "--state", "Ecuador"], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("ISO 3166-1 alpha-3");
  });

  it("shows one dispute, and its cases", async () => {
    const shown = await runConcord(["dispute", "venezuela-guyana-essequibo", "--at", "2018-03-29"], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^GUY\s/m);
    const cases = await runConcord(["cases", "--state", "GUY", "--json"], env);
    expect(cases.code, cases.stderr).toBe(0);
    expect(JSON.parse(cases.stdout).cases.map((row: { id: string }) => row.id)).toContain(
      "guyana-v-venezuela-1899-award",
    );
  });
});

describe("concord import gml-mid", () => {
  it("changes nothing on the file already imported, and lists refused lines of a bad one", async () => {
    const again = await runConcord(["import", "gml-mid", dataFile("gml-mid", "gml-mid-ddy-2.1.1.csv")], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/2199 disputes \(0 added, 0 updated, 2199 unchanged\)/);
    // The file's blanks and its one impossible month are kept as missing, and said so.
    expect(again.stdout).toContain("96 values kept as missing:");
    expect(again.stdout).toContain("  line 508: revstate1 is empty: kept as missing");
    expect(again.stdout).toContain("  … and 76 more");

    const bad = path.join(folder, "bad.csv");
    const [header] = (await fs.readFile(dataFile("gml-mid", "gml-mid-ddy-2.1.1.csv"), "utf8")).split("\n");
    await fs.writeFile(
      bad,
      `${header}\n90010,100,999,2015,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9\n`,
    );
    const refused = await runConcord(["import", "gml-mid", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("1 lines refused:");
    expect(refused.stdout).toContain("line 2: COW code 999 has no entry in data/mappings/cow-iso.json");

    const notGml = path.join(folder, "not.csv");
    await fs.writeFile(notGml, "a,b\n1,2\n");
    const wrong = await runConcord(["import", "gml-mid", notGml], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("This is not the GML MID dyad-year file");
  });
});
