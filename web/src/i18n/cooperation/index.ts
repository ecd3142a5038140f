import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { CooperationMessages } from "./en.ts";

export type { CooperationMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type CooperationText = Messages & CooperationMessages;
type NoOverlap = keyof Messages & keyof CooperationMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, CooperationText>();

/**
 * Like useI18n, with the menu and events pages (the menu, the event calendar, an event and its nominations)' text as well: in the reader's language only, fetched (loadText
 * in ../index.ts) before those pages show (their lazyPage in app.tsx waits for it).
 */
export function useCooperationText(): { t: CooperationText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const own = textOf("cooperation", lang);
    if (!own) throw new Error(`The cooperation pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...own };
    merged.set(lang, t);
  }
  return { t, lang };
}
