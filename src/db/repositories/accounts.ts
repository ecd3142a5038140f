/** Accounts and delegations: SQL and nothing else. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";

export const ROLES = [
  "secretariat-admin",
  "secretariat-staff",
  "delegation-head",
  "delegation-member",
  "analyst",
  "registry-curator",
  "system-auditor",
] as const;
export type Role = (typeof ROLES)[number];

export type AccountRow = {
  id: string;
  email: string;
  displayName: string;
  organizationCode: string;
  role: Role;
  delegationId: number | null;
  delegationState: string | null;
  passwordHash: string | null;
  disabledAt: string | null;
};

type Executor = Pick<Database, "execute">;

const accountColumns = sql`a.id, a.email, a.display_name AS "displayName", a.organization_code AS "organizationCode",
  a.role, a.delegation_id::int AS "delegationId", d.state_code AS "delegationState",
  a.password_hash AS "passwordHash", a.disabled_at AS "disabledAt"`;

export class AccountsRepository {
  constructor(private readonly db: Executor) {}

  async findByEmail(email: string): Promise<AccountRow | undefined> {
    const result = await this.db.execute(sql`
      SELECT ${accountColumns} FROM accounts a LEFT JOIN delegations d ON d.id = a.delegation_id WHERE a.email = ${email}`);
    return result.rows[0] as AccountRow | undefined;
  }

  async findById(id: string): Promise<AccountRow | undefined> {
    const result = await this.db.execute(sql`
      SELECT ${accountColumns} FROM accounts a LEFT JOIN delegations d ON d.id = a.delegation_id WHERE a.id = ${id}`);
    return result.rows[0] as AccountRow | undefined;
  }

  async countAdministrators(organizationCode: string): Promise<number> {
    const result = await this.db.execute(sql`
      SELECT count(*)::int AS count FROM accounts
      WHERE organization_code = ${organizationCode} AND role = 'secretariat-admin' AND disabled_at IS NULL`);
    return (result.rows[0] as { count: number }).count;
  }

  async insert(account: {
    email: string;
    displayName: string;
    organizationCode: string;
    role: Role;
    delegationId: number | null;
    passwordHash: string | null;
  }): Promise<AccountRow> {
    const result = await this.db.execute(sql`
      INSERT INTO accounts (email, display_name, organization_code, role, delegation_id, password_hash)
      VALUES (${account.email}, ${account.displayName}, ${account.organizationCode}, ${account.role}, ${account.delegationId}, ${account.passwordHash})
      RETURNING id`);
    const { id } = result.rows[0] as { id: string };
    return (await this.findById(id))!;
  }

  async listOf(organizationCode: string): Promise<AccountRow[]> {
    const result = await this.db.execute(sql`
      SELECT ${accountColumns} FROM accounts a LEFT JOIN delegations d ON d.id = a.delegation_id
      WHERE a.organization_code = ${organizationCode} ORDER BY a.email`);
    return result.rows as AccountRow[];
  }

  async update(
    id: string,
    change: { role: Role; delegationId: number | null; displayName: string; disabled: boolean },
  ): Promise<void> {
    await this.db.execute(sql`
      UPDATE accounts SET role = ${change.role}, delegation_id = ${change.delegationId}, display_name = ${change.displayName},
        disabled_at = CASE WHEN ${change.disabled} THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now()
      WHERE id = ${id}`);
  }

  async delegations(organizationCode: string): Promise<Array<{ id: number; state: string; accounts: number }>> {
    const result = await this.db.execute(sql`
      SELECT d.id::int AS id, d.state_code AS state, count(a.id)::int AS accounts
      FROM delegations d LEFT JOIN accounts a ON a.delegation_id = d.id
      WHERE d.organization_code = ${organizationCode} GROUP BY d.id ORDER BY d.state_code`);
    return result.rows as Array<{ id: number; state: string; accounts: number }>;
  }

  /** The delegation of a state to an organisation, made if it does not exist yet; `created` says which. */
  async delegation(organizationCode: string, stateCode: string): Promise<{ id: number; created: boolean }> {
    const inserted = await this.db.execute(sql`
      INSERT INTO delegations (organization_code, state_code) VALUES (${organizationCode}, ${stateCode})
      ON CONFLICT (organization_code, state_code) DO NOTHING
      RETURNING id::int AS id`);
    const made = inserted.rows[0] as { id: number } | undefined;
    if (made) return { id: made.id, created: true };
    const found = await this.db.execute(sql`
      SELECT id::int AS id FROM delegations WHERE organization_code = ${organizationCode} AND state_code = ${stateCode}`);
    return { id: (found.rows[0] as { id: number }).id, created: false };
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE accounts SET password_hash = ${passwordHash}, updated_at = now() WHERE id = ${id}`,
    );
  }

  /** Ends every session of the account; how many there were. */
  async endSessions(accountId: string): Promise<number> {
    const result = await this.db.execute(
      sql`DELETE FROM sessions WHERE account_id = ${accountId} RETURNING account_id`,
    );
    return result.rows.length;
  }

  /**
   * The states the registry relates to the organisation on a day (as member, partner, applicant,
   * observer, …), from its own records and Concord's own data: the states it may have delegations of.
   */
  async statesRelatedTo(organizationCode: string, day: string): Promise<string[]> {
    const result = await this.db.execute(sql`
      SELECT DISTINCT r.subject_code AS code FROM relations r JOIN actors a ON a.code = r.subject_code
      WHERE r.object_code = ${organizationCode} AND r.valid @> ${day}::date AND a.type = 'state'
        AND (r.recorded_by IS NULL OR r.recorded_by = ${organizationCode})
      ORDER BY 1`);
    return (result.rows as Array<{ code: string }>).map((row) => row.code);
  }
}
