// The shapes of the Concord HTTP API (v1), taken from the server's own zod schemas so that the
// UI and the API cannot drift apart. Type-only imports: nothing of the server reaches the bundle.
// The domain's vocabulary (kinds, roles, positions, statuses…) is the server's own src/domain:
// pure modules, which pages import directly when they need the values themselves.
import type { z } from "zod";
import type * as api from "../../../src/api/schemas.ts";
import type { ConcordEvent } from "../../../src/services/events.ts";

export type { Precision } from "../../../src/domain/dates.ts";
export type { ActorType, Certainty, ClaimField, RelationKind as Kind } from "../../../src/domain/registry.ts";
export type { Role, Scope } from "../../../src/domain/accounts.ts";
export type { PositionKind } from "../../../src/domain/procedures.ts";
export type { ProposalPurpose, ProposalStatus } from "../../../src/domain/decisions.ts";

export type SourceRef = z.infer<typeof api.SourceRef>;
export type Source = z.infer<typeof api.Source>;
export type Organization = z.infer<typeof api.Organization>;
export type Framework = Organization["frameworks"][number];
export type ActorSummary = z.infer<typeof api.Actor>;
export type Actor = z.infer<typeof api.ActorDetail>;
export type Period = Actor["periods"][number];
export type Member = z.infer<typeof api.Member>;
export type Relation = z.infer<typeof api.Relation>;
export type Claim = z.infer<typeof api.Claim>;
export type RelationDetail = Relation & { claims: Claim[] };
export type TimelineEvent = z.infer<typeof api.TimelineEvent>;

export interface OrganizationsResponse {
  organizations: Organization[];
}
export interface ActorsResponse {
  actors: ActorSummary[];
}
export interface ActorResponse {
  actor: Actor;
}
export interface MembersResponse {
  organization: string;
  at: string;
  members: Member[];
}
export interface RelationsResponse {
  actor: string;
  at: string;
  relations: Relation[];
}
export interface TimelineResponse {
  actor: string;
  events: TimelineEvent[];
}
export interface RelationResponse {
  relation: RelationDetail;
}

// Accounts, administration and the audit log (issue 3), from the server's schemas too.
export type Account = z.infer<typeof api.Account>;

/** What the signed-in person may do, decided by the server's own rules. */
export type Abilities = z.infer<typeof api.Abilities>;
export type SessionResponse = z.infer<typeof api.SessionBody>;
export interface AuthProviders {
  oidc: { enabled: boolean; startUrl: string | null };
}

export type ApiToken = z.infer<typeof api.ApiToken>;
export interface TokensResponse {
  tokens: ApiToken[];
}
export interface NewTokenResponse {
  token: string;
  apiToken: ApiToken;
}

export type AdminAccount = z.infer<typeof api.AdminAccount>;
export interface AdminAccountsResponse {
  accounts: AdminAccount[];
  /** Whether single sign-on is configured for the organisation: without it, every account needs a password. */
  singleSignOn: { configured: boolean };
}
export type Delegation = z.infer<typeof api.Delegation>;
export interface DelegationsResponse {
  delegations: Delegation[];
  eligible: string[];
}

export type AuditEntry = z.infer<typeof api.AuditEntry>;
export interface AuditResponse {
  entries: AuditEntry[];
}
export type AuditVerdict = z.infer<typeof api.AuditVerdict>;
export type SignedHead = z.infer<typeof api.SignedHead>;
export interface AuditHeadResponse {
  head: SignedHead | null;
}

// Decisions: bodies, proposals, positions and outcomes, notices (issue 4), from the server's schemas.
export type Procedure = z.infer<typeof api.Procedure>;
export type MajorityProcedure = Extract<Procedure, { kind: "majority" }>;
export type Fraction = Exclude<MajorityProcedure["threshold"], "simple">;
export type DecisionBody = z.infer<typeof api.Body>;
export type ProposalSummary = z.infer<typeof api.ProposalSummary>;
export type Proposal = z.infer<typeof api.Proposal>;
export type Outcome = NonNullable<Proposal["outcome"]>;
export type GridRow = Proposal["grid"][number];
export type CastPosition = Proposal["positions"][number];
export type Round = Proposal["rounds"][number];
export type StatusNotice = z.infer<typeof api.StatusNotice>;
export interface BodiesResponse {
  bodies: DecisionBody[];
}
export interface ProposalsResponse {
  proposals: ProposalSummary[];
  /** The server's clock when it answered. */
  now: string;
}
export interface ProposalResponse {
  proposal: Proposal;
}
export interface StatusNoticeResponse {
  notice: StatusNotice;
}
/** An organisation's notices, with its periods of notice and the server's date (GET /organizations/{code}/status-notices). */
export interface StatusNoticesResponse {
  notices: StatusNotice[];
  periods: { withdrawalNoticeMonths: number; suspensionNoticeMonths: number };
  today: string;
}
/** A notice not yet in effect, as the public registry shows it. */
export type PendingNotice = z.infer<typeof api.PendingNotice>;
export interface PendingNoticesResponse {
  notices: PendingNotice[];
}
/** What GET /api/v1/events sends in each "change" event. */
export type LiveEvent = ConcordEvent;
