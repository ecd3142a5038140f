/**
 * `concord search`: the search box's service from the command line, against a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";

let test: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
});
afterAll(async () => {
  await test?.drop();
});

describe("concord search", () => {
  it("finds a state whatever its accents, named in the language asked for", async () => {
    const { code, stdout, stderr } = await runConcord(["search", "Colômbia", "--lang", "fr"], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Type\s+Id\s+Nom\s+Détail\s*$/m);
    expect(stdout).toMatch(/^État\s+COL\s+Colombie\s+COL\s*$/m);
  });

  it("takes several words as one text, and answers as the API does with --json", async () => {
    const { code, stdout, stderr } = await runConcord(["search", "partnership", "for", "peace", "--json"], env);
    expect(code, stderr).toBe(0);
    const answer = JSON.parse(stdout) as { q: string; lang: string; results: Array<{ kind: string; id: string }> };
    expect(answer.q).toBe("partnership for peace");
    expect(answer.lang).toBe("en");
    expect(answer.results).toContainEqual(expect.objectContaining({ kind: "framework", id: "pfp" }));
  });

  it("says so when nothing matches", async () => {
    const none = await runConcord(["search", "zzzqqq"], env);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout.trim()).toBe('Nothing found for "zzzqqq".');
    const spanish = await runConcord(["search", "zzzqqq", "--lang", "es"], env);
    expect(spanish.stdout.trim()).toBe('No se encontró nada para "zzzqqq".');
  });

  it("refuses a missing text or an unknown language", async () => {
    const missing = await runConcord(["search"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing argument: the text to search for");
    const language = await runConcord(["search", "col", "--lang", "de"], env);
    expect(language.code).toBe(2);
    expect(language.stderr).toContain("--lang: must be one of en, es, pt, fr");
  });
});
