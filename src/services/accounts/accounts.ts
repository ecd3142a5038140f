/**
 * Accounts: creating the first administrator from the command line, and checking a password
 * without telling, by answer or by timing, whether an account exists.
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import { ConflictError, InvalidRequestError, present } from "../errors.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor, CLI } from "../policies.ts";
import { auditView } from "./administration.ts";
import { decoyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from "./passwords.ts";
import { msg } from "../../domain/messages/index.ts";

const email = z
  .email("must be an e-mail address")
  .max(254)
  .transform((value) => value.toLowerCase());

export class AccountsService {
  constructor(private readonly db: Database) {}

  /**
   * Creates a secretariat administrator. Only the command line calls this: whoever runs it on
   * the server's machine already holds the keys to the database.
   */
  async createAdministrator(input: {
    email: string;
    password: string;
    organizationCode: string;
    displayName?: string;
  }): Promise<AccountRow> {
    const address = email.safeParse(input.email);
    if (!address.success)
      throw new InvalidRequestError(
        msg("accounts.email_invalid", { reason: String(address.error.issues[0]?.message), got: input.email }),
        { field: "email" },
      );
    const problem = passwordProblem(input.password);
    if (problem) throw new InvalidRequestError(problem, { field: "password" });
    const organization = await new RegistryRepository(this.db).findActor(input.organizationCode.toUpperCase());
    if (organization?.type !== "organization") {
      throw new InvalidRequestError(msg("accounts.not_an_organization", { code: input.organizationCode }), {
        field: "organization",
      });
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const accounts = new AccountsRepository(tx);
      if (await accounts.findByEmail(address.data))
        throw new ConflictError(msg("accounts.email_taken", { email: address.data }));
      const account = await accounts.insert({
        email: address.data,
        displayName: input.displayName?.trim() || address.data,
        organizationCode: organization.code,
        role: "secretariat-admin",
        delegationId: null,
        passwordHash,
      });
      await appendAudit(tx, {
        ...auditActor(CLI),
        organization: organization.code,
        action: "account.create",
        objectType: "account",
        objectId: account.id,
        after: auditView(account),
      });
      return account;
    });
  }

  /**
   * Makes an account a system auditor, who reads every organisation's audit log, or takes that
   * back (the account becomes an analyst of its organisation). Only the command line calls this:
   * no organisation's administrator can give anyone the whole log.
   */
  async setSystemAuditor(emailAddress: string, grant: boolean): Promise<AccountRow> {
    const address = emailAddress.trim().toLowerCase();
    return this.db.transaction(async (tx) => {
      const accounts = new AccountsRepository(tx);
      const before = await accounts.findByEmail(address);
      if (!before)
        throw new InvalidRequestError(msg("accounts.no_such_account", { email: address }), { field: "email" });
      if (grant === (before.role === "system-auditor")) return before;
      if (
        !grant ||
        before.role !== "secretariat-admin" ||
        (await accounts.countAdministrators(before.organizationCode)) > 1
      ) {
        await accounts.update(before.id, {
          role: grant ? "system-auditor" : "analyst",
          delegationId: null,
          displayName: before.displayName,
          disabled: before.disabledAt !== null,
        });
      } else {
        throw new ConflictError(
          msg("accounts.last_administrator", { email: address, organization: before.organizationCode }),
        );
      }
      const after = present(await accounts.findById(before.id), `account ${before.id}`);
      await appendAudit(tx, {
        ...auditActor(CLI),
        organization: after.organizationCode,
        action: grant ? "account.grant-auditor" : "account.revoke-auditor",
        objectType: "account",
        objectId: after.id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /**
   * The account these credentials open, or undefined — the same answer, after the same work,
   * for an unknown address, a wrong password and a disabled account.
   */
  async authenticate(emailAddress: string, password: string): Promise<AccountRow | undefined> {
    const accounts = new AccountsRepository(this.db);
    const account = await accounts.findByEmail(emailAddress.trim().toLowerCase());
    const stored = account?.passwordHash ?? (await decoyHash());
    const matches = await verifyPassword(stored, password);
    if (!account?.passwordHash || !matches || account.disabledAt !== null) return undefined;
    if (needsRehash(account.passwordHash)) await accounts.setPasswordHash(account.id, await hashPassword(password));
    return account;
  }
}
