/**
 * Disputes, court cases and dialogue over HTTP: thin over DisputesService, which checks every
 * parameter (so refusals name the field in the reader's language). Public, like the registry.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import type { DisputesService } from "../../services/disputes/disputes.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { SourceRef } from "../schemas.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };
type Names = { en: string | null; es: string | null; pt: string | null; fr: string | null };

const lang = z
  .enum(LANGUAGES)
  .optional()
  .openapi({ description: "Language of names and titles. Defaults to the Accept-Language header, then English." });
const text = (max: number, description: string) => z.string().max(max).optional().openapi({ description });
/** A whole number given as text: the service says what is wrong with it, in the reader's language. */
const number = (value: string | undefined) => (value === undefined || value === "" ? undefined : Number(value));

/** Text in the reader's language, else English, else none (a MID dispute has no name: its parties name it). */
export const inLanguage = (names: Names, language: Language): string | null => names[language] ?? names.en;

const Citation = {
  sourceId: z.string(),
  quote: z.string().nullable(),
  locator: z.string().nullable(),
};
const PartyBrief = z.object({ party: z.string(), name: z.string().nullable(), side: z.enum(["A", "B"]) });
const DisputeBrief = z
  .object({
    id: z.string(),
    midNumber: z.number().nullable(),
    name: z.string().nullable().openapi({ description: "In the reader's language; null for a MID dispute." }),
    start: z.string(),
    startPrecision: z.enum(["day", "month", "year"]),
    end: z.string().nullable(),
    endPrecision: z.enum(["day", "month", "year"]).nullable(),
    ongoing: z.boolean(),
    hostility: z.number().nullable().openapi({ description: "1 none, 2 threat, 3 display, 4 use of force, 5 war." }),
    fatality: z.number().nullable().openapi({ description: "Fatality band 0–6; null when missing." }),
    datasetVersion: z.string().nullable(),
    parties: z.array(PartyBrief),
  })
  .openapi("DisputeBrief");
const RelationOn = z.object({ organization: z.string(), kind: z.string(), designation: z.string().nullable() });
const Summary = z
  .object({
    pair: z.tuple([z.string(), z.string()]),
    disputes: z.number(),
    firstYear: z.number().nullable(),
    lastYear: z.number().nullable(),
    highestHostility: z.number().nullable(),
    wars: z.array(z.number()).openapi({ description: "MID numbers of the pair's disputes that reached war." }),
  })
  .openapi("PairSummary");
const Stage = z.object({
  stage: z.string(),
  date: z.string(),
  summary: z.string().nullable(),
  document: z.string().nullable(),
  ...Citation,
});
const Case = z
  .object({
    id: z.string(),
    court: z.string(),
    title: z.string().nullable(),
    applicant: z.string(),
    respondent: z.string(),
    disputeId: z.string().nullable(),
    basis: z.string(),
    status: z.enum(["pending", "decided", "discontinued"]),
    ...Citation,
    stages: z.array(Stage),
  })
  .openapi("CourtCase");

type DisputeRowLike = {
  names: Names;
  parties: Array<{ party: string; name: string | null; side: "A" | "B" }>;
} & Omit<z.infer<typeof DisputeBrief>, "name" | "parties">;

const presentBrief = (row: DisputeRowLike, language: Language): z.infer<typeof DisputeBrief> => ({
  id: row.id,
  midNumber: row.midNumber,
  name: inLanguage(row.names, language),
  start: row.start,
  startPrecision: row.startPrecision,
  end: row.end,
  endPrecision: row.endPrecision,
  ongoing: row.ongoing,
  hostility: row.hostility,
  fatality: row.fatality,
  datasetVersion: row.datasetVersion,
  parties: row.parties,
});

type CaseRowLike = Omit<z.infer<typeof Case>, "title" | "stages"> & {
  titles: Names;
  stages: Array<Omit<z.infer<typeof Stage>, "summary"> & { summaries: Names }>;
};
export const presentCase = (row: CaseRowLike, language: Language): z.infer<typeof Case> => {
  const { titles, stages, ...rest } = row;
  return {
    ...rest,
    title: inLanguage(titles, language),
    stages: stages.map(({ summaries, ...stage }) => ({ ...stage, summary: inLanguage(summaries, language) })),
  };
};

const DisputesQuery = z.object({
  state: text(12, "Disputes this state took part in: an ISO 3166-1 alpha-3 code, or COW:<code> for a state with none."),
  pair: text(30, "Two states, comma-separated (COL,VEN): their disputes, and the pair's summary."),
  at: text(20, "Disputes active on this day (YYYY-MM-DD), with each party's relations in the registry that day."),
  from: text(10, "Disputes of this year or later."),
  to: text(10, "Disputes of this year or earlier."),
  limit: text(10, "At most this many (default 50, at most 500)."),
  offset: text(10, "Skip this many first (default 0)."),
  lang,
});

