/**
 * The partnership menu against a real database: filters, search in the four languages whatever
 * the accents, eligibility on a day by the registry (in SQL, and the same as `isEligible`), and
 * the CSV import: its report, a refused row changing nothing, a second run changing nothing.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { isEligible, MENU_CSV_COLUMNS } from "../../domain/cooperation.ts";
import { render } from "../../domain/messages/index.ts";
import { InvalidRequestError } from "../errors.ts";
import type { Principal } from "../policies.ts";
import { loadStarterMenuOnce, STARTER_MENU_IMPORT } from "../starter/cooperation-menu.ts";
import { type MenuImportReport, type MenuItemInput, MenuService } from "./menu.ts";
import { standingOf } from "./standing.ts";

const IMPORTER: Principal = { kind: "system", name: "importer", organization: "NATO" };
const HEADER = MENU_CSV_COLUMNS.join(",");

/** A CSV row from the columns given (the others empty). */
function row(cells: Partial<Record<(typeof MENU_CSV_COLUMNS)[number], string>>): string {
  return MENU_CSV_COLUMNS.map((column) => {
    const value = cells[column] ?? "";
    return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }).join(",");
}

const ITEMS = [
  row({
    code: "CYB-101",
    area: "cyber-defence",
    type: "course",
    title_en: "Cyber defence fundamentals",
    title_es: "Fundamentos de ciberdefensa",
    title_pt: "Fundamentos de ciberdefesa",
    title_fr: "Fondamentaux de la cyberdéfense",
    description_en: "Protecting networks, in practice.",
    provider: "NATO School Oberammergau",
    languages: "en;fr",
    duration_days: "5",
    eligibility: "all-partners",
    since: "2015-01-01",
    illustrative: "true",
  }),
  row({
    code: "MAR-201",
    area: "maritime-security",
    type: "seminar",
    title_en: "Maritime security seminar",
    title_es: "Seminario de seguridad marítima",
    title_pt: "Seminário de segurança marítima",
    title_fr: "Séminaire de sûreté maritime",
    provider: "NATO Maritime Interdiction Operational Training Centre",
    languages: "en",
    eligibility: "framework:partners-across-the-globe",
    since: "2015-01-01",
    illustrative: "true",
  }),
  row({
    code: "PFP-301",
    area: "defence-education",
    type: "workshop",
    title_en: "Defence and society",
    title_es: "Defensa y sociedad",
    title_pt: "Defesa e sociedade",
    title_fr: "Défense et société",
    provider: "NATO Defense College",
    languages: "en;fr",
    eligibility: "framework:pfp",
    since: "2015-01-01",
    illustrative: "true",
  }),
  row({
    code: "BI-401",
    area: "building-integrity",
    type: "expert-visit",
    title_en: "Building integrity peer review",
    title_es: "Revisión por pares de integridad",
    provider: "NATO Building Integrity Programme",
    languages: "es",
    eligibility: "states:COL;BRA",
    since: "2015-01-01",
    illustrative: "true",
  }),
  row({
    code: "OLD-501",
    area: "crisis-management",
    type: "exercise",
    title_en: "Crisis management exercise",
    provider: "NATO School Oberammergau",
    languages: "en",
    since: "2010-01-01",
    until: "2016-01-01",
    illustrative: "true",
  }),
];
const CSV = `${HEADER}\r\n${ITEMS.join("\r\n")}\r\n`;

let test: TestDatabase;
let menu: MenuService;

async function importCsv(text: string): Promise<MenuImportReport> {
  return menu.importCsv(IMPORTER, "NATO", text);
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await test.db.execute(query);
  return z.object({ n: z.number() }).parse(result.rows[0]).n;
}

