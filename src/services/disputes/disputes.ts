/**
 * The questions users ask of disputes (disputesPolicy: a public record, like the registry): a
 * page of disputes by state, pair, day or years; a pair's summary; counts per pair; one dispute
 * with its timeline, parties, pair-years, episodes, cases and dialogue, and the parties'
 * relations in the registry on a day; court cases. The GML import is ./gml-import.ts.
 */
import type { Database } from "../../db/client.ts";
import * as repo from "../../db/repositories/disputes.ts";
import { type Day, isDay, today } from "../../domain/dates.ts";
import { orderedPair, type PairSummary } from "../../domain/disputes.ts";
import { msg } from "../../domain/messages/index.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import type { CowMapping } from "../imports/cow-states.ts";
import { authorize, disputesPolicy, importPolicy, type Principal } from "../policies.ts";
import { type GmlImportSummary, importGmlMid } from "./gml-import.ts";

export const DISPUTES_PAGE = 50;
export const DISPUTES_PAGE_MAX = 500;
const PARTY = /^([A-Z]{3}|COW:[0-9]{1,4})$/;
const FIRST_YEAR = 1816;
const LAST_YEAR = 2100;

export type DisputeQuery = {
  state?: string;
  pair?: [string, string];
  at?: string;
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
};

/** A party's standing in the registry on a day: the organisations it belonged to or partnered. */
export type PartyRelations = Record<string, Array<{ organization: string; kind: string; designation: string | null }>>;

export class DisputesService {
  constructor(private readonly db: Database) {}

  /** Disputes matching the query, newest first, paged; with `pair`, the pair's summary; with `at`, the parties' relations that day. */
  async list(principal: Principal, query: DisputeQuery) {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    const filter = this.filterOf(query);
    const { rows, total } = await repo.listDisputes(this.db, filter);
    const focus = filter.pair?.[0] ?? filter.party;
    const years =
      focus === undefined
        ? []
        : await repo.yearsOf(
            this.db,
            rows.map((row) => row.id),
            focus,
            filter.pair?.[1],
          );
    const disputes = rows.map((row) => ({
      ...row,
      years: years.filter((year) => year.disputeId === row.id).map(({ year, hostility }) => ({ year, hostility })),
    }));
    const summary = filter.pair ? await this.summaryOf(filter.pair) : undefined;
    // A pair's dialogue and confidence-building, whether or not tied to one of its disputes.
    const dialogues = filter.pair ? await repo.listDialogues(this.db, { states: filter.pair }) : undefined;
    const relations =
      filter.activeOn === undefined
        ? undefined
        : await repo.relationsOn(
            this.db,
            [...new Set(rows.flatMap((row) => row.parties.map((p) => p.party)))],
            filter.activeOn,
          );
    return {
      disputes,
      total,
      limit: filter.limit,
      offset: filter.offset,
      summary,
      dialogues,
      at: filter.activeOn,
      relations,
    };
  }

  /** A pair's summary over the pair-years: what `concord disputes --pair A B` prints. */
  async pairSummary(principal: Principal, one: string, two: string): Promise<PairSummary> {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    return this.summaryOf(this.pairOf(one, two, "pair"));
  }

  /** Pairs with disputes in the years given (of one state, if given), the most disputes first. */
  async pairs(principal: Principal, query: { state?: string; from?: number; to?: number; limit?: number }) {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    const party = query.state === undefined ? undefined : this.partyOf(query.state, "state");
    const { from, to } = this.yearsOf(query.from, query.to);
    const limit = this.limitOf(query.limit, 100);
    return { pairs: await repo.pairCounts(this.db, { party, fromYear: from, toYear: to, limit }), limit };
  }

  /** One dispute: its facts with their sources, parties, pair-years, timeline, episodes, cases, dialogue, and the parties' relations on `at` (by default its first day). */
  async get(principal: Principal, id: string, options: { at?: string } = {}) {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    const dispute = /^[a-z][a-z0-9-]{0,59}$/.test(id) ? await repo.findDispute(this.db, id) : undefined;
    if (!dispute) throw new NotFoundError(msg("disputes.not_found", { id }));
    const at = options.at === undefined ? undefined : this.dayOf(options.at, "at");
    const [parties, dyadYears, incidents, claims, episodes, cases, dialogues] = await Promise.all([
      repo.partiesOf(this.db, id),
      repo.dyadYearsOf(this.db, [id]),
      repo.incidentsOf(this.db, id),
      repo.claimsOf(this.db, id),
      repo.episodesOf(this.db, dispute.midEpisodes),
      repo.listCases(this.db, { disputeId: id }),
      repo.listDialogues(this.db, { disputeId: id }),
    ]);
    // The parties' standing on the day asked, or else on the dispute's first day: "were both in
    // UNASUR then? was one a NATO partner?"
    const day = at ?? dispute.start;
    const relations = await repo.relationsOn(
      this.db,
      parties.map((party) => party.party),
      day,
    );
    const cited = [dispute, ...incidents, ...claims, ...dialogues, ...cases, ...cases.flatMap((row) => row.stages)];
    return {
      dispute,
      sources: await this.sourcesOf(cited),
      parties,
      dyadYears: dyadYears.map(({ disputeId: _, ...row }) => row),
      incidents,
      claims,
      episodes,
      cases,
      dialogues,
      relations: {
        at: day,
        byParty: relations,
        together: together(
          relations,
          parties.map((party) => party.party),
        ),
      },
    };
  }

