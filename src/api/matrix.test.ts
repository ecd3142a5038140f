/**
 * Every endpoint × every role × own or other organisation: allowed or denied, exactly as the
 * policies say. Each request is valid, so a denial cannot hide behind a validation error, and
 * every endpoint of the OpenAPI document must appear here, so a new one cannot go unchecked.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";

const ROLES = ["anonymous", "secretariat-admin", "other-admin", "secretariat-staff", "delegation-head", "delegation-member", "analyst"] as const;
type Role = (typeof ROLES)[number];
type Expected = "allowed" | 400 | 401 | 403 | 404;

let concord: TestConcord;
const password = "a long enough secret";
const sessions = {} as Record<Exclude<Role, "anonymous">, { cookie: string; csrf: string; accountId: string }>;
let natoAccountId: string;
let relationId: number;

type Call = { method: string; path: string; body?: unknown };
type Row = { endpoint: string; call: (role: Role) => Call | Promise<Call>; expect: (role: Role) => Expected };

const everyone = () => "allowed" as const;
const signedIn = (role: Role): Expected => (role === "anonymous" ? 401 : "allowed");
const secretariat = (role: Role): Expected =>
  role === "anonymous" ? 401 : ["secretariat-admin", "other-admin", "secretariat-staff"].includes(role) ? "allowed" : 403;
const ownAdmin = (role: Role): Expected => (role === "anonymous" ? 401 : role === "secretariat-admin" ? "allowed" : role === "other-admin" ? 404 : 403);
const anyAdmin = (role: Role): Expected => (role === "anonymous" ? 401 : ["secretariat-admin", "other-admin"].includes(role) ? "allowed" : 403);
const listAdmin = (role: Role): Expected => (role === "anonymous" ? 401 : ["secretariat-admin", "other-admin"].includes(role) ? "allowed" : 403);
const claim = { source: "nato-member-countries", note: "matrix test" };

// Decisions (decisionPolicy). The delegation accounts are of the United States' delegation to
// NATO: an Ally, so its head takes positions in NATO's bodies, and a state with a body of its own
// (the US President), so its head also opens designations there. "other-admin" belongs to UNASUR.
const NATO_SECRETARIAT = ["secretariat-admin", "secretariat-staff"];
/** Opening a proposal in a NATO body: its secretariat; bodies are public, so others get 403. */
const opensInNato = (role: Role): Expected => (role === "anonymous" ? 401 : NATO_SECRETARIAT.includes(role) ? "allowed" : 403);
/** The chair's actions on a NATO proposal: another organisation's proposals do not exist for its people. */
const chairsInNato = (role: Role): Expected => (role === "anonymous" ? 401 : NATO_SECRETARIAT.includes(role) ? "allowed" : role === "other-admin" ? 404 : 403);
/** Reading a NATO proposal: all of NATO's people. */
const readsNato = (role: Role): Expected => (role === "anonymous" ? 401 : role === "other-admin" ? 404 : "allowed");
/** Reading what NATO's rules make public to its people, where the organisation itself is no secret. */
const natoPeople = (role: Role): Expected => (role === "anonymous" ? 401 : role === "other-admin" ? 403 : "allowed");
/** A position for the United States in a NATO body: its delegation head, and only it. */
const speaksForUsa = (role: Role): Expected => (role === "anonymous" ? 401 : role === "delegation-head" ? "allowed" : role === "other-admin" ? 404 : 403);
/** A request, notice or designation of the United States: its delegation head. */
const filesForUsa = (role: Role): Expected => (role === "anonymous" ? 401 : role === "delegation-head" ? "allowed" : 403);
/** The inbox of a delegation: accounts without one are told so (400), not refused. */
const delegations = (role: Role): Expected => (role === "anonymous" ? 401 : role.startsWith("delegation-") ? "allowed" : 400);
/** NATO's webhooks: its secretariat administrators (administrationPolicy.manage); other administrators get 403. */
const natoAdmin = (role: Role): Expected => (role === "anonymous" ? 401 : role === "secretariat-admin" ? "allowed" : 403);
const attachment = { name: "note.txt", mediaType: "text/plain", content: Buffer.from("A note for the Allies.").toString("base64") };
/** A deadline far enough ahead that nothing is decided or reminded during the run. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
let day = 0;
/** A fresh one-day interval, so that allowed writes never contradict each other. */
const freshDay = () => new Date(Date.UTC(1900, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);

const rows: Row[] = [
  { endpoint: "GET /api/v1/actors", call: () => ({ method: "GET", path: "/api/v1/actors?type=organization" }), expect: everyone },
  { endpoint: "GET /api/v1/actors/{code}", call: () => ({ method: "GET", path: "/api/v1/actors/COL" }), expect: everyone },
  { endpoint: "GET /api/v1/actors/{code}/relations", call: () => ({ method: "GET", path: "/api/v1/actors/COL/relations" }), expect: everyone },
  { endpoint: "GET /api/v1/actors/{code}/timeline", call: () => ({ method: "GET", path: "/api/v1/actors/COL/timeline" }), expect: everyone },
  { endpoint: "GET /api/v1/organizations", call: () => ({ method: "GET", path: "/api/v1/organizations" }), expect: everyone },
  { endpoint: "GET /api/v1/organizations/{code}/members", call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/members" }), expect: everyone },
  { endpoint: "GET /api/v1/relations/{id}", call: () => ({ method: "GET", path: `/api/v1/relations/${relationId}` }), expect: everyone },
  { endpoint: "GET /api/v1/session", call: () => ({ method: "GET", path: "/api/v1/session" }), expect: everyone },
  { endpoint: "GET /api/v1/audit/head", call: () => ({ method: "GET", path: "/api/v1/audit/head" }), expect: everyone },
  {
    endpoint: "POST /api/v1/relations",
    call: () => {
      const since = freshDay();
      return { method: "POST", path: "/api/v1/relations", body: { subject: "MCO", object: "OAS", kind: "observer", since, until: next(since), claims: [claim] } };
    },
    expect: secretariat,
  },
  { endpoint: "PATCH /api/v1/relations/{id}", call: () => ({ method: "PATCH", path: `/api/v1/relations/${relationId}`, body: { note: `matrix ${randomUUID()}`, claim } }), expect: secretariat },
  {
    endpoint: "POST /api/v1/relations/{id}/end",
    call: async () => {
      const since = freshDay();
      const id = await openRelation(since);
      return { method: "POST", path: `/api/v1/relations/${id}/end`, body: { until: next(since), claim: { ...claim, field: "until", date: next(since) } } };
    },
    expect: secretariat,
  },
  { endpoint: "POST /api/v1/relations/{id}/claims", call: () => ({ method: "POST", path: `/api/v1/relations/${relationId}/claims`, body: claim }), expect: secretariat },
  { endpoint: "POST /api/v1/sources", call: () => ({ method: "POST", path: "/api/v1/sources", body: { id: `matrix-${randomUUID()}`, title: "t", publisher: "p" } }), expect: secretariat },
  { endpoint: "PUT /api/v1/account/password", call: () => ({ method: "PUT", path: "/api/v1/account/password", body: { currentPassword: password, newPassword: password } }), expect: signedIn },
  { endpoint: "GET /api/v1/account/tokens", call: () => ({ method: "GET", path: "/api/v1/account/tokens" }), expect: signedIn },
  { endpoint: "POST /api/v1/account/tokens", call: () => ({ method: "POST", path: "/api/v1/account/tokens", body: { name: "matrix", scopes: ["audit:read"] } }), expect: signedIn },
  {
    endpoint: "DELETE /api/v1/account/tokens/{id}",
    // Revoking one's own token is allowed to everyone signed in; another's answers 404 (checked in account.test.ts).
    call: async (role) => ({ method: "DELETE", path: `/api/v1/account/tokens/${role === "anonymous" ? randomUUID() : await ownToken(role)}` }),
    expect: signedIn,
  },
  { endpoint: "GET /api/v1/admin/accounts", call: () => ({ method: "GET", path: "/api/v1/admin/accounts" }), expect: listAdmin },
  {
    endpoint: "POST /api/v1/admin/accounts",
    call: () => ({ method: "POST", path: "/api/v1/admin/accounts", body: { email: `${randomUUID()}@example.org`, displayName: "New", role: "analyst" } }),
    expect: listAdmin,
  },
  { endpoint: "PATCH /api/v1/admin/accounts/{id}", call: () => ({ method: "PATCH", path: `/api/v1/admin/accounts/${natoAccountId}`, body: { displayName: `Renamed ${randomUUID()}` } }), expect: ownAdmin },
  { endpoint: "GET /api/v1/admin/delegations", call: () => ({ method: "GET", path: "/api/v1/admin/delegations" }), expect: listAdmin },
  { endpoint: "POST /api/v1/admin/delegations", call: () => ({ method: "POST", path: "/api/v1/admin/delegations", body: { state: "PER" } }), expect: listAdmin },
  { endpoint: "GET /api/v1/audit", call: () => ({ method: "GET", path: "/api/v1/audit?limit=1" }), expect: anyAdmin },
  { endpoint: "GET /api/v1/audit/verify", call: () => ({ method: "GET", path: "/api/v1/audit/verify" }), expect: anyAdmin },

  { endpoint: "GET /api/v1/bodies", call: () => ({ method: "GET", path: "/api/v1/bodies" }), expect: everyone },
  { endpoint: "GET /api/v1/proposals", call: () => ({ method: "GET", path: "/api/v1/proposals" }), expect: signedIn },
  {
    endpoint: "POST /api/v1/proposals",
    call: () => ({ method: "POST", path: "/api/v1/proposals", body: { body: "nato-pcsc", title: `Matrix ${randomUUID()}`, text: "A text.", deadline: inDays(1) } }),
    expect: opensInNato,
  },
  { endpoint: "GET /api/v1/proposals/{id}", call: async () => ({ method: "GET", path: `/api/v1/proposals/${await openProposal("nato-nac")}` }), expect: readsNato },
  {
    endpoint: "POST /api/v1/proposals/{id}/positions",
    // The state is named, so that an account without a delegation is refused for what it is, not for a missing field.
    call: async () => ({ method: "POST", path: `/api/v1/proposals/${await openProposal("nato-nac")}/positions`, body: { state: "USA", position: "concur" } }),
    expect: speaksForUsa,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/extend",
    call: async () => ({ method: "POST", path: `/api/v1/proposals/${await openProposal("nato-pcsc")}/extend`, body: { deadline: inDays(2) } }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/recirculate",
    call: async () => ({ method: "POST", path: `/api/v1/proposals/${await openProposal("nato-pcsc")}/recirculate`, body: { text: "An amended text.", deadline: inDays(2) } }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/close",
    call: async () => ({ method: "POST", path: `/api/v1/proposals/${await openProposal("nato-nac")}/close`, body: { as: "not-adopted", reason: "No consensus." } }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/attachments",
    call: async () => ({ method: "POST", path: `/api/v1/proposals/${await openProposal("nato-nac")}/attachments`, body: attachment }),
    expect: chairsInNato,
  },
  {
    endpoint: "GET /api/v1/proposals/{id}/attachments/{attachment}",
    call: async () => {
      const id = await openProposal("nato-nac");
      const attached = await send("secretariat-staff", { method: "POST", path: `/api/v1/proposals/${id}/attachments`, body: attachment });
      if (attached.status !== 200) throw new Error(`attaching failed: ${attached.status} ${JSON.stringify(attached.body)}`);
      return { method: "GET", path: `/api/v1/proposals/${id}/attachments/${attached.body.proposal.attachments[0].id}` };
    },
    expect: readsNato,
  },
  { endpoint: "POST /api/v1/requests", call: () => ({ method: "POST", path: "/api/v1/requests", body: { organization: "NATO", status: "observer", text: "A request." } }), expect: filesForUsa },
  {
    endpoint: "POST /api/v1/designations",
    call: () => ({ method: "POST", path: "/api/v1/designations", body: { body: "us-president", designee: "CHL", designation: "major-non-nato-ally", text: "A designation." } }),
    expect: filesForUsa,
  },
  // A withdrawal: a year's notice, so nothing is applied during the run (only the head's call succeeds, once).
  { endpoint: "POST /api/v1/status-notices", call: () => ({ method: "POST", path: "/api/v1/status-notices", body: { kind: "withdrawal", organization: "NATO" } }), expect: filesForUsa },
  {
    endpoint: "POST /api/v1/status-notices/{id}/withdraw",
    // The notice the head filed in the row above: withdrawn once, by the head; others are refused before anything is looked at.
    call: async () => ({ method: "POST", path: `/api/v1/status-notices/${await usaNotice()}/withdraw`, body: { statement: "Withdrawn." } }),
    expect: speaksForUsa,
  },
  { endpoint: "GET /api/v1/organizations/{code}/status-notices", call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/status-notices" }), expect: natoPeople },
  { endpoint: "GET /api/v1/notices", call: () => ({ method: "GET", path: "/api/v1/notices" }), expect: delegations },
  { endpoint: "GET /api/v1/organizations/{code}/webhooks", call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/webhooks" }), expect: natoAdmin },
  {
    endpoint: "POST /api/v1/organizations/{code}/webhooks",
    // Subscribed to an event the run never produces, so no delivery is attempted.
    call: () => ({ method: "POST", path: "/api/v1/organizations/NATO/webhooks", body: { url: "https://receiver.example.org/matrix", events: ["notice.applied"] } }),
    expect: natoAdmin,
  },
  { endpoint: "DELETE /api/v1/organizations/{code}/webhooks/{id}", call: async () => ({ method: "DELETE", path: `/api/v1/organizations/NATO/webhooks/${await newWebhook()}` }), expect: natoAdmin },
];
/** Endpoints that change who is signed in: covered in session.test.ts, not by role. */
const coveredElsewhere = new Set(["POST /api/v1/session", "DELETE /api/v1/session"]);

function next(day: string): string {
  return new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
}

/** Subjects for open relations: two open intervals of one fact would contradict each other. */
const openSubjects = ["AND", "LIE", "SMR", "VAT", "ISL", "LUX", "MLT", "CYP", "EST", "LVA", "LTU", "SVN"];
async function openRelation(since: string): Promise<number> {
  const subject = openSubjects.shift()!;
  const result = await concord.database.db.execute(sql`
    INSERT INTO relations (subject_code, object_code, kind, valid, since_precision) VALUES (${subject}, 'OAS', 'observer', ${`[${since},)`}::daterange, 'day') RETURNING id::int AS id`);
  return (result.rows[0] as { id: number }).id;
}

/** A fresh open proposal in a NATO body, opened by its secretariat (silence needs a deadline). */
async function openProposal(body: "nato-nac" | "nato-pcsc"): Promise<number> {
  const answer = await send("secretariat-staff", {
    method: "POST",
    path: "/api/v1/proposals",
    body: { body, title: `Matrix ${randomUUID()}`, text: "A text.", ...(body === "nato-pcsc" ? { deadline: inDays(1) } : {}) },
  });
  if (answer.status !== 201) throw new Error(`opening a proposal failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.proposal.id;
}

/** The United States' latest notice to NATO. */
async function usaNotice(): Promise<number> {
  const result = await concord.database.db.execute(sql`SELECT max(id)::int AS id FROM status_notices WHERE state_code = 'USA' AND organization_code = 'NATO'`);
  return (result.rows[0] as { id: number }).id;
}

/** A fresh active webhook of NATO's, for stopping. */
async function newWebhook(): Promise<string> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO webhooks (organization_code, url, secret, events, created_by)
    VALUES ('NATO', 'https://receiver.example.org/matrix', ${randomUUID() + randomUUID()}, '{notice.applied}', 'matrix') RETURNING id::text AS id`);
  return (result.rows[0] as { id: string }).id;
}

async function ownToken(role: Exclude<Role, "anonymous">): Promise<string> {
  const response = await send(role, { method: "POST", path: "/api/v1/account/tokens", body: { name: "to revoke", scopes: ["audit:read"] } });
  return response.body.apiToken.id;
}

async function send(role: Role, call: Call) {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  if (role !== "anonymous") Object.assign(headers, { Cookie: sessions[role].cookie, "X-CSRF-Token": sessions[role].csrf });
  const response = await fetch(concord.baseUrl + call.path, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
  const text = await response.text();
  // A password change starts a fresh session: follow it, as a browser would.
  const cookie = response.headers.get("set-cookie");
  // Answers are JSON, except a downloaded attachment.
  const body = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text || null;
  if (role !== "anonymous" && cookie?.startsWith("concord_session=") && body?.csrfToken) {
    sessions[role] = { ...sessions[role], cookie: cookie.split(";")[0]!, csrf: body.csrfToken };
  }
  return { status: response.status, body };
}

beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  await concord.database.db.execute(sql`INSERT INTO delegations (organization_code, state_code) VALUES ('NATO', 'USA')`);
  for (const role of ROLES.filter((r): r is Exclude<Role, "anonymous"> => r !== "anonymous")) {
    const email = `${role}@example.org`;
    const account = await accounts.createAdministrator({ email, password, organizationCode: role === "other-admin" ? "UNASUR" : "NATO" });
    const realRole = role === "other-admin" ? "secretariat-admin" : role;
    await concord.database.db.execute(sql`
      UPDATE accounts SET role = ${realRole},
        delegation_id = CASE WHEN ${realRole} LIKE 'delegation-%' THEN (SELECT id FROM delegations WHERE organization_code = 'NATO' AND state_code = 'USA') END
      WHERE id = ${account.id}`);
    const response = await fetch(`${concord.baseUrl}/api/v1/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
    sessions[role] = { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken, accountId: account.id };
  }
  natoAccountId = sessions.analyst.accountId;
  relationId = await openRelation("1850-01-01");
});
afterAll(async () => {
  await concord?.stop();
});

describe("the authorization matrix", () => {
  it("names every endpoint of the API", async () => {
    const document = (await (await fetch(`${concord.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const endpoints = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const covered = new Set([...rows.map((row) => row.endpoint), ...coveredElsewhere, "GET /api/v1/health"]);
    expect(endpoints.filter((endpoint) => !covered.has(endpoint) && !endpoint.includes("/auth/"))).toEqual([]);
  });

  for (const row of rows) {
    it(row.endpoint, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of ROLES) {
        const answer = await send(role, await row.call(role));
        outcomes[role] = answer.status < 300 ? "allowed" : String(answer.status);
        expected[role] = String(row.expect(role));
        if (answer.status >= 300 && String(answer.status) !== expected[role]) outcomes[role] += ` ${answer.body?.error?.message}`;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
