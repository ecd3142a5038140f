/**
 * Where someone opening the app lands. Part of the first script every visitor loads: nothing
 * heavy here.
 */

/** Where a delegation head lands: the open proposals that wait for its state's position. */
export const NEEDS_POSITION_PATH = "/proposals?view=needs";

/**
 * Where to go instead of the map, or null to show it. Only someone who speaks for a state, only
 * at the bare "/", and only on arriving: opening the app there (`cameFrom` null) or just signed
 * in. The map stays one click away (the header's link to "/" shows it, coming from another page).
 */
export function landingPath(at: {
  path: string;
  search: string;
  cameFrom: string | null;
  speakFor: string | null | undefined;
}): string | null {
  if (at.path !== "/" || (at.search !== "" && at.search !== "?")) return null;
  if (at.cameFrom !== null && at.cameFrom !== "/sign-in") return null;
  return at.speakFor ? NEEDS_POSITION_PATH : null;
}

/** Whether `landingPath` could still send the reader elsewhere once the session is known. */
export function mayLandElsewhere(at: { path: string; search: string; cameFrom: string | null }): boolean {
  return landingPath({ ...at, speakFor: "?" }) !== null;
}
