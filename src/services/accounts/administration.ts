/**
 * An organisation's administrators manage its accounts, delegations and roles. Everything here
 * is scoped to the administrator's own organisation: another organisation's account answers as
 * missing (404), so nobody learns who has an account elsewhere. Reading account data is itself
 * recorded in the audit log, in the same transaction as the read.
 */
import { z } from "zod";
import type { OidcConfig } from "../../config/oidc.ts";
import type { Database, Transaction } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import { ApiTokensRepository } from "../../db/repositories/api-tokens.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import { delegationNeed, ROLES, type Role } from "../../domain/accounts.ts";
import { today } from "../../domain/dates.ts";
import { msg } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { ConflictError, ForbiddenError, HiddenError, InvalidRequestError, NotFoundError, present } from "../errors.ts";
import { administrationPolicy, auditActor, authorize, type Principal } from "../policies.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";

export type NewAccount = {
  email: string;
  displayName: string;
  role: Role;
  delegation?: string | null;
  /** A temporary password, its owner's to change at first sign-in; none: single sign-on only. */
  password?: string;
};
export type AccountChange = { role?: Role; delegation?: string | null; displayName?: string; disabled?: boolean };

/** What the audit log keeps of an account: never its password hash. */
export function auditView(account: AccountRow) {
  const { passwordHash: _secret, ...rest } = account;
  return { ...rest, hasPassword: account.passwordHash !== null };
}

export class AdministrationService {
  /** `singleSignOn`: how single sign-on is configured (CONCORD_OIDC_*), if it is: whose accounts may do without a password. */
  constructor(
    private readonly db: Database,
    private readonly options: { singleSignOn?: Pick<OidcConfig, "organizationCode"> | undefined } = {},
  ) {}

  /** Whether this organisation's people can sign in through single sign-on (configured, and for it). */
  singleSignOnFor(organization: string): boolean {
    return this.options.singleSignOn?.organizationCode === organization;
  }

  /** Whether the administrator's organisation has single sign-on: what an account without a password needs. */
  singleSignOn(principal: Principal): { configured: boolean } {
    return { configured: this.singleSignOnFor(this.organizationOf(principal)) };
  }

  private organizationOf(principal: Principal, organizationCode?: string): string {
    const code = organizationCode ?? (principal.kind === "account" ? principal.account.organizationCode : "");
    authorize(principal, administrationPolicy.manage(principal, code), msg("activity.managing_accounts"));
    return code;
  }

