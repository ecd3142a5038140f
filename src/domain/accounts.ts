/**
 * The vocabulary of accounts: the roles a person can hold in an organisation, which of them an
 * administrator may give, which take a delegation, and what an API token may be allowed to do.
 * The database enumerates the roles too (`account_role`; `src/db/vocabulary.test.ts` checks
 * they agree). Who may do what with a role is decided in `src/services/policies.ts`. Pure: the
 * web app imports this module too.
 */

/** The roles an organisation's administrator may give, in the order the forms list them. */
export const ASSIGNABLE_ROLES = [
  "secretariat-admin",
  "secretariat-staff",
  "delegation-head",
  "delegation-member",
  "analyst",
  "registry-curator",
] as const;

/**
 * Every role. A system auditor reads every organisation's audit log: only the command line
 * makes or unmakes one (AccountsService.setSystemAuditor), so no administrator may give it.
 */
export const ROLES = [...ASSIGNABLE_ROLES, "system-auditor"] as const;
export type Role = (typeof ROLES)[number];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/**
 * Whether an account of this role belongs to a state's delegation: heads and members speak for
 * a state (required); an analyst may work for one (optional); the secretariat, curators and
 * auditors belong to none.
 */
export function delegationNeed(role: Role): "required" | "optional" | "none" {
  switch (role) {
    case "delegation-head":
    case "delegation-member":
      return "required";
    case "analyst":
      return "optional";
    case "secretariat-admin":
    case "secretariat-staff":
    case "registry-curator":
    case "system-auditor":
      return "none";
  }
}

/** What an API token may be allowed to do, at most what its account may do. */
export const SCOPES = [
  "registry:write",
  "decisions:write",
  "accounts:admin",
  "audit:read",
  "documents:read",
  "documents:write",
] as const;
export type Scope = (typeof SCOPES)[number];
