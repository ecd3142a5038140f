/**
 * What signed-in people do with their own account: change the password (which ends every
 * session of theirs, a fresh one replacing this one) and keep API tokens for scripts. A token
 * is shown once, at creation; Concord keeps only its SHA-256.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { ApiTokensRepository, type ApiTokenRow } from "../../db/repositories/api-tokens.ts";
import { appendAudit } from "../audit/log.ts";
import { msg } from "../../domain/messages/index.ts";
import { AppError, InvalidRequestError, NotFoundError, RateLimitedError } from "../errors.ts";
import type { RefusalLog } from "../audit/refusals.ts";
import type { SignInLimits } from "./sign-in-limits.ts";
import type { Scope } from "../../domain/accounts.ts";
import { auditActor, authorize, ownAccountPolicy, type Principal } from "../policies.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { sha256, type Session, type SessionsService } from "./sessions.ts";

export const TOKEN_PREFIX = "concord_";

/** A sign-in this recent stands in for the password when a token is made. */
export const RECENT_SIGN_IN_MINUTES = 10;

/** Who is asking again, for what the password is asked for: where they are, and when their session signed in. */
export type Reauthentication = { clientAddress: string; signedInAt?: Date };

export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super(
      403,
      "reauthentication_required",
      msg("accounts.reauthentication_required", { minutes: RECENT_SIGN_IN_MINUTES }),
    );
  }
}

export class OwnAccountService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionsService,
    private readonly limits: SignInLimits,
    private readonly refusals: RefusalLog,
  ) {}

  private account(principal: Principal, options: { whilePasswordTemporary?: boolean } = {}): AccountRow {
    authorize(principal, ownAccountPolicy.manage(principal), msg("activity.managing_own_account"), options);
    return (principal as { account: AccountRow }).account;
  }

  /**
   * Checks the password asked again, counted like sign-in guesses: too many wrong ones from one
   * address wait (429), and each wrong one is recorded. `field` names it in the refusal.
   */
  private async confirmPassword(
    account: AccountRow,
    password: string,
    field: string,
    asking: Reauthentication,
  ): Promise<void> {
    const counted = await this.limits.attempt(asking.clientAddress, { account: account.id });
    if ("wait" in counted) {
      await this.refusals.record({
        kind: "password.refused",
        organization: account.organizationCode,
        actor: account.id,
        source: asking.clientAddress,
        details: { field, limited: 1 },
      });
      throw new RateLimitedError(
        msg("accounts.too_many_wrong_passwords", { minutes: Math.ceil(counted.wait / 60) }),
        counted.wait,
      );
    }
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
      await this.refusals.record({
        kind: "password.refused",
        organization: account.organizationCode,
        actor: account.id,
        source: asking.clientAddress,
        details: { field },
      });
      throw new InvalidRequestError(
        msg(field === "currentPassword" ? "accounts.not_your_current_password" : "accounts.not_your_password"),
        { field },
      );
    }
    await this.limits.succeeded(counted.attempt);
  }

  /**
   * A new password ends every session of the account (a fresh one replaces this one). Its API
   * tokens go on working unless `revokeTokens` says otherwise: the answer says how many remain.
   * This is also how a temporary password an administrator set is replaced: the one thing its
   * sessions may do, and the new one must differ from it.
   */
  async changePassword(
    principal: Principal,
    change: { currentPassword: string; newPassword: string; revokeTokens?: boolean },
    asking: Reauthentication,
  ): Promise<{ session: Session; tokensRevoked: number; tokensRemaining: number }> {
    const account = this.account(principal, { whilePasswordTemporary: true });
    await this.confirmPassword(account, change.currentPassword, "currentPassword", asking);
    const problem = passwordProblem(change.newPassword);
    if (problem) throw new InvalidRequestError(problem, { field: "newPassword" });
    if (account.passwordTemporary && change.newPassword === change.currentPassword)
      throw new InvalidRequestError(msg("accounts.same_as_temporary"), { field: "newPassword" });
    const passwordHash = await hashPassword(change.newPassword);
    const tokens = await this.db.transaction(async (tx) => {
      await new AccountsRepository(tx).setPasswordHash(account.id, passwordHash, false);
      const repository = new ApiTokensRepository(tx);
      const revoked = change.revokeTokens ? await repository.revokeAll(account.id) : 0;
      const remaining = await repository.countLive(account.id);
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "account.password",
        objectType: "account",
        objectId: account.id,
        details: {
          tokensRevoked: revoked,
          tokensRemaining: remaining,
          ...(account.passwordTemporary ? { replacedTemporary: true } : {}),
        },
      });
      return { revoked, remaining };
    });
    await this.sessions.endAll(account.id);
    return {
      session: await this.sessions.start({ ...account, passwordHash, passwordTemporary: false }),
      tokensRevoked: tokens.revoked,
      tokensRemaining: tokens.remaining,
    };
  }

  /** How many of the account's tokens still open it (to say so before a password change). */
  async liveTokens(principal: Principal): Promise<number> {
    return new ApiTokensRepository(this.db).countLive(this.account(principal).id);
  }

  listTokens(principal: Principal): Promise<ApiTokenRow[]> {
    return new ApiTokensRepository(this.db).listOf(this.account(principal).id);
  }

  /**
   * A token opens the account to whoever holds it, for months: making one asks for the password
   * again, unless the session signed in minutes ago. (Checked before the caller's transaction
   * writes anything; a wrong password is counted like a sign-in guess.)
   */
  async createToken(
    principal: Principal,
    request: { name: string; scopes: Scope[]; expiresInDays: number; password?: string },
    asking: Reauthentication,
  ): Promise<{ token: string; row: ApiTokenRow }> {
    const account = this.account(principal);
    if (request.password !== undefined) await this.confirmPassword(account, request.password, "password", asking);
    else if (!asking.signedInAt || Date.now() - asking.signedInAt.getTime() > RECENT_SIGN_IN_MINUTES * 60_000)
      throw new ReauthenticationRequiredError();
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    return this.db.transaction(async (tx) => {
      const row = await new ApiTokensRepository(tx).insert({
        accountId: account.id,
        name: request.name,
        tokenHash: sha256(token),
        scopes: [...new Set(request.scopes)].sort(),
        expiresAt: new Date(Date.now() + request.expiresInDays * 86_400_000),
      });
      const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "token.create",
        objectType: "api_token",
        objectId: row.id,
        after: {
          ...row,
          createdAt: iso(row.createdAt),
          expiresAt: iso(row.expiresAt),
          revokedAt: iso(row.revokedAt),
          lastUsedAt: iso(row.lastUsedAt),
        },
      });
      return { token, row };
    });
  }

  async revokeToken(principal: Principal, id: string): Promise<void> {
    const account = this.account(principal);
    await this.db.transaction(async (tx) => {
      // Another account's token answers as a missing one: its existence is not ours to know.
      if (!(await new ApiTokensRepository(tx).revoke(account.id, id)))
        throw new NotFoundError(msg("accounts.token_not_found", { id }));
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "token.revoke",
        objectType: "api_token",
        objectId: id,
      });
    });
  }

  /** The account and scopes a bearer token opens, or undefined for one that opens nothing. */
  async resolveToken(token: string): Promise<{ account: AccountRow; scopes: Set<Scope> } | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await new ApiTokensRepository(this.db).use(sha256(token));
    if (!row) return undefined;
    const account = await new AccountsRepository(this.db).findById(row.accountId);
    if (!account || account.disabledAt !== null) return undefined;
    return { account, scopes: new Set(row.scopes as Scope[]) };
  }
}
