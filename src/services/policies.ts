/**
 * Who may do what, written once per resource and checked first in every service method, so the
 * HTTP API and the CLI enforce the same rules. The same rules produce the `abilities` sent to
 * the UI with each object, so the UI never re-implements them.
 */
import type { AccountRow } from "../db/repositories/accounts.ts";
import type { Role, Scope } from "../domain/accounts.ts";
import type { ActorType } from "../domain/registry.ts";
import { AppError, ForbiddenError, UnauthenticatedError } from "./errors.ts";
import { type Message, msg } from "../domain/messages/index.ts";

/** Who is acting: a person through an account, Concord itself (CLI, importers, jobs), or nobody. */
export type Principal =
  | { kind: "anonymous" }
  /** `scopes` limit an API token to part of what its account may do; a browser session has none. */
  | { kind: "account"; account: AccountRow; scopes?: ReadonlySet<Scope> }
  /** `organization`: the organisation whose process Concord is carrying out (a decision of its body, a notice to it). */
  | { kind: "system"; name: "cli" | "importer" | "scheduler"; organization?: string };

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

/** What decides who may write relations towards an actor (src/db/repositories/registry-writes.ts, writeTarget). */
export type RegistryTarget = {
  code: string;
  type: ActorType;
  hasSecretariat: boolean;
  hasOwnBody: boolean;
};

/**
 * The registry: public to read. Each organisation's part is written by its own process only:
 * relations towards an organisation with a secretariat in Concord by that secretariat (and its
 * decisions and notices); a state's designations by its own body's decisions, where it has one
 * here; anything else (an organisation with no secretariat here, research data) by a registry
 * curator. Concord's own tools (the CLI, importers, jobs) write anything.
 */
export const registryPolicy = {
  read: (_principal: Principal) => true,
  writeTowards: (principal: Principal, target: RegistryTarget) => {
    if (principal.kind === "system") return true;
    if (principal.kind !== "account" || !scoped(principal, "registry:write")) return false;
    if (target.type === "organization" && target.hasSecretariat)
      return SECRETARIAT.has(principal.account.role) && principal.account.organizationCode === target.code;
    if (target.type === "state" && target.hasOwnBody) return false;
    return principal.account.role === "registry-curator";
  },
  /** Sources are shared by every organisation's part: any secretariat or curator may record one. */
  writeSources: (principal: Principal) =>
    principal.kind === "system" ||
    (principal.kind === "account" &&
      (SECRETARIAT.has(principal.account.role) || principal.account.role === "registry-curator") &&
      scoped(principal, "registry:write")),
  /** Whose record a write is: the writer's organisation, or (Concord's own tools) the organisation whose process they carry out. */
  recordedBy: (principal: Principal): string | null =>
    principal.kind === "account"
      ? principal.account.organizationCode
      : principal.kind === "system"
        ? (principal.organization ?? null)
        : null,
};

/** Accounts, delegations and roles of an organisation: its secretariat's administrators. */
export const administrationPolicy = {
  manage: (principal: Principal, organizationCode: string) =>
    principal.kind === "system" ||
    (roleOf(principal) === "secretariat-admin" &&
      (principal as { account: AccountRow }).account.organizationCode === organizationCode &&
      scoped(principal, "accounts:admin")),
};

/**
 * The audit log. An organisation's administrators read its entries, and nobody else's; a system
 * auditor (a role only the command line grants) reads every organisation's. Tokens need
 * audit:read. Checking the chain is global: it says whether the whole log is intact, and where it
 * first is not, nothing of any entry's contents.
 */
export const auditPolicy = {
  /** Whose entries this principal reads: every organisation's, one organisation's, or none. */
  scope: (principal: Principal): { all: true } | { organization: string } | undefined => {
    if (principal.kind === "system") return { all: true };
    if (principal.kind !== "account" || !scoped(principal, "audit:read")) return undefined;
    if (principal.account.role === "system-auditor") return { all: true };
    if (principal.account.role === "secretariat-admin") return { organization: principal.account.organizationCode };
    return undefined;
  },
  verify: (principal: Principal) => auditPolicy.scope(principal) !== undefined,
  /** Signing the chain's head takes this instance's key: only whoever runs the command line holds it. */
  publishHead: (principal: Principal) => principal.kind === "system",
};

