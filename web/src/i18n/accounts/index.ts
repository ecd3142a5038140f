import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { AccountMessages } from "./en.ts";

export type { AccountMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type Text = Messages & AccountMessages;
type NoOverlap = keyof Messages & keyof AccountMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, Text>();

/**
 * Like useI18n, with the account pages' text as well: in the reader's language only, fetched
 * (loadText in ../index.ts) before those pages show (their lazyPage in app.tsx waits for it).
 */
export function useText(): { t: Text; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const accounts = textOf("accounts", lang);
    if (!accounts) throw new Error(`The account pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...accounts };
    merged.set(lang, t);
  }
  return { t, lang };
}
