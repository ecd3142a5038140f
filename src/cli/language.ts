/**
 * The language the command speaks: `--lang`, else CONCORD_LANG, else the locale's language (LANG,
 * e.g. fr_FR.UTF-8), else English. Names, headings, tables, outcomes, refusals and the usage
 * text (`concord help`) all follow it; commands, options and codes stay as they are typed.
 */
import { isLanguage, type Language } from "../domain/languages.ts";

export function cliLanguage(values: { lang?: string }, env: NodeJS.ProcessEnv = process.env): Language {
  if (isLanguage(values.lang)) return values.lang;
  const configured = env.CONCORD_LANG?.trim().toLowerCase();
  if (isLanguage(configured)) return configured;
  const locale = env.LANG?.slice(0, 2).toLowerCase();
  return isLanguage(locale) ? locale : "en";
}
