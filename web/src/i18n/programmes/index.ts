import { textOf, useI18n, type Lang, type Messages } from "../index.ts";
import type { ProgrammeMessages } from "./en.ts";

export type { ProgrammeMessages };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type ProgrammeText = Messages & ProgrammeMessages;
type NoOverlap = keyof Messages & keyof ProgrammeMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, ProgrammeText>();

/**
 * Like useI18n, with the programmes pages (programmes, a programme, versions compared, our programme)' text as well: in the reader's language only, fetched (loadText
 * in ../index.ts) before those pages show (their lazyPage in app.tsx waits for it).
 */
export function useProgrammeText(): { t: ProgrammeText; lang: Lang } {
  const { lang, t: main } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    const own = textOf("programmes", lang);
    if (!own) throw new Error(`The programmes pages' text in "${lang}" has not arrived yet.`);
    t = { ...main, ...own };
    merged.set(lang, t);
  }
  return { t, lang };
}
