import { FIRST_DAY, isDay, today } from "./dates.ts";
import type { Location } from "./router.ts";
import { setQuery } from "./router.ts";

/** Why the date in a link was not used: it is not a calendar date, or the registry does not cover it. */
export type RefusedDate = { given: string; reason: "malformed" | "out-of-range"; first: string; last: string };

export type DateFromLink = {
  /** The date the page shows: the link's, or today when the link has none or one that was refused. */
  at: string;
  /** The link's `?at=` when it was refused: the page says so, naming it and the range. */
  refused: RefusedDate | null;
};

/**
 * Reads `?at=`. A date that is malformed (`2004-13-01`, `yesterday`) or outside the registry's
 * range (before FIRST_DAY, after today) is refused, never quietly replaced by a nearby one: the
 * page shows today and says which date it could not show and why (DateControl).
 */
export function readDate(query: URLSearchParams, now: string = today()): DateFromLink {
  const given = query.get("at");
  if (given === null || given.trim() === "") return { at: now, refused: null };
  const range = { given, first: FIRST_DAY, last: now };
  if (!isDay(given)) return { at: now, refused: { ...range, reason: "malformed" } };
  if (given < FIRST_DAY || given > now) return { at: now, refused: { ...range, reason: "out-of-range" } };
  return { at: given, refused: null };
}

/** The page's "as of" date: `?at=` when it is a valid day in range, else today (and DateControl says why). */
export function dateFromQuery(location: Location): string {
  return readDate(location.query).at;
}

/** Puts the date in the address (replacing, not adding, a history entry). */
export function setDate(day: string): void {
  setQuery({ at: day });
}
