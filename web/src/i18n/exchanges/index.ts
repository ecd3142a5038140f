import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { ExchangeMessages } from "./en.ts";

export type { ExchangeMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type ExchangeText = Messages & ExchangeMessages;
type NoOverlap = keyof Messages & keyof ExchangeMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, ExchangeText>();

/**
 * Like useI18n, with the exchanges pages' (the regimes and who reported, a regime, a state's
 * return) text as well: in the reader's language only, fetched (loadText in ../index.ts) before
 * those pages show (their lazyPage in app.tsx waits for it).
 */
export function useExchangeText(): { t: ExchangeText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const own = textOf("exchanges", lang);
    if (!own) throw new Error(`The exchanges pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...own };
    merged.set(lang, t);
  }
  return { t, lang };
}
