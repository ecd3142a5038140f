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
