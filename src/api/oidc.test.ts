import { serve, type ServerType } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import {
  Browser,
  startIdentityProvider,
  throughProvider,
  type TestIdentityProvider,
} from "../../test/support/identity-provider.ts";
import { until } from "../../test/support/wait.ts";
import { readOidcConfig, type OidcConfig } from "../config/oidc.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { OIDC_COOKIE, OidcService } from "../services/accounts/oidc.ts";
import { OwnAccountService } from "../services/accounts/own-account.ts";
import { SessionsService } from "../services/accounts/sessions.ts";
import { SignInLimits } from "../services/accounts/sign-in-limits.ts";
import { SignInService } from "../services/accounts/sign-in.ts";
import { RefusalLog } from "../services/audit/refusals.ts";
import { type AuthVariables, identify } from "./auth.ts";
import { handleError } from "./errors.ts";
import { oidcRoutes } from "./routes/oidc.ts";
import { sessionRoutes } from "./routes/session.ts";

/**
 * Concord's sign-in endpoints as app.ts mounts them (identify, then the routes under /api/v1),
 * over a real database, in front of a real OpenID Connect provider.
 */
function concordApp(database: TestDatabase, oidc: OidcService | undefined) {
  const sessions = new SessionsService(database.db);
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const limits = new SignInLimits(database.db);
  const refusals = new RefusalLog(database.db);
  app.use("/api/v1/*", identify(sessions, new OwnAccountService(database.db, sessions, limits, refusals)));
  const signIn = new SignInService(database.db, new AccountsService(database.db), sessions, limits, refusals);
  app.route("/api/v1", sessionRoutes({ sessions, signIn }));
  app.route("/api/v1", oidcRoutes({ oidc }));
  app.onError((error, c) => handleError(error, c, (line) => console.error(line)));
  return app;
}

type Instance = { url: string; server: ServerType; handle: (request: Request) => Response | Promise<Response> };

/** A listening server whose app is set later: the provider must know its address first. */
async function listen(): Promise<Instance> {
  const instance = {
    handle: (_request: Request): Response | Promise<Response> => new Response("not ready", { status: 503 }),
  } as Instance;
  instance.server = serve({ fetch: (request) => instance.handle(request), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => instance.server.once("listening", () => resolve()));
  instance.url = `http://127.0.0.1:${(instance.server.address() as AddressInfo).port}`;
  return instance;
}

const clientSecret = "a long client secret shared with the test provider";
let database: TestDatabase;
let idp: TestIdentityProvider;
let main: Instance;
let admins: Instance; // the same, with CONCORD_OIDC_ALLOW_ADMIN_CLAIM=true
let mainConfig: OidcConfig;

function configFor(publicUrl: string, extra: Record<string, string> = {}): OidcConfig {
  return readOidcConfig({
    CONCORD_OIDC_ISSUER: idp.issuer,
    CONCORD_OIDC_CLIENT_ID: "concord",
    CONCORD_OIDC_CLIENT_SECRET: clientSecret,
    CONCORD_OIDC_ORGANIZATION: "nato",
    CONCORD_OIDC_ROLE_CLAIM: "role",
    CONCORD_OIDC_SCOPES: "openid email profile concord",
    CONCORD_PUBLIC_URL: publicUrl,
    ...extra,
  })!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  main = await listen();
  admins = await listen();
  idp = await startIdentityProvider({
    clientId: "concord",
    clientSecret,
    redirectUris: [main, admins].map((instance) => `${instance.url}/api/v1/auth/oidc/callback`),
  });
  const sessions = new SessionsService(database.db);
  mainConfig = configFor(main.url);
  const oidc = new OidcService(database.db, sessions, mainConfig);
  await oidc.checkOrganization();
  main.handle = concordApp(database, oidc).fetch;
  admins.handle = concordApp(
    database,
    new OidcService(database.db, sessions, configFor(admins.url, { CONCORD_OIDC_ALLOW_ADMIN_CLAIM: "true" })),
  ).fetch;
});

