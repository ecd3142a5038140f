/**
 * Browser sessions: a random 256-bit value in an HttpOnly cookie, stored only as its SHA-256.
 * A new session at every sign-in (rotation), deleted at sign-out and, for all of an account's
 * sessions, when its password changes. A change of role, delegation, password or disabling takes
 * effect on the next request: without a cache the session and account are read afresh each time;
 * with one (a long-running server) the copy is dropped at every such change, by NOTIFY from
 * migration 0028's triggers for changes anywhere, and at once for changes this process makes.
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
import type { NotifiedCache } from "../notified-cache.ts";
import { auditActor } from "../policies.ts";

export const SESSION_LIFETIME_HOURS = 12;
/** The channel migration 0028's triggers notify when an account, a delegation or a session changes. */
export const ACCOUNTS_CHANNEL = "concord_accounts_changed";

type ResolvedSession = { account: AccountRow; csrfToken: string; signedInAt: Date; expiresAt: Date };

export type Session = { token: string; csrfToken: string; account: AccountRow; expiresAt: Date };

export function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly cache?: NotifiedCache,
  ) {}

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
    if (previousToken) this.cache?.invalidate();
    return { token, csrfToken, account, expiresAt };
  }

  /** The live session a cookie value opens, with its account as it is now and when it was signed in; undefined otherwise. */
  async resolve(token: string): Promise<{ account: AccountRow; csrfToken: string; signedInAt: Date } | undefined> {
    const tokenHash = sha256(token);
    const key = tokenHash.toString("base64");
    const session = await (this.cache ? this.cache.remember(key, () => this.load(tokenHash)) : this.load(tokenHash));
    // A copy outlives nothing: a session that expired since it was read is refused like the database would.
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return { account: session.account, csrfToken: session.csrfToken, signedInAt: session.signedInAt };
  }

  /** From the database: the session (its last_seen_at set to now) and its enabled account. */
  private async load(tokenHash: Buffer): Promise<ResolvedSession | undefined> {
    const session = await touchLiveSession(this.db, tokenHash);
    if (!session) return undefined;
    const account = await new AccountsRepository(this.db).findById(session.accountId);
    if (!account || account.disabledAt !== null) return undefined;
    return { account, ...session };
  }

  /** Drops every copied session: after a change this process made to accounts, before it answers. */
  forgetCopies(): void {
    this.cache?.invalidate();
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
    this.cache?.invalidate();
  }

  /** Ends every session of an account: on a password change, on disabling it. */
  async endAll(accountId: string): Promise<void> {
    await deleteSessionsOfAccount(this.db, accountId);
    this.cache?.invalidate();
  }
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = sha256(a);
  const right = sha256(b);
  return timingSafeEqual(left, right);
}
