// The shapes of the Concord HTTP API (v1) as the web UI reads them.

export type Precision = 'day' | 'month' | 'year';
export type Certainty = 'confirmed' | 'uncertain' | 'disputed';
export const KINDS = ['member', 'partner', 'associate', 'observer', 'applicant', 'suspended', 'designation'] as const;
export type Kind = (typeof KINDS)[number];
export type ActorType = 'state' | 'organization';

export interface SourceRef {
  id: string;
  title: string;
  publisher: string;
}

export interface Source extends SourceRef {
  published: string | null;
  publishedPrecision: Precision | null;
  url: string | null;
  perspective: string | null;
  /** A short bibliographic description, where the registry has one. */
  citation?: string | null;
}

export interface Framework {
  slug: string;
  name: string;
}

export interface Organization {
  code: string;
  name: string;
  frameworks: Framework[];
}

export interface ActorSummary {
  code: string;
  type: ActorType;
  name: string;
  isoAlpha2: string | null;
  isoNumeric: string | null;
  cowCode: number | null;
}

export interface Period {
  since: string;
  sincePrecision: Precision;
  until: string | null;
  untilPrecision: Precision | null;
  sourceId?: string | null;
}

export interface Actor extends ActorSummary {
  names: Partial<Record<'en' | 'es' | 'pt' | 'fr', string>>;
  periods: Period[];
}

export interface Member {
  code: string;
  name: string;
  isoNumeric: string | null;
  kind: Kind;
  framework: string | null;
  designation: string | null;
  since: string;
  sincePrecision: Precision;
  until: string | null;
  untilPrecision: Precision | null;
  certainty: Certainty;
  relationId: number;
  sources: SourceRef[];
}

export interface Relation {
  id: number;
  subject: string;
  subjectName: string;
  object: string;
  objectName: string;
  kind: Kind;
  framework: string | null;
  designation: string | null;
  since: string;
  sincePrecision: Precision;
  until: string | null;
  untilPrecision: Precision | null;
  certainty: Certainty;
  note?: string | null;
  sources: SourceRef[];
}

export type ClaimField = 'relation' | 'since' | 'until';

export interface Claim {
  id: number;
  field: ClaimField;
  asserted: string | null;
  assertedPrecision: Precision | null;
  quote: string | null;
  note: string | null;
  source: Source;
}

export interface RelationDetail extends Relation {
  claims: Claim[];
}

export interface TimelineEvent {
  date: string;
  precision: Precision;
  change: 'start' | 'end';
  relation: Relation;
}

export interface OrganizationsResponse { organizations: Organization[] }
export interface ActorsResponse { actors: ActorSummary[] }
export interface ActorResponse { actor: Actor }
export interface MembersResponse { organization: string; at: string; members: Member[] }
export interface RelationsResponse { actor: string; at: string; relations: Relation[] }
export interface TimelineResponse { actor: string; events: TimelineEvent[] }
export interface RelationResponse { relation: RelationDetail }
