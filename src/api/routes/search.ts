/**
 * The search box's API: `GET /search?q=…&lang=…&limit=…`. States, organisations, frameworks,
 * proposals (only those the reader may read) and sources whose codes, names or titles contain
 * `q`, ignoring case and accents; each result typed by kind, named in the reader's language,
 * with the address of its page in the web app.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import { SEARCH_KINDS, SEARCH_MAX_LENGTH } from "../../domain/search.ts";
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, type SearchHit, type SearchService } from "../../services/search.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

export const SearchQuery = z.object({
  q: z
    .string()
    .min(1, "must contain something to search for")
    .max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), "must not contain control characters")
    .openapi({
      example: "colombia",
      description: `What to look for (1 to ${SEARCH_MAX_LENGTH} characters): part of a code, a name in any language, a title; case and accents do not matter.`,
    }),
  lang: z
    .enum(LANGUAGES)
    .optional()
    .openapi({ description: "Language of the names returned. Defaults to the Accept-Language header, then English." }),
  limit: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(SEARCH_MAX_LIMIT, `must be at most ${SEARCH_MAX_LIMIT}`)
    .optional()
    .openapi({ description: `At most this many results of each kind (default ${SEARCH_DEFAULT_LIMIT}).` }),
});

export const SearchResult = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.string().openapi({ description: "The code (states, organisations), slug, proposal number or source id." }),
    name: z.string().openapi({ description: "In the language asked for (a proposal's title as written)." }),
    detail: z.string().openapi({
      description:
        "What tells it apart: its code (an organisation's: its short name in the language asked for), organisation, body or publisher.",
    }),
    url: z.string().openapi({ description: "Its page in the web app.", example: "/actors/COL" }),
  })
  .openapi("SearchResult");

export const SearchAnswer = z.object({
  q: z.string(),
  lang: z.enum(LANGUAGES),
  results: z.array(SearchResult).openapi({
    description: "By kind (states, organisations, frameworks, proposals, sources), best matches first within each.",
  }),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

/** One result as it leaves the server: named in `lang`, with its page's address. */
export function presentSearchHit(hit: SearchHit, lang: Language): z.infer<typeof SearchResult> {
  switch (hit.kind) {
    case "state":
      return { kind: hit.kind, id: hit.code, name: hit.names[lang], detail: hit.code, url: `/actors/${hit.code}` };
    case "organization":
      return {
        kind: hit.kind,
        id: hit.code,
        name: hit.names[lang],
        detail: hit.abbreviations?.[lang] ?? hit.code,
        url: `/organizations/${hit.code}`,
      };
    case "framework":
      return {
        kind: hit.kind,
        id: hit.slug,
        name: hit.names[lang],
        detail: hit.organizationAbbreviations?.[lang] ?? hit.organizationNames[lang],
        url: `/organizations/${hit.organization}`,
      };
    case "proposal":
      return {
        kind: hit.kind,
        id: String(hit.id),
        name: hit.title,
        detail: `#${hit.id} · ${hit.body.names[lang]}`,
        url: `/proposals/${hit.id}`,
      };
    case "source":
      return {
        kind: hit.kind,
        id: hit.id,
        name: hit.title,
        detail: hit.published ? `${hit.publisher}, ${hit.published.slice(0, 4)}` : hit.publisher,
        url: `/relations/${hit.relationId}`,
      };
  }
}

export function searchRoutes(services: { search: SearchService }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "States, organisations, frameworks, proposals and sources matching a text, in the reader's language",
      description:
        "Ignores case and accents (`Colômbia`, `colombia`); an exact code first, then names that start with the text, " +
        "then any that contain it. Proposals are searched only among those the reader may read.",
      request: { query: SearchQuery },
      responses: {
        200: json(SearchAnswer, "The results, by kind."),
        400: errorResponse("`q` is empty or too long, or `limit` is out of range; the message names it."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const { q, results } = await services.search.search(principalOf(c), { q: query.q, lang, limit: query.limit });
      return c.json({ q, lang, results: results.map((hit) => presentSearchHit(hit, lang)) }, 200);
    },
  );

  return app;
}
