/**
 * What single sign-on reads and writes about accounts and delegations: SQL and nothing else.
 * Accounts are read back through AccountsRepository, so they leave in the one AccountRow shape.
 */
import { eq, sql } from "drizzle-orm";
import type { Role } from "../../domain/accounts.ts";
import type { Database } from "../client.ts";
import { accounts, delegations } from "../schema.ts";

type Executor = Pick<Database, "execute" | "select" | "insert">;

export class SingleSignOnRepository {
  constructor(private readonly db: Executor) {}

  /** The account an identity ("issuer subject") is linked to. */
  async accountIdByIdentity(identity: string): Promise<string | undefined> {
    const [row] = await this.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.oidcIdentity, identity));
    return row?.id;
  }

  /** The identity an account is linked to, if any. */
  async identityOf(accountId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ identity: accounts.oidcIdentity })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return row?.identity ?? null;
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
    const [row] = await this.db
      .insert(delegations)
      .values({ organizationCode, stateCode })
      .onConflictDoUpdate({
        target: [delegations.organizationCode, delegations.stateCode],
        set: { stateCode: sql`excluded.state_code` },
      })
      .returning({ id: delegations.id });
    if (!row) throw new Error("INSERT … RETURNING gave no delegation");
    return row.id;
  }

  async insertAccount(account: {
    email: string;
    displayName: string;
    organizationCode: string;
    role: Role;
    delegationId: number | null;
    identity: string;
  }): Promise<string> {
    const [row] = await this.db
      .insert(accounts)
      .values({
        email: account.email,
        displayName: account.displayName,
        organizationCode: account.organizationCode,
        role: account.role,
        delegationId: account.delegationId,
        oidcIdentity: account.identity,
      })
      .returning({ id: accounts.id });
    if (!row) throw new Error("INSERT … RETURNING gave no account");
    return row.id;
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
