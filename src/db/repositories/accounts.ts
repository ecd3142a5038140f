/** Accounts and delegations: SQL and nothing else. */
import { and, asc, count, eq, isNull, or, sql } from "drizzle-orm";
import type { Role } from "../../domain/accounts.ts";
import type { Database } from "../client.ts";
import { accounts, actors, delegations, relations } from "../schema.ts";

export type AccountRow = {
  id: string;
  email: string;
  displayName: string;
  organizationCode: string;
  role: Role;
  delegationId: number | null;
  delegationState: string | null;
  passwordHash: string | null;
  /** Set by an administrator: the owner must replace it before doing anything else. */
  passwordTemporary: boolean;
  disabledAt: string | null;
};

type Executor = Pick<Database, "execute" | "select" | "selectDistinct" | "insert">;

const accountColumns = {
  id: accounts.id,
  email: accounts.email,
  displayName: accounts.displayName,
  organizationCode: accounts.organizationCode,
  role: accounts.role,
  delegationId: accounts.delegationId,
  delegationState: delegations.stateCode,
  passwordHash: accounts.passwordHash,
  passwordTemporary: accounts.passwordTemporary,
  disabledAt: accounts.disabledAt,
};

export class AccountsRepository {
  constructor(private readonly db: Executor) {}

  /** Accounts with their delegation's state, in the one AccountRow shape. */
  private selectAccounts() {
    return this.db
      .select(accountColumns)
      .from(accounts)
      .leftJoin(delegations, eq(delegations.id, accounts.delegationId));
  }

  async findByEmail(email: string): Promise<AccountRow | undefined> {
    const [row] = await this.selectAccounts().where(eq(accounts.email, email));
    return row;
  }

  async findById(id: string): Promise<AccountRow | undefined> {
    const [row] = await this.selectAccounts().where(eq(accounts.id, id));
    return row;
  }

  async countAdministrators(organizationCode: string): Promise<number> {
    const [row] = await this.db
      .select({ count: count() })
      .from(accounts)
      .where(
        and(
          eq(accounts.organizationCode, organizationCode),
          eq(accounts.role, "secretariat-admin"),
          isNull(accounts.disabledAt),
        ),
      );
    return row?.count ?? 0;
  }

  async insert(account: {
    email: string;
    displayName: string;
    organizationCode: string;
    role: Role;
    delegationId: number | null;
    passwordHash: string | null;
    passwordTemporary?: boolean;
  }): Promise<AccountRow> {
    const [inserted] = await this.db
      .insert(accounts)
      .values({
        email: account.email,
        displayName: account.displayName,
        organizationCode: account.organizationCode,
        role: account.role,
        delegationId: account.delegationId,
        passwordHash: account.passwordHash,
        passwordTemporary: account.passwordTemporary ?? false,
      })
      .returning({ id: accounts.id });
    const row = inserted && (await this.findById(inserted.id));
    if (!row) throw new Error("An account just inserted cannot be read back");
    return row;
  }

  async listOf(organizationCode: string): Promise<AccountRow[]> {
    return this.selectAccounts().where(eq(accounts.organizationCode, organizationCode)).orderBy(asc(accounts.email));
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
    return this.db
      .select({ id: delegations.id, state: delegations.stateCode, accounts: count(accounts.id) })
      .from(delegations)
      .leftJoin(accounts, eq(accounts.delegationId, delegations.id))
      .where(eq(delegations.organizationCode, organizationCode))
      .groupBy(delegations.id)
      .orderBy(asc(delegations.stateCode));
  }

  /** The delegation of a state to an organisation, made if it does not exist yet; `created` says which. */
  async delegation(organizationCode: string, stateCode: string): Promise<{ id: number; created: boolean }> {
    const [made] = await this.db
      .insert(delegations)
      .values({ organizationCode, stateCode })
      .onConflictDoNothing({ target: [delegations.organizationCode, delegations.stateCode] })
      .returning({ id: delegations.id });
    if (made) return { id: made.id, created: true };
    const [found] = await this.db
      .select({ id: delegations.id })
      .from(delegations)
      .where(and(eq(delegations.organizationCode, organizationCode), eq(delegations.stateCode, stateCode)));
    if (!found) throw new Error(`The delegation of ${stateCode} to ${organizationCode} is neither new nor there`);
    return { id: found.id, created: false };
  }

  /** A new hash of the password; `temporary` given, whether it is one an administrator set (otherwise unchanged). */
  async setPasswordHash(id: string, passwordHash: string, temporary?: boolean): Promise<void> {
    await this.db.execute(
      sql`UPDATE accounts SET password_hash = ${passwordHash},
        password_temporary = coalesce(${temporary ?? null}::boolean, password_temporary), updated_at = now()
      WHERE id = ${id}`,
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
    const rows = await this.db
      .selectDistinct({ code: relations.subjectCode })
      .from(relations)
      .innerJoin(actors, eq(actors.code, relations.subjectCode))
      .where(
        and(
          eq(relations.objectCode, organizationCode),
          sql`${relations.valid} @> ${day}::date`,
          eq(actors.type, "state"),
          or(isNull(relations.recordedBy), eq(relations.recordedBy, organizationCode)),
        ),
      )
      .orderBy(asc(relations.subjectCode));
    return rows.map((row) => row.code);
  }
}
