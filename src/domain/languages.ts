/**
 * The languages Concord speaks: every name in the registry is held in each of them, the API
 * answers in any of them, and the web app is written in all of them. Pure: the web app imports
 * this module too.
 */

/** Language codes (ISO 639-1), English first: the default and the language of last resort. */
export const LANGUAGES = ["en", "es", "pt", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name given in every language. */
export type Names = Record<Language, string>;

/** Each language's name in itself, for a language switcher. */
export const ENDONYMS: Names = { en: "English", es: "Español", pt: "Português", fr: "Français" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
