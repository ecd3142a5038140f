/**
 * The `concord` command as a person or a script runs it, against a real database.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord, runShell } from "../../test/support/process.ts";
import { dataFile } from "../../test/support/data-files.ts";
import { presentMember } from "../api/presenters.ts";

const cowFile = dataFile("cow", "cow-states-2016.csv");

let test: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
});
afterAll(async () => {
  await test?.drop();
});

describe("a database that cannot be used", () => {
  it("is named in plain words, without its password or a stack trace", async () => {
    const missing = new URL(test.url);
    missing.pathname = "/no_such_database";
    const wrongPassword = new URL(test.url);
    wrongPassword.password = "secret-not-to-print";
    const cases = [
      ["postgres://concord:secret-not-to-print@127.0.0.1:1/concord", "nothing accepts connections there"],
      [wrongPassword.toString(), "the password was refused"],
      [missing.toString(), "no database of that name exists"],
    ] as const;
    for (const [url, why] of cases) {
      const { code, stderr } = await runConcord(["members", "NATO"], { DATABASE_URL: url });
      expect(code, stderr).toBe(1);
      expect(stderr).toContain(why);
      expect(stderr).toContain("Check DATABASE_URL.");
      expect(stderr).not.toContain("secret-not-to-print");
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe("a reader that stops early", () => {
  it("ends the command quietly with exit status 0: `concord … | true`", async () => {
    // `true` exits without reading, so every line concord prints meets a closed pipe. Through
    // bin/concord.mjs as a person runs it, with no build (other tests run this run's bundle).
    const bin = path.resolve(import.meta.dirname, "../../bin/concord.mjs");
    const { code, stdout, stderr } = await runShell(
      `"${process.execPath}" "${bin}" members NATO --at 2004-03-29 | true; echo "concord exited $\{PIPESTATUS[0]}"`,
      env,
    );
    expect(stdout.trim(), stderr).toBe("concord exited 0");
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
  });
});

describe("concord members", () => {
  it("prints a readable table of who stood in what relation on the date", async () => {
    const { code, stdout } = await runConcord(["members", "NATO", "--at", "2004-03-29"], env);
    expect(code).toBe(0);
    expect(stdout).toContain("North Atlantic Treaty Organization (NATO) as of 2004-03-29");
    const bulgaria = stdout.split("\n").find((line) => line.startsWith("BGR"));
    expect(bulgaria).toMatch(/^BGR\s+Bulgaria\s+member\s+2004-03-29\s+confirmed/);
    const rows = stdout.split("\n").filter((line) => /^[A-Z]{3}\s/.test(line));
    // Without --kind: the 26 members and the partners of that day.
    expect(rows.filter((line) => /\smember\s/.test(line))).toHaveLength(26);
    expect(rows.some((line) => /\spartner \(mediterranean-dialogue\)\s/.test(line))).toBe(true);
  });

  it("prints the API's JSON with --json", async () => {
    const { code, stdout } = await runConcord(
      ["members", "NATO", "--at", "2004-03-29", "--kind", "member", "--json"],
      env,
    );
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    const expected = (await test.registry.members("NATO", { at: "2004-03-29", kind: "member" })).members.map((member) =>
      presentMember(member, "en"),
    );
    expect(printed.organization).toBe("NATO");
    expect(new Set(printed.members.map((member: { code: string }) => member.code))).toEqual(
      new Set(expected.map((member) => member.code)),
    );
  });

  it("explains bad input and exits non-zero", async () => {
    const badDate = await runConcord(["members", "NATO", "--at", "2023-02-30"], env);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--at: must be a real calendar date written YYYY-MM-DD (got "2023-02-30")');
    const unknown = await runConcord(["members", "WARSAW"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No state or organisation has the code WARSAW");
    const missing = await runConcord(["members"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing argument: the organisation's code");
    const command = await runConcord(["frobnicate"], env);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe("concord relations", () => {
  it("shows Colombia's relations, designations included, in the chosen language", async () => {
    const { code, stdout } = await runConcord(["relations", "COL", "--at", "2023-01-01", "--lang", "fr"], env);
    expect(code).toBe(0);
    expect(stdout).toContain("Colombie (COL) au 2023-01-01 : ");
    expect(stdout).toMatch(/^Id\s+Sujet\s+Relation\s+Objet\s+Depuis\s+Jusqu’à\s+Certitude$/m);
    expect(stdout).toMatch(/COL\s+partner \(partners-across-the-globe\)\s+NATO\s+2018-05-31\s+disputed/);
    expect(stdout).toMatch(/COL\s+major-non-nato-ally\s+USA/);
  });
});

describe("concord import cow-states", () => {
  it("imports the real file, reports loaded and refused rows with reasons, and a re-run changes nothing", async () => {
    const first = await runConcord(["import", "cow-states", cowFile], env);
    expect(first.code).toBe(0);
    const loaded = Number(/(\d+) periods loaded/.exec(first.stdout)?.[1]);
    const refused = Number(/(\d+) refused/.exec(first.stdout)?.[1]);
    expect(first.stdout).toContain("Read 243 rows");
    expect(loaded + refused).toBe(243);
    expect(first.stdout).toMatch(/Ignored values in unnamed trailing columns on \d+ line\(s\): .*37/);
    expect(first.stdout).toMatch(/line \d+: Bavaria \(COW 245\) has no ISO 3166 code/);
    // Output goes to a pipe here: no progress bar.
    expect(first.stderr).not.toContain("[#");

    const second = await runConcord(["import", "cow-states", cowFile], env);
    expect(second.stdout).toContain(`0 periods loaded, ${loaded} already present, ${refused} refused`);
  });

  it("refuses a missing file and a file of another kind", async () => {
    const missing = await runConcord(["import", "cow-states", "/nonexistent.csv"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Cannot read /nonexistent.csv: no such file");
    const other = path.join(os.tmpdir(), `not-cow-${process.pid}.csv`);
    await fs.writeFile(other, "name,value\nx,1\n");
    const wrong = await runConcord(["import", "cow-states", other], env);
    await fs.rm(other);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("This is not the COW state system list");
    const kind = await runConcord(["import", "mids", other], env);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Unknown import "mids"');
  });
});

describe("concord help", () => {
  it("lists the commands", async () => {
    const { code, stdout } = await runConcord(["help"], env);
    expect(code).toBe(0);
    for (const command of [
      "concord start",
      "concord members",
      "concord relations",
      "concord import cow-states",
      "concord programmes",
      "concord programme <ID>",
      "concord menu search",
      "concord import menu",
    ])
      expect(stdout).toContain(command);
  });
});
