/**
 * The shapes of the programmes API (issue 13's contract: /api/v1/programmes, its results, the
 * cooperation dashboard) as the programmes pages read them. Type-only: nothing reaches the bundle
 * but what the pages import from src/domain themselves.
 */
import type { Measure, UpdateStatus, VersionStatus } from "../../../../src/domain/cooperation.ts";
import type { Language } from "../../../../src/domain/languages.ts";

export type { Measure, UpdateStatus, VersionStatus };

/** A text in each language, null where it is not translated. */
export type Titles = Partial<Record<Language, string | null>>;

/** A cited source, as the programmes API names it (more fields when the API gives them). */
export interface SourceMention {
  id: string;
  title: string;
  url?: string | null;
  publisher?: string | null;
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  inForceFrom: string | null;
  inForceUntil: string | null;
  proposalId: number | null;
  sourceId: string | null;
}

export interface ProgrammeSummary {
  id: number;
  organization: string;
  partner: string;
  /** The partner's name: in the reader's language, or in each language. */
  partnerName?: string;
  partnerNames?: Titles | string;
  kind: string;
  period: { start: string; end: string };
  status: VersionStatus;
  inForce: number | null;
  versions: VersionSummary[];
  reconstructed: boolean;
  progress: number | null;
}

export interface ProgrammesResponse {
  /** How many the reader may see in all; `programmes` is a page of them. */
  total: number;
  programmes: ProgrammeSummary[];
}

export interface MenuItemRef {
  id: number | string;
  code: string;
  type: string;
  area: string;
  title: string;
}

export interface Activity {
  id: number | string;
  ref: string;
  title: string;
  titles: Titles;
  year: number;
  description: string | null;
  menuItem: MenuItemRef | null;
  source: SourceMention | null;
  quote: string | null;
}

export interface Goal {
  id: number | string;
  ref: string;
  title: string;
  titles: Titles;
  description: string | null;
  source: SourceMention | null;
  quote: string | null;
  progress: number | null;
  activities: Activity[];
}

export interface Objective {
  id: number | string;
  ref: string;
  area: string | null;
  title: string;
  titles: Titles;
  description: string | null;
  source: SourceMention | null;
  quote: string | null;
  goals: Goal[];
}

export interface ProgrammeVersion {
  number: number;
  status: VersionStatus;
  summary: string | null;
  proposalId: number | null;
  sourceId: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  version: ProgrammeVersion;
  tree: Objective[] | null;
  abilities: { draft: boolean; propose: boolean; newVersion?: boolean; manageResults: boolean };
  /** Where and how a version is agreed, when the API says (the organisation's request body). */
  agreement?: { body: { id: string; name: string }; procedure?: { kind: string } | null } | null;
}

/** The answer of GET /programmes/{id}: the detail itself, or wrapped. */
export type ProgrammeResponse = ProgrammeDetail | { programme: ProgrammeDetail };

export function programmeOf(answer: ProgrammeResponse): ProgrammeDetail {
  return "programme" in answer ? answer.programme : answer;
}

export interface Change {
  level: "objective" | "goal" | "activity";
  ref: string;
  change: "added" | "removed" | "changed";
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface CompareResponse {
  from: number;
  to: number;
  changes: Change[];
}

export interface Quantity {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface IndicatorPeriod {
  id: number | string;
  start: string;
  end: string;
  target: Quantity & { comment?: string | null };
  actual: (Quantity & { narrative?: string | null }) | null;
  locked: boolean;
  progress: number | null;
  updates: { draft: number; pendingApproval: number; approved: number; returned: number };
}

export interface Indicator {
  id: number | string;
  programmeId: number;
  goalRef: string;
  ref: string;
  title: string;
  titles: Titles;
  description: string | null;
  measure: Measure;
  ascending: boolean;
  baseline: (Quantity & { year: number | null; comment?: string | null }) | null;
  reporters: Array<{ id: string; name: string }>;
  periods: IndicatorPeriod[];
}

export interface ResultsResponse {
  indicators: Indicator[];
  overview: { missing: unknown[]; late: unknown[]; awaitingApproval: unknown[] };
}

export interface Update {
  id: number | string;
  indicatorId: number | string;
  periodId: number | string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
  status: UpdateStatus;
  reviewComment: string | null;
  createdBy: string | { id: string; name?: string } | null;
  createdAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface UpdatesResponse {
  updates: Update[];
}

/** One event on the dashboard (the events API's Event, as much as the dashboard shows). */
export interface DashboardEvent {
  id: number | string;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  online: boolean;
  nominationDeadline: string | null;
  status: string;
  eligible?: boolean | null;
}

export interface DashboardNomination {
  id: number | string;
  eventId: number | string;
  eventTitle?: string;
  participantName: string;
  rankOrFunction: string | null;
  status: string;
}

/** An update due, late, waiting or returned: the dashboard names its indicator and period. */
export interface DueItem {
  programmeId?: number;
  indicatorId?: number | string;
  indicatorRef?: string;
  indicatorTitle?: string;
  title?: string;
  periodId?: number | string;
  periodEnd?: string;
  end?: string;
  updateId?: number | string;
  comment?: string | null;
  reviewComment?: string | null;
}

export interface DashboardResponse {
  programmes: ProgrammeSummary[];
  events: DashboardEvent[];
  nominations: DashboardNomination[];
  results: { missing: DueItem[]; late: DueItem[]; awaitingApproval: DueItem[]; returned: DueItem[] };
  digests: unknown;
}
