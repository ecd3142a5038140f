/**
 * `concord menu`, `concord menu search` and `concord import menu`: the partnership menu from the
 * command line, against a real database with the starter data (and its menu, loaded on start).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";
import { MENU_CSV_COLUMNS } from "../domain/cooperation.ts";

let test: TestDatabase;
let env: Record<string, string>;
let folder: string;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-menu-"));
});
afterAll(async () => {
  await test?.drop();
  await fs.rm(folder, { recursive: true, force: true });
});

describe("concord import menu", () => {
  it("adds the good rows, lists the refused ones with why, and changes nothing the second time", async () => {
    const file = path.join(folder, "menu.csv");
    await fs.writeFile(
      file,
      [
        MENU_CSV_COLUMNS.join(","),
        "CLI-1,stratcom,seminar,Strategic communications seminar,Seminario de comunicaciones estratégicas,,,,,,,NATO StratCom Centre of Excellence,en,2,all-partners,2020-01-01,,true,",
        "CLI-2,stratcom,seminar,Another seminar,,,,,,,,NATO StratCom Centre of Excellence,en,2,all-partners,2020-13-01,,true,",
      ].join("\n"),
    );
    const first = await runConcord(["import", "menu", file], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${file}: 1 item(s) added, 0 changed, 0 unchanged, 1 row(s) refused.`);
    expect(first.stdout).toContain("  row 3 (CLI-2), since: must be a real calendar date written YYYY-MM-DD");
    const again = await runConcord(["import", "menu", file, "--lang", "es"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      "0 actividad(es) añadida(s), 0 modificada(s), 1 sin cambios, 1 fila(s) rechazada(s).",
    );
    expect(again.stdout).toContain("fila 3 (CLI-2), since: debe ser una fecha real del calendario escrita AAAA-MM-DD");
  });
});

describe("concord menu", () => {
  it("lists an area's items, named in the language asked for", async () => {
    const { code, stdout, stderr } = await runConcord(["menu", "--area", "stratcom", "--lang", "es"], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Menú de asociación de NATO el \d{4}-\d{2}-\d{2}: \d+ actividad\(es\)\./);
    expect(stdout).toMatch(
      /^CLI-1\s+Comunicaciones estratégicas\s+Seminario\s+Seminario de comunicaciones estratégicas\s/m,
    );
  });

  it("searches in any language and answers as the API does with --json", async () => {
    const { code, stdout, stderr } = await runConcord(["menu", "search", "SEMINARIO", "comunicaciones", "--json"], env);
    expect(code, stderr).toBe(0);
    const answer = JSON.parse(stdout) as { organization: string; total: number; items: Array<{ code: string }> };
    expect(answer.organization).toBe("NATO");
    expect(answer.items[0]?.code).toBe("CLI-1");
  });

  it("refuses an unknown area or a search without words", async () => {
    const area = await runConcord(["menu", "--area", "space"], env);
    expect(area.code).toBe(2);
    expect(area.stderr).toContain("--area: must be one of building-integrity, ");
    const words = await runConcord(["menu", "search"], env);
    expect(words.code).toBe(2);
    expect(words.stderr).toContain("Missing argument: the words to search the menu for.");
    expect(words.stderr).toContain("concord menu search <WORDS>");
  });
});
