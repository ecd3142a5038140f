/**
 * Who may do what, written once per resource and checked first in every service method, so the
 * HTTP API and the CLI enforce the same rules. The same rules produce the `abilities` sent to
 * the UI with each object, so the UI never re-implements them.
 */
import type { AccountRow, Role } from "../db/repositories/accounts.ts";
import { ForbiddenError, UnauthenticatedError } from "./errors.ts";

/** Who is acting: a person through an account, Concord itself (CLI, importers, jobs), or nobody. */
export type Principal =
  | { kind: "anonymous" }
  /** `scopes` limit an API token to part of what its account may do; a browser session has none. */
  | { kind: "account"; account: AccountRow; scopes?: ReadonlySet<Scope> }
  | { kind: "system"; name: "cli" | "importer" | "scheduler" };

/** What an API token may be allowed to do, at most what its account may do. */
export const SCOPES = ["registry:write", "accounts:admin", "audit:read"] as const;
export type Scope = (typeof SCOPES)[number];

/** True unless the principal is a token without this scope. */
function scoped(principal: Principal, scope: Scope): boolean {
  return principal.kind !== "account" || principal.scopes === undefined || principal.scopes.has(scope);
}

export const ANONYMOUS: Principal = { kind: "anonymous" };
export const CLI: Principal = { kind: "system", name: "cli" };

const SECRETARIAT: ReadonlySet<Role> = new Set(["secretariat-admin", "secretariat-staff"]);

function roleOf(principal: Principal): Role | undefined {
  return principal.kind === "account" ? principal.account.role : undefined;
}

/** The registry: public to read; written by secretariats (and by Concord's own tools). */
export const registryPolicy = {
  read: (_principal: Principal) => true,
  write: (principal: Principal) =>
    principal.kind === "system" || (SECRETARIAT.has(roleOf(principal)!) && scoped(principal, "registry:write")),
};

/** Accounts, delegations and roles of an organisation: its secretariat's administrators. */
export const administrationPolicy = {
  manage: (principal: Principal, organizationCode: string) =>
    principal.kind === "system" ||
    (roleOf(principal) === "secretariat-admin" &&
      (principal as { account: AccountRow }).account.organizationCode === organizationCode &&
      scoped(principal, "accounts:admin")),
  /** The audit log: secretariat administrators (tokens need audit:read). */
  readAudit: (principal: Principal) => principal.kind === "system" || (roleOf(principal) === "secretariat-admin" && scoped(principal, "audit:read")),
};

/** One's own account (password, tokens): any signed-in person, through a browser session only. */
export const ownAccountPolicy = {
  manage: (principal: Principal) => principal.kind === "account" && principal.scopes === undefined,
};

/** What the UI may offer on a relation. */
export function relationAbilities(principal: Principal) {
  const write = registryPolicy.write(principal);
  return { update: write, end: write, cite: write };
}

/**
 * Throws unless allowed: 401 for nobody signed in, 403 for an account without the right.
 * (For resources whose very existence is confidential, services answer 404 instead.)
 */
export function authorize(principal: Principal, allowed: boolean, what: string): void {
  if (allowed) return;
  if (principal.kind === "anonymous") throw new UnauthenticatedError(`Sign in first: ${what} needs an account.`);
  throw new ForbiddenError(`Your role does not allow ${what}.`);
}

/** The audit log's "who" and "for whom". */
export function auditActor(principal: Principal): { actor: string; onBehalfOf: string | null } {
  switch (principal.kind) {
    case "account":
      return { actor: principal.account.id, onBehalfOf: principal.account.delegationState ?? principal.account.organizationCode };
    case "system":
      return { actor: principal.name, onBehalfOf: null };
    case "anonymous":
      return { actor: "anonymous", onBehalfOf: null };
  }
}

/** What the UI may offer this principal, from the same rules the services enforce. */
export function abilities(principal: Principal) {
  const organization = principal.kind === "account" ? principal.account.organizationCode : "";
  return {
    registry: { write: registryPolicy.write(principal) },
    administration: { manage: principal.kind === "account" && administrationPolicy.manage(principal, organization) },
    audit: { read: administrationPolicy.readAudit(principal) },
    account: { manage: ownAccountPolicy.manage(principal) },
  };
}
