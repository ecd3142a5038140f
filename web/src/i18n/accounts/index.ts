import { catalogues, useI18n, type Lang, type Messages } from "../index.ts";
import { en, type AccountMessages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { pt } from "./pt.ts";

export type { AccountMessages };

/** The text of the pages for signed-in people: imported only by those (lazily loaded) pages. */
export const accountCatalogues: Record<Lang, AccountMessages> = { en, es, pt, fr };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type Text = Messages & AccountMessages;
type NoOverlap = keyof Messages & keyof AccountMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, Text>();

/** Like useI18n, with the account pages' text as well. */
export function useText(): { t: Text; lang: Lang } {
  const { lang } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    t = { ...catalogues[lang], ...accountCatalogues[lang] };
    merged.set(lang, t);
  }
  return { t, lang };
}
