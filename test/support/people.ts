/**
 * People for tests: an account with a role (and, for delegations, a state), signed in over
 * HTTP like a browser, with a `send` that carries its cookie and CSRF token.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Role } from "../../src/domain/accounts.ts";
import { AccountsService } from "../../src/services/accounts/accounts.ts";
import type { TestConcord } from "./concord.ts";

export type Person = {
  accountId: string;
  email: string;
  cookie: string;
  csrf: string;
  /** JSON in, status and parsed JSON out. */
  send(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
};

const PASSWORD = "a long enough secret";

export async function signInAs(
  concord: Pick<TestConcord, "baseUrl" | "database">,
  who: { organization: string; role: Role; state?: string; name?: string },
): Promise<Person> {
  const { db } = concord.database;
  const email = `${who.role}-${who.state ?? who.organization}-${randomUUID().slice(0, 8)}@example.org`.toLowerCase();
  const account = await new AccountsService(db).createAdministrator({
    email,
    password: PASSWORD,
    organizationCode: who.organization,
    displayName: who.name,
  });
  if (who.state) {
    await db.execute(
      sql`INSERT INTO delegations (organization_code, state_code) VALUES (${who.organization}, ${who.state}) ON CONFLICT DO NOTHING`,
    );
  }
  await db.execute(sql`
    UPDATE accounts SET role = ${who.role},
      delegation_id = (SELECT id FROM delegations WHERE organization_code = ${who.organization} AND state_code = ${who.state ?? null})
    WHERE id = ${account.id}`);
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  return {
    accountId: account.id,
    email,
    cookie,
    csrf,
    async send(method, path, body, headers = {}) {
      const answer = await fetch(concord.baseUrl + path, {
        method,
        headers: {
          Cookie: cookie,
          "X-CSRF-Token": csrf,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? JSON.parse(text) : null };
    },
  };
}