/** Importing a public data set into the registry (COW's state list): the command line only, run by the operator. */
export const importPolicy = {
  run: (principal: Principal) => principal.kind === "system",
};

/**
 * Disputes, court cases and dialogue: a public record, read by anyone, signed in or not, as the
 * registry is (the MID data sets and the courts' record are published; the starter data cites
 * them). Nothing in it belongs to one organisation's part, so nothing one organisation does
 * changes, reveals or delays what another reads. Only Concord's own tools write it: the
 * starter data and `concord import gml-mid` (importPolicy).
 */
export const disputesPolicy = {
  read: (_principal: Principal) => true,
};

/** A regime of information exchange as its rules see it: whose secretariat keeps it, and whether its returns are restricted. */
export type ExchangeScope = { organization: string | null; restricted: boolean };

/**
 * The annual information exchanges. Regimes and their forms are public. A state's return is
 * written (drafted, corrected, submitted) by its own delegation — to the regime's organisation,
 * or, for a regime open to every state (the UN report), its delegation to any organisation here —
 * and by Concord's own tools. Drafts are read by whoever may write them and the regime's
 * secretariat. Submitted returns, and who submitted when, are public unless the regime restricts
 * them: then the regime's secretariat and the delegations (to that organisation) of the states
 * taking part that year read them (the service decides who takes part, from the registry).
 * Another organisation's people read nothing of a restricted regime.
 */
export const exchangesPolicy = {
  readRegimes: (_principal: Principal) => true,
  writeReturn: (principal: Principal, regime: ExchangeScope, state: string) =>
    principal.kind === "system" ||
    (principal.kind === "account" &&
      (principal.account.role === "delegation-head" || principal.account.role === "delegation-member") &&
      principal.account.delegationState === state &&
      (regime.organization === null || principal.account.organizationCode === regime.organization) &&
      scoped(principal, "decisions:write")),
  readDraft: (principal: Principal, regime: ExchangeScope, state: string) =>
    exchangesPolicy.writeReturn(principal, regime, state) ||
    (regime.organization !== null && secretariatOf(principal, regime.organization)),
  /** `participants`: the states taking part in the year read about, by the registry. */
  readSubmitted: (principal: Principal, regime: ExchangeScope, participants: ReadonlySet<string>) =>
    !regime.restricted ||
    principal.kind === "system" ||
    (regime.organization !== null && secretariatOf(principal, regime.organization)) ||
    (principal.kind === "account" &&
      principal.account.organizationCode === regime.organization &&
      principal.account.delegationState !== null &&
      participants.has(principal.account.delegationState)),
};

/**
 * Labelled documents. Each organisation's library is its own: no account of another organisation
 * learns that a document exists (404), whatever its label says. Inside the library, whether a
 * reader sees a version is the label's rule (src/domain/labels/access.ts: clearance, additional
 * sensitivities, the reader's nation inside every permissive category on the day of reading),
 * applied by the service and, for lists and searches, by the repository's query.
 */
export const documentsPolicy = {
  /** Opens the library (each label then decides): the organisation's own accounts. */
  readLibrary: (principal: Principal, organization: string) =>
    principal.kind === "system" ||
    (principal.kind === "account" &&
      principal.account.organizationCode === organization &&
      scoped(principal, "documents:read")),
  /** Adds documents: the organisation's secretariat, and its delegations for their state. */
  upload: (principal: Principal, organization: string) =>
    principal.kind === "system" ||
    (principal.kind === "account" &&
      principal.account.organizationCode === organization &&
      (SECRETARIAT.has(principal.account.role) ||
        principal.account.role === "delegation-head" ||
        principal.account.role === "delegation-member") &&
      scoped(principal, "documents:write")),
  /**
   * Speaks for a document's originator: adds its versions, and asks why a reader cannot see it.
   * The originating state's delegation, or the secretariat when the organisation originated it.
   */
  originate: (principal: Principal, document: { organization: string; originator: string }) =>
    principal.kind === "system" ||
    (documentsPolicy.upload(principal, document.organization) &&
      principal.kind === "account" &&
      (document.originator === document.organization
        ? SECRETARIAT.has(principal.account.role)
        : principal.account.delegationState === document.originator)),
  /** Grants and withdraws personnel security clearances: the organisation's administrators. */
  manageClearances: (principal: Principal, organization: string) =>
    administrationPolicy.manage(principal, organization),
};