export function disputeRoutes(services: { disputes: DisputesService }) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/disputes",
      tags: ["Disputes"],
      summary: "Disputes of a state, of a pair (with its summary), or active on a date; newest first, paged",
      request: { query: DisputesQuery },
      responses: {
        200: json(
          z.object({
            disputes: z.array(
              DisputeBrief.extend({
                years: z.array(z.object({ year: z.number(), hostility: z.number().nullable() })).openapi({
                  description: "With state or pair: its years in the dispute and the highest hostility of each.",
                }),
              }),
            ),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
            summary: Summary.optional(),
            dialogues: z.array(z.object({}).passthrough()).optional().openapi({
              description: "With pair: the pair's dialogue and confidence-building, in the reader's language.",
            }),
            at: z.string().optional(),
            relations: z.record(z.string(), z.array(RelationOn)).optional(),
          }),
          "The disputes.",
        ),
        400: errorResponse("A parameter is invalid; the message names it."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const language = readerLanguage(c, query.lang);
      const pair = query.pair === undefined ? undefined : query.pair.split(",");
      const answer = await services.disputes.list(principalOf(c), {
        state: query.state,
        pair: pair === undefined ? undefined : [pair[0] ?? "", pair[1] ?? ""],
        at: query.at,
        from: number(query.from),
        to: number(query.to),
        limit: number(query.limit),
        offset: number(query.offset),
      });
      return c.json(
        {
          ...answer,
          disputes: answer.disputes.map((row) => ({ ...presentBrief(row, language), years: row.years })),
          dialogues: answer.dialogues?.map(({ titles, ...dialogue }) => ({
            ...dialogue,
            title: inLanguage(titles, language),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/disputes/pairs",
      tags: ["Disputes"],
      summary: "Pairs of states with disputes in a period: how many, first and last year, highest hostility",
      request: {
        query: z.object({
          state: DisputesQuery.shape.state,
          from: DisputesQuery.shape.from,
          to: DisputesQuery.shape.to,
          limit: text(10, "At most this many pairs (default 100, at most 500)."),
        }),
      },
      responses: {
        200: json(
          z.object({
            pairs: z.array(
              z.object({
                party1: z.string(),
                party2: z.string(),
                disputes: z.number(),
                firstYear: z.number(),
                lastYear: z.number(),
                highestHostility: z.number().nullable(),
              }),
            ),
            limit: z.number(),
          }),
          "The pairs, the most disputes first.",
        ),
        400: errorResponse("A parameter is invalid; the message names it."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await services.disputes.pairs(principalOf(c), {
          state: query.state,
          from: number(query.from),
          to: number(query.to),
          limit: number(query.limit),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/disputes/{id}",
      tags: ["Disputes"],
      summary: "One dispute: its facts and sources, parties, years, timeline, episodes, cases, dialogue",
      request: {
        params: z.object({ id: z.string().max(60) }),
        query: z.object({
          at: text(20, "The day of the parties' relations (default: the dispute's first day)."),
          lang,
        }),
      },
      responses: {
        200: json(z.object({}).passthrough().openapi("Dispute"), "The dispute."),
        400: errorResponse("A parameter is invalid; the message names it."),
        404: errorResponse("No dispute has this id."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const language = readerLanguage(c, query.lang);
      const view = await services.disputes.get(principalOf(c), c.req.valid("param").id, { at: query.at });
      const { names, summaries, ...dispute } = view.dispute;
      return c.json(
        {
          ...view,
          dispute: { ...dispute, name: inLanguage(names, language), summary: inLanguage(summaries, language) },
          incidents: view.incidents.map(({ titles, ...incident }) => ({
            ...incident,
            title: inLanguage(titles, language),
          })),
          episodes: view.episodes.map((episode) => presentBrief(episode, language)),
          cases: view.cases.map((row) => presentCase(row, language)),
          dialogues: view.dialogues.map(({ titles, ...dialogue }) => ({
            ...dialogue,
            title: inLanguage(titles, language),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases",
      tags: ["Disputes"],
      summary: "Court and arbitration cases, of a state if given, with their stages",
      request: { query: z.object({ state: DisputesQuery.shape.state, lang }) },
      responses: {
        200: json(
          z.object({ cases: z.array(Case), sources: z.record(z.string(), SourceRef) }),
          "The cases, the latest first, and the sources they cite.",
        ),
        400: errorResponse("A parameter is invalid; the message names it."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const language = readerLanguage(c, query.lang);
      const { cases, sources } = await services.disputes.cases(principalOf(c), { state: query.state });
      return c.json({ cases: cases.map((row) => presentCase(row, language)), sources }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{id}",
      tags: ["Disputes"],
      summary: "One court case, with its stages",
      request: { params: z.object({ id: z.string().max(60) }), query: z.object({ lang }) },
      responses: {
        200: json(z.object({ case: Case, sources: z.record(z.string(), SourceRef) }), "The case and its sources."),
        404: errorResponse("No case has this id."),
      },
    }),
    async (c) => {
      const language = readerLanguage(c, c.req.valid("query").lang);
      const found = await services.disputes.getCase(principalOf(c), c.req.valid("param").id);
      return c.json({ case: presentCase(found.case, language), sources: found.sources }, 200);
    },
  );

  return app;
}
