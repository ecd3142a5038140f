import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { until } from "../../test/support/wait.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { LIMITS, SignInLimits } from "../services/accounts/sign-in-limits.ts";

let concord: TestConcord;
const password = "a long enough secret";
beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  await accounts.createAdministrator({ email: "admin@example.org", password, organizationCode: "NATO" });
  await accounts.createAdministrator({ email: "limited@example.org", password, organizationCode: "NATO" });
});
afterAll(async () => {
  await concord?.stop();
});

type Answer = { status: number; body: any; cookie: string | undefined; setCookie: string | null; headers: Headers };

async function call(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] ??= "application/json";
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.csrf) headers["X-CSRF-Token"] = options.csrf;
  const response = await fetch(concord.baseUrl + path, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  const setCookie = response.headers.get("set-cookie");
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    cookie: setCookie?.split(";")[0],
    setCookie,
    headers: response.headers,
  };
}

const signIn = (email: string, secret: string, cookie?: string) =>
  call("POST", "/api/v1/session", { body: { email, password: secret }, cookie });

describe("signing in", () => {
  it("sets an HttpOnly, SameSite session cookie and says who is signed in", async () => {
    const answer = await signIn("Admin@Example.org", password);
    expect(answer.status).toBe(200);
    expect(answer.body.account).toMatchObject({
      email: "admin@example.org",
      role: "secretariat-admin",
      organization: "NATO",
      delegation: null,
    });
    expect(answer.body.account.passwordHash).toBeUndefined();
    expect(answer.setCookie).toMatch(/^concord_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = await call("GET", "/api/v1/session", { cookie: answer.cookie });
    expect(session.body).toEqual({
      account: answer.body.account,
      abilities: answer.body.abilities,
      csrfToken: answer.body.csrfToken,
    });
    expect(session.body.abilities).toEqual({
      registry: { write: true },
      administration: { manage: true },
      audit: { read: true, all: false },
      account: { manage: true, passwordChangeRequired: false },
      decisions: { read: true, chair: true, speakFor: null },
      documents: { read: true, upload: true, manageClearances: true },
    });
    const anonymous = await call("GET", "/api/v1/session");
    expect(anonymous.body.abilities).toEqual({
      registry: { write: false },
      administration: { manage: false },
      audit: { read: false, all: false },
      account: { manage: false, passwordChangeRequired: false },
      decisions: { read: false, chair: false, speakFor: null },
      documents: { read: false, upload: false, manageClearances: false },
    });
  });

  it("marks the cookie Secure when served over HTTPS", async () => {
    const answer = await call("POST", "/api/v1/session", {
      body: { email: "admin@example.org", password },
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(answer.setCookie).toContain("; Secure");
  });

  it("answers a wrong password and an unknown address identically", async () => {
    const wrong = await signIn("admin@example.org", "not the password!");
    const unknown = await signIn("nobody@example.org", password);
    expect(wrong.status).toBe(401);
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: wrong.status, body: wrong.body });
    expect(wrong.body.error).toEqual({
      id: "invalid_credentials",
      code: "auth.invalid_credentials",
      message: "The e-mail address or the password is wrong.",
    });
    expect(wrong.setCookie).toBeNull();
  });

  it("rotates the session at sign-in: the cookie held before opens nothing any more", async () => {
    const first = await signIn("admin@example.org", password);
    const second = await signIn("admin@example.org", password, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await call("GET", "/api/v1/session", { cookie: first.cookie })).body.account).toBeNull();
    expect((await call("GET", "/api/v1/session", { cookie: second.cookie })).body.account.email).toBe(
      "admin@example.org",
    );
  });

  it("accepts only JSON, which another site's form cannot send", async () => {
    for (const contentType of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const answer = await call("POST", "/api/v1/session", {
        body: `email=admin%40example.org&password=${encodeURIComponent(password)}`,
        headers: { "Content-Type": contentType },
      });
      expect(answer.status, contentType).toBeGreaterThanOrEqual(400);
      expect(answer.status, contentType).toBeLessThan(500);
      expect(answer.setCookie, contentType).toBeNull();
    }
  });

  it("refuses malformed bodies with a message naming the field", async () => {
    const missing = await call("POST", "/api/v1/session", { body: { email: "admin@example.org" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^json\.password: /);
    const broken = await call("POST", "/api/v1/session", { body: "{not json" });
    expect(broken.status).toBe(400);
    expect(broken.body.error.id).toBe("invalid_request");
  });
});

describe("a session", () => {
  it("signs out only with its CSRF token, and then opens nothing", async () => {
    const session = await signIn("admin@example.org", password);
    const forged = await call("DELETE", "/api/v1/session", { cookie: session.cookie });
    expect(forged.status).toBe(403);
    expect(forged.body.error.id).toBe("csrf_failed");
    const wrongToken = await call("DELETE", "/api/v1/session", { cookie: session.cookie, csrf: "x".repeat(43) });
    expect(wrongToken.status).toBe(403);
    const out = await call("DELETE", "/api/v1/session", { cookie: session.cookie, csrf: session.body.csrfToken });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^concord_session=; Max-Age=0/);
    expect((await call("GET", "/api/v1/session", { cookie: session.cookie })).body.account).toBeNull();
    const audited = await concord.database.db.execute(sql`
      SELECT action FROM audit_log WHERE object_id = ${session.body.account.id} AND action LIKE 'session.%' ORDER BY id DESC LIMIT 2`);
    expect(audited.rows).toEqual([{ action: "session.end" }, { action: "session.start" }]);
  });

  it("sees a change of role made in the database (as by another instance), and ends when the account is disabled", async () => {
    const session = await signIn("admin@example.org", password);
    // Made in SQL, not through this server: heard through NOTIFY, so waited for, not assumed
    // (through the API it holds on the very next request: test/accounts/session-cache.test.ts).
    const account = () =>
      call("GET", "/api/v1/session", { cookie: session.cookie }).then((answer) => answer.body.account);
    try {
      await concord.database.db.execute(sql`UPDATE accounts SET role = 'analyst' WHERE email = 'admin@example.org'`);
      await until("the role change to be heard", async () =>
        (await account())?.role === "analyst" ? true : undefined,
      );
      await concord.database.db.execute(sql`UPDATE accounts SET disabled_at = now() WHERE email = 'admin@example.org'`);
      await until("the disabling to be heard", async () => ((await account()) === null ? true : undefined));
    } finally {
      await concord.database.db.execute(
        sql`UPDATE accounts SET role = 'secretariat-admin', disabled_at = NULL WHERE email = 'admin@example.org'`,
      );
    }
  });

  it("ends with every other session of the account when they are all ended (as on a password change)", async () => {
    const a = await signIn("admin@example.org", password);
    const b = await signIn("admin@example.org", password);
    const account = (await call("GET", "/api/v1/session", { cookie: a.cookie })).body.account;
    await concord.server.runtime.services.sessions.endAll(account.id);
    for (const session of [a, b])
      expect((await call("GET", "/api/v1/session", { cookie: session.cookie })).body.account).toBeNull();
  });
});

describe("sign-in rate limit", () => {
  it("answers 429 with Retry-After after repeated failures from one address, even to the right password", async () => {
    for (let attempt = 0; attempt < LIMITS.perAddressAndEmail; attempt++) {
      expect((await signIn("limited@example.org", `wrong password ${attempt}`)).status).toBe(401);
    }
    const limited = await signIn("limited@example.org", password);
    expect(limited.status).toBe(429);
    expect(limited.body.error.id).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same address is not held back by this one's failures.
    expect((await signIn("admin@example.org", password)).status).toBe(200);
  });

  it("lets no more than the limit of guesses be checked, however many arrive at once", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, n) => signIn("parallel@example.org", `wrong guess ${n}`)),
    );
    const statuses = guesses.map((guess) => guess.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(LIMITS.perAddressAndEmail);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - LIMITS.perAddressAndEmail);
  });

  it("counts a right password against nobody", async () => {
    for (let attempt = 0; attempt < LIMITS.perAddressAndEmail + 2; attempt++)
      expect((await signIn("admin@example.org", password)).status).toBe(200);
  });

  it("does not lock the owner out: the same account from another address may still sign in", async () => {
    const limits = new SignInLimits(concord.database.db);
    for (let attempt = 0; attempt < LIMITS.perAddressAndEmail; attempt++)
      expect(await limits.attempt("203.0.113.7", { email: "owner@example.org" })).toHaveProperty("attempt");
    expect(await limits.attempt("203.0.113.7", { email: "owner@example.org" })).toEqual({ wait: expect.any(Number) });
    expect(await limits.attempt("198.51.100.20", { email: "owner@example.org" })).toHaveProperty("attempt");
  });
});
