import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { isLanguage, type Language } from "../../../src/domain/languages.ts";
import type { AccountMessages } from "./accounts/en.ts";
import type { CooperationMessages } from "./cooperation/en.ts";
import type { DecisionMessages } from "./decisions/en.ts";
import type { DisputeMessages } from "./disputes/en.ts";
import type { DocumentMessages } from "./documents/en.ts";
import type { ExchangeMessages } from "./exchanges/en.ts";
import type { ProgrammeMessages } from "./programmes/en.ts";
import { en, type Messages } from "./en.ts";

/** The languages of the interface: the server's own (src/domain/languages.ts). */
export type Lang = Language;
export type { Messages };

/**
 * The interface's text comes in parts: the main one (every page), the decisions pages' and the
 * pages for signed-in people. Each part in each language is a chunk of its own (Vite makes one of
 * each dynamic import), so a reader downloads their own language only, and a part only once a page
 * needs it. English's main text sits in the main chunk: most readers' first render waits for
 * nothing, and it is what shows should another language fail to arrive.
 */
export interface TextParts {
  main: Messages;
  decisions: DecisionMessages;
  accounts: AccountMessages;
  programmes: ProgrammeMessages;
  cooperation: CooperationMessages;
  disputes: DisputeMessages;
  exchanges: ExchangeMessages;
  documents: DocumentMessages;
}
export type TextPart = keyof TextParts;

type Importers = { [P in TextPart]: Record<Lang, () => Promise<TextParts[P]>> };

const importers: Importers = {
  main: {
    en: () => Promise.resolve(en),
    es: () => import("./es.ts").then((m) => m.es),
    pt: () => import("./pt.ts").then((m) => m.pt),
    fr: () => import("./fr.ts").then((m) => m.fr),
  },
  decisions: {
    en: () => import("./decisions/en.ts").then((m) => m.en),
    es: () => import("./decisions/es.ts").then((m) => m.es),
    pt: () => import("./decisions/pt.ts").then((m) => m.pt),
    fr: () => import("./decisions/fr.ts").then((m) => m.fr),
  },
  accounts: {
    en: () => import("./accounts/en.ts").then((m) => m.en),
    es: () => import("./accounts/es.ts").then((m) => m.es),
    pt: () => import("./accounts/pt.ts").then((m) => m.pt),
    fr: () => import("./accounts/fr.ts").then((m) => m.fr),
  },
  programmes: {
    en: () => import("./programmes/en.ts").then((m) => m.en),
    es: () => import("./programmes/es.ts").then((m) => m.es),
    pt: () => import("./programmes/pt.ts").then((m) => m.pt),
    fr: () => import("./programmes/fr.ts").then((m) => m.fr),
  },
  cooperation: {
    en: () => import("./cooperation/en.ts").then((m) => m.en),
    es: () => import("./cooperation/es.ts").then((m) => m.es),
    pt: () => import("./cooperation/pt.ts").then((m) => m.pt),
    fr: () => import("./cooperation/fr.ts").then((m) => m.fr),
  },
  disputes: {
    en: () => import("./disputes/en.ts").then((m) => m.en),
    es: () => import("./disputes/es.ts").then((m) => m.es),
    pt: () => import("./disputes/pt.ts").then((m) => m.pt),
    fr: () => import("./disputes/fr.ts").then((m) => m.fr),
  },
  exchanges: {
    en: () => import("./exchanges/en.ts").then((m) => m.en),
    es: () => import("./exchanges/es.ts").then((m) => m.es),
    pt: () => import("./exchanges/pt.ts").then((m) => m.pt),
    fr: () => import("./exchanges/fr.ts").then((m) => m.fr),
  },
  documents: {
    en: () => import("./documents/en.ts").then((m) => m.en),
    es: () => import("./documents/es.ts").then((m) => m.es),
    pt: () => import("./documents/pt.ts").then((m) => m.pt),
    fr: () => import("./documents/fr.ts").then((m) => m.fr),
  },
};

type Arrived = { [P in TextPart]: Partial<Record<Lang, TextParts[P]>> };
type Arriving = { [P in TextPart]: Partial<Record<Lang, Promise<TextParts[P]>>> };

const arrived: Arrived = {
  main: { en },
  decisions: {},
  accounts: {},
  programmes: {},
  cooperation: {},
  disputes: {},
  exchanges: {},
  documents: {},
};
const arriving: Arriving = {
  main: {},
  decisions: {},
  accounts: {},
  programmes: {},
  cooperation: {},
  disputes: {},
  exchanges: {},
  documents: {},
};
/** The parts some page has asked for, in any language: a change of language fetches these. */
const inUse = new Set<TextPart>(["main"]);

/** A part's text in a language, if it has arrived. */
export function textOf<P extends TextPart>(part: P, lang: Lang): TextParts[P] | undefined {
  return arrived[part][lang];
}

/** Fetches a part's text in a language, once; after a failure, the next call tries again. */
export function loadText<P extends TextPart>(part: P, lang: Lang): Promise<TextParts[P]> {
  inUse.add(part);
  const ready = arrived[part][lang];
  if (ready) return Promise.resolve(ready);
  const pending = arriving[part][lang];
  if (pending) return pending;
  const loading = importers[part][lang]().then(
    (text) => {
      arrived[part][lang] = text;
      delete arriving[part][lang];
      return text;
    },
    (failure: unknown) => {
      delete arriving[part][lang];
      throw failure;
    },
  );
  arriving[part][lang] = loading;
  return loading;
}

/** Fetches, in a language, every part the pages have asked for so far: before switching to it. */
export async function loadTextInUse(lang: Lang): Promise<Messages> {
  await Promise.all([...inUse].map((part) => loadText(part, lang)));
  return loadText("main", lang);
}

/** The language to start in, with its main text: the reader's if it has arrived (main.tsx waits for it), else English. */
export function startingText(): { lang: Lang; t: Messages } {
  const lang = initialLang();
  const t = arrived.main[lang];
  return t ? { lang, t } : { lang: "en", t: en };
}

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
  /** Shows the interface in another language once its text has arrived. */
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "en", t: en, setLang: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
