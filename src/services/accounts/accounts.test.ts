import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { runConcord } from "../../../test/support/process.ts";
import { hash } from "@node-rs/argon2";
import { AccountsService } from "./accounts.ts";
import { needsRehash, passwordProblem } from "./passwords.ts";
import { render } from "../../domain/messages/index.ts";

let test: TestDatabase;
let accounts: AccountsService;
beforeAll(async () => {
  test = await createTestDatabase();
  accounts = new AccountsService(test.db);
});
afterAll(async () => {
  await test?.drop();
});

const storedHash = async (email: string) =>
  (
    (await test.db.execute(sql`SELECT password_hash FROM accounts WHERE email = ${email}`)).rows[0] as {
      password_hash: string;
    }
  ).password_hash;

describe("createAdministrator", () => {
  it("stores an Argon2id hash with OWASP's parameters, never the password, and the address lower-cased", async () => {
    const account = await accounts.createAdministrator({
      email: "Ana.Admin@Example.ORG",
      password: "a long enough secret",
      organizationCode: "nato",
    });
    expect(account).toMatchObject({
      email: "ana.admin@example.org",
      role: "secretariat-admin",
      organizationCode: "NATO",
      delegationId: null,
    });
    const hash = await storedHash("ana.admin@example.org");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain("a long enough secret");
    expect(needsRehash(hash)).toBe(false);
  });

  it("refuses a second account for the same address, a short password, and an organisation that is not one", async () => {
    await expect(
      accounts.createAdministrator({
        email: "ANA.ADMIN@example.org",
        password: "another long secret",
        organizationCode: "NATO",
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("exists already"),
    });
    await expect(
      accounts.createAdministrator({ email: "b@example.org", password: "short", organizationCode: "NATO" }),
    ).rejects.toMatchObject({
      status: 400,
      message: "password: must be at least 12 characters long",
    });
    await expect(
      accounts.createAdministrator({
        email: "b@example.org",
        password: "a long enough secret",
        organizationCode: "COL",
      }),
    ).rejects.toMatchObject({
      // The service names the field in the domain's words; the CLI shows it as --organization (below).
      field: "organization",
      reason: expect.stringContaining("COL is not an organisation"),
    });
    await expect(
      accounts.createAdministrator({
        email: "not-an-address",
        password: "a long enough secret",
        organizationCode: "NATO",
      }),
    ).rejects.toMatchObject({
      field: "email",
      reason: expect.stringContaining("must be an e-mail address"),
    });
  });
});

describe("authenticate", () => {
  it("opens the account with the right password, in any letter case of the address", async () => {
    expect((await accounts.authenticate("ana.admin@EXAMPLE.org", "a long enough secret"))?.email).toBe(
      "ana.admin@example.org",
    );
  });

  it("answers the same for a wrong password, an unknown address and a disabled account", async () => {
    expect(await accounts.authenticate("ana.admin@example.org", "a long enough secreT")).toBeUndefined();
    expect(await accounts.authenticate("nobody@example.org", "a long enough secret")).toBeUndefined();
    await accounts.createAdministrator({
      email: "gone@example.org",
      password: "a long enough secret",
      organizationCode: "NATO",
    });
    await test.db.execute(sql`UPDATE accounts SET disabled_at = now() WHERE email = 'gone@example.org'`);
    expect(await accounts.authenticate("gone@example.org", "a long enough secret")).toBeUndefined();
  });

  it("replaces a hash made with weaker parameters at the next sign-in", async () => {
    const weak = "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$u1q5pdqFFdmvmo0E7Ie6KRMqdSw5kNWYyUdyZW2ZdnU";
    expect(needsRehash(weak)).toBe(true);
    // A hash as an older, weaker configuration would have made it.
    const old = await hash("a long enough secret", { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await test.db.execute(sql`UPDATE accounts SET password_hash = ${old} WHERE email = 'ana.admin@example.org'`);
    expect(await accounts.authenticate("ana.admin@example.org", "a long enough secret")).toBeDefined();
    expect(await storedHash("ana.admin@example.org")).toMatch(/m=19456,t=2,p=1/);
  });
});

describe("passwordProblem", () => {
  /** The problem in English, and in Spanish (passwordProblem gives a message of the catalogue). */
  const said = (password: string, lang: "en" | "es" = "en") => {
    const problem = passwordProblem(password);
    return problem && render(lang, problem);
  };

  it("names what is wrong with a new password", () => {
    expect(passwordProblem("x".repeat(12))).toBeUndefined();
    expect(said(" leading space ok?")).toBe("must not begin or end with spaces");
    expect(said(" leading space ok?", "es")).toBe("no debe empezar ni terminar con espacios");
    expect(said("x".repeat(1025))).toBe("must be at most 1024 characters long");
    // From the maintained list of common passwords, whatever the case or spacing.
    for (const common of ["1qaz2wsx3edc", "QWERTY123456", "qwerty 123456"])
      expect(said(common)).toMatch(/is one of the most common passwords/);
    expect(passwordProblem("a long enough secret")).toBeUndefined();
  });
});

describe("concord admin create", () => {
  it("reads the password from standard input and creates the administrator", async () => {
    const created = await runConcord(
      ["admin", "create", "--email", "first@example.org", "--organization", "UNASUR", "--name", "First Admin"],
      { DATABASE_URL: test.url },
      { input: "correct horse battery\n" },
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created first@example.org, secretariat administrator of UNASUR/);
    expect(await accounts.authenticate("first@example.org", "correct horse battery")).toBeDefined();
  });

  it("has no way to pass the password as an argument, and explains what is missing", async () => {
    const argument = await runConcord(
      ["admin", "create", "--email", "x@example.org", "--organization", "NATO", "--password", "a long enough secret"],
      { DATABASE_URL: test.url },
    );
    expect(argument.code).toBe(2);
    expect(argument.stderr).toContain("Unknown option '--password'");
    const missing = await runConcord(
      ["admin", "create", "--organization", "NATO"],
      { DATABASE_URL: test.url },
      { input: "" },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email is required");
    const weak = await runConcord(
      ["admin", "create", "--email", "x@example.org", "--organization", "NATO"],
      { DATABASE_URL: test.url },
      { input: "short" },
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("password: must be at least 12 characters long");
  });
});

describe("concord admin auditor", () => {
  it("makes an account a system auditor, and back an analyst, audited; only here, never through the API", async () => {
    // Not UNASUR's last administrator: that one is refused, so nobody is locked out.
    expect(
      (await runConcord(["admin", "auditor", "--email", "first@example.org"], { DATABASE_URL: test.url })).stderr,
    ).toContain("last active administrator");
    await accounts.createAdministrator({
      email: "second@example.org",
      password: "correct horse battery",
      organizationCode: "UNASUR",
    });
    const made = await runConcord(["admin", "auditor", "--email", "first@example.org"], { DATABASE_URL: test.url });
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("first@example.org is a system auditor");
    expect((await accounts.authenticate("first@example.org", "correct horse battery"))?.role).toBe("system-auditor");
    const back = await runConcord(["admin", "auditor", "--email", "first@example.org", "--revoke"], {
      DATABASE_URL: test.url,
    });
    expect(back.code).toBe(0);
    expect((await accounts.authenticate("first@example.org", "correct horse battery"))?.role).toBe("analyst");
    const audited = await test.db.execute(
      sql`SELECT action, actor, organization FROM audit_log WHERE action LIKE 'account.%-auditor' ORDER BY id`,
    );
    expect(audited.rows).toEqual([
      { action: "account.grant-auditor", actor: "cli", organization: "UNASUR" },
      { action: "account.revoke-auditor", actor: "cli", organization: "UNASUR" },
    ]);
    const unknown = await runConcord(["admin", "auditor", "--email", "nobody@example.org"], { DATABASE_URL: test.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("--email: no account has the address nobody@example.org");
  });
});
