/**
 * The GML MID import (src/services/disputes/gml-import.ts) against the real file in
 * data/gml-mid/, as the starter data loads it into every test database: every dispute is there;
 * every pair's summary matches what this test computes from the file on its own (the number of
 * disputes, the first and last year, the highest hostility either state reached, the disputes
 * that reached war); a re-run changes nothing; a new version updates in place; bad lines are
 * refused with their reasons and change nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../../src/services/policies.ts";
import { DisputesService } from "../../src/services/disputes/disputes.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { dataFile } from "../support/data-files.ts";

let test: TestDatabase;
let disputes: DisputesService;
const fileText = fs.readFileSync(dataFile("gml-mid", "gml-mid-ddy-2.1.1.csv"), "utf8");
const mapping = JSON.parse(fs.readFileSync(dataFile("mappings", "cow-iso.json"), "utf8")) as Record<
  string,
  { iso: string | null }
>;

beforeAll(async () => {
  test = await createTestDatabase();
  disputes = new DisputesService(test.db);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

const count = async (table: string) =>
  Number((await test.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]?.n);

/** The file read plainly: per unordered pair of parties, what its summary must say. */
async function expectedSummaries() {
  const states = new Set(
    (await test.db.execute(sql`SELECT code FROM actors WHERE type = 'state'`)).rows.map((row) => row.code as string),
  );
  const party = (ccode: string) => {
    const iso = mapping[ccode]?.iso;
    return iso && states.has(iso) ? iso : `COW:${ccode}`;
  };
  const [header, ...lines] = fileText.trim().split(/\r?\n/);
  const column = (name: string) => (header as string).split(",").indexOf(name);
  const at = {
    dispute: column("dispnum"),
    one: column("ccode1"),
    two: column("ccode2"),
    year: column("year"),
    h1: column("hostlev1"),
    h2: column("hostlev2"),
  };
  const pairs = new Map<string, { disputes: Set<number>; years: number[]; highest: number; wars: Set<number> }>();
  for (const line of lines) {
    const cells = line.split(",");
    const [a, b] = [party(cells[at.one] as string), party(cells[at.two] as string)].sort();
    const key = `${a}|${b}`;
    const entry = pairs.get(key) ?? { disputes: new Set(), years: [], highest: 0, wars: new Set() };
    const dispute = Number(cells[at.dispute]);
    const hostility = Math.max(Number(cells[at.h1]), Number(cells[at.h2]));
    entry.disputes.add(dispute);
    entry.years.push(Number(cells[at.year]));
    entry.highest = Math.max(entry.highest, hostility);
    if (hostility === 5) entry.wars.add(dispute);
    pairs.set(key, entry);
  }
  return pairs;
}

