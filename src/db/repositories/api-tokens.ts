/** API tokens: SQL and nothing else. Tokens are stored only as SHA-256 hashes. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

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

const columns = sql`id, account_id AS "accountId", name, scopes, created_at AS "createdAt", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;

export class ApiTokensRepository {
  constructor(private readonly db: Executor) {}

  async insert(token: {
    accountId: string;
    name: string;
    tokenHash: Buffer;
    scopes: string[];
    expiresAt: Date;
  }): Promise<ApiTokenRow> {
    const result = await this.db.execute(sql`
      INSERT INTO api_tokens (account_id, name, token_hash, scopes, expires_at)
      VALUES (${token.accountId}, ${token.name}, ${token.tokenHash}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(token.scopes)}::jsonb)), ${token.expiresAt.toISOString()})
      RETURNING ${columns}`);
    return result.rows[0] as ApiTokenRow;
  }

  async listOf(accountId: string): Promise<ApiTokenRow[]> {
    const result = await this.db.execute(
      sql`SELECT ${columns} FROM api_tokens WHERE account_id = ${accountId} ORDER BY created_at DESC`,
    );
    return result.rows as ApiTokenRow[];
  }

  /** The live token with this hash (not revoked, not expired), noting its use at most once a minute. */
  async use(tokenHash: Buffer): Promise<ApiTokenRow | undefined> {
    const result = await this.db.execute(sql`
      UPDATE api_tokens SET last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < now() - interval '1 minute' THEN now() ELSE last_used_at END
      WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now()
      RETURNING ${columns}`);
    return result.rows[0] as ApiTokenRow | undefined;
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
    const result = await this.db.execute(
      sql`SELECT count(*)::int AS n FROM api_tokens WHERE account_id = ${accountId} AND revoked_at IS NULL AND expires_at > now()`,
    );
    return (result.rows[0] as { n: number }).n;
  }
}