  async listAccounts(principal: Principal): Promise<AccountRow[]> {
    const organization = this.organizationOf(principal);
    return this.db.transaction(async (tx) => {
      const accounts = await new AccountsRepository(tx).listOf(organization);
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "account.list",
        objectType: "organization",
        objectId: organization,
        details: { count: accounts.length },
      });
      return accounts;
    });
  }

  async createAccount(principal: Principal, input: NewAccount): Promise<AccountRow> {
    const organization = this.organizationOf(principal);
    refuseAuditorRole(input.role);
    return this.db.transaction(async (tx) => {
      const accounts = new AccountsRepository(tx);
      const email = input.email.trim().toLowerCase();
      if (await accounts.findByEmail(email)) throw new ConflictError(msg("accounts.email_taken", { email }));
      const delegationId = await this.delegationFor(tx, principal, organization, input.role, input.delegation ?? null);
      if (input.password === undefined && !this.singleSignOnFor(organization))
        throw new InvalidRequestError(msg("accounts.password_needed", { organization }), { field: "password" });
      let passwordHash: string | null = null;
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password);
        if (problem) throw new InvalidRequestError(problem, { field: "password" });
        passwordHash = await hashPassword(input.password);
      }
      const account = await accounts.insert({
        email,
        displayName: input.displayName,
        organizationCode: organization,
        role: input.role,
        delegationId,
        passwordHash,
        // A password an administrator chose is theirs to know: its owner replaces it at first sign-in.
        passwordTemporary: passwordHash !== null,
      });
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "account.create",
        objectType: "account",
        objectId: account.id,
        after: auditView(account),
      });
      return account;
    });
  }

  /** A new role, delegation, name or state: in force from the account's next request. */
  async updateAccount(principal: Principal, id: string, change: AccountChange): Promise<AccountRow> {
    const organization = this.organizationOf(principal);
    return this.db.transaction(async (tx) => {
      const accounts = new AccountsRepository(tx);
      const before = z.uuid().safeParse(id).success ? await accounts.findById(id) : undefined;
      if (!before) throw new NotFoundError(msg("accounts.account_not_found", { organization, id }));
      if (before.organizationCode !== organization)
        throw new HiddenError(msg("accounts.account_not_found", { organization, id }));
      if (change.role !== undefined && change.role !== before.role) {
        refuseAuditorRole(change.role);
        refuseAuditorRole(before.role);
      }
      const role = change.role ?? before.role;
      const delegationState = change.delegation === undefined ? before.delegationState : change.delegation;
      const delegationId = await this.delegationFor(tx, principal, organization, role, delegationState);
      const disabled = change.disabled ?? before.disabledAt !== null;
      const stillAdministers = role === "secretariat-admin" && !disabled;
      if (
        before.role === "secretariat-admin" &&
        !stillAdministers &&
        (await accounts.countAdministrators(organization)) <= 1
      ) {
        throw new ConflictError(msg("accounts.last_administrator_here", { organization }));
      }
      await accounts.update(id, {
        role,
        delegationId,
        displayName: change.displayName ?? before.displayName,
        disabled,
      });
      const after = present(await accounts.findById(id), `account ${id}`);
      // Disabling ends the account's sessions and revokes its tokens for good: enabling it again gives back neither.
      const ended =
        disabled && before.disabledAt === null
          ? {
              sessionsEnded: await accounts.endSessions(id),
              tokensRevoked: await new ApiTokensRepository(tx).revokeAll(id),
            }
          : undefined;
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "account.update",
        objectType: "account",
        objectId: id,
        before: auditView(before),
        after: auditView(after),
        details: ended,
      });
      return after;
    });
  }

  /**
   * Gives the account a temporary password, which its owner must change at the next sign-in
   * before doing anything else. Every session of the account ends at once (whoever was signed in
   * signs in again, with the new password); its API tokens go on working. A system auditor's is
   * the command line's business, and one's own password is changed on one's account page.
   */
  async setTemporaryPassword(
    principal: Principal,
    id: string,
    password: string,
  ): Promise<{ account: AccountRow; sessionsEnded: number }> {
    const organization = this.organizationOf(principal);
    const problem = passwordProblem(password);
    if (problem) throw new InvalidRequestError(problem, { field: "password" });
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const accounts = new AccountsRepository(tx);
      const before = z.uuid().safeParse(id).success ? await accounts.findById(id) : undefined;
      if (!before) throw new NotFoundError(msg("accounts.account_not_found", { organization, id }));
      if (before.organizationCode !== organization)
        throw new HiddenError(msg("accounts.account_not_found", { organization, id }));
      if (before.role === "system-auditor") throw new ForbiddenError(msg("accounts.auditor_password"));
      if (principal.kind === "account" && principal.account.id === before.id)
        throw new ConflictError(msg("accounts.own_password"));
      await accounts.setPasswordHash(id, passwordHash, true);
      const sessionsEnded = await accounts.endSessions(id);
      const after = present(await accounts.findById(id), `account ${id}`);
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "account.temporary-password",
        objectType: "account",
        objectId: id,
        before: auditView(before),
        after: auditView(after),
        details: { sessionsEnded },
      });
      return { account: after, sessionsEnded };
    });
  }

  /** The organisation's delegations, and the states it may record one of today (those the registry relates to it). */
  async listDelegations(principal: Principal) {
    const organization = this.organizationOf(principal);
    const accounts = new AccountsRepository(this.db);
    return {
      delegations: await accounts.delegations(organization),
      eligible: await accounts.statesRelatedTo(organization, today(await databaseNow(this.db))),
    };
  }

  /** Records a state's delegation; one already recorded is answered as it is, and not recorded twice. */
  async createDelegation(
    principal: Principal,
    stateCode: string,
  ): Promise<{ id: number; state: string; created: boolean }> {
    const organization = this.organizationOf(principal);
    return this.db.transaction(async (tx) => {
      const state = await this.requireState(tx, organization, stateCode);
      const { id, created } = await this.delegation(tx, principal, organization, state);
      return { id, state, created };
    });
  }

  /** The delegation, made (and audited) when it is not there yet. */
  private async delegation(tx: Transaction, principal: Principal, organization: string, state: string) {
    const delegation = await new AccountsRepository(tx).delegation(organization, state);
    if (delegation.created) {
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "delegation.create",
        objectType: "delegation",
        objectId: delegation.id,
        after: { organization, state },
      });
    }
    return delegation;
  }

  /** The delegation an account of this role belongs to: required for delegation roles, refused for secretariat ones. */
  private async delegationFor(
    tx: Transaction,
    principal: Principal,
    organization: string,
    role: Role,
    stateCode: string | null,
  ): Promise<number | null> {
    if (!(ROLES as readonly string[]).includes(role))
      throw new InvalidRequestError(msg("validation.one_of", { options: ROLES.join(", ") }), { field: "role" });
    if (delegationNeed(role) === "none") {
      if (stateCode)
        throw new InvalidRequestError(msg("accounts.role_without_delegation", { role }), { field: "delegation" });
      return null;
    }
    if (!stateCode) {
      if (delegationNeed(role) === "required")
        throw new InvalidRequestError(msg("accounts.role_needs_delegation", { role }), { field: "delegation" });
      return null;
    }
    return (
      await this.delegation(
        tx,
        principal,
        organization,
        await this.requireState(tx, organization, stateCode, "delegation"),
      )
    ).id;
  }

  /**
   * A state the registry relates to the organisation today (member, partner, applicant, observer…),
   * by its own records or Concord's own data: an organisation has delegations of its own states
   * only, so nobody can make, say, a US delegation in an organisation the US has nothing to do with.
   */
  private async requireState(
    tx: Transaction,
    organization: string,
    stateCode: string,
    field = "state",
  ): Promise<string> {
    const state = await new RegistryRepository(tx).findActor(stateCode.toUpperCase());
    if (state?.type !== "state")
      throw new InvalidRequestError(msg("accounts.not_a_state", { code: stateCode }), { field });
    const related = await new AccountsRepository(tx).statesRelatedTo(organization, today(await databaseNow(tx)));
    if (!related.includes(state.code)) {
      throw new InvalidRequestError(msg("accounts.state_unrelated", { state: state.code, organization }), { field });
    }
    return state.code;
  }
}

function refuseAuditorRole(role: Role): void {
  if (role === "system-auditor") throw new ForbiddenError(msg("accounts.auditor_role"));
}
