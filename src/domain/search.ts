/**
 * The search box's vocabulary, shared by the server (src/services/search.ts, the API's schema)
 * and the web app: what kinds of thing it finds, in the order they are shown, and how long a
 * text it takes.
 */

/** The kinds of result, in the order they are shown. */
export const SEARCH_KINDS = ["state", "organization", "framework", "proposal", "source"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The longest text searched for. */
export const SEARCH_MAX_LENGTH = 100;
