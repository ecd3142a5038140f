import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";

let concord: TestConcord;
const password = "a long enough secret";
type Session = { cookie: string; csrf: string };

async function request(
  method: string,
  path: string,
  options: { body?: unknown; session?: Session; bearer?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.session) Object.assign(headers, { Cookie: options.session.cookie, "X-CSRF-Token": options.session.csrf });
  if (options.bearer !== undefined) headers.Authorization = `Bearer ${options.bearer}`;
  const response = await fetch(concord.baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function signIn(email: string, secret = password): Promise<Session> {
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: secret }),
  });
  return {
    cookie: response.headers.get("set-cookie")!.split(";")[0]!,
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

let staff: Session;
beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  await accounts.createAdministrator({ email: "staff@example.org", password, organizationCode: "NATO" });
  await accounts.createAdministrator({ email: "other@example.org", password, organizationCode: "NATO" });
  await concord.database.db.execute(
    sql`UPDATE accounts SET role = 'secretariat-staff' WHERE email = 'staff@example.org'`,
  );
  staff = await signIn("staff@example.org");
});
afterAll(async () => {
  await concord?.stop();
});

const source = (id: string) => ({ id, title: "Token test", publisher: "Test" });

describe("API tokens", () => {
  let token: string;
  let tokenId: string;

  it("are shown once, at creation, and stored only as a hash", async () => {
    const created = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "import script", scopes: ["registry:write"], expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    token = created.body.token;
    tokenId = created.body.apiToken.id;
    expect(token).toMatch(/^concord_[\w-]{43}$/);
    expect(created.body.apiToken).toMatchObject({ name: "import script", scopes: ["registry:write"], revokedAt: null });
    const listed = await request("GET", "/api/v1/account/tokens", { session: staff });
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(8));
    const stored = await concord.database.db.execute(sql`SELECT encode(token_hash, 'hex') AS hash FROM api_tokens`);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    const audited = await concord.database.db.execute(
      sql`SELECT after FROM audit_log WHERE action = 'token.create' AND object_id = ${tokenId}`,
    );
    const after = (audited.rows[0] as { after: Record<string, unknown> }).after;
    expect(after.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.stringify(after)).not.toContain(token);
  });

  it("act as their account within their scopes, with no CSRF token needed", async () => {
    expect((await request("POST", "/api/v1/sources", { bearer: token, body: source("by-token") })).status).toBe(201);
    const session = await request("GET", "/api/v1/session", { bearer: token });
    expect(session.body).toMatchObject({ account: { email: "staff@example.org" }, csrfToken: null });
  });

  it("cannot do what their scopes leave out, nor manage the account", async () => {
    const readOnly = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "reader", scopes: ["audit:read"] },
    });
    const denied = await request("POST", "/api/v1/sources", { bearer: readOnly.body.token, body: source("denied") });
    expect(denied.status).toBe(403);
    const minting = await request("POST", "/api/v1/account/tokens", {
      bearer: token,
      body: { name: "more", scopes: ["registry:write"] },
    });
    expect(minting.status).toBe(403);
  });

  it("stop working when revoked or expired, with a clear 401", async () => {
    expect((await request("DELETE", `/api/v1/account/tokens/${tokenId}`, { session: staff })).status).toBe(204);
    const revoked = await request("POST", "/api/v1/sources", { bearer: token, body: source("after-revoke") });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.id).toBe("invalid_token");
    expect(revoked.headers.get("www-authenticate")).toContain("Bearer");
    const expiring = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "short", scopes: ["registry:write"], expiresInDays: 1 },
    });
    await concord.database.db.execute(
      sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'short'`,
    );
    expect((await request("GET", "/api/v1/session", { bearer: expiring.body.token })).status).toBe(401);
    expect((await request("GET", "/api/v1/session", { bearer: "concord_not-a-real-token" })).status).toBe(401);
  });

  it("answers another account's token as missing", async () => {
    const other = await signIn("other@example.org");
    const theirs = await request("POST", "/api/v1/account/tokens", {
      session: other,
      body: { name: "theirs", scopes: ["audit:read"] },
    });
    const attempt = await request("DELETE", `/api/v1/account/tokens/${theirs.body.apiToken.id}`, { session: staff });
    expect(attempt.status).toBe(404);
    expect((await request("GET", "/api/v1/session", { bearer: theirs.body.token })).status).toBe(200);
    expect((await request("DELETE", "/api/v1/account/tokens/not-a-uuid", { session: staff })).status).toBe(400);
  });

  it("refuses malformed requests by field", async () => {
    const noScope = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "x", scopes: [] },
    });
    expect(noScope.body.error.message).toContain("json.scopes: name at least one scope");
    const badScope = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "x", scopes: ["everything"] },
    });
    expect(badScope.body.error.message).toMatch(/^json\.scopes\.0: /);
    const tooLong = await request("POST", "/api/v1/account/tokens", {
      session: staff,
      body: { name: "x", scopes: ["audit:read"], expiresInDays: 1000 },
    });
    expect(tooLong.body.error.message).toMatch(/^json\.expiresInDays: /);
  });
});

describe("changing one's password", () => {
  it("needs the current password, ends every session, and keeps this browser signed in with a new one", async () => {
    const elsewhere = await signIn("staff@example.org");
    const wrong = await request("PUT", "/api/v1/account/password", {
      session: staff,
      body: { currentPassword: "not it at all", newPassword: "a brand new secret" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("json.currentPassword: is not your current password");
    const weak = await request("PUT", "/api/v1/account/password", {
      session: staff,
      body: { currentPassword: password, newPassword: "short" },
    });
    expect(weak.body.error.message).toBe("json.newPassword: must be at least 12 characters long");
    const common = await request("PUT", "/api/v1/account/password", {
      session: staff,
      body: { currentPassword: password, newPassword: "Qwerty123456" },
    });
    expect(common.status).toBe(400);
    expect(common.body.error.message).toBe(
      "json.newPassword: is one of the most common passwords, which attackers try first: choose another",
    );

    const response = await fetch(`${concord.baseUrl}/api/v1/account/password`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: staff.cookie, "X-CSRF-Token": staff.csrf },
      body: JSON.stringify({ currentPassword: password, newPassword: "a brand new secret" }),
    });
    expect(response.status).toBe(200);
    const fresh = {
      cookie: response.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
    };
    for (const old of [staff, elsewhere])
      expect((await request("GET", "/api/v1/session", { session: old })).body.account).toBeNull();
    expect((await request("GET", "/api/v1/session", { session: fresh })).body.account.email).toBe("staff@example.org");
    expect((await signIn("staff@example.org", "a brand new secret")).cookie).toMatch(/^concord_session=/);
    const audited = await concord.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.password'`,
    );
    expect((audited.rows[0] as { n: number }).n).toBe(1);
  });
});