afterAll(async () => {
  for (const instance of [main, admins]) instance?.server.close();
  await idp?.stop();
  await database?.drop();
});

let people = 0;
/** A person the provider knows, with a subject and address of their own. */
function person(claims: Record<string, unknown> = {}): { sub: string; email: string } {
  people += 1;
  const sub = `person-${people}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `${sub}@example.org`;
  idp.people.set(sub, { email, email_verified: true, name: `Person ${people}`, ...claims });
  return { sub, email };
}

/** Signs in through the provider in a fresh browser; returns the callback's answer and the browser. */
async function signIn(
  sub: string,
  options: { instance?: Instance; returnTo?: string; headers?: Record<string, string> } = {},
) {
  const instance = options.instance ?? main;
  const browser = new Browser();
  const query = options.returnTo === undefined ? "" : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const { start, callbackUrl } = await throughProvider(browser, `${instance.url}/api/v1/auth/oidc/start${query}`, sub);
  const callback = await browser.get(callbackUrl, options.headers);
  return { browser, start, callbackUrl, callback, session: browser.cookie(instance.url, "concord_session") };
}

async function sessionOf(browser: Browser, instance = main) {
  return (await browser.get(`${instance.url}/api/v1/session`)).json;
}

async function accountRow(email: string) {
  const result = await database.db.execute(sql`
    SELECT a.id, a.role, a.organization_code AS organization, d.state_code AS delegation, a.oidc_identity AS identity,
           a.display_name AS "displayName", a.password_hash IS NOT NULL AS "hasPassword"
    FROM accounts a LEFT JOIN delegations d ON d.id = a.delegation_id WHERE a.email = ${email}`);
  return result.rows[0] as
    | {
        id: string;
        role: string;
        organization: string;
        delegation: string | null;
        identity: string | null;
        displayName: string;
        hasPassword: boolean;
      }
    | undefined;
}

describe("GET /api/v1/auth/providers", () => {
  it("tells the UI single sign-on is on, and where to start it", async () => {
    const answer = await new Browser().get(`${main.url}/api/v1/auth/providers`);
    expect(answer.json).toEqual({ oidc: { enabled: true, startUrl: "/api/v1/auth/oidc/start" } });
  });

  it("says it is off, and the flow's endpoints answer 404, when single sign-on is not configured", async () => {
    const app = concordApp(database, undefined);
    expect(await (await app.request("/api/v1/auth/providers")).json()).toEqual({
      oidc: { enabled: false, startUrl: null },
    });
    const start = await app.request("/api/v1/auth/oidc/start");
    expect(start.status).toBe(404);
    expect((await start.json()).error.id).toBe("oidc_disabled");
  });
});

describe("the first sign-in", () => {
  it("creates the account in the delegation the claim names, with a session that works", async () => {
    const { sub, email } = person({ name: "Ada Lovelace", delegation: "fra" });
    const { start, callback, session, browser } = await signIn(sub, { returnTo: "/organizations/NATO?at=2004-03-29" });

    // The flow's secrets travel in a sealed, HttpOnly, SameSite=Lax cookie scoped to the flow.
    const flowCookie = start.setCookies.find((line) => line.startsWith(`${OIDC_COOKIE}=`))!;
    expect(flowCookie).toMatch(/; Max-Age=600; Path=\/api\/v1\/auth\/oidc; HttpOnly; SameSite=Lax$/);
    const authorization = new URL(start.location!);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    const sealed = Buffer.from(flowCookie.split(";")[0]!.slice(OIDC_COOKIE.length + 1), "base64url").toString("latin1");
    expect(sealed).not.toContain(authorization.searchParams.get("state"));
    expect(sealed).not.toContain("verifier");

    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${main.url}/organizations/NATO?at=2004-03-29`);
    expect(
      callback.setCookies.some((line) =>
        /^concord_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/.test(line),
      ),
    ).toBe(true);
    expect(callback.setCookies.some((line) => line.startsWith(`${OIDC_COOKIE}=; Max-Age=0`))).toBe(true);
    expect(session).toBeDefined();

    const signedIn = await sessionOf(browser);
    expect(signedIn.account).toMatchObject({
      email,
      displayName: "Ada Lovelace",
      organization: "NATO",
      role: "delegation-member",
      delegation: { state: "FRA" },
    });
    expect(signedIn.csrfToken).toEqual(expect.any(String));
    expect(await accountRow(email)).toMatchObject({ identity: `${idp.issuer} ${sub}`, hasPassword: false });
  });

  it("creates an analyst outside any delegation when the claim is absent, and goes to / by default", async () => {
    const { sub, email } = person();
    const { callback, browser } = await signIn(sub);
    expect(callback.location).toBe(`${main.url}/`);
    expect((await sessionOf(browser)).account).toMatchObject({ email, role: "analyst", delegation: null });
  });
});