const menuAudit = () => count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'menu.%'`);

beforeAll(async () => {
  test = await createTestDatabase();
  menu = new MenuService(test.db);
  // These tests count and order what is on the menu: start from none (the template database has
  // the starter menu, and the starter programme that names its items; the last test loads it again).
  await test.db.execute(sql`TRUNCATE menu_items, programmes CASCADE`);
  await test.db.execute(sql`DELETE FROM imports WHERE name = ${STARTER_MENU_IMPORT}`);
  // A partnership that ended: Brazil, a partner across the globe from 2015 to the end of 2018.
  await test.db.execute(sql`
    INSERT INTO relations (subject_code, object_code, kind, framework_id, valid, since_precision, until_precision)
    VALUES ('BRA', 'NATO', 'partner',
      (SELECT id FROM frameworks WHERE organization_code = 'NATO' AND slug = 'partners-across-the-globe'),
      '[2015-01-01,2019-01-01)', 'day', 'day')`);
});
afterAll(async () => {
  await test?.drop();
});

describe("importing a menu", () => {
  it("adds every row, then changes nothing when the same file comes again", async () => {
    const before = await menuAudit();
    expect(await importCsv(CSV)).toEqual({ organization: "NATO", created: 5, updated: 0, unchanged: 0, refused: [] });
    // One entry per item added, and one for the import.
    expect(await menuAudit()).toBe(before + 6);
    expect(await importCsv(CSV)).toEqual({ organization: "NATO", created: 0, updated: 0, unchanged: 5, refused: [] });
    expect(await menuAudit()).toBe(before + 6);
  });

  it("reports each refused row by number, code and column, and writes nothing of it", async () => {
    const changed = ITEMS[0]?.replace("Cyber defence fundamentals", "Cyber defence: the fundamentals") ?? "";
    const file = [
      HEADER,
      changed, // row 2: a change, applied
      row({ code: "NEW-1", area: "space", type: "course", title_en: "X", provider: "P", since: "2024-01-01" }), // 3
      row({
        code: "MAR-201",
        area: "maritime-security",
        type: "seminar",
        title_en: "Renamed",
        provider: "P",
        since: "2024-02-30",
      }), // 4
      row({
        code: "NEW-2",
        area: "logistics",
        type: "course",
        title_en: "T".repeat(301),
        provider: "P",
        since: "2024-01-01",
      }), // 5
      row({
        code: "NEW-3",
        area: "logistics",
        type: "course",
        title_en: "Logistics",
        provider: "P",
        eligibility: "framework:nowhere",
        since: "2024-01-01",
      }), // 6
      changed, // 7: twice in the file
      "NEW-4,logistics,course", // 8: too few fields
      row({
        code: "NEW-5",
        area: "logistics",
        type: "course",
        title_en: "L",
        provider: "P",
        since: "2024-01-01",
        source: "no-such-source",
      }), // 9
      row({
        code: "NEW-6",
        area: "logistics",
        type: "course",
        title_en: "L",
        provider: "P",
        since: "2024-01-01",
        until: "2023-01-01",
      }), // 10
    ].join("\n");
    const report = await importCsv(file);
    expect(report.created).toBe(0);
    expect(report.updated).toBe(1);
    expect(report.refused.map(({ row, code, field }) => ({ row, code, field }))).toEqual([
      { row: 3, code: "NEW-1", field: "area" },
      { row: 4, code: "MAR-201", field: "since" },
      { row: 5, code: "NEW-2", field: "title_en" },
      { row: 6, code: "NEW-3", field: "eligibility" },
      { row: 7, code: "CYB-101", field: "code" },
      { row: 8, code: null, field: "row" },
      { row: 9, code: "NEW-5", field: "source" },
      { row: 10, code: "NEW-6", field: "until" },
    ]);
    const messages = report.refused.map((refusal) => render("es", refusal.message));
    expect(messages[1]).toBe("debe ser una fecha real del calendario escrita AAAA-MM-DD");
    expect(messages[2]).toBe("debe tener como máximo 300 caracteres");
    expect(render("en", report.refused[3]?.message ?? { key: "menu.csv_empty" })).toBe(
      'NATO has no framework "nowhere"',
    );
    expect(render("fr", report.refused[4]?.message ?? { key: "menu.csv_empty" })).toBe(
      "figure deux fois dans le fichier : d'abord à la ligne 2",
    );
    // Nothing of the refused rows: no new code, MAR-201 as it was.
    expect(await count(sql`SELECT count(*)::int AS n FROM menu_items WHERE code LIKE 'NEW-%'`)).toBe(0);
    const [maritime] = (await menu.list(IMPORTER, { lang: "en", at: "2020-01-01", q: "MAR-201" })).items;
    expect(maritime?.titles.en).toBe("Maritime security seminar");
    expect(maritime?.since).toBe("2015-01-01");
    // The change was applied; putting it back is one more change, then nothing.
    expect((await importCsv(CSV)).updated).toBe(1);
    expect((await importCsv(CSV)).unchanged).toBe(5);
  });

  it("refuses a file that is not the menu's CSV as a whole", async () => {
    await expect(importCsv("code,area\r\nX,logistics\r\n")).rejects.toThrow(/missing: type, title_en/);
    await expect(importCsv(`${HEADER}\r\n"CYB-101,open quote\r\n`)).rejects.toThrow(InvalidRequestError);
    await expect(importCsv("")).rejects.toThrow(/no header row/);
  });
});

