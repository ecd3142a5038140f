import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { dataFile } from "../../../test/support/data-files.ts";
import { importCowStates, parseCowStates, readCowMapping, type CowMapping } from "./cow-states.ts";

const cowFile = dataFile("cow", "cow-states-2016.csv");
const text = fs.readFileSync(cowFile, "utf8");

let mapping: CowMapping;
let test: TestDatabase;
beforeAll(async () => {
  mapping = await readCowMapping();
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe("parseCowStates on the published file, junk columns included", () => {
  it("reads every row, refusing only states without an ISO code, each with its reason", () => {
    const parsed = parseCowStates(text, mapping);
    expect(parsed.rows).toBe(243);
    expect(parsed.periods.length + parsed.refused.length).toBe(243);
    for (const refusal of parsed.refused) expect(refusal.reason).toMatch(/no ISO 3166 code/);
    const bavaria = parsed.refused.find((refusal) => refusal.text.startsWith("BAV,245"));
    expect(bavaria?.reason).toContain("Bavaria (COW 245) has no ISO 3166 code");
  });

  it("reports the lines whose unnamed trailing columns carry values, such as #REF!", () => {
    const parsed = parseCowStates(text, mapping);
    expect(parsed.junkColumnLines).toContain(37); // PAR,150,Paraguay,…,#REF!,#REF!
    expect(parsed.junkColumnLines).not.toContain(2); // USA: empty trailing columns only
  });

  it("turns COW's last day into a half-open end, and the dataset's last day into an open end", () => {
    const parsed = parseCowStates(text, mapping);
    const cuba = parsed.periods.filter((period) => period.iso === "CUB");
    expect(cuba[0]).toMatchObject({ since: "1902-05-20", until: "1906-09-26" });
    expect(cuba.at(-1)).toMatchObject({ until: null });
    const germany = parsed.periods.filter((period) => period.iso === "DEU").map((period) => period.ccode);
    expect(new Set(germany)).toEqual(new Set([255, 260]));
  });

  it("refuses a file that is not the state list, and a row with a bad date, by line", () => {
    expect(() => parseCowStates("a,b,c\n1,2,3", mapping)).toThrow(
      /first line must start with the columns stateabb,ccode/,
    );
    const header = text.split("\n")[0];
    const parsed = parseCowStates(
      `${header}\nUSA,2,United States of America,1816,2,30,2016,12,31,2016\nXXX,9999,Nowhere,1900,1,1,1950,1,1,2016`,
      mapping,
    );
    expect(parsed.refused.map((refusal) => [refusal.line, refusal.reason])).toEqual([
      [2, "start 1816-2-30 is not a calendar date"],
      [3, "COW code 9999 (XXX) has no entry in data/mappings/cow-iso.json"],
    ]);
  });
});

describe("importCowStates", () => {
  const snapshot = async () =>
    (
      await test.db.execute(sql`
        SELECT string_agg(format('%s %s %s %s', actor_code, valid, source_id, cow_code), E'\n' ORDER BY actor_code, valid) AS periods,
               (SELECT string_agg(format('%s %s %s', code, cow_code, cow_abbrev), E'\n' ORDER BY code) FROM actors) AS actors
        FROM actor_periods`)
    ).rows[0];

  it("loads the periods, and a second run changes nothing", async () => {
    const progress: number[] = [];
    const first = await importCowStates(test.db, text, { mapping, onProgress: (done) => progress.push(done) });
    expect(first.loaded).toBeGreaterThan(200);
    expect(first.refused.length).toBe(243 - first.loaded);
    expect(progress.at(-1)).toBe(first.loaded);
    const afterFirst = await snapshot();

    const second = await importCowStates(test.db, text, { mapping });
    expect(second).toMatchObject({ loaded: 0, unchanged: first.loaded });
    expect(second.refused).toEqual(first.refused);
    expect(await snapshot()).toEqual(afterFirst);

    const germany = await test.registry.getActor("DEU");
    expect(germany.actor.cowCode).toBe(255);
    expect(germany.periods.map((period) => [period.since, period.until, period.cowCode])).toEqual([
      ["1816-01-01", "1945-05-09", 255],
      ["1955-05-05", "1990-10-03", 260],
      ["1990-10-03", null, 255],
    ]);
  });

  it("refuses a period that contradicts one already held, naming both", async () => {
    const header = text.split("\n")[0];
    const clash = await importCowStates(test.db, `${header}\nCUB,40,Cuba,1903,1,1,1905,1,1,2016`, { mapping });
    expect(clash.loaded).toBe(0);
    expect(clash.refused[0]?.reason).toMatch(
      /CUB \[1903-01-01,1905-01-02\) overlaps the period \[1902-05-20,1906-09-26\) from cow-state-system-2016/,
    );
  });
});
