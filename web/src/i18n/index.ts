import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { en, type Messages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { pt } from "./pt.ts";

export const LANGS = ["en", "es", "pt", "fr"] as const;
export type Lang = (typeof LANGS)[number];
export type { Messages };

export const catalogues: Record<Lang, Messages> = { en, es, pt, fr };

/** Each language's name in itself, for the switcher. */
export const ENDONYMS: Record<Lang, string> = { en: "English", es: "Español", pt: "Português", fr: "Français" };

const STORAGE_KEY = "concord.lang";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** localStorage first, then the browser's languages, then English. */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall through.
  }
  const preferred = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isLang(base)) return base;
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
