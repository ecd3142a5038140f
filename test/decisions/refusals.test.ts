/**
 * Refusals in the audit log: failed sign-ins, refused requests, tokens and CSRF tokens that open
 * nothing. Each of the first few has an entry of its own, in its organisation's part of the log;
 * a flood is counted and summarised, so that failing on purpose cannot fill the log. A system
 * auditor reads every organisation's entries; an administrator their own organisation's only.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountsService } from "../../src/services/accounts/accounts.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

let concord: TestConcord;

beforeAll(async () => {
  // A window longer than the test: what falls in it is decided by the test, which ends it by flushing.
  concord = await startConcord({ CONCORD_REFUSAL_WINDOW_SECONDS: "3600" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

type Entry = { action: string; organization: string | null; actor: string; details: Record<string, unknown> | null };
const entries = async (where: ReturnType<typeof sql>) =>
  (
    await concord.database.db.execute(
      sql`SELECT action, organization, actor, details FROM audit_log WHERE ${where} ORDER BY id`,
    )
  ).rows as Entry[];

async function signIn(email: string, password: string) {
  return (
    await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
  ).status;
}

describe("refused sign-ins", () => {
  it("are recorded, a few each, and a flood of them counted in one summary instead of filling the log", async () => {
    const admin = await signInAs(concord, { organization: "UNASUR", role: "secretariat-admin" });
    const statuses: number[] = [];
    for (let n = 0; n < 60; n++) statuses.push(await signIn(admin.email, `wrong guess number ${n}`));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(55);

    const own = await entries(sql`action IN ('sign-in.refused', 'sign-in.limited')`);
    // At most three of a kind from one address have an entry of their own.
    expect(own.filter((entry) => entry.action === "sign-in.refused")).toHaveLength(3);
    expect(own.filter((entry) => entry.action === "sign-in.limited")).toHaveLength(3);
    expect(
      own.every(
        (entry) =>
          entry.organization === "UNASUR" && entry.actor === admin.accountId && entry.details?.email === admin.email,
      ),
    ).toBe(true);

    // The window ends (as its timer would end it): the rest is summarised, once per kind and organisation.
    await concord.server.runtime.services.refusals.endWindow();
    const summaries = await entries(sql`action = 'security.refusals'`);
    expect(summaries.reduce((sum, entry) => sum + Number(entry.details?.count), 0)).toBe(60 - 6);
    expect(summaries.every((entry) => entry.organization === "UNASUR")).toBe(true);
    expect(summaries.map((entry) => entry.details?.kind).sort()).toEqual(["sign-in.limited", "sign-in.refused"]);
    const bySource = summaries.find((entry) => entry.details?.kind === "sign-in.limited")!.details!.bySource as Record<
      string,
      number
    >;
    expect(Object.values(bySource)).toEqual([52]);
    // This address has spent its guesses for the window (50): the tests below sign in afresh.
    await concord.database.db.execute(sql`DELETE FROM sign_in_failures`);
  });

  it("of an address with no account are kept in Concord's own part of the log, seen by no organisation's administrator", async () => {
    expect(await signIn("nobody-here@example.org", "some password or other")).toBe(401);
    const [entry] = await entries(sql`action = 'sign-in.refused' AND details->>'email' = 'nobody-here@example.org'`);
    expect(entry).toMatchObject({ organization: null, actor: "anonymous", details: { account: "unknown" } });
  });
});

describe("refused requests", () => {
  let natoAnalyst: Person;
  let oasAdmin: Person;

  beforeAll(async () => {
    natoAnalyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
    oasAdmin = await signInAs(concord, { organization: "OAS", role: "secretariat-admin" });
  });

  it("are recorded in the refused account's organisation: a 403, another organisation's proposal answered 404, a bad token, a missing CSRF token", async () => {
    const natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
    const proposal = (
      await natoStaff.send("POST", "/api/v1/proposals", { body: "nato-nac", title: "Not for the OAS", text: "A text." })
    ).body.proposal.id as number;

    expect(
      (await natoAnalyst.send("POST", "/api/v1/proposals", { body: "nato-nac", title: "No", text: "No." })).status,
    ).toBe(403);
    expect((await oasAdmin.send("GET", `/api/v1/proposals/${proposal}`)).status).toBe(404);
    expect(
      (
        await fetch(`${concord.baseUrl}/api/v1/proposals`, {
          headers: { Authorization: "Bearer concord_not-a-real-token" },
        })
      ).status,
    ).toBe(401);
    expect((await natoAnalyst.send("DELETE", "/api/v1/session", undefined, { "X-CSRF-Token": "" })).status).toBe(403);

    const refused = await entries(sql`action IN ('access.refused', 'token.refused', 'csrf.refused')`);
    expect(refused).toContainEqual(
      expect.objectContaining({
        action: "access.refused",
        organization: "NATO",
        actor: natoAnalyst.accountId,
        details: expect.objectContaining({ method: "POST", path: "/api/v1/proposals", answer: 403 }),
      }),
    );
    expect(refused).toContainEqual(
      expect.objectContaining({
        action: "access.refused",
        organization: "OAS",
        actor: oasAdmin.accountId,
        details: expect.objectContaining({ path: `/api/v1/proposals/${proposal}`, answer: 404, reason: "hidden" }),
      }),
    );
    expect(refused).toContainEqual(expect.objectContaining({ action: "token.refused", organization: null }));
    expect(refused).toContainEqual(
      expect.objectContaining({ action: "csrf.refused", organization: "NATO", actor: natoAnalyst.accountId }),
    );
    // A proposal that does not exist is no refusal: nothing hidden, nothing recorded.
    const accessRefusals = async () => (await entries(sql`action = 'access.refused'`)).length;
    const before = await accessRefusals();
    expect((await oasAdmin.send("GET", "/api/v1/proposals/999999")).status).toBe(404);
    expect(await accessRefusals()).toBe(before);
  });
});

describe("reading the audit log", () => {
  it("gives an administrator their organisation's entries, and a system auditor every organisation's", async () => {
    const oasAdmin = await signInAs(concord, { organization: "OAS", role: "secretariat-admin" });
    const auditor = await signInAs(concord, { organization: "OAS", role: "analyst" });
    await new AccountsService(concord.database.db).setSystemAuditor(auditor.email, true);

    const seenBy = async (person: Person) => {
      const answer = await person.send("GET", "/api/v1/audit?limit=200");
      expect(answer.status).toBe(200);
      return new Set(answer.body.entries.map((entry: { organization: string | null }) => entry.organization));
    };
    expect([...(await seenBy(oasAdmin))]).toEqual(["OAS"]);
    const all = await seenBy(auditor);
    for (const organization of ["NATO", "UNASUR", "OAS", null]) expect(all).toContain(organization);
    const session = await auditor.send("GET", "/api/v1/session");
    expect(session.body.abilities.audit).toEqual({ read: true, all: true });
    // It reads; it does not administer, decide or write.
    expect((await auditor.send("GET", "/api/v1/admin/accounts")).status).toBe(403);
    expect(
      (await auditor.send("POST", "/api/v1/sources", { id: "auditor-source", title: "t", publisher: "p" })).status,
    ).toBe(403);
  });

  it("cannot make a system auditor through the API, nor change one's role there", async () => {
    const admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
    const made = await admin.send("POST", "/api/v1/admin/accounts", {
      email: "would-be-auditor@example.org",
      displayName: "A",
      role: "system-auditor",
    });
    expect(made.status).toBe(400);
    expect(made.body.error.message).toMatch(/^json\.role: /);
    const auditor = await signInAs(concord, { organization: "NATO", role: "analyst" });
    await new AccountsService(concord.database.db).setSystemAuditor(auditor.email, true);
    const demoted = await admin.send("PATCH", `/api/v1/admin/accounts/${auditor.accountId}`, { role: "analyst" });
    expect(demoted.status).toBe(403);
    expect(demoted.body.error.message).toContain("only on the server's command line");
  });
});
