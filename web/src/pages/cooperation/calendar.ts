/**
 * The event calendar's arithmetic: months as `YYYY-MM`, days as `YYYY-MM-DD`, in UTC so that no
 * time zone moves a day; weeks start on Monday (ISO 8601, as in the organisation's own calendars).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MS_PER_DAY = 86_400_000;

export function isMonth(text: string | null | undefined): text is string {
  return typeof text === "string" && MONTH.test(text) && Number(text.slice(0, 4)) >= 1949;
}

/** The month a day falls in. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

function utc(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(utc(day) + days * MS_PER_DAY);
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  return dayOf(date.getTime()).slice(0, 7);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(utc(day)).getUTCDay() + 6) % 7;
}

/** The weeks a month view shows: Monday to Sunday, from the week of the 1st to that of the last day. */
export function monthGrid(month: string): string[][] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  let day = addDays(first, -weekdayOf(first));
  const weeks: string[][] = [];
  while (day <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

type Dated = { startsOn: string; endsOn: string };

/**
 * The events on each day from `from` to `to` (both included): an event of several days is on each
 * of them. Days without events are left out; each day's events keep the order they came in.
 */
export function eventsByDay<E extends Dated>(events: readonly E[], from: string, to: string): Map<string, E[]> {
  const days = new Map<string, E[]>();
  for (const event of events) {
    const start = event.startsOn > from ? event.startsOn : from;
    const end = event.endsOn < to ? event.endsOn : to;
    for (let day = start; day <= end; day = addDays(day, 1)) {
      const list = days.get(day);
      if (list) list.push(event);
      else days.set(day, [event]);
    }
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

/** Where focus goes from `day` in a month view on a key, or null for a key the grid leaves alone. */
export function dayAfterKey(day: string, key: string): string | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(day, -1);
    case "ArrowRight":
      return addDays(day, 1);
    case "ArrowUp":
      return addDays(day, -7);
    case "ArrowDown":
      return addDays(day, 7);
    case "Home":
      return addDays(day, -weekdayOf(day));
    case "End":
      return addDays(day, 6 - weekdayOf(day));
    case "PageUp":
    case "PageDown": {
      const month = addMonths(monthOfDay(day), key === "PageUp" ? -1 : 1);
      const last = lastDayOf(month);
      const wanted = `${month}-${day.slice(8)}`;
      return wanted > last ? last : wanted;
    }
    default:
      return null;
  }
}
