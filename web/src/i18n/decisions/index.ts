import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { DecisionMessages } from "./en.ts";

export type { DecisionMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type DecisionText = Messages & DecisionMessages;
type NoOverlap = keyof Messages & keyof DecisionMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, DecisionText>();

/**
 * Like useI18n, with the decisions pages' text as well: in the reader's language only, fetched
 * (loadText in ../index.ts) before those pages show (their lazyPage in app.tsx waits for it).
 */
export function useDecisionText(): { t: DecisionText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const decisions = textOf("decisions", lang);
    if (!decisions) throw new Error(`The decisions pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...decisions };
    merged.set(lang, t);
  }
  return { t, lang };
}