/** An organisation's webhooks (what other systems are told of its decisions): its administrators. */
export const webhookPolicy = {
  manage: (principal: Principal, organizationCode: string) => administrationPolicy.manage(principal, organizationCode),
};

/** One's own account (password, tokens): any signed-in person, through a browser session only. */
export const ownAccountPolicy = {
  manage: (principal: Principal) => principal.kind === "account" && principal.scopes === undefined,
};

/**
 * A password an administrator set (a new account's, or one reset) is its owner's to replace
 * first: until then, a session of the account may change the password and sign out, and nothing
 * else. (Its API tokens, made by its owner earlier, go on working.)
 */
export const temporaryPasswordPolicy = {
  pending: (principal: Principal) =>
    principal.kind === "account" && principal.scopes === undefined && principal.account.passwordTemporary,
};

export class PasswordChangeRequiredError extends AppError {
  constructor() {
    super(403, "password_change_required", msg("auth.password_change_required"));
  }
}

/** The delegation an account speaks for: its organisation and state, and whether it heads it. */
function delegationOf(principal: Principal): { organization: string; state: string; head: boolean } | undefined {
  if (principal.kind !== "account" || principal.account.delegationState === null) return undefined;
  return {
    organization: principal.account.organizationCode,
    state: principal.account.delegationState,
    head: principal.account.role === "delegation-head",
  };
}

/**
 * The body a decision is taken in: an organisation's (its member states decide) or a state's
 * own; either way it belongs to one organisation's part of Concord, `organization`.
 */
export type DecidingBody = { actorCode: string; actorType: ActorType; organization: string };

/**
 * What decides who may see a proposal, and anything about it (its notices, its events, its
 * attachments): the body it is decided in, and the state it concerns, if any (a request's
 * state, a designation's designee). A status notice is seen as a proposal of its
 * organisation's own body concerning the state that gave it.
 */
export type ProposalScope = { body: DecidingBody; concernsState: string | null };

/**
 * Which proposals of `bodies` a principal may see, derived from `decisionPolicy.read` for a list
 * filtered in the database: every proposal of `bodies`, and those of `concerning.bodies` that
 * concern `concerning.state`. `read` can tell a proposal concerning the reader's own state from
 * any other only, so asking it of each body twice (concerning nobody, concerning that state) is
 * the whole rule (test/decisions/visibility.test.ts checks the list against `read`).
 */
export type ReadableProposals<B extends DecidingBody> = {
  bodies: B[];
  concerning: { state: string; bodies: B[] } | undefined;
};

/**
 * Decisions. Everything about a proposal holds inside the organisation its body belongs to, and
 * nowhere else: its own people (secretariat, delegations, analysts) read an organisation body's
 * proposals; a state's own body's proposals are read by that state's delegation there and by
 * the delegation of the state they concern. Positions are taken for a state by its delegation
 * head to that organisation, and only by it; an operator's CLI may record one the state gave in
 * writing (audited on the state's behalf). A state's delegation to another organisation has no
 * say and sees nothing: the US delegation to the OAS cannot issue a US designation.
 */
