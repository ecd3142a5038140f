/**
 * The copy of sessions a running server keeps (SessionsService with a NotifiedCache): a signed-in
 * request is answered from it, yet a change of who a session opens takes effect on the next
 * request (ASVS 8.3.2). Made through this server's API, at once (the copy is dropped before the
 * change is answered); made elsewhere (another instance, the CLI: here, straight in the
 * database), as soon as PostgreSQL's notification arrives — without migration 0028's triggers
 * the polls below never end.
 */
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";

let concord: TestConcord;
let administrator: Person;

beforeAll(async () => {
  concord = await startConcord();
  administrator = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

const whoAmI = async (person: Person) => {
  const answer = await person.send("GET", "/api/v1/session");
  expect(answer.status).toBe(200);
  return (answer.body.account?.role as string | undefined) ?? "nobody";
};

const lastSeen = async (person: Person) => {
  const result = await concord.database.db.execute(
    sql`SELECT last_seen_at::text AS seen FROM sessions WHERE account_id = ${person.accountId}`,
  );
  return result.rows[0]?.seen;
};

describe("the sessions' copy", () => {
  it("answers a signed-in request without reading the session again", async () => {
    const member = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(member)).toBe("delegation-member");
    const seen = await lastSeen(member);
    expect(await whoAmI(member)).toBe("delegation-member");
    // Read from the database, the session would have been marked as seen again.
    expect(await lastSeen(member)).toBe(seen);
  });

  it("hears a role changed, an account disabled and a session ended elsewhere", async () => {
    const member = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(member)).toBe("delegation-member");
    const { db } = concord.database;
    await db.execute(sql`UPDATE accounts SET role = 'delegation-head' WHERE id = ${member.accountId}`);
    await expect.poll(() => whoAmI(member)).toBe("delegation-head");
    await db.execute(sql`UPDATE accounts SET disabled_at = now() WHERE id = ${member.accountId}`);
    await expect.poll(() => whoAmI(member)).toBe("nobody");

    const other = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(other)).toBe("delegation-member");
    await db.execute(sql`DELETE FROM sessions WHERE account_id = ${other.accountId}`);
    await expect.poll(() => whoAmI(other)).toBe("nobody");
  });

  it("puts a change made through the API in force on the very next request", async () => {
    const member = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(member)).toBe("delegation-member");
    const promoted = await administrator.send("PATCH", `/api/v1/admin/accounts/${member.accountId}`, {
      role: "delegation-head",
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(await whoAmI(member)).toBe("delegation-head");
    const disabled = await administrator.send("PATCH", `/api/v1/admin/accounts/${member.accountId}`, {
      disabled: true,
    });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(await whoAmI(member)).toBe("nobody");

    const leaving = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(leaving)).toBe("delegation-member");
    expect((await leaving.send("DELETE", "/api/v1/session")).status).toBe(204);
    expect(await whoAmI(leaving)).toBe("nobody");
  });

  it("refuses a copied session once it has expired", async () => {
    const member = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect(await whoAmI(member)).toBe("delegation-member");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 13 * 3600_000 });
    expect(await whoAmI(member)).toBe("nobody");
  });
});
