/**
 * Interstate disputes: the vocabulary and the codes of the Militarized Interstate Dispute data
 * (GML and COW MID codebooks; docs in data/README.md), kept as numbers where the data sets use
 * numbers so that an import keeps exactly what the file says, with their names here.
 */
import type { PartialDate } from "./dates.ts";

/** `hostlev`: the hostility level a state reached, 1–5. */
export const HOSTILITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type HostilityLevel = (typeof HOSTILITY_LEVELS)[number];
export const HOSTILITY_NAMES: Record<HostilityLevel, string> = {
  1: "no militarized action",
  2: "threat to use force",
  3: "display of force",
  4: "use of force",
  5: "war",
};
export const WAR: HostilityLevel = 5;

/** `hiact`: the highest action taken, 0–21 (GML codebook). */
export const ACTION_NAMES: readonly string[] = [
  "no militarized action",
  "threat to use force",
  "threat to blockade",
  "threat to occupy territory",
  "threat to declare war",
  "threat to use CBR weapons",
  "threat to join war",
  "show of force",
  "alert",
  "nuclear alert",
  "mobilization",
  "fortify border",
  "border violation",
  "blockade",
  "occupation of territory",
  "seizure",
  "attack",
  "clash",
  "declaration of war",
  "use of CBR weapons",
  "begin interstate war",
  "join interstate war",
];
export const HIGHEST_ACTION = ACTION_NAMES.length - 1;

/** `fatality`: fatality bands, 0–6. */
export const FATALITY_BANDS: readonly string[] = [
  "none",
  "1–25",
  "26–100",
  "101–250",
  "251–500",
  "501–999",
  "1,000 or more",
];

/** `outcome`, 1–9. */
export const OUTCOME_NAMES: Record<number, string> = {
  1: "victory for side A",
  2: "victory for side B",
  3: "yield by side A",
  4: "yield by side B",
  5: "stalemate",
  6: "compromise",
  7: "released (seizures)",
  8: "unclear",
  9: "joins an ongoing war",
};

/** `settle`, 1–4. */
export const SETTLEMENT_NAMES: Record<number, string> = { 1: "negotiated", 2: "imposed", 3: "none", 4: "unclear" };

/** `revtype`: what a revisionist state sought (0, not applicable, is no revision at all). */
export const REVISION_TYPES = ["territory", "policy", "regime", "other"] as const;
export type RevisionType = (typeof REVISION_TYPES)[number];
export const revisionTypeOfCode = (code: number): RevisionType | undefined => REVISION_TYPES[code - 1];

export const SIDES = ["A", "B"] as const;
export type Side = (typeof SIDES)[number];

/** Court and arbitration cases: the stages a case goes through, in their usual order. */
export const CASE_STAGES = [
  "filing",
  "provisional-measures",
  "preliminary-objections",
  "jurisdiction",
  "merits",
  "judgment",
  "interpretation",
  "discontinuance",
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STATUSES = ["pending", "decided", "discontinued"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The facts of a dispute another source may give differently (shown side by side). */
export const DISPUTE_CLAIM_FIELDS = ["start", "end", "hostility", "outcome", "summary"] as const;
export type DisputeClaimField = (typeof DISPUTE_CLAIM_FIELDS)[number];

/** Dialogue and confidence-building between the parties. */
export const DIALOGUE_KINDS = [
  "meeting",
  "bilateral-commission",
  "hotline",
  "agreement",
  "verification-visit",
  "mediation",
  "other",
] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

/**
 * A participant is a state of the registry (ISO code) where the data set's state has one, and a
 * Correlates of War state otherwise (Austria-Hungary, Bavaria: states that left the system long
 * before ISO 3166 existed), named by its COW code: `COW:300`.
 */
export const cowParticipantKey = (cowCode: number): string => `COW:${cowCode}`;

/** What a pair of states' disputes add up to (the per-pair summary `concord disputes --pair` prints). */
export type PairSummary = {
  pair: [string, string];
  disputes: number;
  firstYear: number | null;
  lastYear: number | null;
  /** The highest hostility either state of the pair reached towards the other, in any year. */
  highestHostility: HostilityLevel | null;
  /** The dispute numbers in which that hostility reached war. */
  wars: number[];
};

/** One dyad-year: the two states' levels in that year of the dispute (GML dyad-year rows). */
export type DyadYear = {
  year: number;
  states: [string, string];
  hostility: [HostilityLevel | null, HostilityLevel | null];
  highestAction: [number | null, number | null];
  fatality: [number | null, number | null];
};

/** A dated fact on a dispute's timeline, at the precision the source gives it. */
export type Incident = {
  id: number;
  date: PartialDate;
  title: string;
  highestAction: number | null;
  hostility: HostilityLevel | null;
  fatality: number | null;
  sources: SourceCitation[];
};

export type SourceCitation = { sourceId: string; quote: string | null; locator: string | null; version: string | null };

/** The dyadic hostility of a dyad-year: the higher of the two states' levels; null when neither is known. */
export function dyadicHostility(levels: [HostilityLevel | null, HostilityLevel | null]): HostilityLevel | null {
  const known = levels.filter((level): level is HostilityLevel => level !== null);
  return known.length === 0 ? null : (Math.max(...known) as HostilityLevel);
}

/** Orders a pair as the database keeps it: the smaller key first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Length limits of stored text (the database's checks, migration 0029). */
export const DISPUTE_LIMITS = {
  name: 200,
  title: 500,
  summary: 4000,
  court: 100,
  basis: 1000,
  participants: 1000,
  outcome: 2000,
  id: 60,
} as const;
