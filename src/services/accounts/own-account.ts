/**
 * What signed-in people do with their own account: change the password (which ends every
 * session of theirs, a fresh one replacing this one) and keep API tokens for scripts. A token
 * is shown once, at creation; Concord keeps only its SHA-256.
 */
import { randomBytes } from "node:crypto";
import type { Database, Transaction } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { ApiTokensRepository, type ApiTokenRow } from "../../db/repositories/api-tokens.ts";
import { appendAudit } from "../audit/log.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import { auditActor, authorize, ownAccountPolicy, type Principal, type Scope } from "../policies.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { sha256, type Session, type SessionsService } from "./sessions.ts";

export const TOKEN_PREFIX = "concord_";

export class OwnAccountService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionsService,
  ) {}

  private account(principal: Principal): AccountRow {
    authorize(principal, ownAccountPolicy.manage(principal), "managing an account (API tokens cannot)");
    return (principal as { account: AccountRow }).account;
  }

  async changePassword(principal: Principal, change: { currentPassword: string; newPassword: string }): Promise<Session> {
    const account = this.account(principal);
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, change.currentPassword))) {
      throw new InvalidRequestError("json.currentPassword: is not your current password");
    }
    const problem = passwordProblem(change.newPassword);
    if (problem) throw new InvalidRequestError(`json.newPassword: ${problem}`);
    const passwordHash = await hashPassword(change.newPassword);
    await this.db.transaction(async (tx) => {
      await new AccountsRepository(tx).setPasswordHash(account.id, passwordHash);
      await appendAudit(tx, { ...auditActor(principal), action: "account.password", objectType: "account", objectId: account.id });
    });
    await this.sessions.endAll(account.id);
    return this.sessions.start({ ...account, passwordHash });
  }

  listTokens(principal: Principal): Promise<ApiTokenRow[]> {
    return new ApiTokensRepository(this.db).listOf(this.account(principal).id);
  }

  async createToken(principal: Principal, request: { name: string; scopes: Scope[]; expiresInDays: number }, tx: Transaction): Promise<{ token: string; row: ApiTokenRow }> {
    const account = this.account(principal);
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
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
      after: { ...row, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt), revokedAt: iso(row.revokedAt), lastUsedAt: iso(row.lastUsedAt) },
    });
    return { token, row };
  }

  async revokeToken(principal: Principal, id: string): Promise<void> {
    const account = this.account(principal);
    await this.db.transaction(async (tx) => {
      // Another account's token answers as a missing one: its existence is not ours to know.
      if (!(await new ApiTokensRepository(tx).revoke(account.id, id))) throw new NotFoundError(`You have no live API token with the id ${id}.`);
      await appendAudit(tx, { ...auditActor(principal), action: "token.revoke", objectType: "api_token", objectId: id });
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
