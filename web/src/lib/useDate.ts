import { clampDay, FIRST_DAY, isDay, today } from "./dates.ts";
import type { Location } from "./router.ts";
import { setQuery } from "./router.ts";

/** The page's "as of" date: `?at=` when it is a valid day in range, else today. */
export function dateFromQuery(location: Location): string {
  const at = location.query.get("at");
  const max = today();
  return isDay(at) ? clampDay(at, FIRST_DAY, max) : max;
}

/** Puts the date in the address (replacing, not adding, a history entry). */
export function setDate(day: string): void {
  setQuery({ at: day });
}
