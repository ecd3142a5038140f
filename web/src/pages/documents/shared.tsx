import { Breadcrumbs as Trail, type Crumb } from "../../components/Breadcrumbs.tsx";
import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import type { Language } from "../../../../src/domain/languages.ts";
import { MarkingBanner } from "../../components/MarkingBanner.tsx";
import { type DocumentText, useDocumentText } from "../../i18n/documents/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, formatInstant, intlLocale } from "../../lib/dates.ts";
import type { ActorsResponse, OrganizationsResponse } from "../../lib/types.ts";
import { rankOf, textIn, toneOf } from "./logic.ts";
import type { ConfidentialityLabel, PoliciesResponse, SecurityPolicy, Texts } from "./types.ts";
import "./documents.css";

// ---------------------------------------------------------------- policies

/** The security policies labels are read against (GET /security-policies): kept, they change only when Concord loads a new one. */
export function usePolicies() {
  return useApi<PoliciesResponse>(apiUrl("/security-policies"));
}

/** A registry code (a state's, an organisation's) as the reader reads it: its name, or the code until the registry answers. */
export function useCodeNames(): (code: string) => string {
  const { lang } = useDocumentText();
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const actor of states.data?.actors ?? []) names.set(actor.code, actor.name);
    for (const org of organizations.data?.organizations ?? []) names.set(org.code, org.abbreviation ?? org.code);
    return (code: string) => names.get(code) ?? code;
  }, [states.data, organizations.data]);
}

// ---------------------------------------------------------------- words

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language: "English", "inglés", "inglês", "anglais". */
export function languageName(code: Language, lang: Language): string {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(lang)], { type: "language" });
    displayNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** A category's tag name in the reader's words when the catalogue knows it, else as the policy writes it. */
export function tagNameIn(t: DocumentText, tagName: string): string {
  return Object.hasOwn(t.tagNames, tagName) ? (t.tagNames[tagName] ?? tagName) : tagName;
}

/** A day (YYYY-MM-DD) or a moment, in the reader's words. */
export function dayIn(day: string, lang: Language): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day, "day", lang) : formatInstant(day, lang, { dateOnly: true });
}

// ---------------------------------------------------------------- pieces

/** A text in the reader's language, or in another, said so and marked with its language for screen readers. */
export function Localized({
  texts,
  fallback = "",
  class: className,
}: {
  texts: Texts;
  fallback?: string;
  class?: string;
}) {
  const { t, lang } = useDocumentText();
  const found = textIn(texts, lang);
  if (!found) return <span class={className}>{fallback}</span>;
  if (found.lang === lang) return <span class={className}>{found.text}</span>;
  return (
    <span class={className}>
      <span lang={found.lang}>{found.text}</span>{" "}
      <span class="dc-fallback" title={t.fallbackNote(languageName(found.lang, lang))}>
        ({found.lang.toUpperCase()})
        <span class="visually-hidden"> {t.fallbackNote(languageName(found.lang, lang))}</span>
      </span>
    </span>
  );
}

/** A label's marking, coloured by its classification's rank in its policy. */
export function Marking({
  marking,
  label,
  policies,
  position,
  testId,
}: {
  marking: string;
  label: Pick<ConfidentialityLabel, "policy" | "classification"> | null;
  policies: readonly SecurityPolicy[];
  position: "top" | "bottom" | "chip" | "preview";
  testId?: string;
}) {
  const { t } = useDocumentText();
  const tone = toneOf(label ? rankOf(policies, label) : undefined);
  return <MarkingBanner marking={marking} tone={tone} caption={t.markingCaption} position={position} testId={testId} />;
}

/** "Document library / …": where the page sits. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useDocumentText();
  return <Trail label={t.breadcrumb} trail={trail} current={current} />;
}

/** A small term and its description, in a <dl>. */
export function Fact({ term, children, testId }: { term: string; children: ComponentChildren; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** A registry code with its name, the code alone when the registry names it so ("NATO"). */
export function CodeName({ code, name }: { code: string; name: (code: string) => string }) {
  const named = name(code);
  return named === code ? (
    <code>{code}</code>
  ) : (
    <>
      {named} <code>{code}</code>
    </>
  );
}