export const decisionPolicy = {
  /** Who may see a proposal: the one rule behind every list, notice, live update and ability about proposals. */
  read: (principal: Principal, proposal: ProposalScope) => {
    if (principal.kind === "system") return true;
    const { body, concernsState } = proposal;
    if (principal.kind !== "account" || principal.account.organizationCode !== body.organization) return false;
    if (body.actorType === "organization") return true;
    const own = delegationOf(principal);
    return own !== undefined && (own.state === body.actorCode || own.state === concernsState);
  },
  /** `read`, asked of each body, as a filter a query can apply (see ReadableProposals). */
  readableIn: <B extends DecidingBody>(principal: Principal, bodies: readonly B[]): ReadableProposals<B> => {
    const all = bodies.filter((body) => decisionPolicy.read(principal, { body, concernsState: null }));
    const state = delegationOf(principal)?.state;
    const concerning =
      state === undefined
        ? []
        : bodies.filter(
            (body) => !all.includes(body) && decisionPolicy.read(principal, { body, concernsState: state }),
          );
    return {
      bodies: all,
      concerning: state !== undefined && concerning.length > 0 ? { state, bodies: concerning } : undefined,
    };
  },
  /** Open a proposal, extend, recirculate, close: the chair's side, the organisation's secretariat (a state body: that state's head). */
  chair: (principal: Principal, body: DecidingBody) => {
    if (principal.kind === "system") return true;
    if (
      principal.kind !== "account" ||
      !scoped(principal, "decisions:write") ||
      principal.account.organizationCode !== body.organization
    )
      return false;
    if (body.actorType === "state")
      return delegationOf(principal)?.head === true && delegationOf(principal)?.state === body.actorCode;
    return SECRETARIAT.has(principal.account.role);
  },
  /** Take a position for `state`: that state's delegation head to the body's organisation (a state's own body: that state's); or the CLI, never the scheduler or importer. */
  speakFor: (principal: Principal, body: DecidingBody, state: string) => {
    if (principal.kind === "system") return principal.name === "cli";
    const own = delegationOf(principal);
    if (
      !own?.head ||
      own.state !== state ||
      own.organization !== body.organization ||
      !scoped(principal, "decisions:write")
    )
      return false;
    return body.actorType === "organization" || body.actorCode === state;
  },
  /** File a request or a notice to `organization` for the state the account's delegation represents. */
  fileFor: (principal: Principal, organization: string): string | undefined => {
    const own = delegationOf(principal);
    return own?.head && own.organization === organization && scoped(principal, "decisions:write")
      ? own.state
      : undefined;
  },
  /**
   * Acknowledge a state's suspension or withdrawal notice to `organization`: its depositary, the
   * organisation's secretariat (and the operator's CLI); never a delegation, nor another
   * organisation's secretariat.
   */
  acknowledgeNotice: (principal: Principal, organization: string) => {
    if (principal.kind === "system") return principal.name === "cli";
    return (
      principal.kind === "account" &&
      SECRETARIAT.has(principal.account.role) &&
      principal.account.organizationCode === organization &&
      scoped(principal, "decisions:write")
    );
  },
};

/** An organisation as the body of its own notices and registry: what `decisionPolicy` asks of it. */
export const organizationBody = (code: string): DecidingBody => ({
  actorCode: code,
  actorType: "organization",
  organization: code,
});

/**
 * What the registry says of the reader's state towards an organisation on the day of asking,
 * which cooperation's rules depend on: the services look it up (the policy stays pure).
 */
export type StandingOfReader = { member: boolean; partner: boolean };

/** A programme as its rules see it: whose organisation, which partner's. */
export type ProgrammeScope = { organization: string; partner: string };

function secretariatOf(principal: Principal, organization: string): boolean {
  return (
    principal.kind === "account" &&
    SECRETARIAT.has(principal.account.role) &&
    principal.account.organizationCode === organization
  );
}

/** A delegation (head or member) of `state` to `organization`. */
function delegationTo(principal: Principal, organization: string, state?: string): boolean {
  const own = delegationOf(principal);
  return (
    own !== undefined &&
    own.organization === organization &&
    (state === undefined || own.state === state) &&
    principal.kind === "account" &&
    (principal.account.role === "delegation-head" || principal.account.role === "delegation-member")
  );
}

/**
 * Cooperation programmes ("self-differentiation and confidentiality"). Everything holds inside
 * one organisation; another organisation's people see none of it but the menu.
 * - The menu is published: anyone reads it; the organisation's secretariat keeps it.
 * - A programme is read whole by the organisation's secretariat, the partner's own delegation,
 *   and the delegations of the organisation's member states (allies) on the day of reading; never
 *   by another partner's delegation. The organisation's analysts read its published summary
 *   (partner, kind, period, versions' status, the agreement decision), not its tree or results.
 * - Drafting: the secretariat and the partner's delegation; proposing for agreement and managing
 *   results (indicators, periods, approving updates): the secretariat. Updates are written by
 *   the indicator's assigned reporters (and the secretariat).
 * - Events: the secretariat sees and runs all; allies' delegations see all; a partner's
 *   delegation sees the events it is eligible for (decided by the service against the registry)
 *   and may propose one; analysts see none.
 * - Nominations are personal data: the secretariat and the nominating delegation read them
 *   (every read audited); allies see how many, never who. A partner's delegation nominates for
 *   its own state only.
 */
