import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { DocumentMessages } from "./en.ts";

export type { DocumentMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type DocumentText = Messages & DocumentMessages;
type NoOverlap = keyof Messages & keyof DocumentMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, DocumentText>();

/**
 * Like useI18n, with the labelled documents' pages' text as well (the library, a document,
 * adding one, clearances): in the reader's language only, fetched (loadText in ../index.ts) before
 * those pages show (their lazyPage in app.tsx waits for it).
 */
export function useDocumentText(): { t: DocumentText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const own = textOf("documents", lang);
    if (!own) throw new Error(`The documents pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...own };
    merged.set(lang, t);
  }
  return { t, lang };
}
