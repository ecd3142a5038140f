/**
 * Browser sessions: a random 256-bit value in an HttpOnly cookie, stored only as its SHA-256.
 * A new session at every sign-in (rotation), deleted at sign-out and, for all of an account's
 * sessions, when its password changes. The account is read afresh on every request, so a
 * change of role or delegation takes effect on the next one.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor } from "../policies.ts";

export const SESSION_LIFETIME_HOURS = 12;

export type Session = { token: string; csrfToken: string; account: AccountRow; expiresAt: Date };

export function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export class SessionsService {
  constructor(private readonly db: Database) {}

  /** Starts a session for an authenticated account, ending the one the browser held before, if any. */
  async start(account: AccountRow, previousToken?: string): Promise<Session> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_HOURS * 3600_000);
    await this.db.transaction(async (tx) => {
      if (previousToken) await tx.execute(sql`DELETE FROM sessions WHERE token_hash = ${sha256(previousToken)}`);
      await tx.execute(sql`
        INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at)
        VALUES (${sha256(token)}, ${account.id}, ${csrfToken}, ${expiresAt.toISOString()})`);
      // Successful sign-ins only: recording failures would let anyone fill the log at will.
      await appendAudit(tx, {
        ...auditActor({ kind: "account", account }),
        action: "session.start",
        objectType: "account",
        objectId: account.id,
      });
    });
    return { token, csrfToken, account, expiresAt };
  }

  /** The live session a cookie value opens, with its account as it is now and when it was signed in; undefined otherwise. */
  async resolve(token: string): Promise<{ account: AccountRow; csrfToken: string; signedInAt: Date } | undefined> {
    const result = await this.db.execute(sql`
      UPDATE sessions SET last_seen_at = now()
      WHERE token_hash = ${sha256(token)} AND expires_at > now()
      RETURNING account_id AS "accountId", csrf_token AS "csrfToken", created_at AS "signedInAt"`);
    const session = result.rows[0] as { accountId: string; csrfToken: string; signedInAt: Date | string } | undefined;
    if (!session) return undefined;
    const account = await new AccountsRepository(this.db).findById(session.accountId);
    if (!account || account.disabledAt !== null) return undefined;
    return { account, csrfToken: session.csrfToken, signedInAt: new Date(session.signedInAt) };
  }

  async end(token: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const ended = await tx.execute(sql`
        DELETE FROM sessions s USING accounts a WHERE s.token_hash = ${sha256(token)} AND a.id = s.account_id
        RETURNING s.account_id AS "accountId", a.organization_code AS organization`);
      const session = ended.rows[0] as { accountId: string; organization: string } | undefined;
      if (session)
        await appendAudit(tx, {
          actor: session.accountId,
          organization: session.organization,
          action: "session.end",
          objectType: "account",
          objectId: session.accountId,
        });
    });
  }

  /** Ends every session of an account: on a password change, on disabling it. */
  async endAll(accountId: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM sessions WHERE account_id = ${accountId}`);
  }
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = sha256(a);
  const right = sha256(b);
  return timingSafeEqual(left, right);
}
