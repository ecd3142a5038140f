/** API tokens: SQL and nothing else. Tokens are stored only as SHA-256 hashes. */
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { apiTokens } from "../schema.ts";

type Executor = Pick<Database, "execute" | "select" | "insert" | "update">;

export type ApiTokenRow = {
  id: string;
  accountId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

const columns = {
  id: apiTokens.id,
  accountId: apiTokens.accountId,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Neither revoked nor expired. */
const live = () => and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`));

export class ApiTokensRepository {
  constructor(private readonly db: Executor) {}

  async insert(token: {
    accountId: string;
    name: string;
    tokenHash: Buffer;
    scopes: string[];
    expiresAt: Date;
  }): Promise<ApiTokenRow> {
    const [row] = await this.db
      .insert(apiTokens)
      .values({
        accountId: token.accountId,
        name: token.name,
        tokenHash: token.tokenHash,
        scopes: token.scopes,
        expiresAt: token.expiresAt.toISOString(),
      })
      .returning(columns);
    if (!row) throw new Error("INSERT … RETURNING gave no token");
    return row;
  }

  async listOf(accountId: string): Promise<ApiTokenRow[]> {
    return this.db
      .select(columns)
      .from(apiTokens)
      .where(eq(apiTokens.accountId, accountId))
      .orderBy(desc(apiTokens.createdAt));
  }

  /** The live token with this hash (not revoked, not expired), noting its use at most once a minute. */
  async use(tokenHash: Buffer): Promise<ApiTokenRow | undefined> {
    const [row] = await this.db
      .update(apiTokens)
      .set({
        lastUsedAt: sql`CASE WHEN last_used_at IS NULL OR last_used_at < now() - interval '1 minute' THEN now() ELSE last_used_at END`,
      })
      .where(and(eq(apiTokens.tokenHash, tokenHash), live()))
      .returning(columns);
    return row;
  }

  /** Revokes one of the account's tokens; false when the account has no such live token. */
  async revoke(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.execute(sql`
      UPDATE api_tokens SET revoked_at = now() WHERE id = ${id} AND account_id = ${accountId} AND revoked_at IS NULL RETURNING id`);
    return result.rows.length > 0;
  }

  /** Revokes every live token of the account; how many that was. */
  async revokeAll(accountId: string): Promise<number> {
    const result = await this.db.execute(
      sql`UPDATE api_tokens SET revoked_at = now() WHERE account_id = ${accountId} AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
    );
    return result.rows.length;
  }

  /** The account's tokens that still open it (neither revoked nor expired). */
  async countLive(accountId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.accountId, accountId), live()));
    return row?.n ?? 0;
  }
}
