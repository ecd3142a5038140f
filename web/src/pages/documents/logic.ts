/**
 * The documents pages' logic, pure and unit-tested (logic.test.ts): texts in the reader's language
 * with their fallback, a label's rank in its policy and its banner's tone, the library's filters
 * in the address, the label form's draft and the label it makes, where a label's problem belongs
 * in that form, the API's messages of the label catalogue rendered in the reader's language, and
 * sizes in words.
 */
import { labelMessages } from "../../../../src/domain/messages/labels.ts";
import { LANGUAGES, type Language } from "../../../../src/domain/languages.ts";
import { href } from "../../lib/router.ts";
import type {
  ConfidentialityLabel,
  ExplainedReason,
  LabelCategory,
  SecurityPolicy,
  SubjectKind,
  Texts,
} from "./types.ts";

// ---------------------------------------------------------------- texts in the reader's language

/**
 * A text in the reader's language, else in the first language that has it (English, Spanish,
 * Portuguese, French): with the language it is in, so the page can say so (`lang`).
 */
export function textIn(texts: Texts, lang: Language): { text: string; lang: Language } | null {
  for (const candidate of [lang, ...LANGUAGES.filter((other) => other !== lang)]) {
    const text = texts[candidate];
    if (text !== undefined && text.trim() !== "") return { text, lang: candidate };
  }
  return null;
}

/** The languages a text is given in, other than `shown`, in the interface's order. */
export function otherLanguages(texts: Texts, shown: Language | undefined): Language[] {
  return LANGUAGES.filter((lang) => lang !== shown && (texts[lang] ?? "").trim() !== "");
}

// ---------------------------------------------------------------- ranks and banners

export function policyOf(policies: readonly SecurityPolicy[], id: string): SecurityPolicy | undefined {
  return policies.find((policy) => policy.id === id);
}

/** The policy a new label starts from: the library's organisation's own, else the first an organisation has, else the first. */
export function defaultPolicy(
  policies: readonly SecurityPolicy[],
  organization: string | undefined,
): SecurityPolicy | undefined {
  return (
    policies.find((policy) => organization !== undefined && policy.organization === organization) ??
    policies.find((policy) => policy.organization !== null) ??
    policies[0]
  );
}

/** The rank of a label's classification in its policy (0 the unclassified level), if the policy knows it. */
export function rankOf(
  policies: readonly SecurityPolicy[],
  label: Pick<ConfidentialityLabel, "policy" | "classification">,
) {
  return policyOf(policies, label.policy)?.classifications.find((c) => c.name === label.classification)?.rank;
}

/** The highest tone a banner has: COSMIC TOP SECRET and anything above share it. */
export const TOP_TONE = 4;

/**
 * The banner's tone for a rank: 0 (unclassified, green) up to 4 (top secret, orange); a
 * classification the policy does not know is drawn as the highest, so it is never understated.
 */
export function toneOf(rank: number | undefined): number {
  if (rank === undefined || !Number.isInteger(rank) || rank < 0) return TOP_TONE;
  return Math.min(rank, TOP_TONE);
}

// ---------------------------------------------------------------- the library's filters

export interface LibraryFilters {
  q: string;
  policy: string;
  /** A classification rank, as text ("" for any). */
  maxRank: string;
  /** A category value (a nation's or a group's code, an additional sensitivity). */
  value: string;
}

export const NO_FILTERS: LibraryFilters = { q: "", policy: "", maxRank: "", value: "" };

/** The filters in the address (`/documents?q=&policy=&maxRank=&value=`); anything malformed is left out. */
export function filtersFrom(query: URLSearchParams): LibraryFilters {
  const maxRank = query.get("maxRank") ?? "";
  return {
    q: (query.get("q") ?? "").slice(0, 200),
    policy: (query.get("policy") ?? "").slice(0, 200),
    maxRank: /^\d{1,3}$/.test(maxRank) ? maxRank : "",
    value: (query.get("value") ?? "").trim().slice(0, 100),
  };
}

export function libraryHref(filters: Partial<LibraryFilters>): string {
  return href("/documents", {
    q: filters.q?.trim(),
    policy: filters.policy,
    maxRank: filters.maxRank,
    value: filters.value?.trim(),
  });
}

export function hasFilters(filters: LibraryFilters): boolean {
  return Boolean(filters.q.trim() || filters.policy || filters.maxRank || filters.value);
}

/** The API's query for a page of the library with these filters. */
export function libraryParams(filters: LibraryFilters, after: string | null, limit: number): Record<string, string> {
  const params: Record<string, string> = { limit: String(limit) };
  if (filters.q.trim()) params.q = filters.q.trim();
  if (filters.policy) params.policy = filters.policy;
  if (filters.maxRank) params.maxRank = filters.maxRank;
  if (filters.value) params.value = filters.value;
  if (after) params.after = after;
  return params;
}

// ---------------------------------------------------------------- codes typed in a permissive category

/**
 * The codes typed in a Releasable To (or any open permissive category): separated by commas,
 * semicolons or spaces, each written as the registry writes it (its code in capitals, a
 * framework's slug after the colon in small letters: `nato:Partners` → `NATO:partners`), each once.
 */