describe("later sign-ins re-apply the claims", () => {
  it("moves the account to the delegation the provider now names, and out of any when it names none", async () => {
    const { sub, email } = person({ delegation: "FRA" });
    await signIn(sub);
    const before = await accountRow(email);
    expect(before).toMatchObject({ delegation: "FRA", role: "delegation-member" });

    idp.people.set(sub, { ...idp.people.get(sub), delegation: "DEU", name: "Renamed at the provider" });
    const moved = await signIn(sub);
    expect(moved.callback.status).toBe(302);
    expect(await accountRow(email)).toMatchObject({
      id: before!.id,
      delegation: "DEU",
      role: "delegation-member",
      displayName: "Renamed at the provider",
    });
    expect((await sessionOf(moved.browser)).account.delegation).toEqual({ state: "DEU" });

    idp.people.set(sub, { ...idp.people.get(sub), delegation: undefined });
    await signIn(sub);
    expect(await accountRow(email)).toMatchObject({ id: before!.id, delegation: null, role: "analyst" });

    // Each step is in the audit log: created, moved, moved out — and a sign-in that changed nothing is not.
    await signIn(sub);
    const audited = await database.db.execute(sql`
      SELECT action, before->>'delegationState' AS "from", after->>'delegationState' AS "to" FROM audit_log
      WHERE object_id = ${before!.id} AND action LIKE 'account.%' ORDER BY id`);
    expect(audited.rows).toEqual([
      { action: "account.sso-create", from: null, to: "FRA" },
      { action: "account.sso-claims", from: "FRA", to: "DEU" },
      { action: "account.sso-claims", from: "DEU", to: null },
    ]);
  });

  it("takes the role from the role claim when it is a Concord role, and ignores one that is not", async () => {
    const head = person({ delegation: "ITA", role: "delegation-head" });
    await signIn(head.sub);
    expect(await accountRow(head.email)).toMatchObject({ role: "delegation-head", delegation: "ITA" });

    const unknownRole = person({ delegation: "ITA", role: "overlord" });
    await signIn(unknownRole.sub);
    expect(await accountRow(unknownRole.email)).toMatchObject({ role: "delegation-member" });
  });

  it("refuses a role that contradicts the delegation claim, clearly", async () => {
    const { sub, email } = person({ role: "delegation-head" });
    const { callback, session } = await signIn(sub);
    expect(callback.status).toBe(403);
    expect(callback.json.error.id).toBe("oidc_role_conflict");
    expect(callback.json.error.message).toContain("delegation-head");
    expect(session).toBeUndefined();
    expect(await accountRow(email)).toBeUndefined();
  });
});

