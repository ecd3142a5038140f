import type { Day, Precision } from "./dates.ts";

export type TimelineEvent<R> = { date: Day; precision: Precision; change: "start" | "end"; relation: R };

type Dated = {
  id: number;
  since: Day;
  sincePrecision: Precision;
  until: Day | null;
  untilPrecision: Precision | null;
};

/**
 * Every change over time: each relation starts once and, if it has ended, ends once.
 * In date order; on the same day an end comes before a start, so that a relation replaced
 * by another on one date (a suspension lifted, a member returning) reads in the order it happened.
 */
export function timeline<R extends Dated>(relations: readonly R[]): TimelineEvent<R>[] {
  const events: TimelineEvent<R>[] = [];
  for (const relation of relations) {
    events.push({ date: relation.since, precision: relation.sincePrecision, change: "start", relation });
    if (relation.until !== null) {
      events.push({ date: relation.until, precision: relation.untilPrecision ?? "day", change: "end", relation });
    }
  }
  const changeOrder = { end: 0, start: 1 } as const;
  return events.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || changeOrder[a.change] - changeOrder[b.change] || a.relation.id - b.relation.id,
  );
}
