import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { readOidcConfig } from "../config/oidc.ts";
import { AccountsRepository } from "../db/repositories/accounts.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { AdministrationService } from "../services/accounts/administration.ts";
import type { Principal } from "../services/policies.ts";

let concord: TestConcord;
const password = "a long enough secret";
type Session = { cookie: string; csrf: string };

async function request(method: string, path: string, options: { body?: unknown; session?: Session } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.session) Object.assign(headers, { Cookie: options.session.cookie, "X-CSRF-Token": options.session.csrf });
  const response = await fetch(concord.baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(email: string): Promise<Session> {
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return {
    cookie: response.headers.get("set-cookie")!.split(";")[0]!,
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

/** As if its owner had replaced the temporary password an administrator gave (tested in "temporary passwords"). */
async function passwordChosen(email: string): Promise<void> {
  await concord.database.db.execute(sql`UPDATE accounts SET password_temporary = false WHERE email = ${email}`);
}

let natoAdmin: Session;
let unasurAccountId: string;
beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  await accounts.createAdministrator({ email: "admin@nato.example", password, organizationCode: "NATO" });
  unasurAccountId = (
    await accounts.createAdministrator({ email: "admin@unasur.example", password, organizationCode: "UNASUR" })
  ).id;
  natoAdmin = await signIn("admin@nato.example");
});
afterAll(async () => {
  await concord?.stop();
});

describe("administration of accounts, delegations and roles", () => {
  let headId: string;

  it("creates accounts in the administrator's organisation, checking role and delegation together", async () => {
    const head = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: {
        email: "Head@Colombia.example",
        displayName: "Head of delegation",
        role: "delegation-head",
        delegation: "col",
        password,
      },
    });
    expect(head.status).toBe(201);
    expect(head.body.account).toMatchObject({
      email: "head@colombia.example",
      organization: "NATO",
      role: "delegation-head",
      delegation: { state: "COL" },
      disabled: false,
      hasPassword: true,
    });
    headId = head.body.account.id;
    const noDelegation = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "x@example.org", displayName: "X", role: "delegation-member" },
    });
    expect(noDelegation.body.error.message).toContain("json.delegation: a delegation-member speaks for a state");
    const staffWithDelegation = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "x@example.org", displayName: "X", role: "secretariat-staff", delegation: "COL" },
    });
    expect(staffWithDelegation.body.error.message).toContain("belongs to no delegation");
    const organisation = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "x@example.org", displayName: "X", role: "delegation-head", delegation: "EUX" },
    });
    expect(organisation.body.error.message).toContain("json.delegation: EUX is not a state in the registry");
    expect(
      (
        await request("POST", "/api/v1/admin/accounts", {
          session: natoAdmin,
          body: { email: "head@colombia.example", displayName: "Again", role: "analyst" },
        })
      ).status,
    ).toBe(409);
    const delegations = await request("GET", "/api/v1/admin/delegations", { session: natoAdmin });
    expect(delegations.body.delegations).toEqual([{ id: expect.any(Number), state: "COL", accounts: 1 }]);
    // Made with the account, and audited as such; recording it again changes nothing.
    const again = await request("POST", "/api/v1/admin/delegations", { session: natoAdmin, body: { state: "COL" } });
    expect(again.status).toBe(200);
    const made = await concord.database.db.execute(sql`SELECT after FROM audit_log WHERE action = 'delegation.create'`);
    expect(made.rows).toEqual([{ after: { organization: "NATO", state: "COL" } }]);
  });

  it("lists only its own organisation's accounts, and records the read in the audit log", async () => {
    const listed = await request("GET", "/api/v1/admin/accounts", { session: natoAdmin });
    expect(listed.body.accounts.map((account: { email: string }) => account.email)).toEqual([
      "admin@nato.example",
      "head@colombia.example",
    ]);
    const reads = await concord.database.db.execute(
      sql`SELECT details FROM audit_log WHERE action = 'account.list' AND object_id = 'NATO'`,
    );
    expect(reads.rows).toHaveLength(1);
  });

  it("answers another organisation's account as missing", async () => {
    const foreign = await request("PATCH", `/api/v1/admin/accounts/${unasurAccountId}`, {
      session: natoAdmin,
      body: { role: "analyst" },
    });
    const absent = await request("PATCH", "/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000", {
      session: natoAdmin,
      body: { role: "analyst" },
    });
    expect(foreign.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(foreign.body.error.message.replace(unasurAccountId, "ID")).toBe(
      absent.body.error.message.replace("00000000-0000-4000-8000-000000000000", "ID"),
    );
    expect(
      (await request("PATCH", "/api/v1/admin/accounts/not-a-uuid", { session: natoAdmin, body: { role: "analyst" } }))
        .status,
    ).toBe(404);
  });

  it("puts a change of role or delegation in force on the account's next request, and a disabled account out", async () => {
    const head = await signIn("head@colombia.example");
    expect((await request("GET", "/api/v1/session", { session: head })).body.account.delegation).toEqual({
      state: "COL",
    });
    await request("PATCH", `/api/v1/admin/accounts/${headId}`, {
      session: natoAdmin,
      body: { delegation: "AUS", role: "delegation-member" },
    });
    expect((await request("GET", "/api/v1/session", { session: head })).body.account).toMatchObject({
      role: "delegation-member",
      delegation: { state: "AUS" },
    });
    await request("PATCH", `/api/v1/admin/accounts/${headId}`, { session: natoAdmin, body: { disabled: true } });
    expect((await request("GET", "/api/v1/session", { session: head })).body.account).toBeNull();
    const audited = await concord.database.db.execute(
      sql`SELECT before, after FROM audit_log WHERE action = 'account.update' AND object_id = ${headId} ORDER BY id`,
    );
    const [moved] = audited.rows as Array<{
      before: { delegationState: string; passwordHash?: string };
      after: { delegationState: string };
    }>;
    expect(moved!.before.delegationState).toBe("COL");
    expect(moved!.after.delegationState).toBe("AUS");
    expect(JSON.stringify(audited.rows)).not.toContain("$argon2id");
  });

  it("makes delegations only of states the registry relates to the organisation today", async () => {
    // Argentina is no NATO member or partner: no NATO administrator can speak of a delegation of it.
    const unrelated = await request("POST", "/api/v1/admin/delegations", {
      session: natoAdmin,
      body: { state: "ARG" },
    });
    expect(unrelated.status).toBe(400);
    expect(unrelated.body.error.message).toMatch(/^json\.state: the registry relates ARG to NATO in no way today/);
    const asAccount = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "arg@example.org", displayName: "A", role: "delegation-head", delegation: "ARG" },
    });
    expect(asAccount.status).toBe(400);
    expect(asAccount.body.error.message).toMatch(/^json\.delegation: the registry relates ARG to NATO in no way today/);
    // Japan is a NATO partner, the United States a member.
    for (const state of ["JPN", "USA"])
      expect((await request("POST", "/api/v1/admin/delegations", { session: natoAdmin, body: { state } })).status).toBe(
        201,
      );
    const listed = (await request("GET", "/api/v1/admin/delegations", { session: natoAdmin })).body;
    expect(listed.delegations.map((delegation: { state: string }) => delegation.state)).not.toContain("ARG");
    // What may be recorded, for the form to offer: NATO's members and partners today, not Argentina.
    expect(listed.eligible).toEqual(expect.arrayContaining(["USA", "JPN", "COL", "AUS"]));
    expect(listed.eligible).not.toContain("ARG");
  });

  it("ends a disabled account's sessions and revokes its tokens for good: enabling it again brings neither back", async () => {
    const created = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "leaver@nato.example", displayName: "Leaver", role: "secretariat-staff", password },
    });
    await passwordChosen("leaver@nato.example");
    const leaver = await signIn("leaver@nato.example");
    const token = (
      await request("POST", "/api/v1/account/tokens", {
        session: leaver,
        body: { name: "script", scopes: ["registry:write"], password },
      })
    ).body.token as string;
    const asToken = () =>
      fetch(`${concord.baseUrl}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } }).then(
        (response) => response.status,
      );
    expect(await asToken()).toBe(200);

    await request("PATCH", `/api/v1/admin/accounts/${created.body.account.id}`, {
      session: natoAdmin,
      body: { disabled: true },
    });
    expect(await asToken()).toBe(401);
    await request("PATCH", `/api/v1/admin/accounts/${created.body.account.id}`, {
      session: natoAdmin,
      body: { disabled: false },
    });
    expect(await asToken()).toBe(401);
    expect((await request("GET", "/api/v1/session", { session: leaver })).body.account).toBeNull();
    const rows = await concord.database.db.execute(sql`
      SELECT (SELECT count(*)::int FROM sessions WHERE account_id = ${created.body.account.id}) AS sessions,
             (SELECT count(*)::int FROM api_tokens WHERE account_id = ${created.body.account.id} AND revoked_at IS NULL) AS tokens`);
    expect(rows.rows[0]).toEqual({ sessions: 0, tokens: 0 });
    const audited = await concord.database.db.execute(
      sql`SELECT details FROM audit_log WHERE action = 'account.update' AND object_id = ${created.body.account.id} ORDER BY id`,
    );
    expect(audited.rows[0]).toEqual({ details: { sessionsEnded: 1, tokensRevoked: 1 } });
  });

  it("never leaves an organisation without an active administrator", async () => {
    const me = (await request("GET", "/api/v1/session", { session: natoAdmin })).body.account.id;
    const demote = await request("PATCH", `/api/v1/admin/accounts/${me}`, {
      session: natoAdmin,
      body: { role: "secretariat-staff" },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toContain("last active administrator");
  });

  it("is for administrators only: 401 for nobody, 403 for other roles", async () => {
    expect((await request("GET", "/api/v1/admin/accounts")).status).toBe(401);
    await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "staff@nato.example", displayName: "Staff", role: "secretariat-staff", password },
    });
    await passwordChosen("staff@nato.example");
    const staff = await signIn("staff@nato.example");
    expect((await request("GET", "/api/v1/admin/accounts", { session: staff })).status).toBe(403);
    expect((await request("GET", "/api/v1/audit", { session: staff })).status).toBe(403);
  });
});

describe("the audit log over HTTP", () => {
  it("gives an administrator their own organisation's entries only", async () => {
    const unasurAdmin = await signIn("admin@unasur.example");
    const theirs = await request("GET", "/api/v1/audit?limit=200", { session: unasurAdmin });
    expect(theirs.status).toBe(200);
    expect(theirs.body.entries.length).toBeGreaterThan(0);
    expect(theirs.body.entries.every((entry: { organization: string | null }) => entry.organization === "UNASUR")).toBe(
      true,
    );
    // NATO's changes are not there, however they are asked for.
    for (const query of ["action=account.update", "objectType=delegation", "actor=admin@nato.example"]) {
      expect((await request("GET", `/api/v1/audit?${query}`, { session: unasurAdmin })).body.entries).toEqual([]);
    }
    const ours = await request("GET", "/api/v1/audit?limit=200", { session: natoAdmin });
    expect(ours.body.entries.every((entry: { organization: string | null }) => entry.organization === "NATO")).toBe(
      true,
    );
  });

  it("lets administrators search it, newest first, by action, object and actor", async () => {
    const all = await request("GET", "/api/v1/audit?limit=5", { session: natoAdmin });
    expect(all.status).toBe(200);
    const ids = all.body.entries.map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const updates = await request("GET", "/api/v1/audit?action=account.update&actor=admin@nato.example", {
      session: natoAdmin,
    });
    expect(updates.body.entries.length).toBeGreaterThanOrEqual(2);
    expect(
      updates.body.entries.every(
        (entry: { action: string; actorEmail: string }) =>
          entry.action === "account.update" && entry.actorEmail === "admin@nato.example",
      ),
    ).toBe(true);
    const page = await request("GET", `/api/v1/audit?limit=2&beforeId=${ids[1]}`, { session: natoAdmin });
    expect(page.body.entries.every((entry: { id: number }) => entry.id < ids[1])).toBe(true);
    const bad = await request("GET", "/api/v1/audit?from=yesterday", { session: natoAdmin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.from: must be a date/);
  });

  it("says whether the chain verifies, and gives anyone the latest signed head", async () => {
    const verdict = await request("GET", "/api/v1/audit/verify", { session: natoAdmin });
    expect(verdict.body).toMatchObject({
      ok: true,
      count: expect.any(Number),
      head: { entryId: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const head = await request("GET", "/api/v1/audit/head");
    expect(head.status).toBe(200);
    expect(head.body).toHaveProperty("head");
  });
});

describe("accounts that sign in only through single sign-on", () => {
  it("are refused, naming the password, while single sign-on is not configured for the organisation", async () => {
    const listed = await request("GET", "/api/v1/admin/accounts", { session: natoAdmin });
    expect(listed.body.singleSignOn).toEqual({ configured: false });
    const refused = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "sso-only@nato.example", displayName: "SSO only", role: "analyst" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^json\.password: is required: single sign-on is not configured for NATO, so an account without a password could never sign in/,
    );
    const made = await concord.database.db.execute(
      sql`SELECT count(*)::int AS n FROM accounts WHERE email = 'sso-only@nato.example'`,
    );
    expect(made.rows).toEqual([{ n: 0 }]);
  });

  it("are made where single sign-on is configured for the organisation, and only there", async () => {
    const config = readOidcConfig({
      CONCORD_OIDC_ISSUER: "https://id.example.org",
      CONCORD_OIDC_CLIENT_ID: "concord",
      CONCORD_OIDC_CLIENT_SECRET: "a client secret",
      CONCORD_OIDC_ORGANIZATION: "nato",
      CONCORD_PUBLIC_URL: "https://concord.example.org",
    });
    const administration = new AdministrationService(concord.database.db, { singleSignOn: config });
    const accounts = new AccountsRepository(concord.database.db);
    const asAdmin = async (email: string): Promise<Principal> => ({
      kind: "account",
      account: (await accounts.findByEmail(email))!,
    });
    const nato = await asAdmin("admin@nato.example");
    expect(administration.singleSignOn(nato)).toEqual({ configured: true });
    const made = await administration.createAccount(nato, {
      email: "sso-only@nato.example",
      displayName: "SSO only",
      role: "analyst",
    });
    expect(made).toMatchObject({ passwordHash: null, passwordTemporary: false });
    // NATO's single sign-on signs nobody into UNASUR.
    const unasur = await asAdmin("admin@unasur.example");
    expect(administration.singleSignOn(unasur)).toEqual({ configured: false });
    await expect(
      administration.createAccount(unasur, { email: "sso-only@unasur.example", displayName: "U", role: "analyst" }),
    ).rejects.toMatchObject({ status: 400, field: "password" });
  });
});

describe("temporary passwords", () => {
  const first = "a temporary secret";
  const chosen = "one I chose myself";
  let id: string;

  it("are what an administrator gives a new account: signing in with one leads only to changing it", async () => {
    const created = await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "newcomer@nato.example", displayName: "Newcomer", role: "secretariat-staff", password: first },
    });
    expect(created.body.account).toMatchObject({ hasPassword: true, temporaryPassword: true });
    id = created.body.account.id;

    const answer = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "newcomer@nato.example", password: first }),
    });
    expect(answer.status).toBe(200);
    const signedIn = (await answer.json()) as { csrfToken: string; abilities: Record<string, unknown> };
    expect(signedIn.abilities).toEqual({
      registry: { write: false },
      administration: { manage: false },
      audit: { read: false, all: false },
      account: { manage: false, passwordChangeRequired: true },
      decisions: { read: false, chair: false, speakFor: null },
      documents: { read: false, upload: false, manageClearances: false },
    });
    const newcomer = { cookie: answer.headers.get("set-cookie")!.split(";")[0]!, csrf: signedIn.csrfToken };

    // Who it is, yes; anything else, no: reads and writes, its own tokens included.
    expect((await request("GET", "/api/v1/session", { session: newcomer })).body.account.email).toBe(
      "newcomer@nato.example",
    );
    for (const [method, path, body] of [
      ["GET", "/api/v1/account/tokens", undefined],
      ["GET", "/api/v1/organizations/NATO/members", undefined],
      ["GET", "/api/v1/proposals", undefined],
      ["POST", "/api/v1/sources", { id: "newcomer-source", title: "T", publisher: "P" }],
      ["POST", "/api/v1/account/tokens", { name: "script", scopes: ["registry:write"], password: first }],
    ] as const) {
      const refused = await request(method, path, { session: newcomer, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.id, `${method} ${path}`).toBe("password_change_required");
      expect(refused.body.error.message).toContain("PUT /api/v1/account/password");
    }

    // The temporary password again is no new password.
    const same = await request("PUT", "/api/v1/account/password", {
      session: newcomer,
      body: { currentPassword: first, newPassword: first },
    });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toMatch(/^json\.newPassword: must differ from the temporary password/);

    const changed = await fetch(`${concord.baseUrl}/api/v1/account/password`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: newcomer.cookie, "X-CSRF-Token": newcomer.csrf },
      body: JSON.stringify({ currentPassword: first, newPassword: chosen }),
    });
    expect(changed.status).toBe(200);
    const fresh = {
      cookie: changed.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await changed.json()) as { csrfToken: string }).csrfToken,
    };
    const now = await request("GET", "/api/v1/session", { session: fresh });
    expect(now.body.abilities.account).toEqual({ manage: true, passwordChangeRequired: false });
    expect((await request("GET", "/api/v1/account/tokens", { session: fresh })).status).toBe(200);
    expect((await request("GET", "/api/v1/session", { session: newcomer })).body.account).toBeNull();

    const audited = await concord.database.db.execute(sql`
      SELECT action, after->>'passwordTemporary' AS temporary, details->>'replacedTemporary' AS replaced
      FROM audit_log WHERE object_id = ${id} AND action IN ('account.create', 'account.password') ORDER BY id`);
    expect(audited.rows).toEqual([
      { action: "account.create", temporary: "true", replaced: null },
      { action: "account.password", temporary: null, replaced: "true" },
    ]);
  });

  it("can be set by an administrator: the account's sessions end, and the next sign-in must change it", async () => {
    const before = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "newcomer@nato.example", password: chosen }),
    });
    const session = {
      cookie: before.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await before.json()) as { csrfToken: string }).csrfToken,
    };
    expect((await request("GET", "/api/v1/account/tokens", { session })).status).toBe(200);

    const tooShort = await request("PUT", `/api/v1/admin/accounts/${id}/temporary-password`, {
      session: natoAdmin,
      body: { password: "short" },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.message).toMatch(/^json\.password: /);

    const set = await request("PUT", `/api/v1/admin/accounts/${id}/temporary-password`, {
      session: natoAdmin,
      body: { password: "another temporary one" },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ account: { id, temporaryPassword: true }, sessionsEnded: 2 });
    expect((await request("GET", "/api/v1/session", { session })).body.account).toBeNull();

    const old = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "newcomer@nato.example", password: chosen }),
    });
    expect(old.status).toBe(401);
    const again = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "newcomer@nato.example", password: "another temporary one" }),
    });
    expect(((await again.json()) as { abilities: { account: unknown } }).abilities.account).toEqual({
      manage: false,
      passwordChangeRequired: true,
    });

    const audited = await concord.database.db.execute(sql`
      SELECT before->>'passwordTemporary' AS "before", after->>'passwordTemporary' AS "after", details
      FROM audit_log WHERE object_id = ${id} AND action = 'account.temporary-password'`);
    expect(audited.rows).toEqual([{ before: "false", after: "true", details: { sessionsEnded: 2 } }]);
    expect(JSON.stringify(audited.rows)).not.toContain("$argon2id");
  });

  it("is not for another organisation's account, one's own, or a system auditor's", async () => {
    const foreign = await request("PUT", `/api/v1/admin/accounts/${unasurAccountId}/temporary-password`, {
      session: natoAdmin,
      body: { password: "a temporary secret" },
    });
    expect(foreign.status).toBe(404);
    const me = (await request("GET", "/api/v1/session", { session: natoAdmin })).body.account.id;
    const own = await request("PUT", `/api/v1/admin/accounts/${me}/temporary-password`, {
      session: natoAdmin,
      body: { password: "a temporary secret" },
    });
    expect(own.status).toBe(409);
    expect(own.body.error.message).toContain("account page");
    const auditor = await new AccountsService(concord.database.db).createAdministrator({
      email: "auditor@nato.example",
      password,
      organizationCode: "NATO",
    });
    await new AccountsService(concord.database.db).setSystemAuditor("auditor@nato.example", true);
    const auditors = await request("PUT", `/api/v1/admin/accounts/${auditor.id}/temporary-password`, {
      session: natoAdmin,
      body: { password: "a temporary secret" },
    });
    expect(auditors.status).toBe(403);
  });
});

describe("reads in the audit log", () => {
  it("are left out unless asked for: reads, and refusals of reads", async () => {
    // A refused read: staff may not list accounts.
    await request("POST", "/api/v1/admin/accounts", {
      session: natoAdmin,
      body: { email: "reader@nato.example", displayName: "Reader", role: "secretariat-staff", password },
    });
    await passwordChosen("reader@nato.example");
    const reader = await signIn("reader@nato.example");
    expect((await request("GET", "/api/v1/admin/accounts", { session: reader })).status).toBe(403);
    await request("GET", "/api/v1/admin/accounts", { session: natoAdmin });

    const actions = async (query: string) =>
      (await request("GET", `/api/v1/audit?limit=200${query}`, { session: natoAdmin })).body.entries.map(
        (entry: { action: string; details: { method?: string } | null }) =>
          entry.action === "access.refused" ? `${entry.action} ${entry.details?.method}` : entry.action,
      ) as string[];
    const changes = await actions("");
    expect(changes).toContain("account.create");
    for (const read of ["account.list", "audit.read", "access.refused GET"]) expect(changes).not.toContain(read);
    const all = await actions("&reads=true");
    for (const read of ["account.list", "audit.read", "access.refused GET", "account.create"])
      expect(all).toContain(read);
    // An action asked for by name is shown, read or not.
    expect(new Set(await actions("&action=account.list"))).toEqual(new Set(["account.list"]));
    const bad = await request("GET", "/api/v1/audit?reads=maybe", { session: natoAdmin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.reads: must be true or false/);
  });
});
