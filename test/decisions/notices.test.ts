/**
 * A state's notice that it withdraws from, or suspends its participation in, an organisation:
 * filed by its delegation head, effective after the organisation's notice period (UNASUR: six
 * months for a withdrawal, none for a suspension), applied to the registry on that date by the
 * job queue with the notice as the source. The six months are not waited for: the test moves the
 * job's time to now, as the clock would, and watches the server's worker apply it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountsRepository } from "../../src/db/repositories/accounts.ts";
import { InvalidRequestError } from "../../src/services/errors.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let secretariat: Person;
const today = () => new Date().toISOString().slice(0, 10);
/** The same day `months` later, or the last day of a shorter month. */
function monthsAfter(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastDay))).toISOString().slice(0, 10);
}

type Notice = {
  id: number;
  kind: string;
  state: string;
  organization: string;
  relationId: number;
  filedOn: string;
  effectiveOn: string;
  sourceId: string;
  applied: boolean;
  statement: string | null;
};
type Relation = {
  id: number;
  kind: string;
  since: string;
  until: string | null;
  sources: Array<{ id: string }>;
  claims: Array<{ field: string; asserted: string | null; source: { id: string } }>;
};

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "UNASUR", role: "secretariat-staff" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

/** A notice's kind and its statement (a notice is given in writing). */
const withdrawal = { kind: "withdrawal", statement: "The state denounces the treaty." };

const head = (state: string, organization = "UNASUR") =>
  signInAs(concord, { organization, role: "delegation-head", state });