describe("asking for the password again", () => {
  let person: Session;
  beforeAll(async () => {
    await new AccountsService(concord.database.db).createAdministrator({
      email: "again@example.org",
      password,
      organizationCode: "NATO",
    });
    person = await signIn("again@example.org");
  });
  const signedInMinutesAgo = (minutes: number) =>
    concord.database.db.execute(sql`
      UPDATE sessions SET created_at = now() - make_interval(mins => ${minutes})
      WHERE account_id = (SELECT id FROM accounts WHERE email = 'again@example.org')`);

  it("lets a token be made without it just after signing in, and asks for it (403) once the sign-in is older", async () => {
    expect(
      (
        await request("POST", "/api/v1/account/tokens", {
          session: person,
          body: { name: "fresh", scopes: ["audit:read"] },
        })
      ).status,
    ).toBe(201);
    await signedInMinutesAgo(30);
    const asked = await request("POST", "/api/v1/account/tokens", {
      session: person,
      body: { name: "later", scopes: ["audit:read"] },
    });
    expect(asked.status).toBe(403);
    expect(asked.body.error).toMatchObject({
      id: "reauthentication_required",
      message: expect.stringMatching(/json\.password/),
    });
    const wrong = await request("POST", "/api/v1/account/tokens", {
      session: person,
      body: { name: "later", scopes: ["audit:read"], password: "not the password at all" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("json.password: is not your password");
    const confirmed = await request("POST", "/api/v1/account/tokens", {
      session: person,
      body: { name: "later", scopes: ["audit:read"], password },
    });
    expect(confirmed.status).toBe(201);
    const made = await concord.database.db.execute(
      sql`SELECT name FROM api_tokens WHERE account_id = (SELECT id FROM accounts WHERE email = 'again@example.org') ORDER BY created_at`,
    );
    expect(made.rows).toEqual([{ name: "fresh" }, { name: "later" }]);
  });

  it("limits wrong passwords like sign-ins: five are checked, then 429 with Retry-After, even for the right one", async () => {
    // The wrong password of the test above counted too: start a fresh window.
    await concord.database.db.execute(sql`DELETE FROM sign_in_failures`);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        request("PUT", "/api/v1/account/password", {
          session: person,
          body: { currentPassword: `wrong guess ${n}`, newPassword: "a brand new secret" },
        }),
      ),
    );
    expect(guesses.filter((guess) => guess.status === 400)).toHaveLength(5);
    expect(guesses.filter((guess) => guess.status === 429)).toHaveLength(7);
    const right = await request("PUT", "/api/v1/account/password", {
      session: person,
      body: { currentPassword: password, newPassword: "a brand new secret" },
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    const refused = await concord.database.db.execute(sql`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'password.refused' AND actor = (SELECT id::text FROM accounts WHERE email = 'again@example.org')`);
    expect((refused.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });

  it("on a password change, says how many tokens remain, or revokes them when asked", async () => {
    // A fresh window of guesses: the last test's are spent.
    await concord.database.db.execute(sql`DELETE FROM sign_in_failures`);
    const keep = await request("PUT", "/api/v1/account/password", {
      session: person,
      body: { currentPassword: password, newPassword: "a second new secret" },
    });
    expect(keep.status, JSON.stringify(keep.body)).toBe(200);
    expect(keep.body).toMatchObject({ tokensRevoked: 0, tokensRemaining: 2 });
    const renewed = { cookie: keep.headers.get("set-cookie")!.split(";")[0]!, csrf: keep.body.csrfToken };
    const revoke = await request("PUT", "/api/v1/account/password", {
      session: renewed,
      body: { currentPassword: "a second new secret", newPassword: "a third new secret", revokeTokens: true },
    });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ tokensRevoked: 2, tokensRemaining: 0 });
  });
});
