// The shapes of the Concord HTTP API (v1), taken from the server's own zod schemas so that the
// UI and the API cannot drift apart. Type-only imports: nothing of the server reaches the bundle.
import type { z } from 'zod';
import type * as api from '../../../src/api/schemas.ts';

export type Precision = 'day' | 'month' | 'year';
export type Certainty = 'confirmed' | 'uncertain' | 'disputed';
export const KINDS = ['member', 'partner', 'associate', 'observer', 'applicant', 'suspended', 'designation'] as const;
export type Kind = (typeof KINDS)[number];
export type ActorType = 'state' | 'organization';

export type SourceRef = z.infer<typeof api.SourceRef>;
export type Source = z.infer<typeof api.Source>;
export type Organization = z.infer<typeof api.Organization>;
export type Framework = Organization['frameworks'][number];
export type ActorSummary = z.infer<typeof api.Actor>;
export type Actor = z.infer<typeof api.ActorDetail>;
export type Period = Actor['periods'][number];
export type Member = z.infer<typeof api.Member>;
export type Relation = z.infer<typeof api.Relation>;
export type Claim = z.infer<typeof api.Claim>;
export type ClaimField = Claim['field'];
export type RelationDetail = Relation & { claims: Claim[] };
export type TimelineEvent = z.infer<typeof api.TimelineEvent>;

export interface OrganizationsResponse { organizations: Organization[] }
export interface ActorsResponse { actors: ActorSummary[] }
export interface ActorResponse { actor: Actor }
export interface MembersResponse { organization: string; at: string; members: Member[] }
export interface RelationsResponse { actor: string; at: string; relations: Relation[] }
export interface TimelineResponse { actor: string; events: TimelineEvent[] }
export interface RelationResponse { relation: RelationDetail }

// Accounts, administration and the audit log (issue 3). The account comes from the server's
// schema; the other shapes are declared inside the route modules and restated here.
export type Account = z.infer<typeof api.Account>;
export type Role = Account['role'];
export const ROLES = ['secretariat-admin', 'secretariat-staff', 'delegation-head', 'delegation-member', 'analyst'] as const satisfies readonly Role[];
export const SCOPES = ['registry:write', 'accounts:admin', 'audit:read'] as const;
export type Scope = (typeof SCOPES)[number];

/** What the signed-in person may do, decided by the server's own rules. */
export interface Abilities {
  registry: { write: boolean };
  administration: { manage: boolean };
  audit: { read: boolean };
  account: { manage: boolean };
}
export interface SessionResponse { account: Account | null; abilities: Abilities; csrfToken: string | null }
export interface AuthProviders { oidc: { enabled: boolean; startUrl: string | null } }

export interface ApiToken {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
export interface TokensResponse { tokens: ApiToken[] }
export interface NewTokenResponse { token: string; apiToken: ApiToken }

export type AdminAccount = Account & { disabled: boolean; hasPassword: boolean };
export interface AdminAccountsResponse { accounts: AdminAccount[] }
export interface Delegation { id: number; state: string; accounts: number }
export interface DelegationsResponse { delegations: Delegation[] }

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorEmail: string | null;
  onBehalfOf: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  hash: string;
}
export interface AuditResponse { entries: AuditEntry[] }
export type AuditVerdict = { ok: true; count: number; head: { entryId: number; hash: string } } | { ok: false; entryId: number; reason: string };
export interface SignedHead { entryId: number; hash: string; signedAt: string; publicKey: string; signature: string }
export interface AuditHeadResponse { head: SignedHead | null }
