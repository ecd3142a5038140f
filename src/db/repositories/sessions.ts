/** Browser sessions, each stored only as the SHA-256 of its cookie's value: SQL and nothing else. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

const liveSessionRow = z.object({
  accountId: z.string(),
  csrfToken: z.string(),
  signedInAt: z.union([z.date(), z.string()]).transform((value) => new Date(value)),
  expiresAt: z.union([z.date(), z.string()]).transform((value) => new Date(value)),
});
export type LiveSessionRow = z.output<typeof liveSessionRow>;

const endedSessionRow = z.object({ accountId: z.string(), organization: z.string() });
export type EndedSessionRow = z.output<typeof endedSessionRow>;

export async function insertSession(
  tx: Executor,
  session: { tokenHash: Buffer; accountId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at)
    VALUES (${session.tokenHash}, ${session.accountId}, ${session.csrfToken}, ${session.expiresAt.toISOString()})`);
}

/** Forgets a session, whoever's it is (the one a browser held before signing in again). */
export async function deleteSession(tx: Executor, tokenHash: Buffer): Promise<void> {
  await tx.execute(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

/** The session of this hash if it has not expired, marked as seen now; undefined otherwise. */
export async function touchLiveSession(db: Executor, tokenHash: Buffer): Promise<LiveSessionRow | undefined> {
  const result = await db.execute(sql`
    UPDATE sessions SET last_seen_at = now()
    WHERE token_hash = ${tokenHash} AND expires_at > now()
    RETURNING account_id AS "accountId", csrf_token AS "csrfToken", created_at AS "signedInAt", expires_at AS "expiresAt"`);
  const row = result.rows[0];
  return row === undefined ? undefined : liveSessionRow.parse(row);
}

/** Deletes the session of this hash; whose it was (the account and its organisation), if there was one. */
export async function deleteSessionReturningAccount(
  tx: Executor,
  tokenHash: Buffer,
): Promise<EndedSessionRow | undefined> {
  const result = await tx.execute(sql`
    DELETE FROM sessions s USING accounts a WHERE s.token_hash = ${tokenHash} AND a.id = s.account_id
    RETURNING s.account_id AS "accountId", a.organization_code AS organization`);
  const row = result.rows[0];
  return row === undefined ? undefined : endedSessionRow.parse(row);
}

export async function deleteSessionsOfAccount(db: Executor, accountId: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE account_id = ${accountId}`);
}