  async cases(principal: Principal, query: { state?: string }) {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    const state = query.state === undefined ? undefined : this.partyOf(query.state, "state");
    const cases = await repo.listCases(this.db, { state });
    return { cases, sources: await this.sourcesOf([...cases, ...cases.flatMap((row) => row.stages)]) };
  }

  async getCase(principal: Principal, id: string) {
    authorize(principal, disputesPolicy.read(principal), msg("disputes.reading"));
    const [found] = /^[a-z][a-z0-9-]{0,59}$/.test(id) ? await repo.listCases(this.db, { id }) : [];
    if (!found) throw new NotFoundError(msg("disputes.case_not_found", { id }));
    return { case: found, sources: await this.sourcesOf([found, ...found.stages]) };
  }

  /** The GML MID data, from the command line (./gml-import.ts). */
  importGmlMid(principal: Principal, text: string, options: { mapping?: CowMapping } = {}): Promise<GmlImportSummary> {
    authorize(principal, importPolicy.run(principal), msg("activity.importing"));
    return importGmlMid(this.db, text, { ...options, principal });
  }

  /** The sources the facts cite, by id: what a page needs to cite each beside its fact. */
  private async sourcesOf(facts: Array<{ sourceId: string }>): Promise<Record<string, repo.DisputeSourceRow>> {
    const rows = await repo.sourcesByIds(this.db, [...new Set(facts.map((fact) => fact.sourceId))]);
    return Object.fromEntries(rows.map((row) => [row.id, row]));
  }

  private async summaryOf(pair: [string, string]): Promise<PairSummary> {
    const row = await repo.pairSummary(this.db, pair[0], pair[1]);
    return {
      pair,
      disputes: row.disputes,
      firstYear: row.firstYear,
      lastYear: row.lastYear,
      highestHostility: row.highestHostility as PairSummary["highestHostility"],
      wars: row.wars ?? [],
    };
  }

  private filterOf(query: DisputeQuery): repo.DisputeFilter {
    const { from, to } = this.yearsOf(query.from, query.to);
    return {
      party: query.state === undefined ? undefined : this.partyOf(query.state, "state"),
      pair: query.pair === undefined ? undefined : this.pairOf(query.pair[0], query.pair[1], "pair"),
      activeOn: query.at === undefined ? undefined : this.dayOf(query.at, "at"),
      fromYear: from,
      toYear: to,
      limit: this.limitOf(query.limit, DISPUTES_PAGE),
      offset: this.offsetOf(query.offset),
    };
  }

  private partyOf(code: string, field: string): string {
    const party = code.trim().toUpperCase();
    if (!PARTY.test(party)) throw new InvalidRequestError(msg("disputes.party_format", { got: code }), { field });
    return party;
  }

  private pairOf(one: string, two: string, field: string): [string, string] {
    const a = this.partyOf(one, field);
    const b = this.partyOf(two, field);
    if (a === b) throw new InvalidRequestError(msg("disputes.pair_same", { code: a }), { field });
    return orderedPair(a, b);
  }

  private dayOf(text: string, field: string): Day {
    if (text === "today") return today();
    if (!isDay(text)) throw new InvalidRequestError(msg("disputes.day_format", { got: text }), { field });
    return text;
  }

  private yearsOf(from: number | undefined, to: number | undefined): { from?: number; to?: number } {
    for (const [field, year] of [
      ["from", from],
      ["to", to],
    ] as const)
      if (year !== undefined && (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR))
        throw new InvalidRequestError(msg("disputes.year_range", { first: FIRST_YEAR, last: LAST_YEAR }), { field });
    if (from !== undefined && to !== undefined && to < from)
      throw new InvalidRequestError(msg("disputes.to_before_from", { from }), { field: "to" });
    return { from, to };
  }

  private limitOf(limit: number | undefined, fallback: number): number {
    if (limit === undefined) return fallback;
    if (!Number.isInteger(limit) || limit < 1 || limit > DISPUTES_PAGE_MAX)
      throw new InvalidRequestError(msg("disputes.limit_range", { maximum: DISPUTES_PAGE_MAX }), { field: "limit" });
    return limit;
  }

  private offsetOf(offset: number | undefined): number {
    if (offset === undefined) return 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new InvalidRequestError(msg("disputes.offset_range"), { field: "offset" });
    return offset;
  }
}

/** The organisations every one of `parties` was a member of on the day. */
function together(relations: PartyRelations, parties: string[]): string[] {
  const memberships = parties.map(
    (party) => new Set((relations[party] ?? []).filter((r) => r.kind === "member").map((r) => r.organization)),
  );
  const [first, ...rest] = memberships;
  if (!first || rest.length === 0) return [];
  return [...first].filter((organization) => rest.every((set) => set.has(organization))).sort();
}
