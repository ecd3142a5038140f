import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { DisputeMessages } from "./en.ts";

export type { DisputeMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type DisputeText = Messages & DisputeMessages;
type NoOverlap = keyof Messages & keyof DisputeMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, DisputeText>();

/**
 * Like useI18n, with the disputes pages' (the list and its map, a dispute, court cases) text as
 * well: in the reader's language only, fetched (loadText in ../index.ts) before those pages show
 * (their lazyPage in app.tsx waits for it).
 */
export function useDisputeText(): { t: DisputeText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const own = textOf("disputes", lang);
    if (!own) throw new Error(`The disputes pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...own };
    merged.set(lang, t);
  }
  return { t, lang };
}