describe("the menu's list", () => {
  const codes = async (query: Parameters<MenuService["list"]>[1]) =>
    (await menu.list(IMPORTER, query)).items.map((item) => item.code);

  it("shows the items on the menu on a day, filtered by area, type, provider and language", async () => {
    expect(await codes({ lang: "en", at: "2020-01-01" })).toEqual(["BI-401", "CYB-101", "PFP-301", "MAR-201"]);
    expect(await codes({ lang: "en", at: "2012-06-01" })).toEqual(["OLD-501"]);
    expect(await codes({ lang: "en", at: "2020-01-01", area: "cyber-defence" })).toEqual(["CYB-101"]);
    expect(await codes({ lang: "en", at: "2020-01-01", type: "seminar" })).toEqual(["MAR-201"]);
    expect(await codes({ lang: "en", at: "2020-01-01", provider: "oberammergau" })).toEqual(["CYB-101"]);
    expect(await codes({ lang: "en", at: "2020-01-01", language: "fr" })).toEqual(["CYB-101", "PFP-301"]);
  });

  it("counts every match and gives a page of them", async () => {
    const page = await menu.list(IMPORTER, { lang: "en", at: "2020-01-01", limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.code)).toEqual(["CYB-101", "PFP-301"]);
  });

  it("finds words in any of the four languages, whatever their accents and case", async () => {
    const at = "2020-01-01";
    expect((await codes({ lang: "es", at, q: "ciberdefensa" }))[0]).toBe("CYB-101");
    expect((await codes({ lang: "pt", at, q: "segurança" }))[0]).toBe("MAR-201");
    expect((await codes({ lang: "pt", at, q: "SEGURANCA maritima" }))[0]).toBe("MAR-201");
    // "Défense et société" by its words, and "cyberdéfense", which holds it, after.
    expect(await codes({ lang: "fr", at, q: "défense" })).toEqual(["PFP-301", "CYB-101"]);
    expect(await codes({ lang: "fr", at, q: "defense" })).toEqual(["PFP-301", "CYB-101"]);
    // Stemmed: the plural finds the singular.
    expect(await codes({ lang: "en", at, q: "seminars" })).toEqual(["MAR-201"]);
    // A word typed in part.
    expect(await codes({ lang: "es", at, q: "ciberdef" })).toEqual(["CYB-101"]);
    expect(await codes({ lang: "en", at, q: "zzzqqq" })).toEqual([]);
  });

  it("names the filter that is wrong", async () => {
    const refusal = (query: Parameters<MenuService["list"]>[1]) =>
      menu.list(IMPORTER, query).then(
        () => undefined,
        (error: InvalidRequestError) => error.field,
      );
    expect(await refusal({ lang: "en", area: "space" })).toBe("area");
    expect(await refusal({ lang: "en", at: "2024-02-30" })).toBe("at");
    expect(await refusal({ lang: "en", eligible: "ZZZ" })).toBe("eligible");
    expect(await refusal({ lang: "en", eligible: "NATO" })).toBe("eligible");
    expect(await refusal({ lang: "en", limit: 0 })).toBe("limit");
  });
});

describe("eligibility on a day", () => {
  const eligibleCodes = async (state: string, at: string) =>
    (await menu.list(IMPORTER, { lang: "en", at, eligible: state })).items.map((item) => item.code).sort();

  it("follows the registry: a state whose partnership ended is no longer eligible", async () => {
    expect(await eligibleCodes("BRA", "2018-01-01")).toEqual(["BI-401", "CYB-101", "MAR-201"]);
    expect(await eligibleCodes("BRA", "2019-01-01")).toEqual([]);
    expect((await menu.list(IMPORTER, { lang: "en", at: "2019-01-01", eligible: "BRA" })).total).toBe(0);
    // Colombia, a partner across the globe since 31 May 2018.
    expect(await eligibleCodes("COL", "2018-05-30")).toEqual([]);
    expect(await eligibleCodes("COL", "2018-05-31")).toEqual(["BI-401", "CYB-101", "MAR-201"]);
    // Austria, of the Partnership for Peace; the United States, an ally, not a partner.
    expect(await eligibleCodes("AUT", "2020-01-01")).toEqual(["CYB-101", "PFP-301"]);
    expect(await eligibleCodes("USA", "2020-01-01")).toEqual([]);
  });

  it("says the same in SQL as isEligible over the state's standing, for every item, state and day", async () => {
    const all = await test.db.execute(sql`SELECT id FROM menu_items WHERE organization_code = 'NATO'`);
    const ids = all.rows.map((value) => z.object({ id: z.coerce.number() }).parse(value).id);
    const disagreements: string[] = [];
    let eligibleSeen = 0;
    for (const state of ["COL", "BRA", "AUT", "SWE", "AFG", "EGY", "USA"])
      for (const day of ["2014-06-01", "2018-01-01", "2020-01-01", "2022-01-01", "2025-01-01"]) {
        const { partnerships } = await standingOf(test.db, state, "NATO", day);
        for (const id of ids) {
          const item = await menu.get(IMPORTER, id);
          const inSql = await menu.isEligibleOn(id, state, day);
          const inDomain = isEligible(item.eligibility, state, partnerships);
          const byEligibility = await menu.isEligibleOn(item, state, day);
          if (inSql) eligibleSeen += 1;
          if (inSql !== inDomain || byEligibility !== inDomain)
            disagreements.push(`${item.code} ${state} ${day}: sql ${inSql}, domain ${inDomain}`);
        }
      }
    expect(disagreements).toEqual([]);
    expect(eligibleSeen).toBeGreaterThan(10);
  });

  it("lists the states eligible for an item on a day", async () => {
    const [bi] = (await menu.list(IMPORTER, { lang: "en", at: "2020-01-01", q: "BI-401" })).items;
    expect(await menu.eligibleStates(bi?.id ?? 0, "2018-06-01")).toEqual(["BRA", "COL"]);
    expect(await menu.eligibleStates(bi?.id ?? 0, "2020-01-01")).toEqual(["COL"]);
  });
});

