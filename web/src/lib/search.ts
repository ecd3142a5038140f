/**
 * The search box's logic (web/src/components/Search.tsx, web/src/pages/SearchPage.tsx): the
 * API's address for a text, the answer's shape, and its results grouped by kind in the order
 * they are shown. The server decides what matches and what the reader may see.
 */
import type { Language } from "../../../src/domain/languages.ts";
import { SEARCH_KINDS, SEARCH_MAX_LENGTH, type SearchKind } from "../../../src/domain/search.ts";
import { apiUrl } from "./api.ts";

export { SEARCH_KINDS, SEARCH_MAX_LENGTH, type SearchKind };
/** The box asks from this many characters on; the results page from one. */
export const SEARCH_MIN_TYPED = 2;

export type SearchResult = { kind: SearchKind; id: string; name: string; detail: string; url: string };
export type SearchAnswer = { q: string; lang: Language; results: SearchResult[] };

/** The text as the API will take it: spaces collapsed, at most SEARCH_MAX_LENGTH characters. */
export function searchText(typed: string): string {
  return typed.trim().replace(/\s+/g, " ").slice(0, SEARCH_MAX_LENGTH);
}

/** GET /api/v1/search for a text, in a language, with at most `limit` of each kind. */
export function searchUrl(q: string, lang: Language, limit?: number): string {
  return apiUrl("/search", { q: searchText(q), lang, limit: limit === undefined ? null : String(limit) });
}

/** The results page's address for a text. */
export function searchPageHref(q: string): string {
  return `/search?${new URLSearchParams({ q: searchText(q) }).toString()}`;
}

/** Results by kind, in SEARCH_KINDS's order, each group's own order kept; kinds without results left out. */
export function groupByKind(results: readonly SearchResult[]): Array<{ kind: SearchKind; results: SearchResult[] }> {
  return SEARCH_KINDS.map((kind) => ({ kind, results: results.filter((result) => result.kind === kind) })).filter(
    (group) => group.results.length > 0,
  );
}
