/**
 * The disputes API's answers as the pages read them (src/api/routes/disputes.ts): one dispute's
 * answer is a passthrough in the OpenAPI document, so its shape is written out here.
 */
import type { Precision, SourceRef } from "../../lib/types.ts";

export type Side = "A" | "B";

export interface PartyBrief {
  party: string;
  /** A historical state's name (COW:300); null for a state of the registry, named from it. */
  name: string | null;
  side: Side;
}

export interface DisputeBrief {
  id: string;
  midNumber: number | null;
  name: string | null;
  start: string;
  startPrecision: Precision;
  end: string | null;
  endPrecision: Precision | null;
  ongoing: boolean;
  hostility: number | null;
  fatality: number | null;
  datasetVersion: string | null;
  parties: PartyBrief[];
}

export interface RelationOn {
  organization: string;
  kind: string;
  designation: string | null;
}

export interface PairSummary {
  pair: [string, string];
  disputes: number;
  firstYear: number | null;
  lastYear: number | null;
  highestHostility: number | null;
  wars: number[];
}

export interface DisputesResponse {
  disputes: Array<DisputeBrief & { years: Array<{ year: number; hostility: number | null }> }>;
  total: number;
  limit: number;
  offset: number;
  summary?: PairSummary;
  at?: string;
  relations?: Record<string, RelationOn[]>;
}

export interface PairsResponse {
  pairs: Array<{
    party1: string;
    party2: string;
    disputes: number;
    firstYear: number;
    lastYear: number;
    highestHostility: number | null;
  }>;
  limit: number;
}

export interface Citation {
  sourceId: string;
  quote: string | null;
  locator: string | null;
}

export interface Party {
  party: string;
  stateCode: string | null;
  cowCode: number | null;
  name: string | null;
  side: Side;
  joined: boolean;
  revisionist: boolean;
  seeks: string[];
  hostility: number | null;
  highestAction: number | null;
  fatality: number | null;
  firstYear: number | null;
  lastYear: number | null;
}

export interface DyadYear {
  party1: string;
  party2: string;
  year: number;
  hostility1: number | null;
  hostility2: number | null;
  action1: number | null;
  action2: number | null;
  fatality1: number | null;
  fatality2: number | null;
}

export interface Incident extends Citation {
  id: number;
  date: string;
  precision: Precision;
  title: string | null;
  hostility: number | null;
  highestAction: number | null;
}

export interface Claim extends Citation {
  field: string;
  value: string;
}

export interface Stage extends Citation {
  stage: string;
  date: string;
  summary: string | null;
  document: string | null;
}

export interface CourtCase extends Citation {
  id: string;
  court: string;
  title: string | null;
  applicant: string;
  respondent: string;
  disputeId: string | null;
  basis: string;
  status: "pending" | "decided" | "discontinued";
  stages: Stage[];
}

export interface Dialogue extends Citation {
  id: string;
  kind: string;
  title: string | null;
  states: string[];
  disputeId: string | null;
  start: string;
  startPrecision: Precision;
  end: string | null;
  endPrecision: Precision | null;
  participants: string | null;
  outcome: string | null;
}

export interface DisputeResponse {
  dispute: Omit<DisputeBrief, "parties"> &
    Citation & {
      midEpisodes: number[];
      summary: string | null;
      highestAction: number | null;
      outcome: number | null;
      settlement: number | null;
      minDurationDays: number | null;
      maxDurationDays: number | null;
    };
  parties: Party[];
  dyadYears: DyadYear[];
  incidents: Incident[];
  claims: Claim[];
  episodes: DisputeBrief[];
  cases: CourtCase[];
  dialogues: Dialogue[];
  relations: { at: string; byParty: Record<string, RelationOn[]>; together: string[] };
  /** The cited sources' details, should the API give them: the page then shows each as a SourceCard. */
  sources?: Record<string, SourceRef>;
}

export interface CasesResponse {
  cases: CourtCase[];
}

export interface CaseResponse {
  case: CourtCase;
  sources?: Record<string, SourceRef>;
}