describe("writing one item", () => {
  const item: MenuItemInput = {
    organization: "NATO",
    code: "ONE-1",
    area: "logistics",
    type: "course",
    titles: { en: "Logistics course", fr: "Cours de logistique" },
    provider: "NATO School Oberammergau",
    since: "2024-01-01",
  };

  it("adds, changes and retires an item, auditing each", async () => {
    const created = await test.db.transaction((tx) => menu.create(IMPORTER, item, tx));
    expect(created).toMatchObject({
      code: "ONE-1",
      titles: { en: "Logistics course", es: null, fr: "Cours de logistique" },
    });
    await expect(test.db.transaction((tx) => menu.create(IMPORTER, item, tx))).rejects.toThrow(
      /already has an item ONE-1/,
    );
    const changed = await test.db.transaction((tx) =>
      menu.update(IMPORTER, created.id, { titles: { es: "Curso de logística" }, durationDays: 10 }, tx),
    );
    expect(changed.titles).toEqual({
      en: "Logistics course",
      es: "Curso de logística",
      pt: null,
      fr: "Cours de logistique",
    });
    expect(changed.durationDays).toBe(10);
    const retired = await test.db.transaction((tx) => menu.retire(IMPORTER, created.id, "2025-01-01", tx));
    expect(retired.until).toBe("2025-01-01");
    const actions = await test.db.execute(
      sql`SELECT action FROM audit_log WHERE object_type = 'menu_item' AND object_id = ${String(created.id)} ORDER BY id`,
    );
    expect(actions.rows.map((value) => z.object({ action: z.string() }).parse(value).action)).toEqual([
      "menu.item-create",
      "menu.item-update",
      "menu.item-retire",
    ]);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM menu_items`);
    const field = (input: MenuItemInput) =>
      test.db
        .transaction((tx) => menu.create(IMPORTER, { ...input, code: "BAD-1" }, tx))
        .then(
          () => "written",
          (error: InvalidRequestError) => error.field,
        );
    expect(await field({ ...item, area: "space" })).toBe("area");
    expect(await field({ ...item, since: "2024-13-01" })).toBe("since");
    expect(await field({ ...item, titles: { en: "x".repeat(301) } })).toBe("titles.en");
    expect(await field({ ...item, titles: { en: "  " } })).toBe("titles.en");
    expect(await field({ ...item, languages: ["english"] })).toBe("languages");
    expect(await field({ ...item, eligibility: { kind: "states", states: ["ZZZ"] } })).toBe("eligibility");
    expect(await field({ ...item, durationDays: 0 })).toBe("durationDays");
    expect(await count(sql`SELECT count(*)::int AS n FROM menu_items`)).toBe(before);
  });
});

describe("the starter menu", () => {
  it("loads data/starter/cooperation/menu.csv with no row refused, once", async () => {
    const first = await loadStarterMenuOnce(test.db);
    expect(first.loaded).toBe(true);
    expect(first.counts["menu items added"]).toBeGreaterThanOrEqual(60);
    expect(await loadStarterMenuOnce(test.db)).toEqual({ loaded: false, counts: {} });
  });
});
