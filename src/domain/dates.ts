/**
 * Calendar dates as the sources give them: to the day ("2004-03-29"), the month ("May 2018")
 * or the year ("1998"). A partial date is stored as the first day of its period together
 * with its precision, so that it sorts and compares like any other date while the API can
 * still say how much of it is known.
 */

export const PRECISIONS = ["day", "month", "year"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A calendar day as ISO 8601 text, `YYYY-MM-DD`. Compared as text: the format sorts by date. */
export type Day = string;

export type PartialDate = { date: Day; precision: Precision };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** True for a real calendar day in `YYYY-MM-DD` form: `2024-02-29` yes, `2023-02-30` no. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; the precision follows from the form.
 * Returns undefined for anything else, including impossible days such as `2023-02-30`.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  if (DAY.test(text)) return isDay(text) ? { date: text, precision: "day" } : undefined;
  const month = MONTH.exec(text);
  if (month) {
    const monthNumber = Number(month[2]);
    return monthNumber >= 1 && monthNumber <= 12 && Number(month[1]) >= 1
      ? { date: `${text}-01`, precision: "month" }
      : undefined;
  }
  if (YEAR.test(text) && Number(text) >= 1) return { date: `${text}-01-01`, precision: "year" };
  return undefined;
}

/** The first day after all of a partial date's span: 2019-02 → 2019-03-01, 1995 → 1996-01-01. */
export function dayAfterPartial(value: PartialDate): Day {
  if (value.precision === "day") return addDays(value.date, 1);
  return addMonths(value.date, value.precision === "year" ? 12 : 1);
}

/** The shortest text that says what is known: `2018-05` for a month-precise date. */
export function formatPartialDate(value: PartialDate): string {
  switch (value.precision) {
    case "day":
      return value.date;
    case "month":
      return value.date.slice(0, 7);
    case "year":
      return value.date.slice(0, 4);
  }
}

/** The day `days` after `day` (before, when negative); the result stays within years 1 to 9999. */
export function addDays(day: Day, days: number): Day {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // Not Date.UTC(year, …): it reads years 0 to 99 as 1900 to 1999.
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, date + days);
  const movedYear = moved.getUTCFullYear();
  if (movedYear < 1 || movedYear > 9999)
    throw new RangeError(`${day} moved by ${days} days leaves the years 1 to 9999`);
  return moved.toISOString().slice(0, 10);
}

/**
 * The day `months` months after `day`, on the same day of the month or, when that month is
 * shorter, its last day: six months after 2018-08-31 is 2019-02-28.
 */
export function addMonths(day: Day, months: number): Day {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const [newYear, newMonth] = [Math.floor(index / 12), (index % 12) + 1];
  const newDate = Math.min(date, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, "0")}-${String(newMonth).padStart(2, "0")}-${String(newDate).padStart(2, "0")}`;
}

/** Today's date in UTC: the registry's "now" when a request gives no date. */
export function today(now: Date = new Date()): Day {
  return now.toISOString().slice(0, 10);
}