describe("the GML MID import", () => {
  it("holds every dispute, pair-year and party of the file, with -9 kept as missing", async () => {
    const numbers = new Set(
      fileText
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(",")[0]),
    );
    expect(numbers.size).toBe(2199);
    expect((await disputes.list(CLI, {})).total).toBeGreaterThanOrEqual(2199);
    expect(await count("disputes WHERE mid_number IS NOT NULL")).toBe(2199);
    // Each pair-year is in the file twice, once in each direction.
    expect(await count("dispute_dyad_years")).toBe((fileText.trim().split(/\r?\n/).length - 1) / 2);
    // Dispute 4 (Albania–United Kingdom, 1946): fatality band 2; its fatalpre is -9 in the file.
    const corfu = await disputes.get(CLI, "mid-4");
    expect(corfu.dispute).toMatchObject({ hostility: 4, fatality: 2, outcome: 6, settlement: 1, start: "1946-05-01" });
    expect(corfu.dispute).toMatchObject({ startPrecision: "month", end: "1946-11-01", endPrecision: "month" });
    expect(corfu.parties.map((party) => [party.party, party.side])).toEqual([
      ["ALB", "A"],
      ["GBR", "B"],
    ]);
    // Missing values stay missing: dispute 3514's end month is 19 in the file, so its end is a year.
    const late = await disputes.get(CLI, "mid-3514");
    expect(late.dispute.endPrecision).toBe("year");
    // Austria-Hungary has no ISO code: it is a party by its COW code, named.
    const austria = await disputes.get(CLI, "mid-19");
    expect(austria.parties.find((party) => party.party === "COW:300")).toMatchObject({
      stateCode: null,
      cowCode: 300,
      name: "Austria-Hungary",
    });
  });

  it("gives every pair the summary the file gives it", async () => {
    const expected = await expectedSummaries();
    expect(expected.size).toBe(943);
    for (const [key, want] of expected) {
      const [a, b] = key.split("|") as [string, string];
      const got = await disputes.pairSummary(CLI, a, b);
      expect({ key, ...got }).toEqual({
        key,
        pair: [a, b],
        disputes: want.disputes.size,
        firstYear: Math.min(...want.years),
        lastYear: Math.max(...want.years),
        highestHostility: want.highest,
        wars: [...want.wars].sort((x, y) => x - y),
      });
    }
  }, 120_000);

  it("gives the README's figures for the Latin American pairs", async () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Disputes"), readme.indexOf("## Data and its sources"));
    const rows = [
      ...section.matchAll(/^\| ([A-Z]{3})–([A-Z]{3}) +\| (\d+) +\| (\d+) +\| (\d+) +\| (\d) +\| ([^|]+) \|$/gm),
    ];
    expect(rows.length).toBe(37);
    for (const [, a, b, count, first, last, highest, wars] of rows) {
      const summary = await disputes.pairSummary(CLI, a as string, b as string);
      expect({ key: `${a}–${b}`, ...summary }, `${a}–${b}`).toMatchObject({
        disputes: Number(count),
        firstYear: Number(first),
        lastYear: Number(last),
        highestHostility: Number(highest),
        wars: (wars as string).trim() === "—" ? [] : (wars as string).split(",").map((n) => Number(n.trim())),
      });
    }
  });

  it("changes nothing when run again, and says so", async () => {
    const before = await count("dispute_dyad_years");
    const audited = await count("audit_log WHERE action = 'import.apply'");
    const summary = await disputes.importGmlMid(CLI, fileText);
    expect(summary).toMatchObject({ rows: 10330, disputes: 2199, added: 0, updated: 0, unchanged: 2199, refused: [] });
    expect(summary.versions).toEqual(["gml-2.1.1"]);
    expect(await count("dispute_dyad_years")).toBe(before);
    expect(await count("disputes WHERE mid_number IS NOT NULL")).toBe(2199);
    expect(await count("audit_log WHERE action = 'import.apply'")).toBe(audited + 1);
  });

  it("updates a dispute a newer version changes, citing that version, and duplicates nothing", async () => {
    const lines = fileText.split("\n");
    const header = (lines[0] as string).split(",");
    const hostlev = header.indexOf("hostlev");
    // Dispute 2 (United States–United Kingdom, 1902–1903), as a later version might revise it.
    const revised = lines
      .map((line, index) => {
        if (index === 0 || !line.startsWith("2,")) return line;
        const cells = line.split(",");
        cells[hostlev] = "4";
        return cells.join(",").replace(/gml-2\.1\.1$/, "gml-2.2.1");
      })
      .join("\n");
    const summary = await disputes.importGmlMid(CLI, revised);
    expect(summary).toMatchObject({ disputes: 2199, added: 0, updated: 1, unchanged: 2198 });
    expect(summary.versions.sort()).toEqual(["gml-2.1.1", "gml-2.2.1"]);
    const updated = await disputes.get(CLI, "mid-2");
    expect(updated.dispute).toMatchObject({ hostility: 4, datasetVersion: "gml-2.2.1", sourceId: "gml-mid-2-2-1" });
    expect(await count("disputes WHERE mid_number = 2")).toBe(1);
    // And back: the original file restores it.
    expect(await disputes.importGmlMid(CLI, fileText)).toMatchObject({ updated: 1, unchanged: 2198 });
  });

  it("refuses lines it cannot read, naming the line and the reason, and keeps the rest", async () => {
    const [header] = fileText.split("\n");
    const good = "90001,100,101,2015,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9";
    const text = [
      header,
      good,
      "90001,101,100,2015,1,1,0,1,0,1,0,1,-9,-9,0,0,0,0,0,7,1,3,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9",
      "90002,100,999,2015,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9",
      "90003,100,101,2015,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,9,1,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9",
      "90004,100,101,20x5,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9",
      "90001,100,101,2016,1,1,1,0,1,0,1,0,-9,-9,0,0,0,0,7,0,3,1,1,1,7,5,10,12,5,3,0,0,3,4,0,1,1,0,gml-9.9",
      "90005,100,101",
    ].join("\n");
    const summary = await disputes.importGmlMid(CLI, text);
    expect(summary.refused.map((refusal) => [refusal.line, refusal.reason])).toEqual([
      [4, "COW code 999 has no entry in data/mappings/cow-iso.json"],
      [5, "hostlev1 9 is outside 1–5 (or -9, missing)"],
      [6, 'year "20x5" is not a whole number'],
      [7, "dispute 90001: hostlev is 5 here but 3 on line 2"],
      [8, "has 3 columns; the header has 39"],
    ]);
    expect(summary).toMatchObject({ disputes: 1, added: 1 });
    const read = await disputes.get(CLI, "mid-90001");
    expect(read.parties.map((party) => party.party)).toEqual(["COL", "VEN"]);
    expect(read.dyadYears).toHaveLength(1);
  });

  it("refuses a file that is not the dyad-year form, naming the columns it lacks, and writes nothing", async () => {
    const before = await count("disputes");
    await expect(disputes.importGmlMid(CLI, "dispnum,ccode1,ccode2,year\n1,2,200,1902\n")).rejects.toThrow(
      /lacks the columns sidea1, revstate1/,
    );
    expect(await count("disputes")).toBe(before);
  });
});