export function parseCodes(text: string): string[] {
  const codes: string[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    if (piece === "") continue;
    const [head = "", ...rest] = piece.split(":");
    const code = rest.length === 0 ? head.toUpperCase() : `${head.toUpperCase()}:${rest.join(":").toLowerCase()}`;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** What a permissive category of open values suggests: the policy's organisation and its groups, the registry's forms. */
export function suggestedCodes(policy: SecurityPolicy | undefined, organizations: readonly string[] = []): string[] {
  const suggestions = new Set<string>();
  const own = policy?.organization;
  if (own) {
    suggestions.add(own);
    suggestions.add(`${own}:partners`);
    if (own === "NATO") suggestions.add("NATO:partners-across-the-globe");
  }
  for (const group of Object.keys(policy?.groups ?? {})) suggestions.add(group);
  for (const selectors of Object.values(policy?.groups ?? {}))
    for (const selector of selectors)
      if (selector.kind === "partner" && selector.framework)
        suggestions.add(`${selector.organization}:${selector.framework}`);
  for (const organization of organizations) suggestions.add(organization);
  return [...suggestions];
}

// ---------------------------------------------------------------- the label form

/** The label form as typed: a label built from its policy, or STANAG 4774 XML pasted. */
export interface LabelDraft {
  mode: "build" | "xml";
  policy: string;
  classification: string;
  /** Per category tag name: the values chosen (a listed category) or typed (an open one, as text). */
  chosen: Record<string, string[]>;
  typed: Record<string, string>;
  reviewDate: string;
  /** An optional downgrade: from this day (YYYY-MM-DD), this lower classification. */
  successionFrom: string;
  successionClassification: string;
  xml: string;
}

/** A fresh draft for `policy`: its lowest classification, nothing chosen, its organisation typed as Releasable To where it has one. */
export function emptyDraft(policy: SecurityPolicy | undefined): LabelDraft {
  const typed: Record<string, string> = {};
  const releasable = policy?.categories.find(
    (c) => c.type === "permissive" && c.values === null && c.tagName === "Releasable To",
  );
  if (releasable && policy?.organization) typed[releasable.tagName] = policy.organization;
  return {
    mode: "build",
    policy: policy?.id ?? "",
    classification: policy?.classifications[0]?.name ?? "",
    chosen: {},
    typed,
    reviewDate: "",
    successionFrom: "",
    successionClassification: "",
    xml: "",
  };
}

/** The categories the draft gives values to, in the policy's order. */
export function draftCategories(draft: LabelDraft, policy: SecurityPolicy): LabelCategory[] {
  const categories: LabelCategory[] = [];
  for (const category of policy.categories) {
    const values =
      category.values === null
        ? parseCodes(draft.typed[category.tagName] ?? "")
        : category.values.filter((value) => (draft.chosen[category.tagName] ?? []).includes(value));
    if (values.length > 0) categories.push({ tagName: category.tagName, type: category.type, values });
  }
  return categories;
}

/** A date-time with its zone, to the second, as 4774's CreationDateTime writes it. */
export function nowDateTime(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z");
}

/**
 * The label the draft makes, in the JSON form the API reads (or the XML as pasted): the policy, the
 * classification, each category with values, the review date, and at most one downgrade (the same
 * categories, a lower classification from a day on). The originator is left to the server, which
 * names the uploader's delegation's state or the organisation.
 */
export function labelOf(
  draft: LabelDraft,
  policy: SecurityPolicy | undefined,
  now: Date = new Date(),
): string | ConfidentialityLabel | null {
  if (draft.mode === "xml") return draft.xml.trim() === "" ? null : draft.xml.trim();
  if (!policy || draft.classification === "") return null;
  const categories = draftCategories(draft, policy);
  const creationTime = nowDateTime(now);
  const succession =
    draft.successionFrom !== "" || draft.successionClassification !== ""
      ? [
          {
            from: draft.successionFrom,
            label: {
              policy: policy.id,
              classification: draft.successionClassification,
              categories,
              creationTime,
              originator: null,
              reviewDate: null,
              succession: [],
            },
          },
        ]
      : [];
  return {
    policy: policy.id,
    classification: draft.classification,
    categories,
    creationTime,
    originator: null,
    reviewDate: draft.reviewDate === "" ? null : draft.reviewDate,
    succession,
  };
}

/** The label form's fields, as problems and refusals are placed under them. */
export type LabelField =
  | "policy"
  | "classification"
  | `category:${string}`
  | "reviewDate"
  | "successionFrom"
  | "successionClassification"
  | "xml"
  | "label";

/**
 * Where a problem of the label (its path, as checkLabel gives it: `categories[1].values[0]`,
 * `succession[0].label.classification`) belongs in the form: the field that says it, or the label
 * as a whole. `categories` are the label's categories as sent, in order.
 */
export function fieldOfProblem(path: string, draft: LabelDraft, categories: readonly LabelCategory[]): LabelField {
  if (draft.mode === "xml") return "xml";
  if (path === "policy") return "policy";
  if (path === "classification") return "classification";
  if (path === "reviewDate") return "reviewDate";
  const category = /^categories\[(\d+)\]/.exec(path);
  if (category) {
    const tagName = categories[Number(category[1])]?.tagName;
    return tagName === undefined ? "label" : `category:${tagName}`;
  }
  if (/^succession\[\d+\]\.from$/.test(path)) return "successionFrom";
  if (path.startsWith("succession")) return "successionClassification";
  return "label";
}

// ---------------------------------------------------------------- the label catalogue's words

type Catalogue = Record<string, (params: Record<string, unknown>) => string>;

const isMessage = (value: unknown): value is { key: string; params?: Record<string, unknown> } =>
  typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";

/**
 * A message of the label catalogue (src/domain/messages/labels.ts) in `lang`: a label's problem,
 * a reason of access. A parameter that is itself a message is said in the same language, and a
 * category's tag name as `tagName` words it (the reader's words for "Releasable To"). Null for a
 * key the catalogue does not hold (the caller says it otherwise).
 */
export function labelMessage(
  lang: Language,
  message: { key: string; params?: Record<string, unknown> },
  tagName: (tagName: string) => string = (name) => name,
): string | null {
  const catalogue = labelMessages[lang] as unknown as Catalogue;
  const say = catalogue[message.key];
  if (typeof say !== "function") return null;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = isMessage(value)
      ? (labelMessage(lang, value, tagName) ?? value.key)
      : name === "tagName" && typeof value === "string"
        ? tagName(value)
        : value;
  return say(params);
}

/** A reason of access as a message of the label catalogue (as accessReasonMessage in src/domain/labels/access.ts), or null for the service's own reasons. */
export function reasonMessage(
  lang: Language,
  reason: ExplainedReason,
  tagName: (tagName: string) => string = (name) => name,
): string | null {
  const catalogue = labelMessages[lang] as unknown as Catalogue;
  const list = (values: readonly string[]) =>
    values.length === 0 ? (catalogue["labels.access.no_values"]?.({}) ?? "—") : values.join(", ");
  switch (reason.kind) {
    case "wrong-policy":
      return labelMessage(lang, {
        key: "labels.access.wrong_policy",
        params: { labelPolicy: reason.labelPolicy, policy: reason.policy },
      });
    case "unknown-classification":
      return labelMessage(lang, {
        key: "labels.access.unknown_classification",
        params: { classification: reason.classification },
      });
    case "clearance-missing":
      return labelMessage(lang, { key: "labels.access.clearance_missing", params: { needed: reason.needed } });
    case "clearance-too-low":
      return labelMessage(lang, {
        key: "labels.access.clearance_too_low",
        params: { held: reason.held, needed: reason.needed },
      });
    case "sensitivity-missing":
      return labelMessage(lang, {
        key: "labels.access.sensitivity_missing",
        params: { tagName: tagName(reason.tagName), values: list(reason.values) },
      });
    case "outside-category":
      return labelMessage(lang, {
        key: "labels.access.outside_category",
        params: { tagName: tagName(reason.tagName), values: list(reason.values) },
      });
    default:
      return null;
  }
}

// ---------------------------------------------------------------- sizes, subjects

/** A file's size in the reader's notation, in kilobytes or megabytes: "0.8 kB", "14.2 kB", "3,1 Mo". */
export function formatSize(bytes: number, locale: string): string {
  const mega = bytes >= 1_000_000;
  const value = mega ? bytes / 1_000_000 : Math.max(bytes / 1000, bytes > 0 ? 0.1 : 0);
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

/** Where a subject's page is, when the web app has one. */
export function subjectHref(subject: { kind: SubjectKind; id: string }): string | null {
  if (subject.kind === "proposal") return `/proposals/${encodeURIComponent(subject.id)}`;
  if (subject.kind === "programme") return `/programmes/${encodeURIComponent(subject.id)}`;
  return null;
}

/** The address of a document's page, at a version when it is not the current one. */
export function documentHref(id: number, version?: number | null): string {
  return href(`/documents/${id}`, { version: version ? String(version) : null });
}

/** The API's addresses of a version's content and its detached STANAG 4778 binding. */
export function downloadHrefs(id: number, version: number): { content: string; binding: string } {
  return {
    content: `/api/v1/documents/${id}/content?version=${version}`,
    binding: `/api/v1/documents/${id}/binding?version=${version}`,
  };
}

/** The version the address asks for (`?version=N`), if it is one the reader may see; else the newest they may. */
export function chosenVersion<V extends { version: number }>(
  versions: readonly V[],
  asked: string | null,
  current: number,
): V | undefined {
  const wanted = asked !== null && /^\d{1,6}$/.test(asked) ? Number(asked) : current;
  return (
    versions.find((v) => v.version === wanted) ??
    versions.find((v) => v.version === current) ??
    [...versions].sort((a, b) => b.version - a.version)[0]
  );
}

/** Whether a day (YYYY-MM-DD) is before `today`: an expired clearance's last day. */
export function isPast(day: string, today: string): boolean {
  return day < today;
}