describe("the delegation claim", () => {
  it("refuses a code that is not a state in the registry, saying so, and creates nothing", async () => {
    for (const code of ["XYZ", "NATO", 42]) {
      const { sub, email } = person({ delegation: code });
      const { callback, session } = await signIn(sub);
      expect(callback.status, String(code)).toBe(403);
      expect(callback.json.error.id).toBe("oidc_delegation_unknown");
      expect(callback.json.error.message).toContain(String(code));
      expect(callback.json.error.message).toContain("delegation");
      expect(session).toBeUndefined();
      expect(await accountRow(email)).toBeUndefined();
    }
  });

  it("creates the state's delegation to the organisation when it is not there yet", async () => {
    const before = await database.db.execute(
      sql`SELECT 1 FROM delegations WHERE organization_code = 'NATO' AND state_code = 'ISL'`,
    );
    expect(before.rows).toHaveLength(0);
    const { sub } = person({ delegation: "ISL" });
    expect((await signIn(sub)).callback.status).toBe(302);
    const after = await database.db.execute(
      sql`SELECT 1 FROM delegations WHERE organization_code = 'NATO' AND state_code = 'ISL'`,
    );
    expect(after.rows).toHaveLength(1);
  });
});

describe("linking to an existing account by e-mail address", () => {
  async function passwordAccount(email: string, role = "analyst") {
    await database.db.execute(sql`
      INSERT INTO accounts (email, display_name, organization_code, role, password_hash)
      VALUES (${email}, 'Has a password', 'NATO', ${role}::account_role, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')`);
    return (await accountRow(email))!;
  }

  it("neither links nor creates when the provider does not say the address is verified, and answers alike either way", async () => {
    const answers = new Set<string>();
    for (const verified of [false, "true", undefined]) {
      for (const exists of [true, false]) {
        const { sub, email } = person({ email_verified: verified });
        const existing = exists ? await passwordAccount(email) : undefined;
        const { callback, session } = await signIn(sub);
        expect(callback.status, String(verified)).toBe(403);
        expect(callback.json.error.id).toBe("oidc_email_unverified");
        expect(callback.json.error.message).not.toContain(email);
        answers.add(JSON.stringify(callback.json));
        expect(session).toBeUndefined();
        expect(await accountRow(email)).toEqual(existing);
      }
    }
    expect(answers.size).toBe(1);
  });

  it("links when the provider says the address is verified: the same account, its password kept", async () => {
    const { sub, email } = person({ email: undefined, email_verified: true });
    idp.people.set(sub, { ...idp.people.get(sub), email: email.toUpperCase() });
    const existing = await passwordAccount(email);
    const { callback, browser } = await signIn(sub);
    expect(callback.status).toBe(302);
    expect(await accountRow(email)).toMatchObject({
      id: existing.id,
      hasPassword: true,
      identity: expect.stringMatching(new RegExp(` ${sub}$`)),
    });
    expect((await sessionOf(browser)).account.id).toBe(existing.id);
  });

  it("never links an account already linked to another identity", async () => {
    const first = person();
    await signIn(first.sub);
    const second = person({ email: first.email });
    const { callback } = await signIn(second.sub);
    expect(callback.status).toBe(409);
    expect(callback.json.error.id).toBe("oidc_identity_conflict");
  });
});

