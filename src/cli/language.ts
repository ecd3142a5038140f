/**
 * The language the command speaks: `--lang`, else CONCORD_LANG, else the locale's language (LANG,
 * e.g. fr_FR.UTF-8), else English. Names, headings, tables, outcomes and refusals all follow it;
 * the usage text (`concord help`) is in English.
 */
import { isLanguage, type Language } from "../domain/languages.ts";

export function cliLanguage(values: { lang?: string }, env: NodeJS.ProcessEnv = process.env): Language {
  if (isLanguage(values.lang)) return values.lang;
  const configured = env.CONCORD_LANG?.trim().toLowerCase();
  if (isLanguage(configured)) return configured;
  const locale = env.LANG?.slice(0, 2).toLowerCase();
  return isLanguage(locale) ? locale : "en";
}
