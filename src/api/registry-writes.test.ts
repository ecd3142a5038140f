import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../../test/support/wait.ts";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { verifyLog } from "../services/audit/log.ts";

let concord: TestConcord;
const password = "a long enough secret";
type Session = { cookie: string; csrf: string };
const sessions: Record<string, Session> = {};

async function signIn(email: string): Promise<Session> {
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  for (const [email, role] of [
    ["staff@example.org", "secretariat-staff"],
    ["analyst@example.org", "analyst"],
    ["head@example.org", "delegation-head"],
  ] as const) {
    await accounts.createAdministrator({ email, password, organizationCode: "NATO" });
    await concord.database.db.execute(sql`
      INSERT INTO delegations (organization_code, state_code) VALUES ('NATO', 'COL') ON CONFLICT DO NOTHING`);
    await concord.database.db.execute(sql`
      UPDATE accounts SET role = ${role},
        delegation_id = CASE WHEN ${role} LIKE 'delegation-%' THEN (SELECT id FROM delegations WHERE state_code = 'COL') END
      WHERE email = ${email}`);
    sessions[role] = await signIn(email);
  }
});
afterAll(async () => {
  await concord?.stop();
});

async function write(method: string, path: string, body: unknown, as?: Session, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(as ? { Cookie: as.cookie, "X-CSRF-Token": as.csrf } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

const cyprus = {
  subject: "CYP",
  object: "NATO",
  kind: "partner",
  framework: "pfp",
  since: "1995-02-10",
  claims: [
    {
      source: "nato-member-countries",
      note: "A fictional partnership (test fixture): Cyprus is not in the Partnership for Peace.",
    },
  ],
};

const members = async (at: string) =>
  (
    (await (await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?at=${at}`)).json()) as {
      members: Array<{ code: string; kind: string }>;
    }
  ).members;

describe("who may change the registry", () => {
  it("refuses nobody signed in (401), and roles other than the secretariat's (403)", async () => {
    expect((await write("POST", "/api/v1/relations", cyprus)).body.error.id).toBe("unauthenticated");
    for (const role of ["analyst", "delegation-head"]) {
      const answer = await write("POST", "/api/v1/relations", cyprus, sessions[role]);
      expect(answer.status, role).toBe(403);
      expect(answer.body.error).toEqual({
        id: "forbidden",
        code: "registry.writes_by_secretariat",
        message: "Relations towards NATO are recorded by NATO's own secretariat, and by its decisions.",
      });
    }
  });

  it("refuses a cookie-borne change without the session's CSRF token", async () => {
    const answer = await write("POST", "/api/v1/relations", cyprus, {
      cookie: sessions["secretariat-staff"]!.cookie,
      csrf: "",
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.id).toBe("csrf_failed");
  });
});

describe("changing the registry", () => {
  let id: number;

  it("records a relation with its claims, visible at once in the as-of answers", async () => {
    expect((await members("2020-01-01")).some((member) => member.code === "CYP")).toBe(false);
    const answer = await write("POST", "/api/v1/relations", cyprus, sessions["secretariat-staff"]);
    expect(answer.status).toBe(201);
    expect(answer.body.relation).toMatchObject({
      subject: "CYP",
      object: "NATO",
      kind: "partner",
      framework: "pfp",
      since: "1995-02-10",
      until: null,
    });
    id = answer.body.relation.id;
    expect((await members("2020-01-01")).some((member) => member.code === "CYP" && member.kind === "partner")).toBe(
      true,
    );
  });

  it("refuses a change without a source, citing an unknown source or actor, or contradicting a relation held", async () => {
    const staff = sessions["secretariat-staff"] as Session;
    const uncited = await write("POST", "/api/v1/relations", { ...cyprus, claims: [] }, staff);
    expect(uncited.status).toBe(400);
    expect(uncited.body.error.message).toContain("json.claims: every relation cites at least one source");
    const unknownSource = await write(
      "POST",
      "/api/v1/relations",
      { ...cyprus, since: "1980", until: "1990", claims: [{ source: "rumour" }] },
      staff,
    );
    expect(unknownSource.body.error.message).toContain("no source has the id rumour");
    const unknownActor = await write("POST", "/api/v1/relations", { ...cyprus, subject: "ZZZ" }, staff);
    expect(unknownActor.body.error.message).toContain("no state or organisation has the code ZZZ");
    const overlap = await write("POST", "/api/v1/relations", { ...cyprus, since: "2000-01-01" }, staff);
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(`(relation ${id})`);
  });

  it("changes dates citing a source, ends a relation once, and attaches a disagreeing claim", async () => {
    const staff = sessions["secretariat-staff"] as Session;
    const changed = await write(
      "PATCH",
      `/api/v1/relations/${id}`,
      {
        since: "1995-02",
        certainty: "uncertain",
        claim: { source: "nato-member-countries", field: "since", date: "1995-02" },
      },
      staff,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.relation).toMatchObject({
      since: "1995-02-01",
      sincePrecision: "month",
      certainty: "uncertain",
    });
    const ended = await write(
      "POST",
      `/api/v1/relations/${id}/end`,
      { until: "2030-01-01", claim: { source: "nato-member-countries", field: "until", date: "2030-01-01" } },
      staff,
    );
    expect(ended.body.relation).toMatchObject({ until: "2030-01-01", untilPrecision: "day" });
    const again = await write(
      "POST",
      `/api/v1/relations/${id}/end`,
      { until: "2031-01-01", claim: { source: "nato-member-countries", field: "until", date: "2031" } },
      staff,
    );
    expect(again.status).toBe(409);
    const backwards = await write(
      "PATCH",
      `/api/v1/relations/${id}`,
      { until: "1990-01-01", claim: { source: "nato-member-countries", field: "until", date: "1990" } },
      staff,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^body\.until: must come after since/);
    const cited = await write(
      "POST",
      `/api/v1/relations/${id}/claims`,
      { source: "rt-2019-nato-latin-america", field: "since", date: "1996", quote: "a fixture quote" },
      staff,
    );
    expect(cited.status).toBe(201);
    const detail = (await (await fetch(`${concord.baseUrl}/api/v1/relations/${id}`)).json()) as {
      relation: { claims: Array<{ asserted: string | null }> };
    };
    expect(detail.relation.claims.map((claim) => claim.asserted)).toEqual(
      expect.arrayContaining([null, "1995-02-01", "2030-01-01", "1996-01-01"]),
    );
    expect(
      (
        await write(
          "PATCH",
          "/api/v1/relations/99999999",
          { note: "x", claim: { source: "nato-member-countries" } },
          staff,
        )
      ).status,
    ).toBe(404);
  });

  it("audits every change with who, for whom, before and after, in a chain that verifies", async () => {
    const entries = (
      await concord.database.db.execute(sql`
        SELECT actor, on_behalf_of AS "onBehalfOf", action, object_id AS "objectId", before, after FROM audit_log
        WHERE object_type = 'relation' AND object_id = ${String(id)} ORDER BY id`)
    ).rows as Array<{ actor: string; onBehalfOf: string; action: string; before: any; after: any }>;
    expect(entries.map((entry) => entry.action)).toEqual([
      "relation.create",
      "relation.update",
      "relation.update",
      "relation.cite",
    ]);
    const staff = (await concord.database.db.execute(sql`SELECT id FROM accounts WHERE email = 'staff@example.org'`))
      .rows[0] as { id: string };
    expect(entries.every((entry) => entry.actor === staff.id && entry.onBehalfOf === "NATO")).toBe(true);
    expect(entries[1]!.before.since).toBe("1995-02-10");
    expect(entries[1]!.after.since).toBe("1995-02-01");
    expect((await verifyLog(concord.database.db)).ok).toBe(true);
  });

  it("sees a change of role made in the database (as by another instance) once it is heard", async () => {
    await concord.database.db.execute(sql`UPDATE accounts SET role = 'analyst' WHERE email = 'staff@example.org'`);
    // Heard through NOTIFY, not at once: waited for (through the API it holds on the very next request).
    const staff = sessions["secretariat-staff"] as Session;
    await until("the role change to be heard", async () => {
      const session = await fetch(`${concord.baseUrl}/api/v1/session`, { headers: { Cookie: staff.cookie } });
      return ((await session.json()) as { account: { role: string } }).account.role === "analyst" ? true : undefined;
    });
    expect(
      (
        await write(
          "POST",
          "/api/v1/sources",
          { id: "demoted", title: "t", publisher: "p" },
          sessions["secretariat-staff"],
        )
      ).status,
    ).toBe(403);
    await concord.database.db.execute(
      sql`UPDATE accounts SET role = 'secretariat-staff' WHERE email = 'staff@example.org'`,
    );
  });
});

describe("Idempotency-Key", () => {
  const source = (id: string) => ({ id, title: "A source recorded once", publisher: "Test" });
  const count = async (id: string) =>
    (
      (await concord.database.db.execute(sql`SELECT count(*)::int AS n FROM sources WHERE id = ${id}`)).rows[0] as {
        n: number;
      }
    ).n;

  it("answers a retry with the first answer, changing nothing twice", async () => {
    const staff = sessions["secretariat-staff"] as Session;
    const first = await write("POST", "/api/v1/sources", source("retried-source"), staff, {
      "Idempotency-Key": "key-1",
    });
    const retry = await write("POST", "/api/v1/sources", source("retried-source"), staff, {
      "Idempotency-Key": "key-1",
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect(await count("retried-source")).toBe(1);
    const audited = (
      await concord.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE object_id = 'retried-source'`,
      )
    ).rows[0] as { n: number };
    expect(audited.n).toBe(1);
  });

  it("refuses the same key for a different request", async () => {
    const answer = await write("POST", "/api/v1/sources", source("another-source"), sessions["secretariat-staff"], {
      "Idempotency-Key": "key-1",
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.id).toBe("idempotency_key_reused");
    expect(await count("another-source")).toBe(0);
  });

  it("makes racing retries of one change act once and all get its answer", async () => {
    const staff = sessions["secretariat-staff"] as Session;
    const relation = { ...cyprus, subject: "AND", since: "1996-12-11" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        write("POST", "/api/v1/relations", relation, staff, { "Idempotency-Key": "race-1" }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => answer.body.relation.id)).size).toBe(1);
    const stored = (
      await concord.database.db.execute(
        sql`SELECT count(*)::int AS n FROM relations WHERE subject_code = 'AND' AND object_code = 'NATO'`,
      )
    ).rows[0] as { n: number };
    expect(stored.n).toBe(1);
  });
});
