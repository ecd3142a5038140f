/**
 * Concord's own words in the reader's language: refusals, outcome explanations, the command
 * line's text. A message travels as a key and its parameters (`Message`), so a service can
 * throw it without knowing who reads it, and the API or the CLI renders it in the reader's
 * language at its boundary. Pure: the web app may import it too.
 */
import { LANGUAGES, type Language, type Names } from "../languages.ts";
import { en, type Messages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { pt } from "./pt.ts";

export type { Messages } from "./en.ts";
export { auditActionLabel, AUDIT_ACTION_LABELS, type AuditAction } from "./audit-actions.ts";
export { chairLabel, CHAIR_LABELS } from "./chairs.ts";

export const CATALOGUES: Record<Language, Messages> = { en, es, pt, fr };

export type MessageKey = keyof Messages;

type ParamsOf<K extends MessageKey> = Parameters<Messages[K]> extends [infer P] ? P : undefined;

/**
 * A parameter may itself be a message (a refusal's "what"), rendered in the same language, or a
 * name held in every language (a body's), given in the same language.
 */
type Loose<P> = { [F in keyof P]: P[F] | (P[F] extends string ? Message | Names : never) };

const isNames = (value: unknown): value is Names =>
  typeof value === "object" &&
  value !== null &&
  LANGUAGES.every((lang) => typeof (value as Record<string, unknown>)[lang] === "string");

/** A message to be rendered later, in the reader's language. */
export type Message = { readonly key: MessageKey; readonly params?: Readonly<Record<string, unknown>> };

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { key?: unknown }).key === "string" &&
    Object.hasOwn(en, (value as { key: string }).key)
  );
}

/** A message by key, checked against the catalogue's parameters. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: ParamsOf<K> extends undefined ? [] : [Loose<ParamsOf<K>>]
): Message {
  return params.length === 0 ? { key } : { key, params: params[0] as Record<string, unknown> };
}

/** The message in `lang`. */
export function render(lang: Language, message: Message): string {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = isMessage(value) ? render(lang, value) : isNames(value) ? value[lang] : value;
  return (CATALOGUES[lang][message.key] as (params: Record<string, unknown>) => string)(params);
}

/** One key's text in `lang`, typed: `t("fr", "cli.column.code")`. */
export function t<K extends MessageKey>(
  lang: Language,
  key: K,
  ...params: ParamsOf<K> extends undefined ? [] : [Loose<ParamsOf<K>>]
): string {
  return render(lang, msg(key, ...params));
}