export const cooperationPolicy = {
  readMenu: (_principal: Principal) => true,
  manageMenu: (principal: Principal, organization: string) =>
    principal.kind === "system" || (secretariatOf(principal, organization) && scoped(principal, "registry:write")),

  readProgramme: (principal: Principal, programme: ProgrammeScope, standing: StandingOfReader) =>
    principal.kind === "system" ||
    secretariatOf(principal, programme.organization) ||
    delegationTo(principal, programme.organization, programme.partner) ||
    (delegationTo(principal, programme.organization) && standing.member),
  readProgrammeSummary: (principal: Principal, programme: ProgrammeScope, standing: StandingOfReader) =>
    cooperationPolicy.readProgramme(principal, programme, standing) ||
    (principal.kind === "account" &&
      principal.account.role === "analyst" &&
      principal.account.organizationCode === programme.organization),
  draftProgramme: (principal: Principal, programme: ProgrammeScope) =>
    principal.kind === "system" ||
    ((secretariatOf(principal, programme.organization) ||
      delegationTo(principal, programme.organization, programme.partner)) &&
      scoped(principal, "decisions:write")),
  /** Open a programme, propose a version for agreement, manage its results: the secretariat. */
  manageProgramme: (principal: Principal, organization: string) =>
    principal.kind === "system" || (secretariatOf(principal, organization) && scoped(principal, "decisions:write")),
  /** Write an indicator's updates: its assigned reporters, and the secretariat. */
  reportOn: (principal: Principal, organization: string, reporters: readonly string[]) =>
    cooperationPolicy.manageProgramme(principal, organization) ||
    (principal.kind === "account" &&
      principal.account.organizationCode === organization &&
      reporters.includes(principal.account.id) &&
      scoped(principal, "decisions:write")),

  /** See an event: `eligible` is whether the reader's state may take part on its dates. */
  readEvent: (principal: Principal, organization: string, standing: StandingOfReader, eligible: boolean) =>
    principal.kind === "system" ||
    secretariatOf(principal, organization) ||
    (delegationTo(principal, organization) && (standing.member || eligible)),
  runEvents: (principal: Principal, organization: string) => cooperationPolicy.manageProgramme(principal, organization),
  /** Propose an event: the secretariat, or the head of a partner's delegation. */
  proposeEvent: (principal: Principal, organization: string, standing: StandingOfReader) =>
    cooperationPolicy.runEvents(principal, organization) ||
    (delegationOf(principal)?.head === true &&
      delegationOf(principal)?.organization === organization &&
      standing.partner &&
      scoped(principal, "decisions:write")),
  /** Nominate participants for `state`: its delegation to the organisation. */
  nominateFor: (principal: Principal, organization: string, state: string) =>
    delegationTo(principal, organization, state) && scoped(principal, "decisions:write"),
  /** Read the personal data of `state`'s nominees: the secretariat and that state's delegation. */
  readNominees: (principal: Principal, organization: string, state: string) =>
    principal.kind === "system" ||
    secretariatOf(principal, organization) ||
    delegationTo(principal, organization, state),
  /** Read an event's after-action report: the secretariat, and the delegations of states whose participants attended. */
  readEventReport: (principal: Principal, organization: string, attended: boolean) =>
    principal.kind === "system" ||
    secretariatOf(principal, organization) ||
    (delegationTo(principal, organization) && attended),
  /** Read the cooperation notices (reminders) to `state`'s delegation: the secretariat and that delegation. */
  readNoticesTo: (principal: Principal, organization: string, state: string) =>
    principal.kind === "system" ||
    secretariatOf(principal, organization) ||
    delegationTo(principal, organization, state),
  /** A delegation's cooperation dashboard (its programmes, results owed, events, nominations, digests): its own delegation's people. */
  readDashboard: (principal: Principal) =>
    principal.kind === "account" && delegationTo(principal, principal.account.organizationCode),
  /** Keep a secret calendar feed of the events one may see: the secretariat and delegations, from a browser session. */
  keepCalendarFeed: (principal: Principal) =>
    principal.kind === "account" &&
    principal.scopes === undefined &&
    (secretariatOf(principal, principal.account.organizationCode) ||
      delegationTo(principal, principal.account.organizationCode)),
};

