/**
 * The reader's language: `lang` if the request names a supported one, else the first supported
 * language of its Accept-Language header, else English. Names (the presenters), refusals
 * (errors.ts) and outcome explanations are all given in it.
 */
import type { Context } from "hono";
import { isLanguage, type Language } from "../domain/languages.ts";

export function acceptedLanguage(header: string | undefined): Language | undefined {
  for (const part of (header ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return undefined;
}

export function readerLanguage(c: Context, lang?: string): Language {
  const asked = lang ?? c.req.query("lang");
  if (isLanguage(asked)) return asked;
  return acceptedLanguage(c.req.header("accept-language")) ?? "en";
}
