import type { Day } from "./dates.ts";

/**
 * Valid time of a fact: half-open `[since, until)`. The fact holds from `since` (inclusive) to
 * `until` (exclusive); `until` null means it still holds. A relation that ends on a date does
 * not hold on that date: `until` is the first day it no longer holds.
 */
export type Interval = { since: Day; until: Day | null };

export function holdsOn(interval: Interval, day: Day): boolean {
  return interval.since <= day && (interval.until === null || day < interval.until);
}

export function isValidInterval(interval: Interval): boolean {
  return interval.until === null || interval.since < interval.until;
}

/** True when some day lies in both intervals. */
export function overlaps(a: Interval, b: Interval): boolean {
  const aEndsAfterBStarts = a.until === null || b.since < a.until;
  const bEndsAfterAStarts = b.until === null || a.since < b.until;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** PostgreSQL's text form of the same interval: `[2004-03-29,)`. */
export function toDaterange(interval: Interval): string {
  return `[${interval.since},${interval.until ?? ""})`;
}

/** Reads PostgreSQL's canonical daterange text (`[a,b)` or `[a,)`); bounds are always `[)`. */
export function fromDaterange(text: string): Interval {
  const match = /^\[(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})?\)$/.exec(text);
  if (!match?.[1]) throw new Error(`Not a closed-open daterange with a start: ${text}`);
  return { since: match[1], until: match[2] ?? null };
}
