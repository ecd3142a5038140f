import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { isLanguage, type Language } from "../../../src/domain/languages.ts";
import { en, type Messages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { pt } from "./pt.ts";

/** The languages of the interface: the server's own (src/domain/languages.ts). */
export type Lang = Language;
export type { Messages };

export const catalogues: Record<Lang, Messages> = { en, es, pt, fr };

const STORAGE_KEY = "concord.lang";

/** localStorage first, then the browser's languages, then English. */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall through.
  }
  const preferred = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
  document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "en", t: en, setLang: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
