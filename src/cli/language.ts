/**
 * The language the command speaks: `--lang`, else CONCORD_LANG, else the locale's language (LANG,
 * e.g. fr_FR.UTF-8), else English. Names, headings, tables, outcomes, refusals and the usage
 * text (`concord help`) all follow it; commands, options and codes stay as they are typed.
 */
import { isLanguage, type Language, LANGUAGES } from "../domain/languages.ts";
import { t } from "../domain/messages/index.ts";
import { CliUsageError } from "./admin.ts";

export function cliLanguage(values: { lang?: string }, env: NodeJS.ProcessEnv = process.env): Language {
  if (isLanguage(values.lang)) return values.lang;
  const configured = env.CONCORD_LANG?.trim().toLowerCase();
  if (isLanguage(configured)) return configured;
  const locale = env.LANG?.slice(0, 2).toLowerCase();
  return isLanguage(locale) ? locale : "en";
}

/** `--lang`, else CONCORD_LANG or LANG (cliLanguage); a `--lang` Concord does not speak is refused. */
export function readLang(values: { lang?: string }): Language {
  const lang = cliLanguage(values);
  if (values.lang !== undefined && !isLanguage(values.lang))
    throw new CliUsageError(
      t(lang, "cli.usage.one_of", { option: "--lang", options: LANGUAGES.join(", "), got: values.lang }),
    );
  return lang;
}

/** What `--json` prints: the API's answer, indented; the command's exit status. */
export function printJson(value: unknown): number {
  console.log(JSON.stringify(value, null, 2));
  return 0;
}
