/**
 * The partnership menu over HTTP against a real server and the starter data: the public list and
 * its search, the secretariat's writes and CSV import (its report in the reader's language, a
 * second run changing nothing), the CSV export read back by the import unchanged, and bad input
 * refused with a 400 that names the field and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvRows } from "../../test/support/csv.ts";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { type Person, signInAs } from "../../test/support/people.ts";
import { MENU_CSV_COLUMNS } from "../domain/cooperation.ts";

let concord: TestConcord;
let natoStaff: Person;

const HEADER = MENU_CSV_COLUMNS.join(",");
const FILE = [
  HEADER,
  "T-CYB,cyber-defence,course,Cyber defence for beginners,Ciberdefensa para principiantes,Ciberdefesa para principiantes,La cyberdéfense pour débutants,,,,,NATO School Oberammergau,en;es,5,all-partners,2020-01-01,,true,",
  'T-MAR,maritime-security,seminar,"Maritime security, in practice",Seguridad marítima en la práctica,Segurança marítima na prática,La sûreté maritime en pratique,"Boarding, search and ""seizure"".",,,,NATO Maritime Interdiction Operational Training Centre,en,3,framework:partners-across-the-globe,2020-01-01,,true,',
].join("\r\n");

async function anonymous(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, { headers });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null,
  };
}

async function importCsv(person: Person, text: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${concord.baseUrl}/api/v1/menu/import?organization=NATO`, {
    method: "POST",
    headers: { Cookie: person.cookie, "X-CSRF-Token": person.csrf, "Content-Type": "text/csv", ...headers },
    body: text,
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  concord = await startConcord();
  natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
});
afterAll(async () => {
  await concord?.stop();
});

describe("the menu's import over HTTP", () => {
  it("adds the rows, reports refusals in the reader's language, and changes nothing the second time", async () => {
    const first = await importCsv(natoStaff, FILE);
    expect(first).toEqual({
      status: 200,
      body: { organization: "NATO", created: 2, updated: 0, unchanged: 0, refused: [] },
    });
    const withBadRow = `${FILE}\r\nT-BAD,space,course,X,,,,,,,,P,en,,all-partners,2024-01-01,,false,\r\n`;
    const second = await importCsv(natoStaff, withBadRow, { "Accept-Language": "es" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(second.body.refused).toEqual([
      { row: 4, code: "T-BAD", field: "area", message: expect.stringMatching(/^debe ser uno de building-integrity, /) },
    ]);
    expect((await anonymous("/api/v1/menu/999999")).status).toBe(404);
  });

  it("refuses a body that is not CSV, naming it", async () => {
    const response = await natoStaff.send("POST", "/api/v1/menu/import", { code: "X" });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("body: must be the CSV file itself, sent as text/csv");
    const columns = await importCsv(natoStaff, "code,title\r\nX,Y\r\n");
    expect(columns.status).toBe(400);
    expect(columns.body.error.message).toMatch(/^body: must have exactly the menu's columns \(missing: area, type,/);
  });
});

describe("reading the menu", () => {
  it("is public: NATO's menu by default, titles in the reader's language", async () => {
    const answer = await anonymous("/api/v1/menu?q=CIBERDEFENSA%20principiantes&lang=es&at=2024-01-01");
    expect(answer.status).toBe(200);
    expect(answer.body.organization).toBe("NATO");
    expect(answer.body.at).toBe("2024-01-01");
    expect(answer.body.items[0]).toMatchObject({
      code: "T-CYB",
      title: "Ciberdefensa para principiantes",
      titles: { en: "Cyber defence for beginners", fr: "La cyberdéfense pour débutants" },
      languages: ["en", "es"],
      durationDays: 5,
      eligibility: { kind: "all-partners" },
      since: "2020-01-01",
      until: null,
      illustrative: true,
      source: null,
    });
    const french = await anonymous("/api/v1/menu?q=s%C3%BBret%C3%A9%20pratique&at=2024-01-01", {
      "Accept-Language": "fr-FR",
    });
    expect(french.body.items[0]).toMatchObject({ code: "T-MAR", title: "La sûreté maritime en pratique" });
  });

  it("keeps to what a state may take part in on the day, counts included", async () => {
    const all = await anonymous("/api/v1/menu?at=2024-01-01&limit=1");
    expect(all.body.total).toBeGreaterThan(2);
    expect(all.body.items).toHaveLength(1);
    const ally = await anonymous("/api/v1/menu?at=2024-01-01&eligible=USA");
    expect(ally.body).toMatchObject({ total: 0, items: [] });
    const colombia = await anonymous("/api/v1/menu?at=2024-01-01&eligible=COL&q=T-MAR");
    expect(colombia.body.items.map((item: { code: string }) => item.code)).toContain("T-MAR");
    const egypt = await anonymous("/api/v1/menu?at=2024-01-01&eligible=EGY&q=T-MAR");
    expect(egypt.body.items.map((item: { code: string }) => item.code)).not.toContain("T-MAR");
  });

  it("gives the import's own format as CSV, which imports back changing nothing", async () => {
    const csv = await anonymous("/api/v1/menu?format=csv&at=2024-01-01");
    expect(csv.status).toBe(200);
    const rows = parseCsvRows(csv.text.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([...MENU_CSV_COLUMNS]);
    expect(rows.find((row) => row[0] === "T-MAR")?.[7]).toBe('Boarding, search and "seizure".');
    const again = await importCsv(natoStaff, csv.text);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: rows.length - 1, refused: [] });
  });

  it("names the query parameter that is wrong", async () => {
    const area = await anonymous("/api/v1/menu?area=space");
    expect(area.status).toBe(400);
    expect(area.body.error.message).toMatch(/^query\.area: /);
    const eligible = await anonymous("/api/v1/menu?eligible=ZZZ");
    expect(eligible.status).toBe(400);
    expect(eligible.body.error.message).toBe("query.eligible: no state has the code ZZZ");
    expect((await anonymous("/api/v1/menu?organization=ZZZ")).status).toBe(404);
  });
});

describe("writing one item", () => {
  const valid = {
    organization: "NATO",
    code: "T-ONE",
    area: "demining",
    type: "workshop",
    titles: { en: "Humanitarian demining workshop", es: "Taller de desminado humanitario" },
    provider: "International Demining Centre",
    languages: ["es", "en"],
    eligibility: { kind: "states", states: ["COL"] },
    since: "2024-01-01",
  };
  const total = async () => (await anonymous("/api/v1/menu?at=2024-06-01&limit=1")).body.total as number;

  it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
    const before = await total();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...valid, area: "space" }, /^json\.area: /],
      [{ ...valid, since: "2024-02-30" }, /^json\.since: must be a real calendar date/],
      [{ ...valid, titles: { en: "x".repeat(301) } }, /^json\.titles\.en: must be at most 300 characters/],
      [{ ...valid, until: "2023-12-31" }, /^body\.until: must come after the first day on the menu \(2024-01-01\)/],
      [
        { ...valid, eligibility: { kind: "framework", framework: "nowhere" } },
        /^body\.eligibility: NATO has no framework "nowhere"/,
      ],
      [{ ...valid, source: "no-such-source" }, /^body\.source: /],
    ];
    for (const [body, message] of cases) {
      const answer = await natoStaff.send("POST", "/api/v1/menu", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    expect(await total()).toBe(before);
  });

  it("adds, changes and retires an item", async () => {
    const created = await natoStaff.send("POST", "/api/v1/menu", valid, { "Accept-Language": "es" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "T-ONE", title: "Taller de desminado humanitario", durationDays: null });
    const taken = await natoStaff.send("POST", "/api/v1/menu", valid);
    expect(taken.status).toBe(409);
    const retired = await natoStaff.send("PATCH", `/api/v1/menu/${created.body.id}`, { until: "2025-01-01" });
    expect(retired.status).toBe(200);
    expect(retired.body.until).toBe("2025-01-01");
    expect((await anonymous(`/api/v1/menu?at=2025-01-01&q=T-ONE`)).body.items).toEqual([]);
    const empty = await natoStaff.send("PATCH", `/api/v1/menu/${created.body.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("body: names nothing to change");
  });
});
