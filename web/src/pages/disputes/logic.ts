/**
 * The disputes pages' pure logic: reading the list's filters from the address, the pairs a
 * dispute's timeline draws, where a date of partial precision falls on a line of years, the ticks
 * of that line, and which states a map of a day colours. Unit tests beside it (logic.test.ts).
 */
import { HOSTILITY_LEVELS, type HostilityLevel } from "../../../../src/domain/disputes.ts";
import { isDay } from "../../lib/dates.ts";
import type { Precision } from "../../lib/types.ts";
import type { DisputeBrief, DyadYear, Party, PartyBrief, Side } from "./types.ts";

/** The years the Militarized Interstate Dispute data and the service accept. */
export const FIRST_YEAR = 1816;
export const LAST_YEAR = 2100;
/** The first day a list filter accepts (the MID data begin in 1816). */
export const FIRST_FILTER_DAY = "1816-01-01";
export const PAGE_SIZE = 25;
/** The most disputes of one day the map asks for (the API's largest page). */
export const MAP_LIMIT = 500;

const PARTY = /^([A-Z]{3}|COW:[0-9]{1,4})$/;

export type DisputeFilters = {
  state: string | null;
  other: string | null;
  at: string | null;
  from: string | null;
  to: string | null;
  page: number;
};

function partyOf(text: string | null | undefined): string | null {
  const code = (text ?? "").trim().toUpperCase();
  return PARTY.test(code) ? code : null;
}

function yearOf(text: string | null): string | null {
  if (text === null || !/^\d{4}$/.test(text.trim())) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? String(year) : null;
}

/**
 * The list's filters from the address: `?pair=COL,VEN` (or `?state=COL&other=VEN`), `?state=`,
 * `?at=`, `?from=`, `?to=`, `?page=`. What cannot be used is left out, never guessed at.
 */
export function filtersFrom(query: URLSearchParams): DisputeFilters {
  const pair = (query.get("pair") ?? "").split(",");
  let state = partyOf(query.get("state"));
  let other = partyOf(query.get("other"));
  if (pair.length === 2 && partyOf(pair[0]) && partyOf(pair[1])) {
    state = partyOf(pair[0]);
    other = partyOf(pair[1]);
  }
  if (other !== null && (state === null || state === other)) other = null;
  const at = query.get("at");
  const from = yearOf(query.get("from"));
  let to = yearOf(query.get("to"));
  if (from !== null && to !== null && Number(to) < Number(from)) to = null;
  const page = Number(query.get("page") ?? "1");
  return {
    state,
    other,
    at: isDay(at) && at >= FIRST_FILTER_DAY ? at : null,
    from,
    to,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The API's query for a page of disputes with these filters. */
export function disputesQuery(filters: DisputeFilters, limit: number, offset: number) {
  return {
    state: filters.other === null ? filters.state : null,
    pair: filters.state !== null && filters.other !== null ? `${filters.state},${filters.other}` : null,
    at: filters.at,
    from: filters.from,
    to: filters.to,
    limit: String(limit),
    offset: offset > 0 ? String(offset) : null,
  };
}

export function isHostility(level: number | null | undefined): level is HostilityLevel {
  return level !== null && level !== undefined && (HOSTILITY_LEVELS as readonly number[]).includes(level);
}

/** The class that colours a hostility level (the colours are disputes.css's). */
export function hostilityClass(level: number | null | undefined): string {
  return isHostility(level) ? `h-${level}` : "h-unknown";
}

/** The higher of some levels; null when none is known. */
export function highest(levels: Array<number | null | undefined>): HostilityLevel | null {
  const known = levels.filter(isHostility);
  return known.length === 0 ? null : (Math.max(...known) as HostilityLevel);
}

/** The parties on each side, in the API's order. */
export function bySide<T extends { side: Side }>(parties: T[]): Record<Side, T[]> {
  return { A: parties.filter((p) => p.side === "A"), B: parties.filter((p) => p.side === "B") };
}

/** A pair of states as the database keeps it: the smaller key first. */
export function pairKey(one: string, two: string): string {
  return one < two ? `${one}|${two}` : `${two}|${one}`;
}

/**
 * The rows of a dispute's timeline: every pair of the dyad-years, else every pair of parties on
 * opposite sides (a recorded dispute's episodes give their years), in the order first met.
 */
export function timelinePairs(
  parties: Pick<Party, "party" | "side">[],
  dyadYears: DyadYear[],
): Array<[string, string]> {
  const sideOf = new Map(parties.map((p) => [p.party, p.side]));
  // Side A's state first, as the page names the sides.
  const orient = (one: string, two: string): [string, string] =>
    sideOf.get(one) !== "A" && sideOf.get(two) === "A" ? [two, one] : [one, two];
  const pairs = new Map<string, [string, string]>();
  for (const row of dyadYears) pairs.set(pairKey(row.party1, row.party2), orient(row.party1, row.party2));
  if (pairs.size > 0) return [...pairs.values()];
  const { A, B } = bySide(parties);
  for (const a of A) for (const b of B) pairs.set(pairKey(a.party, b.party), [a.party, b.party]);
  return [...pairs.values()];
}

const startOfYear = (year: number) => Date.UTC(year, 0, 1);

/** Where a day falls in its year, as a fraction of years since year 0: 2008-03-01 → 2008.16. */
export function yearPoint(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  const time = Date.UTC(y, m - 1, d);
  return y + (time - startOfYear(y)) / (startOfYear(y + 1) - startOfYear(y));
}

/**
 * The stretch of time a date of partial precision covers, in fractional years: a day is a day
 * long, a month a month, a year the whole year. A date known only to the year is never drawn as
 * its first of January.
 */
export function dateSpan(day: string, precision: Precision): { from: number; to: number } {
  const [y = 0, m = 1] = day.split("-").map(Number);
  if (precision === "year") return { from: y, to: y + 1 };
  if (precision === "month") {
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return { from: yearPoint(`${y}-${String(m).padStart(2, "0")}-01`), to: yearPoint(next) };
  }
  const from = yearPoint(day);
  return { from, to: from + 1 / 365 };
}

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200];

/** Years to label on a line `width` pixels wide from `first` to `last`: round numbers, at least `gap` pixels apart. */
export function yearTicks(first: number, last: number, width: number, gap = 56): number[] {
  const span = Math.max(1, last - first + 1);
  const perYear = width / span;
  const step = STEPS.find((candidate) => candidate * perYear >= gap) ?? 500;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last + 1; year += step) ticks.push(year);
  return ticks;
}

/** A state's highest hostility among the disputes of a day, and which disputes: what the map colours. */
export function statesOfDay(
  disputes: DisputeBrief[],
): Map<string, { level: HostilityLevel | null; disputes: DisputeBrief[]; party: PartyBrief }> {
  const states = new Map<string, { level: HostilityLevel | null; disputes: DisputeBrief[]; party: PartyBrief }>();
  for (const dispute of disputes)
    for (const party of dispute.parties) {
      const held = states.get(party.party) ?? { level: null, disputes: [], party };
      held.disputes.push(dispute);
      held.level = highest([held.level, dispute.hostility]);
      states.set(party.party, held);
    }
  return states;
}