describe("refused sign-ins", () => {
  it("refuses a tampered state: 400, no session", async () => {
    const { sub } = person();
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
    const answer = await browser.get(tampered.href);
    expect(answer.status).toBe(400);
    expect(answer.json.error.id).toBe("oidc_failed");
    expect(answer.json.error.message).toMatch(/state/);
    expect(browser.cookie(main.url, "concord_session")).toBeUndefined();
  });

  it("refuses a replayed callback, with or without the flow's cookie", async () => {
    const { sub } = person();
    const browser = new Browser();
    const { start, callbackUrl } = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    const flowCookie = browser.cookie(main.url, OIDC_COOKIE)!;
    expect((await browser.get(callbackUrl)).status).toBe(302);
    expect(start.status).toBe(302);

    // The same browser again: the flow's cookie was spent.
    const again = await browser.get(callbackUrl);
    expect(again.status).toBe(400);
    expect(again.json.error.id).toBe("oidc_state_invalid");

    // Someone who kept a copy of the cookie: the provider refuses the used code.
    const attacker = new Browser();
    attacker.setCookie(main.url, OIDC_COOKIE, flowCookie, "/api/v1/auth/oidc");
    const replay = await attacker.get(callbackUrl);
    expect(replay.status).toBe(400);
    expect(replay.json.error.id).toBe("oidc_failed");
    expect(replay.json.error.message).toContain("invalid_grant");
    expect(attacker.cookie(main.url, "concord_session")).toBeUndefined();
  });

  it("refuses a callback from a sign-in started in another browser (login CSRF)", async () => {
    const { sub } = person();
    const { callbackUrl } = await throughProvider(new Browser(), `${main.url}/api/v1/auth/oidc/start`, sub);
    const victim = new Browser();
    await victim.get(`${main.url}/api/v1/auth/oidc/start`); // the victim has a flow cookie of their own
    const answer = await victim.get(callbackUrl);
    expect(answer.status).toBe(400);
    expect(victim.cookie(main.url, "concord_session")).toBeUndefined();
  });

  it("refuses an altered flow cookie and any nonsense query with a 4xx, never a 500", async () => {
    const browser = new Browser();
    await browser.get(`${main.url}/api/v1/auth/oidc/start`);
    const sealed = browser.cookie(main.url, OIDC_COOKIE)!;
    const flipped = Buffer.from(sealed, "base64url");
    flipped[20] = flipped[20]! ^ 1;
    browser.setCookie(main.url, OIDC_COOKIE, flipped.toString("base64url"), "/api/v1/auth/oidc");
    const altered = await browser.get(`${main.url}/api/v1/auth/oidc/callback?code=x&state=y`);
    expect(altered.status).toBe(400);
    expect(altered.json.error.id).toBe("oidc_state_invalid");

    const iss = encodeURIComponent(idp.issuer);
    const queries = [
      "",
      "?code=abc",
      "?state=a&state=b&code=c",
      "?error=server_error",
      "?code=%ZZ",
      `?code=${"x".repeat(5000)}`,
    ];
    // With the provider's issuer and this browser's own state, the checks go as far as the provider.
    const deeper = [
      `?iss=${iss}&state={state}`,
      `?iss=${iss}&state={state}&code=forged`,
      `?iss=${iss}&state={state}&error=access_denied`,
      `?iss=http%3A%2F%2Fevil.example&state={state}&code=x`,
    ];
    for (const query of [...queries, ...deeper]) {
      const fresh = new Browser();
      const start = await fresh.get(`${main.url}/api/v1/auth/oidc/start`);
      const state = new URL(start.location!).searchParams.get("state")!;
      const answer = await fresh.get(`${main.url}/api/v1/auth/oidc/callback${query.replace("{state}", state)}`);
      expect(answer.status, query).toBeGreaterThanOrEqual(400);
      expect(answer.status, query).toBeLessThan(500);
      expect(answer.json.error.id, query).toMatch(/^oidc_/);
    }
  });

  it("answers a browser with a page that says what went wrong", async () => {
    const answer = await new Browser().get(`${main.url}/api/v1/auth/oidc/callback?code=x`, {
      Accept: "text/html,application/xhtml+xml",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("<h1>Sign-in failed</h1>");
    expect(answer.text).toContain("Start the sign-in again.");
    expect(answer.text).toContain('href="/api/v1/auth/oidc/start"');
  });

  it("refuses when the person cancels at the provider", async () => {
    const { sub } = person();
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub, { abort: true });
    const answer = await browser.get(callbackUrl);
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatchObject({ id: "oidc_denied", message: expect.stringContaining("access_denied") });
  });

  it("refuses a disabled account, without applying the claims", async () => {
    const { sub, email } = person({ delegation: "FRA" });
    await signIn(sub);
    await database.db.execute(sql`UPDATE accounts SET disabled_at = now() WHERE email = ${email}`);
    idp.people.set(sub, { ...idp.people.get(sub), delegation: "DEU" });
    const { callback, session } = await signIn(sub);
    expect(callback.status).toBe(403);
    expect(callback.json.error.id).toBe("account_disabled");
    expect(session).toBeUndefined();
    expect(await accountRow(email)).toMatchObject({ delegation: "FRA" });
  });

  it("refuses a returnTo that leads off the site", async () => {
    for (const returnTo of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "evil",
      "/ok\nSet-Cookie: x=y",
    ]) {
      const answer = await new Browser().get(
        `${main.url}/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(answer.status, returnTo).toBe(400);
      expect(answer.json.error.message).toMatch(/^query\.returnTo: must be a path on this site/);
    }
  });

  it("answers 502 when the provider cannot be reached", async () => {
    const closed = await listen();
    closed.server.close();
    const config = { ...mainConfig, issuer: new URL(closed.url) };
    const app = concordApp(database, new OidcService(database.db, new SessionsService(database.db), config));
    const answer = await app.request("/api/v1/auth/oidc/start");
    expect(answer.status).toBe(502);
    expect((await answer.json()).error).toMatchObject({
      id: "oidc_unavailable",
      message: expect.stringContaining(closed.url),
    });
  });
});

describe("the administrator claim", () => {
  it("does not make an administrator unless CONCORD_OIDC_ALLOW_ADMIN_CLAIM=true", async () => {
    const { sub, email } = person({ role: "secretariat-admin" });
    const { browser } = await signIn(sub);
    expect((await sessionOf(browser)).account).toMatchObject({ email, role: "analyst" });

    const allowed = await signIn(sub, { instance: admins });
    expect((await sessionOf(allowed.browser, admins)).account).toMatchObject({ email, role: "secretariat-admin" });
    // And where it is allowed, the provider can take it away again.
    idp.people.set(sub, { ...idp.people.get(sub), role: "secretariat-staff" });
    await signIn(sub, { instance: admins });
    expect(await accountRow(email)).toMatchObject({ role: "secretariat-staff" });
  });

  it("leaves an administrator made in Concord one, whatever the claims say, when the claim is not trusted", async () => {
    const { sub, email } = person({ delegation: "FRA", role: "delegation-member" });
    await new AccountsService(database.db).createAdministrator({
      email,
      password: "a long enough secret",
      organizationCode: "NATO",
    });
    const { browser } = await signIn(sub);
    expect((await sessionOf(browser)).account).toMatchObject({ email, role: "secretariat-admin", delegation: null });
    idp.people.set(sub, { ...idp.people.get(sub), delegation: "XYZ", role: "analyst" });
    expect((await signIn(sub)).callback.status).toBe(302);
    expect(await accountRow(email)).toMatchObject({ role: "secretariat-admin", delegation: null });
  });
});

describe("several instances", () => {
  it("finishes on one instance a sign-in started on another: no memory shared but the configuration", async () => {
    const { sub, email } = person();
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    const other = concordApp(
      database,
      new OidcService(database.db, new SessionsService(database.db), configFor(main.url)),
    );
    const answer = await browser.get(callbackUrl, {}, (request) => other.fetch(request));
    expect(answer.status).toBe(302);
    expect((await sessionOf(browser)).account.email).toBe(email);
  });
});

describe("sessions", () => {
  it("ends the session the browser held before, as the password sign-in does", async () => {
    const { sub } = person();
    const browser = new Browser();
    const first = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    await browser.get(first.callbackUrl);
    const before = browser.cookie(main.url, "concord_session")!;
    const second = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    await browser.get(second.callbackUrl);
    const after = browser.cookie(main.url, "concord_session")!;
    expect(after).not.toBe(before);
    const stale = new Browser();
    stale.setCookie(main.url, "concord_session", before);
    expect((await sessionOf(stale)).account).toBeNull();
    expect((await sessionOf(browser)).account).not.toBeNull();
  });

  it("gives one account to a person whose first two sign-ins finish at the same moment", async () => {
    const { sub, email } = person({ delegation: "NOR" });
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, `${main.url}/api/v1/auth/oidc/start`, sub);
    // The other sign-in has inserted the account but not committed yet: this one's insert waits
    // on the unique index, then fails, and must find the other's account instead.
    const other = await database.pool.connect();
    try {
      await other.query("BEGIN");
      const inserted = await other.query<{ id: string }>(
        `INSERT INTO accounts (email, display_name, organization_code, role, oidc_identity) VALUES ($1, 'Other', 'NATO', 'analyst', $2) RETURNING id`,
        [email, `${idp.issuer} ${sub}`],
      );
      let settled = false;
      const pending = browser.get(callbackUrl).finally(() => {
        settled = true;
      });
      // Commit only once this sign-in waits on the other's uncommitted row (a state, not a time);
      // had it finished without waiting, the assertions below judge what it did.
      await until(
        "the sign-in's insert to wait on the other's uncommitted account",
        async () => {
          if (settled) return true;
          const waiting = await database.pool.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          return waiting.rowCount ? true : undefined;
        },
        25_000,
      );
      await other.query("COMMIT");
      const answer = await pending;
      expect(answer.status).toBe(302);
      expect((await sessionOf(browser)).account).toMatchObject({
        id: inserted.rows[0]!.id,
        delegation: { state: "NOR" },
      });
    } finally {
      other.release();
    }
  });
});

describe("a provider that puts the claims in the ID token and has no UserInfo", () => {
  it("maps them just the same", async () => {
    const instance = await listen();
    const other = await startIdentityProvider(
      { clientId: "concord", clientSecret, redirectUris: [`${instance.url}/api/v1/auth/oidc/callback`] },
      { idTokenOnly: true },
    );
    try {
      const config = readOidcConfig({
        CONCORD_OIDC_ISSUER: other.issuer,
        CONCORD_OIDC_CLIENT_ID: "concord",
        CONCORD_OIDC_CLIENT_SECRET: clientSecret,
        CONCORD_OIDC_ORGANIZATION: "NATO",
        CONCORD_OIDC_SCOPES: "openid email profile concord",
        CONCORD_PUBLIC_URL: instance.url,
      })!;
      instance.handle = concordApp(
        database,
        new OidcService(database.db, new SessionsService(database.db), config),
      ).fetch;
      const email = `id-token-only-${Math.random().toString(36).slice(2, 8)}@example.org`;
      other.people.set("someone", { email, email_verified: true, name: "In the ID token", delegation: "ESP" });
      const { browser, callback } = await signIn("someone", { instance });
      expect(callback.status).toBe(302);
      expect((await sessionOf(browser, instance)).account).toMatchObject({
        email,
        displayName: "In the ID token",
        delegation: { state: "ESP" },
      });
      expect(await accountRow(email)).toMatchObject({ identity: `${other.issuer} someone` });
    } finally {
      instance.server.close();
      await other.stop();
    }
  });
});

describe("the API description", () => {
  it("documents the endpoints", () => {
    const app = new OpenAPIHono();
    app.route("/", oidcRoutes({ oidc: undefined }));
    const document = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      "/auth/oidc/callback",
      "/auth/oidc/start",
      "/auth/providers",
    ]);
  });
});

describe("start-up", () => {
  it("refuses an organisation that is not one in the registry", async () => {
    const service = new OidcService(
      database.db,
      new SessionsService(database.db),
      configFor(main.url, { CONCORD_OIDC_ORGANIZATION: "FRA" }),
    );
    await expect(service.checkOrganization()).rejects.toThrow(
      "CONCORD_OIDC_ORGANIZATION: FRA is not an organisation in the registry",
    );
  });
});