/**
 * The search box (src/services/search.ts): what the registry shows (states, organisations,
 * frameworks, sources) is found by anyone who may read the registry; proposals only where
 * `decisionPolicy` lets the reader see them, and of the others nothing is said, not even how many.
 */
export const searchPolicy = {
  run: (principal: Principal) => registryPolicy.read(principal),
  /** The proposals a search may look through: `decisionPolicy.readableIn`, nothing wider. */
  proposalsIn: <B extends DecidingBody>(principal: Principal, bodies: readonly B[]): ReadableProposals<B> =>
    decisionPolicy.readableIn(principal, bodies),
};

/**
 * Throws unless allowed: 401 for nobody signed in, 403 for an account without the right.
 * (For resources whose very existence is confidential, services answer 404 instead.)
 */
export function authorize(
  principal: Principal,
  allowed: boolean,
  what: string | Message,
  options: { whilePasswordTemporary?: boolean } = {},
): void {
  if (allowed && temporaryPasswordPolicy.pending(principal) && !options.whilePasswordTemporary)
    throw new PasswordChangeRequiredError();
  if (allowed) return;
  if (principal.kind === "anonymous") throw new UnauthenticatedError(msg("auth.sign_in_for", { what }));
  throw new ForbiddenError(msg("auth.role_forbids", { what }));
}

/** The audit log's "who", "for whom", and whose part of Concord the entry belongs to. */
export function auditActor(principal: Principal): {
  actor: string;
  onBehalfOf: string | null;
  organization: string | null;
} {
  switch (principal.kind) {
    case "account":
      return {
        actor: principal.account.id,
        onBehalfOf: principal.account.delegationState ?? principal.account.organizationCode,
        organization: principal.account.organizationCode,
      };
    case "system":
      return { actor: principal.name, onBehalfOf: null, organization: principal.organization ?? null };
    case "anonymous":
      return { actor: "anonymous", onBehalfOf: null, organization: null };
  }
}

/** What the UI may offer this principal, from the same rules the services enforce. */
export function abilities(asking: Principal) {
  // A temporary password to replace first: nothing else is offered (the web app asks for a new one).
  const passwordChangeRequired = temporaryPasswordPolicy.pending(asking);
  const principal = passwordChangeRequired ? ANONYMOUS : asking;
  const organization = principal.kind === "account" ? principal.account.organizationCode : "";
  return {
    registry: {
      /** Records its organisation's relations (the secretariat), or research data (a curator). */
      write: principal.kind === "account" && registryPolicy.writeSources(principal),
    },
    administration: { manage: principal.kind === "account" && administrationPolicy.manage(principal, organization) },
    audit: {
      read: auditPolicy.scope(principal) !== undefined,
      /** Reads every organisation's entries (a system auditor), not only its own's. */
      all: "all" in (auditPolicy.scope(principal) ?? {}),
    },
    account: {
      manage: ownAccountPolicy.manage(principal),
      /** Signed in with a password an administrator set: it must be changed before anything else. */
      passwordChangeRequired,
    },
    decisions: {
      /** Reads its organisation's proposals (and those concerning its state). */
      read: decisionPolicy.read(principal, { body: organizationBody(organization), concernsState: null }),
      /** Opens and chairs proposals in its organisation's bodies. */
      chair: principal.kind === "account" && decisionPolicy.chair(principal, organizationBody(organization)),
      /** Heads a delegation: takes positions, files requests and notices, proposes its state's designations. */
      speakFor:
        principal.kind === "account" &&
        principal.account.role === "delegation-head" &&
        scoped(principal, "decisions:write")
          ? principal.account.delegationState
          : null,
    },
    documents: {
      /** Opens its organisation's library (each document's label then decides). */
      read: principal.kind === "account" && documentsPolicy.readLibrary(principal, organization),
      /** Adds documents to it. */
      upload: principal.kind === "account" && documentsPolicy.upload(principal, organization),
      /** Grants clearances to its organisation's accounts. */
      manageClearances: principal.kind === "account" && documentsPolicy.manageClearances(principal, organization),
    },
  };
}