async function relation(id: number): Promise<Relation> {
  const answer = await fetch(`${concord.baseUrl}/api/v1/relations/${id}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { relation: Relation }).relation;
}

async function notices(): Promise<Notice[]> {
  const answer = await secretariat.send("GET", "/api/v1/organizations/UNASUR/status-notices");
  expect(answer.status).toBe(200);
  return answer.body.notices;
}

async function applied(id: number, timeoutMs = 25_000): Promise<Notice> {
  return until(
    `notice ${id} to be applied`,
    async () => {
      const notice = (await notices()).find((candidate) => candidate.id === id)!;
      return notice.applied ? notice : undefined;
    },
    timeoutMs,
  );
}

async function applyJob(id: number) {
  return (
    await concord.database.db.execute(sql`
      SELECT id::int AS id, run_at AS "runAt", attempts, last_error AS "lastError" FROM jobs WHERE kind = 'notice.apply' AND (payload->>'noticeId')::int = ${id}`)
  ).rows as Array<{ id: number; runAt: Date; attempts: number; lastError: string | null }>;
}

async function membersOn(day: string, kind = "member") {
  const answer = (await (
    await fetch(`${concord.baseUrl}/api/v1/organizations/UNASUR/members?kind=${kind}&at=${day}`)
  ).json()) as {
    members: Array<{
      code: string;
      relationId: number;
      since: string;
      until: string | null;
      sources: Array<{ id: string }>;
    }>;
  };
  return answer.members;
}

describe("a withdrawal from UNASUR", () => {
  let bolivia: Person;
  let notice: Notice;

  beforeAll(async () => {
    bolivia = await head("BOL");
  });

  it("takes effect six months after it is filed; today the membership is unchanged and the change is scheduled for that date", async () => {
    const membership = (await membersOn(today())).find((member) => member.code === "BOL")!;
    expect(membership.until).toBeNull();

    const filed = await bolivia.send("POST", "/api/v1/status-notices", {
      kind: "withdrawal",
      organization: "UNASUR",
      statement: "Bolivia denounces the Constitutive Treaty (art. 24).",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    notice = filed.body.notice;
    expect(notice).toMatchObject({
      kind: "withdrawal",
      state: "BOL",
      organization: "UNASUR",
      relationId: membership.relationId,
      filedOn: today(),
      effectiveOn: monthsAfter(today(), 6),
      sourceId: `notice-${notice.id}`,
      applied: false,
    });

    expect(await relation(membership.relationId)).toMatchObject({ until: null });
    expect((await membersOn(today())).map((member) => member.code)).toContain("BOL");
    const jobs = await applyJob(notice.id);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.runAt).toISOString()).toBe(`${notice.effectiveOn}T00:00:00.000Z`);
    expect((await notices()).find((candidate) => candidate.id === notice.id)).toMatchObject({ applied: false });
  });

  it("refuses a second notice while one is pending on the membership (409)", async () => {
    for (const kind of ["withdrawal", "suspension"]) {
      const again = await bolivia.send("POST", "/api/v1/status-notices", {
        kind,
        organization: "UNASUR",
        statement: "Bolivia gives notice again.",
      });
      expect(again.status, kind).toBe(409);
      expect(again.body.error.message).toContain(`notice ${notice.id}`);
    }
  });

  it("is applied by the job queue on its effective date: the membership ends then, citing the notice", async () => {
    const [job] = await applyJob(notice.id);
    // The effective date has come, as far as the queue can tell; wake the workers as an insert would.
    await concord.database.db.execute(sql`UPDATE jobs SET run_at = clock_timestamp() WHERE id = ${job!.id}`);
    await concord.database.db.execute(sql`SELECT pg_notify('concord_jobs', '')`);
    expect(await applied(notice.id)).toMatchObject({ applied: true });
    expect(await applyJob(notice.id)).toEqual([]);

    const ended = await relation(notice.relationId);
    expect(ended.until).toBe(notice.effectiveOn);
    expect(ended.claims).toContainEqual(
      expect.objectContaining({
        field: "until",
        asserted: notice.effectiveOn,
        source: expect.objectContaining({ id: `notice-${notice.id}` }),
      }),
    );
    // A member until the day before; not on the effective date.
    expect((await membersOn(today())).map((member) => member.code)).toContain("BOL");
    expect((await membersOn(notice.effectiveOn)).map((member) => member.code)).not.toContain("BOL");

    const audit = (
      await concord.database.db.execute(
        sql`SELECT action FROM audit_log WHERE object_type = 'status-notice' AND object_id = ${String(notice.id)} ORDER BY id`,
      )
    ).rows;
    expect(audit.map((row) => (row as { action: string }).action)).toEqual(["notice.file", "notice.apply"]);
    // Its membership now has an end: there is nothing left to give notice of.
    expect(
      (
        await bolivia.send("POST", "/api/v1/status-notices", {
          kind: "withdrawal",
          organization: "UNASUR",
          statement: "Bolivia withdraws.",
        })
      ).status,
    ).toBe(409);
  });
});

describe("a suspension of participation in UNASUR", () => {
  it("applies at once (no notice period): a suspended relation starts today, citing the notice, and the membership continues", async () => {
    const guyana = await head("GUY");
    const filed = await guyana.send("POST", "/api/v1/status-notices", {
      kind: "suspension",
      organization: "UNASUR",
      statement: "Guyana suspends its participation.",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const notice: Notice = filed.body.notice;
    expect(notice).toMatchObject({
      kind: "suspension",
      state: "GUY",
      filedOn: today(),
      effectiveOn: today(),
      applied: false,
    });

    // The job is due already (midnight today): the worker picks it up without help.
    expect(await applied(notice.id)).toMatchObject({ applied: true });
    const suspended = (await membersOn(today(), "suspended")).find((member) => member.code === "GUY");
    expect(suspended).toMatchObject({ since: today(), until: null });
    expect(suspended!.sources.map((source) => source.id)).toEqual([`notice-${notice.id}`]);
    expect((await membersOn(today())).find((member) => member.code === "GUY")).toMatchObject({
      relationId: notice.relationId,
      until: null,
    });
  });

  it("is refused to a state whose participation is suspended already, rather than accepted and never applied", async () => {
    // Peru's participation has been suspended since 2018 (starter data).
    expect((await membersOn(today(), "suspended")).map((member) => member.code)).toContain("PER");
    const peru = await head("PER");
    const filed = await peru.send("POST", "/api/v1/status-notices", {
      kind: "suspension",
      organization: "UNASUR",
      statement: "Peru suspends its participation.",
    });
    // Accepted, it could never take effect (the same relation cannot hold twice at once), and as a
    // pending notice it would block any other notice on the membership, a withdrawal included.
    expect(filed.status, `accepted: ${JSON.stringify(filed.body)}`).toBe(409);
  });
});

describe("who may give notice", () => {
  it("is refused to a state that is not a member (409), to the secretariat and to another organisation's delegation (403)", async () => {
    // Chile left UNASUR in 2019.
    const chile = await head("CHL");
    const notMember = await chile.send("POST", "/api/v1/status-notices", {
      kind: "withdrawal",
      organization: "UNASUR",
      statement: "Chile withdraws.",
    });
    expect(notMember.status).toBe(409);
    expect(notMember.body.error.message).toMatch(/not a member/);

    expect(
      (await secretariat.send("POST", "/api/v1/status-notices", { ...withdrawal, organization: "UNASUR" })).status,
    ).toBe(403);
    // Suriname's delegation to the OAS does not speak for Suriname in UNASUR.
    const surinameInOas = await head("SUR", "OAS");
    expect(
      (await surinameInOas.send("POST", "/api/v1/status-notices", { ...withdrawal, organization: "UNASUR" })).status,
    ).toBe(403);
    // A delegation member is not its head.
    const member = await signInAs(concord, { organization: "UNASUR", role: "delegation-member", state: "SUR" });
    expect(
      (await member.send("POST", "/api/v1/status-notices", { ...withdrawal, organization: "UNASUR" })).status,
    ).toBe(403);
    expect((await notices()).some((notice) => notice.state === "CHL" || notice.state === "SUR")).toBe(false);
  });
});

describe("a notice refused in the reader's language", () => {
  it("says why in French to Accept-Language: fr, keeping the refusal's id and giving its catalogue code", async () => {
    const chile = await head("CHL");
    const notMember = await chile.send(
      "POST",
      "/api/v1/status-notices",
      { kind: "withdrawal", organization: "UNASUR", statement: "Le Chili se retire." },
      { "Accept-Language": "fr-FR,fr;q=0.9" },
    );
    expect(notMember.status).toBe(409);
    expect(notMember.body.error).toEqual({
      id: "conflict",
      code: "notices.not_a_member",
      message: "CHL n’est pas membre de UNASUR aujourd’hui : il n’a donc pas de participation à faire cesser.",
    });
    const byTheSecretariat = await secretariat.send("POST", "/api/v1/status-notices?lang=fr", {
      ...withdrawal,
      organization: "UNASUR",
    });
    expect(byTheSecretariat.status).toBe(403);
    expect(byTheSecretariat.body.error.message).toBe(
      "Votre rôle ne permet pas de déposer une notification auprès de UNASUR.",
    );
    const missing = await secretariat.send("POST", "/api/v1/status-notices/999999/acknowledgement", undefined, {
      "Accept-Language": "fr",
    });
    expect(missing.body.error.message).toBe(
      "Aucune notification de suspension ou de retrait n’a l’identifiant 999999.",
    );
  });
});

describe("withdrawing a notice before it takes effect", () => {
  it("leaves the registry as it was, keeps the notice on record as withdrawn, drops its job, and lets the state give another later", async () => {
    const brazil = await head("BRA");
    const membership = (await membersOn(today())).find((member) => member.code === "BRA")!;
    const filed = await brazil.send("POST", "/api/v1/status-notices", {
      kind: "withdrawal",
      organization: "UNASUR",
      statement: "Brazil denounces the treaty.",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const notice: Notice = filed.body.notice;
    expect(await applyJob(notice.id)).toHaveLength(1);

    // Nobody else may take it back: the secretariat, another state's head, Brazil's delegation to the OAS.
    expect((await secretariat.send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {})).status).toBe(403);
    expect((await (await head("ARG")).send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {})).status).toBe(
      403,
    );
    const brazilInOas = await head("BRA", "OAS");
    expect((await brazilInOas.send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {})).status).toBe(404);

    const withdrawn = await brazil.send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {
      statement: "Brazil stays.",
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.notice).toMatchObject({
      id: notice.id,
      status: "withdrawn",
      applied: false,
      withdrawalStatement: "Brazil stays.",
      withdrawnAt: expect.any(String),
    });
    expect(await applyJob(notice.id)).toEqual([]);
    expect(await relation(membership.relationId)).toMatchObject({ until: null });
    expect((await notices()).find((candidate) => candidate.id === notice.id)).toMatchObject({ status: "withdrawn" });

    // Once is enough; and a withdrawn notice does not block a new one.
    expect((await brazil.send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {})).status).toBe(409);
    const again = await brazil.send("POST", "/api/v1/status-notices", {
      ...withdrawal,
      organization: "UNASUR",
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const audit = (
      await concord.database.db.execute(
        sql`SELECT action FROM audit_log WHERE object_type = 'status-notice' AND object_id = ${String(notice.id)} ORDER BY id`,
      )
    ).rows;
    expect(audit.map((row) => (row as { action: string }).action)).toEqual(["notice.file", "notice.withdraw"]);
  });

  it("is refused once the notice has taken effect", async () => {
    const guyanaNotice = (await notices()).find(
      (candidate) => candidate.state === "GUY" && candidate.kind === "suspension",
    )!;
    expect(guyanaNotice.applied).toBe(true);
    const guyana = await head("GUY");
    const late = await guyana.send("POST", `/api/v1/status-notices/${guyanaNotice.id}/withdraw`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/took effect on .*can no longer be withdrawn/);
  });
});

describe("a notice is given in writing, and acknowledged by the organisation's depositary", () => {
  let venezuela: Person;
  let notice: Notice & { stage: string; acknowledgedAt: string | null };

  beforeAll(async () => {
    venezuela = await head("VEN");
  });

  it("is refused without a statement, naming the field, and with one longer than the limit", async () => {
    for (const body of [
      { kind: "withdrawal", organization: "UNASUR" },
      { kind: "withdrawal", organization: "UNASUR", statement: "   " },
      { kind: "withdrawal", organization: "UNASUR", statement: "x".repeat(20_001) },
    ]) {
      const refused = await venezuela.send("POST", "/api/v1/status-notices", body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.error.message).toMatch(/statement/);
    }
    expect((await notices()).some((candidate) => candidate.state === "VEN")).toBe(false);
  });

  it("is refused by the service itself without a statement, naming the field (whatever the adapter)", async () => {
    const { runtime } = concord.server;
    const account = (await new AccountsRepository(runtime.db).findById(venezuela.accountId))!;
    for (const statement of [undefined, "  \n "]) {
      const refused = await runtime.db
        .transaction((tx) =>
          runtime.services.statusNotices.file(
            { kind: "account", account },
            { kind: "withdrawal", organization: "UNASUR", statement },
            tx,
          ),
        )
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidRequestError);
      expect((refused as InvalidRequestError).field).toBe("statement");
    }
  });

  it("is notified, awaiting acknowledgement, and the registry shows when it was given and when it takes effect", async () => {
    const filed = await venezuela.send("POST", "/api/v1/status-notices", {
      kind: "withdrawal",
      organization: "UNASUR",
      statement: "Venezuela denounces the Constitutive Treaty.",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    notice = filed.body.notice;
    expect(notice).toMatchObject({ stage: "awaiting-acknowledgement", acknowledgedAt: null, status: "pending" });

    // The list says what each reader may do, the organisation's periods of notice and today's date.
    const asSecretariat = await secretariat.send("GET", "/api/v1/organizations/UNASUR/status-notices");
    expect(asSecretariat.body).toMatchObject({
      periods: { withdrawalNoticeMonths: 6, suspensionNoticeMonths: 0 },
      today: today(),
    });
    expect(asSecretariat.body.notices.find((n: Notice) => n.id === notice.id).abilities).toEqual({
      acknowledge: true,
      withdraw: false,
    });
    const asVenezuela = await venezuela.send("GET", "/api/v1/organizations/UNASUR/status-notices");
    expect(asVenezuela.body.notices.find((n: Notice) => n.id === notice.id).abilities).toEqual({
      acknowledge: false,
      withdraw: true,
    });

    // Public, as its source is: when it was given and when it takes effect; not the statement.
    for (const actor of ["VEN", "UNASUR"]) {
      const answer = await fetch(`${concord.baseUrl}/api/v1/actors/${actor}/pending-notices`);
      expect(answer.status).toBe(200);
      const pending = ((await answer.json()) as { notices: Array<Record<string, unknown>> }).notices;
      const shown = pending.find((candidate) => candidate.id === notice.id);
      expect(shown).toEqual({
        id: notice.id,
        kind: "withdrawal",
        state: "VEN",
        organization: "UNASUR",
        relationId: notice.relationId,
        filedOn: today(),
        effectiveOn: monthsAfter(today(), 6),
        sourceId: `notice-${notice.id}`,
        acknowledged: false,
      });
    }
  });

  it("is acknowledged by the organisation's secretariat only: not the state, another state, an analyst, nor another organisation's secretariat", async () => {
    const path = `/api/v1/status-notices/${notice.id}/acknowledgement`;
    expect((await venezuela.send("POST", path)).status).toBe(403);
    expect((await (await head("SUR")).send("POST", path)).status).toBe(403);
    const analyst = await signInAs(concord, { organization: "UNASUR", role: "analyst" });
    expect((await analyst.send("POST", path)).status).toBe(403);
    // The OAS's secretariat does not even see UNASUR's notices.
    const oas = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
    expect((await oas.send("POST", path)).status).toBe(404);
    const anonymous = await fetch(`${concord.baseUrl}${path}`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect((await notices()).find((candidate) => candidate.id === notice.id)).toMatchObject({
      stage: "awaiting-acknowledgement",
    });

    const acknowledged = await secretariat.send("POST", path);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body.notice).toMatchObject({
      id: notice.id,
      stage: "acknowledged",
      status: "pending",
      acknowledgedAt: expect.any(String),
      applied: false,
    });
    // Once; and it changes nothing in the registry: the notice still takes effect on its date.
    const again = await secretariat.send("POST", path);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/acknowledged already/);
    expect(await applyJob(notice.id)).toHaveLength(1);
    expect(await relation(notice.relationId)).toMatchObject({ until: null });
    const publicView = (await (await fetch(`${concord.baseUrl}/api/v1/actors/VEN/pending-notices`)).json()) as {
      notices: Array<{ id: number; acknowledged: boolean }>;
    };
    expect(publicView.notices.find((candidate) => candidate.id === notice.id)?.acknowledged).toBe(true);
    const audit = (
      await concord.database.db.execute(
        sql`SELECT action FROM audit_log WHERE object_type = 'status-notice' AND object_id = ${String(notice.id)} ORDER BY id`,
      )
    ).rows;
    expect(audit.map((row) => (row as { action: string }).action)).toEqual(["notice.file", "notice.acknowledge"]);
  });

  it("can still be withdrawn by its state until it takes effect; then nothing is left to acknowledge or show", async () => {
    const withdrawn = await venezuela.send("POST", `/api/v1/status-notices/${notice.id}/withdraw`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.notice).toMatchObject({ stage: "withdrawn", status: "withdrawn" });
    const late = await secretariat.send("POST", `/api/v1/status-notices/${notice.id}/acknowledgement`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/withdrawn/);
    const publicView = (await (await fetch(`${concord.baseUrl}/api/v1/actors/VEN/pending-notices`)).json()) as {
      notices: Array<{ id: number }>;
    };
    expect(publicView.notices.map((candidate) => candidate.id)).not.toContain(notice.id);
    const asVenezuela = await venezuela.send("GET", "/api/v1/organizations/UNASUR/status-notices");
    expect(asVenezuela.body.notices.find((n: Notice) => n.id === notice.id).abilities).toEqual({
      acknowledge: false,
      withdraw: false,
    });
  });

  it("is past acknowledging once in effect", async () => {
    const guyanaNotice = (await notices()).find(
      (candidate) => candidate.state === "GUY" && candidate.kind === "suspension",
    )!;
    expect(guyanaNotice.applied).toBe(true);
    const late = await secretariat.send("POST", `/api/v1/status-notices/${guyanaNotice.id}/acknowledgement`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/took effect/);
  });
});
