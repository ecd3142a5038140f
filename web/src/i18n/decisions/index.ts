import { catalogues, useI18n, type Lang, type Messages } from "../index.ts";
import { en, type DecisionMessages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { pt } from "./pt.ts";

export type { DecisionMessages };

/** The text of the decisions pages: imported only by those (lazily loaded) pages. */
export const decisionCatalogues: Record<Lang, DecisionMessages> = { en, es, pt, fr };

/** Both catalogues at once; a key in both would be a mistake, and TypeScript says so. */
export type DecisionText = Messages & DecisionMessages;
type NoOverlap = keyof Messages & keyof DecisionMessages;
const noOverlap: [NoOverlap] extends [never] ? true : { overlapping: NoOverlap } = true;
void noOverlap;

const merged = new Map<Lang, DecisionText>();

/** Like useI18n, with the decisions pages' text as well. */
export function useDecisionText(): { t: DecisionText; lang: Lang } {
  const { lang } = useI18n();
  let t = merged.get(lang);
  if (!t) {
    t = { ...catalogues[lang], ...decisionCatalogues[lang] };
    merged.set(lang, t);
  }
  return { t, lang };
}
