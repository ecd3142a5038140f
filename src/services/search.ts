/**
 * The search box: states, organisations, frameworks, sources and proposals whose codes, names or
 * titles contain a text, ignoring case and accents, best matches first (src/db/repositories/search.ts).
 * Authorization comes first and decides where proposals are looked for at all: only in what
 * `decisionPolicy.readableIn` allows, and each proposal found is asked of `decisionPolicy.read`
 * again. A reader learns nothing of the others, not even that there are any.
 */
import type { Database } from "../db/client.ts";
import { listBodies, type BodyRow } from "../db/repositories/decisions.ts";
import {
  searchActors,
  searchFrameworks,
  searchProposals,
  searchSources,
  type ActorHit,
  type FrameworkHit,
  type ProposalHit,
  type SourceHit,
} from "../db/repositories/search.ts";
import type { Language } from "../domain/languages.ts";
import { msg } from "../domain/messages/index.ts";
import { SEARCH_MAX_LENGTH } from "../domain/search.ts";
import { InvalidRequestError } from "./errors.ts";
import { authorize, decisionPolicy, searchPolicy, type Principal } from "./policies.ts";

/** Results of each kind, unless asked for fewer (or more, up to SEARCH_MAX_LIMIT). */
export const SEARCH_DEFAULT_LIMIT = 8;
export const SEARCH_MAX_LIMIT = 50;

export type SearchHit =
  | ({ kind: "state" | "organization" } & ActorHit)
  | ({ kind: "framework" } & FrameworkHit)
  | ({ kind: "source" } & SourceHit)
  | ({ kind: "proposal"; body: BodyRow } & ProposalHit);

export type SearchInput = { q: string; lang: Language; limit?: number };

export class SearchService {
  constructor(private readonly db: Database) {}

  /** What matches `q`, by kind (at most `limit` of each), only what `principal` may see. */
  async search(principal: Principal, input: SearchInput): Promise<{ q: string; results: SearchHit[] }> {
    authorize(principal, searchPolicy.run(principal), msg("activity.searching"));
    const q = input.q.trim().replace(/\s+/g, " ");
    if (q.length === 0) throw new InvalidRequestError(msg("validation.search_text"), { field: "q" });
    if (q.length > SEARCH_MAX_LENGTH)
      throw new InvalidRequestError(msg("validation.too_long", { maximum: SEARCH_MAX_LENGTH }), { field: "q" });
    const limit = input.limit ?? SEARCH_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT)
      throw new InvalidRequestError(msg("search.limit_range", { maximum: SEARCH_MAX_LIMIT }), { field: "limit" });

    const bodies = await listBodies(this.db);
    const readable = searchPolicy.proposalsIn(principal, bodies);
    const [states, organizations, frameworks, sources, proposals] = await Promise.all([
      searchActors(this.db, q, "state", input.lang, limit),
      searchActors(this.db, q, "organization", input.lang, limit),
      searchFrameworks(this.db, q, input.lang, limit),
      searchSources(this.db, q, limit),
      searchProposals(
        this.db,
        q,
        {
          bodyIds: readable.bodies.map((body) => body.id),
          alsoConcerning: readable.concerning && {
            state: readable.concerning.state,
            bodyIds: readable.concerning.bodies.map((body) => body.id),
          },
        },
        limit,
      ),
    ]);

    const byId = new Map(bodies.map((body) => [body.id, body]));
    const results: SearchHit[] = [
      ...states.map((actor) => ({ kind: "state" as const, ...actor })),
      ...organizations.map((actor) => ({ kind: "organization" as const, ...actor })),
      ...frameworks.map((framework) => ({ kind: "framework" as const, ...framework })),
      // `read` has the last word on each proposal, as in every list of them.
      ...proposals.flatMap((proposal) => {
        const body = byId.get(proposal.bodyId);
        return body && decisionPolicy.read(principal, { body, concernsState: proposal.concernsState })
          ? [{ kind: "proposal" as const, ...proposal, body }]
          : [];
      }),
      ...sources.map((source) => ({ kind: "source" as const, ...source })),
    ];
    return { q, results };
  }
}
