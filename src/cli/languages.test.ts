/**
 * `concord … --lang fr`: the command's whole answer in the language asked for (headings, table
 * headers, refusals, outcomes), and CONCORD_LANG when no --lang is given.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";
import { DecisionsService } from "../services/decisions/decisions.ts";
import { CLI } from "../services/policies.ts";
import { RegistryWriter } from "../services/registry-writes.ts";
import { loadStarterDecisions } from "../services/starter/decisions.ts";

let test: TestDatabase;
let env: Record<string, string>;
let decisions: DecisionsService;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
  await loadStarterDecisions(test.db); // a no-op when the template has them already
  decisions = new DecisionsService(test.db, new RegistryWriter(), { instance: "test", reminderHours: [] });
});
afterAll(async () => {
  await test?.drop();
});

describe("concord --lang fr", () => {
  it("heads and labels a table in French", async () => {
    const { code, stdout, stderr } = await runConcord(["members", "NATO", "--at", "2004-03-29", "--lang", "fr"], env);
    expect(code, stderr).toBe(0);
    expect(stdout, stdout.slice(0, 300)).toMatch(
      /^Organisation du Traité de l'Atlantique Nord \(NATO\) au 2004-03-29 : \d+ relation\(s\)\n/,
    );
    expect(stdout.split("\n")[2]).toMatch(/^Code\s+Nom\s+Type\s+Depuis\s+Jusqu’à\s+Certitude\s+Sources/);
    expect(stdout).toContain("Allemagne");
  });

  it("refuses in French", async () => {
    const { code, stderr } = await runConcord(["relations", "ZZZ", "--lang", "fr"], env);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("Aucun État ni aucune organisation n’a le code ZZZ.");
    const usage = await runConcord(["members", "NATO", "--at", "2023-02-30", "--lang", "fr"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^--at : doit être une vraie date du calendrier écrite AAAA-MM-JJ \(reçu « 2023-02-30 »\)/,
    );
  });

  it("names the chairs and the procedures in French", async () => {
    const { code, stdout, stderr } = await runConcord(["bodies", "--lang", "fr"], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/organe\(s\) de décision/);
    expect(stdout).toMatch(/^Id\s+De\s+Nom\s+Présidence\s+Procédure par défaut/m);
    expect(stdout).toContain("Secrétaire général");
    expect(stdout).not.toContain("Secretary General");
  });

  it("gives an outcome and its explanation in French", async () => {
    const opened = await test.db.transaction((tx) =>
      decisions.open(CLI, { body: "mercosur-cmc", title: "Un texte", text: "Un texte à approuver." }, tx),
    );
    const { id } = opened.proposal;
    // Every State Party but the last concurs through the service; the last one through the command.
    const [lastState, ...others] = [...opened.members].reverse();
    for (const state of others) await decisions.recordPosition(CLI, id, { state, position: "concur" });
    const last = await runConcord(
      ["position", String(id), "--state", String(lastState), "--position", "concur", "--lang", "fr"],
      env,
    );
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toContain(`Position de `);
    expect(last.stdout).toContain(
      `La proposition ${id} est désormais adoptée (consensus.all-concurred) : Les ${opened.members.length} membres ont donné leur accord.`,
    );
    const shown = await runConcord(["proposal", String(id), "--lang", "fr"], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Proposition \d+ : Un texte/);
    expect(shown.stdout).toMatch(/^Résultat :\s+adoptée/m);
    expect(shown.stdout).toMatch(
      new RegExp(`^Motif :\\s+Les ${opened.members.length} membres ont donné leur accord\\.$`, "m"),
    );
  });
});

describe("concord help --lang es", () => {
  it("says what each command does in Spanish, the commands and options as they are typed", async () => {
    const { code, stdout } = await runConcord(["help", "--lang", "es"], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Concord — el registro de las asociaciones de una alianza\.\n\nUso:\n/);
    expect(stdout).toMatch(/^ {2}concord start +inicia el servidor/m);
    expect(stdout).toContain("concord proposals [--status open|closed] [--body ID] [--lang L] [--json]");
    expect(stdout).toContain("L es uno de en, es, pt, fr.");
    expect(stdout).not.toContain("start the server");
  });

  it("follows CONCORD_LANG too, and comes in the same language after a usage error", async () => {
    const french = await runConcord(["help"], { ...env, CONCORD_LANG: "fr" });
    expect(french.stdout).toMatch(/^ {2}concord start +démarre le serveur/m);
    const unknown = await runConcord(["frobnicate", "--lang", "pt"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ {2}concord start +inicia o servidor/m);
    const unreadable = await runConcord(["members", "--bogus", "--lang", "fr"], env);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^ {2}concord start +démarre le serveur/m);
  });
});

describe("CONCORD_LANG", () => {
  it("sets the language when --lang is not given, and --lang still wins", async () => {
    const spanish = await runConcord(["relations", "ZZZ"], { ...env, CONCORD_LANG: "es" });
    expect(spanish.stderr.trim()).toBe("Ningún Estado ni organización tiene el código ZZZ.");
    const portuguese = await runConcord(["relations", "ZZZ", "--lang", "pt"], { ...env, CONCORD_LANG: "es" });
    expect(portuguese.stderr.trim()).toBe("Nenhum Estado ou organização tem o código ZZZ.");
  });
});
