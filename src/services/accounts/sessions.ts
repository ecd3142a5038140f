/**
 * Browser sessions: a random 256-bit value in an HttpOnly cookie, stored only as its SHA-256.
 * A new session at every sign-in (rotation), deleted at sign-out and, for all of an account's
 * sessions, when its password changes. The account is read afresh on every request, so a
 * change of role or delegation takes effect on the next one.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import {
  deleteSession,
  deleteSessionReturningAccount,
  deleteSessionsOfAccount,
  insertSession,
  touchLiveSession,
} from "../../db/repositories/sessions.ts";
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
      if (previousToken) await deleteSession(tx, sha256(previousToken));
      await insertSession(tx, { tokenHash: sha256(token), accountId: account.id, csrfToken, expiresAt });
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
    const session = await touchLiveSession(this.db, sha256(token));
    if (!session) return undefined;
    const account = await new AccountsRepository(this.db).findById(session.accountId);
    if (!account || account.disabledAt !== null) return undefined;
    return { account, csrfToken: session.csrfToken, signedInAt: session.signedInAt };
  }

  async end(token: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const session = await deleteSessionReturningAccount(tx, sha256(token));
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
    await deleteSessionsOfAccount(this.db, accountId);
  }
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = sha256(a);
  const right = sha256(b);
  return timingSafeEqual(left, right);
}
