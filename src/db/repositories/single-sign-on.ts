/**
 * What single sign-on reads and writes about accounts and delegations: SQL and nothing else.
 * Accounts are read back through AccountsRepository, so they leave in the one AccountRow shape.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import type { Role } from "./accounts.ts";

type Executor = Pick<Database, "execute">;

export class SingleSignOnRepository {
  constructor(private readonly db: Executor) {}

  /** The account an identity ("issuer subject") is linked to. */
  async accountIdByIdentity(identity: string): Promise<string | undefined> {
    const result = await this.db.execute(sql`SELECT id FROM accounts WHERE oidc_identity = ${identity}`);
    return (result.rows[0] as { id: string } | undefined)?.id;
  }

  /** The identity an account is linked to, if any. */
  async identityOf(accountId: string): Promise<string | null> {
    const result = await this.db.execute(sql`SELECT oidc_identity AS identity FROM accounts WHERE id = ${accountId}`);
    return (result.rows[0] as { identity: string | null } | undefined)?.identity ?? null;
  }

  async isState(code: string): Promise<boolean> {
    const result = await this.db.execute(sql`SELECT 1 FROM actors WHERE code = ${code} AND type = 'state'`);
    return result.rows.length > 0;
  }

  async isOrganization(code: string): Promise<boolean> {
    const result = await this.db.execute(sql`SELECT 1 FROM actors WHERE code = ${code} AND type = 'organization'`);
    return result.rows.length > 0;
  }

  /** The id of a state's delegation to an organisation, created if it is not there yet. */
  async ensureDelegation(organizationCode: string, stateCode: string): Promise<number> {
    // DO UPDATE (a no-op) rather than DO NOTHING so that RETURNING gives the id either way.
    const result = await this.db.execute(sql`
      INSERT INTO delegations (organization_code, state_code) VALUES (${organizationCode}, ${stateCode})
      ON CONFLICT (organization_code, state_code) DO UPDATE SET state_code = EXCLUDED.state_code
      RETURNING id::int AS id`);
    return (result.rows[0] as { id: number }).id;
  }

  async insertAccount(account: {
    email: string;
    displayName: string;
    organizationCode: string;
    role: Role;
    delegationId: number | null;
    identity: string;
  }): Promise<string> {
    const result = await this.db.execute(sql`
      INSERT INTO accounts (email, display_name, organization_code, role, delegation_id, oidc_identity)
      VALUES (${account.email}, ${account.displayName}, ${account.organizationCode}, ${account.role}, ${account.delegationId}, ${account.identity})
      RETURNING id`);
    return (result.rows[0] as { id: string }).id;
  }

  async linkIdentity(accountId: string, identity: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE accounts SET oidc_identity = ${identity}, updated_at = now() WHERE id = ${accountId}`,
    );
  }

  /** Applies what the provider says about a person: role, delegation, and name when it gives one. */
  async applyClaims(
    accountId: string,
    claims: { role: Role; delegationId: number | null; displayName: string | undefined },
  ): Promise<void> {
    await this.db.execute(sql`
      UPDATE accounts
      SET role = ${claims.role}, delegation_id = ${claims.delegationId},
          display_name = COALESCE(${claims.displayName ?? null}, display_name), updated_at = now()
      WHERE id = ${accountId}
        AND (role, delegation_id, display_name) IS DISTINCT FROM (${claims.role}::account_role, ${claims.delegationId}::bigint, COALESCE(${claims.displayName ?? null}, display_name))`);
  }
}
