// The shapes of the cooperation API the menu and events pages read (issue 13: /api/v1/menu,
// /api/v1/events, /api/v1/nominations, /api/v1/calendar-feed). The vocabulary is the server's own
// (src/domain/cooperation.ts); type-only imports, nothing of the server reaches the bundle.
import type {
  ActivityType,
  CooperationArea,
  Eligibility,
  EventStatus,
  NominationStatus,
} from "../../../../src/domain/cooperation.ts";
import type { Language } from "../../../../src/domain/languages.ts";

export type { ActivityType, CooperationArea, Eligibility, EventStatus, NominationStatus };

/** A text held in each language: null where it is not translated (English always is). */
export type Titles = Record<Language, string | null>;

export interface MenuItem {
  id: number;
  organization: string;
  code: string;
  area: CooperationArea;
  type: ActivityType;
  /** In the reader's language, else English. */
  title: string;
  titles: Titles;
  description: string | null;
  descriptions: Titles;
  provider: string;
  /** The languages it is taught in (ISO 639-1 codes). */
  languages: string[];
  durationDays: number | null;
  eligibility: Eligibility;
  since: string;
  until: string | null;
  /** The title is not from a source (the starter menu's reconstructed items). */
  illustrative: boolean;
  source: { id: string; title: string } | null;
}

export interface MenuResponse {
  organization: string;
  at: string;
  total: number;
  items: MenuItem[];
}

export interface ImportReport {
  organization: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: Array<{ row: number; code: string | null; field: string; message: string }>;
}

export interface CooperationEvent {
  id: number;
  organization: string;
  menuItem: { id: number; code: string; type: ActivityType; area: CooperationArea; title: string } | null;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  online: boolean;
  provider: string;
  capacity: number | null;
  /** An instant (ISO 8601). */
  nominationDeadline: string;
  status: EventStatus;
  proposedBy: string | null;
  /** Whether the reader's state may take part on its dates; null when the reader has no state. */
  eligible: boolean | null;
  nominations: { total: number; confirmed: number };
  report: string | null;
  reportAt: string | null;
  createdAt: string;
  abilities: { nominate: boolean; run: boolean };
}

export interface Nomination {
  id: number;
  eventId: number;
  state: string;
  participantName: string;
  rankOrFunction: string;
  nation: string;
  status: NominationStatus;
  attended: boolean | null;
  createdAt: string;
}

export interface EventsResponse {
  organization: string;
  events: CooperationEvent[];
  /** More events match than were sent. */
  more: boolean;
}

export type EventDetail = CooperationEvent & { nominees: Nomination[] };

/** The reader's calendar feed: its secret address is given only when it is made (Concord keeps its hash). */
export interface CalendarFeed {
  url: string | null;
  active: boolean;
  createdAt: string | null;
}
