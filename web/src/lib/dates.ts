import type { Precision } from "./types.ts";

/** Calendar days as `YYYY-MM-DD` text, handled in UTC so that no time zone shifts a day. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const FIRST_DAY = "1949-01-01";

export function isDay(text: string | null | undefined): text is string {
  if (!text) return false;
  const match = DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function today(now: Date = new Date()): string {
  // The user's own calendar day, not UTC's: "today" is what the person's calendar says.
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

function toUtc(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `FIRST_DAY` to `day`: the date slider's value. */
export function dayIndex(day: string): number {
  return Math.round((toUtc(day) - toUtc(FIRST_DAY)) / MS_PER_DAY);
}

export function dayFromIndex(index: number): string {
  return fromUtc(toUtc(FIRST_DAY) + index * MS_PER_DAY);
}

/** The same day of the month `years` years later (29 February becomes 28 February). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return fromUtc(Date.UTC(y + years, m - 1, Math.min(d, last)));
}

export function clampDay(day: string, min: string, max: string): string {
  return day < min ? min : day > max ? max : day;
}

/** The Intl locale for a UI language: British English gives "31 May 2018". */
export function intlLocale(lang: string): string {
  return lang === "en" ? "en-GB" : lang;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      precision === "day"
        ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
        : precision === "month"
          ? { month: "long", year: "numeric", timeZone: "UTC" }
          : { year: "numeric", timeZone: "UTC" };
    found = new Intl.DateTimeFormat(intlLocale(lang), options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * A date as precisely as it is known: "31 May 2018", "May 2018" or "2018"
 * (in Spanish "31 de mayo de 2018", "mayo de 2018", "2018").
 */
export function formatDate(day: string, precision: Precision | null | undefined, lang: string): string {
  if (!isDay(day)) return day;
  return formatter(lang, precision ?? "day").format(new Date(toUtc(day)));
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment (an ISO 8601 instant from the API) in the reader's own time zone: "22 Nov 2026, 16:56"
 * (`seconds` for the audit log, where order within a minute matters; `zone` names the time zone:
 * "22 Nov 2026, 16:56:03 UTC"). Unparsable text is shown as it is.
 */
export function formatInstant(
  iso: string | null | undefined,
  lang: string,
  options: { seconds?: boolean; dateOnly?: boolean; zone?: boolean } = {},
): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${lang}:${options.seconds ? "s" : ""}${options.dateOnly ? "d" : ""}${options.zone ? "z" : ""}`;
  let found = instantFormatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      intlLocale(lang),
      options.dateOnly
        ? { day: "numeric", month: "short", year: "numeric" }
        : {
            day: "numeric",
            month: "short",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            second: options.seconds ? "2-digit" : undefined,
            timeZoneName: options.zone ? "short" : undefined,
          },
    );
    instantFormatters.set(key, found);
  }
  return found.format(date);
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return fromUtc(toUtc(day) + MS_PER_DAY);
}

/** `YYYY-MM-DDTHH:MM` in local time, for a datetime-local input. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO 8601 instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
