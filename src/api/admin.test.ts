import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";

let concord: TestConcord;
const password = "a long enough secret";
type Session = { cookie: string; csrf: string };

async function request(method: string, path: string, options: { body?: unknown; session?: Session } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.session) Object.assign(headers, { Cookie: options.session.cookie, "X-CSRF-Token": options.session.csrf });
  const response = await fetch(concord.baseUrl + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(email: string): Promise<Session> {
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

let natoAdmin: Session;
let unasurAccountId: string;
beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  await accounts.createAdministrator({ email: "admin@nato.example", password, organizationCode: "NATO" });
  unasurAccountId = (await accounts.createAdministrator({ email: "admin@unasur.example", password, organizationCode: "UNASUR" })).id;
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
      body: { email: "Head@Colombia.example", displayName: "Head of delegation", role: "delegation-head", delegation: "col", password },
    });
    expect(head.status).toBe(201);
    expect(head.body.account).toMatchObject({ email: "head@colombia.example", organization: "NATO", role: "delegation-head", delegation: { state: "COL" }, disabled: false, hasPassword: true });
    headId = head.body.account.id;
    const noDelegation = await request("POST", "/api/v1/admin/accounts", { session: natoAdmin, body: { email: "x@example.org", displayName: "X", role: "delegation-member" } });
    expect(noDelegation.body.error.message).toContain("json.delegation: a delegation-member speaks for a state");
    const staffWithDelegation = await request("POST", "/api/v1/admin/accounts", { session: natoAdmin, body: { email: "x@example.org", displayName: "X", role: "secretariat-staff", delegation: "COL" } });
    expect(staffWithDelegation.body.error.message).toContain("belongs to no delegation");
    const organisation = await request("POST", "/api/v1/admin/accounts", { session: natoAdmin, body: { email: "x@example.org", displayName: "X", role: "delegation-head", delegation: "EUX" } });
    expect(organisation.body.error.message).toContain("json.delegation: EUX is not a state in the registry");
    expect((await request("POST", "/api/v1/admin/accounts", { session: natoAdmin, body: { email: "head@colombia.example", displayName: "Again", role: "analyst" } })).status).toBe(409);
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
    expect(listed.body.accounts.map((account: { email: string }) => account.email)).toEqual(["admin@nato.example", "head@colombia.example"]);
    const reads = await concord.database.db.execute(sql`SELECT details FROM audit_log WHERE action = 'account.list' AND object_id = 'NATO'`);
    expect(reads.rows).toHaveLength(1);
  });

  it("answers another organisation's account as missing", async () => {
    const foreign = await request("PATCH", `/api/v1/admin/accounts/${unasurAccountId}`, { session: natoAdmin, body: { role: "analyst" } });
    const absent = await request("PATCH", "/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000", { session: natoAdmin, body: { role: "analyst" } });
    expect(foreign.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(foreign.body.error.message.replace(unasurAccountId, "ID")).toBe(absent.body.error.message.replace("00000000-0000-4000-8000-000000000000", "ID"));
    expect((await request("PATCH", "/api/v1/admin/accounts/not-a-uuid", { session: natoAdmin, body: { role: "analyst" } })).status).toBe(404);
  });

  it("puts a change of role or delegation in force on the account's next request, and a disabled account out", async () => {
    const head = await signIn("head@colombia.example");
    expect((await request("GET", "/api/v1/session", { session: head })).body.account.delegation).toEqual({ state: "COL" });
    await request("PATCH", `/api/v1/admin/accounts/${headId}`, { session: natoAdmin, body: { delegation: "ARG", role: "delegation-member" } });
    expect((await request("GET", "/api/v1/session", { session: head })).body.account).toMatchObject({ role: "delegation-member", delegation: { state: "ARG" } });
    await request("PATCH", `/api/v1/admin/accounts/${headId}`, { session: natoAdmin, body: { disabled: true } });
    expect((await request("GET", "/api/v1/session", { session: head })).body.account).toBeNull();
    const audited = await concord.database.db.execute(sql`SELECT before, after FROM audit_log WHERE action = 'account.update' AND object_id = ${headId} ORDER BY id`);
    const [moved] = audited.rows as Array<{ before: { delegationState: string; passwordHash?: string }; after: { delegationState: string } }>;
    expect(moved!.before.delegationState).toBe("COL");
    expect(moved!.after.delegationState).toBe("ARG");
    expect(JSON.stringify(audited.rows)).not.toContain("$argon2id");
  });

  it("never leaves an organisation without an active administrator", async () => {
    const me = (await request("GET", "/api/v1/session", { session: natoAdmin })).body.account.id;
    const demote = await request("PATCH", `/api/v1/admin/accounts/${me}`, { session: natoAdmin, body: { role: "secretariat-staff" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toContain("last active administrator");
  });

  it("is for administrators only: 401 for nobody, 403 for other roles", async () => {
    expect((await request("GET", "/api/v1/admin/accounts")).status).toBe(401);
    await request("POST", "/api/v1/admin/accounts", { session: natoAdmin, body: { email: "staff@nato.example", displayName: "Staff", role: "secretariat-staff", password } });
    const staff = await signIn("staff@nato.example");
    expect((await request("GET", "/api/v1/admin/accounts", { session: staff })).status).toBe(403);
    expect((await request("GET", "/api/v1/audit", { session: staff })).status).toBe(403);
  });
});

describe("the audit log over HTTP", () => {
  it("lets administrators search it, newest first, by action, object and actor", async () => {
    const all = await request("GET", "/api/v1/audit?limit=5", { session: natoAdmin });
    expect(all.status).toBe(200);
    const ids = all.body.entries.map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const updates = await request("GET", "/api/v1/audit?action=account.update&actor=admin@nato.example", { session: natoAdmin });
    expect(updates.body.entries.length).toBeGreaterThanOrEqual(2);
    expect(updates.body.entries.every((entry: { action: string; actorEmail: string }) => entry.action === "account.update" && entry.actorEmail === "admin@nato.example")).toBe(true);
    const page = await request("GET", `/api/v1/audit?limit=2&beforeId=${ids[1]}`, { session: natoAdmin });
    expect(page.body.entries.every((entry: { id: number }) => entry.id < ids[1])).toBe(true);
    const bad = await request("GET", "/api/v1/audit?from=yesterday", { session: natoAdmin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.from: must be a date/);
  });

  it("says whether the chain verifies, and gives anyone the latest signed head", async () => {
    const verdict = await request("GET", "/api/v1/audit/verify", { session: natoAdmin });
    expect(verdict.body).toMatchObject({ ok: true, count: expect.any(Number), head: { entryId: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const head = await request("GET", "/api/v1/audit/head");
    expect(head.status).toBe(200);
    expect(head.body).toHaveProperty("head");
  });
});
