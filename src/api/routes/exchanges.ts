/**
 * The annual information exchanges over HTTP: thin over ExchangesService (exchangesPolicy).
 * A return's refusals are rendered in the reader's language, each naming its field.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { COMPLIANCE_STATUSES, type ReturnError } from "../../domain/exchanges.ts";
import { render } from "../../domain/messages/index.ts";
import type { Language } from "../../domain/languages.ts";
import { type ExchangesService, returnErrorMessage } from "../../services/exchanges/exchanges.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

const Regime = z.object({}).passthrough().openapi("ExchangeRegime");
const ReturnVersion = z.object({}).passthrough().openapi("ExchangeReturn");
const FieldError = z
  .object({ field: z.string(), key: z.string(), message: z.string() })
  .openapi("ExchangeReturnError", { description: "What the form refuses, naming the field." });
const ComparisonRow = z
  .object({
    state: z.string(),
    year: z.number(),
    currency: z.string().nullable(),
    scale: z.number(),
    total: z.number().optional(),
    population: z.number().optional(),
    gdp: z.number().optional(),
    perCapita: z.number().optional(),
    shareOfGdp: z.number().optional(),
  })
  .openapi("ExchangeComparisonRow");
const COMPARISON_COLUMNS: CsvColumn<z.infer<typeof ComparisonRow>>[] = [
  { header: "state", value: (row) => row.state },
  { header: "year", value: (row) => row.year },
  { header: "currency", value: (row) => row.currency },
  { header: "total", value: (row) => row.total },
  { header: "population", value: (row) => row.population },
  { header: "gdp", value: (row) => row.gdp },
  { header: "per_capita", value: (row) => row.perCapita },
  { header: "share_of_gdp", value: (row) => row.shareOfGdp },
];

const Compliance = z
  .object({
    regime: z.string(),
    year: z.number(),
    at: z.string(),
    deadline: z.string().openapi({ description: "The last day a return is on time." }),
    states: z.array(
      z.object({
        state: z.string(),
        status: z.enum(COMPLIANCE_STATUSES),
        submitted: z.string().optional().openapi({ description: "The day of the first submission." }),
      }),
    ),
    summary: z.object({
      "on-time": z.number(),
      late: z.number(),
      missing: z.number(),
      "not-yet-due": z.number(),
      participants: z.number(),
    }),
    others: z.array(z.string()).openapi({ description: "States that returned something without taking part." }),
  })
  .openapi("ExchangeCompliance");

const regimeParam = z.object({ regime: z.string().max(60) });
const returnParams = z.object({ regime: z.string().max(60), state: z.string().max(12), year: z.string().max(6) });
const yearOf = (text: string | undefined) => (text === undefined || text === "" ? Number.NaN : Number(text));

const presentErrors = (errors: readonly ReturnError[], language: Language) =>
  errors.map((error) => ({ field: error.field, key: error.key, message: render(language, returnErrorMessage(error)) }));

export function exchangeRoutes(services: { exchanges: ExchangesService }) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges",
      tags: ["Exchanges"],
      summary: "The regimes of annual information exchange, their forms, and the next deadline of each",
      responses: { 200: json(z.object({ regimes: z.array(Regime) }), "The regimes.") },
    }),
    async (c) => c.json({ regimes: await services.exchanges.regimes(principalOf(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/notices",
      tags: ["Exchanges"],
      summary: "What the exchanges told the reader's delegation: reminders before deadlines, missing returns recorded",
      responses: {
        200: json(
          z.object({
            state: z.string().nullable(),
            notices: z.array(
              z.object({
                id: z.number(),
                regimeCode: z.string(),
                year: z.number(),
                kind: z.string(),
                daysBefore: z.number(),
                due: z.string(),
                issuedAt: z.string(),
              }),
            ),
          }),
          "The newest 50.",
        ),
        401: errorResponse("Nobody is signed in."),
        403: errorResponse("The reader speaks for no delegation."),
      },
    }),
    async (c) => {
      const answer = await services.exchanges.notices(principalOf(c));
      return c.json({ state: answer.state, notices: answer.notices.map(({ stateCode: _, ...notice }) => notice) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/{regime}",
      tags: ["Exchanges"],
      summary: "One regime: participants, deadline rule, its versioned forms whole, and its publications",
      request: { params: regimeParam },
      responses: {
        200: json(Regime, "The regime."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => c.json(await services.exchanges.regime(principalOf(c), c.req.valid("param").regime), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/{regime}/compliance",
      tags: ["Exchanges"],
      summary: "Who took part in a reporting year and submitted on time, late, or not at all, as of a day",
      request: {
        params: regimeParam,
        query: z.object({
          year: z.string().max(6).openapi({ description: "The reporting year." }),
          at: z.string().max(20).optional().openapi({ description: "As of this day (default today)." }),
        }),
      },
      responses: {
        200: json(Compliance, "Each participant's status and the counts."),
        400: errorResponse("A parameter is invalid; the message names it."),
        401: errorResponse("The regime's returns are restricted: sign in."),
        403: errorResponse("The regime's returns are restricted to its participants and secretariat."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const answer = await services.exchanges.compliance(
        principalOf(c),
        c.req.valid("param").regime,
        yearOf(query.year),
        query.at,
      );
      return c.json({ ...answer, states: [...answer.states], others: [...answer.others] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/{regime}/comparison",
      tags: ["Exchanges"],
      summary: "Submitted returns' totals across states and years, per capita and share of GDP where given",
      request: {
        params: regimeParam,
        query: z.object({ from: z.string().max(6), to: z.string().max(6), ...FormatField }),
      },
      responses: {
        200: jsonOrCsv(z.object({ regime: z.string(), rows: z.array(ComparisonRow) }), "One row per state and year."),
        400: errorResponse("A parameter is invalid; the message names it."),
        401: errorResponse("The regime's returns are restricted: sign in."),
        403: errorResponse("The regime's returns are restricted to its participants and secretariat."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const regime = c.req.valid("param").regime;
      const answer = await services.exchanges.comparison(principalOf(c), regime, {
        from: yearOf(query.from),
        to: yearOf(query.to),
      });
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(c, csvFileName(regime, query.from, query.to), toCsv(COMPARISON_COLUMNS, answer.rows));
      return c.json(answer, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/{regime}/record/{state}",
      tags: ["Exchanges"],
      summary: "A state's record over the years: its status each year it took part, and how often each",
      request: {
        params: z.object({ regime: z.string().max(60), state: z.string().max(12) }),
        query: z.object({ from: z.string().max(6), to: z.string().max(6) }),
      },
      responses: {
        200: json(
          z.object({
            regime: z.string(),
            state: z.string(),
            years: z.array(z.object({ year: z.number(), status: z.enum(COMPLIANCE_STATUSES) })),
            counts: z.record(z.string(), z.number()),
          }),
          "The state's record.",
        ),
        400: errorResponse("A parameter is invalid; the message names it."),
        401: errorResponse("The regime's returns are restricted: sign in."),
        403: errorResponse("The regime's returns are restricted to its participants and secretariat."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const { regime, state } = c.req.valid("param");
      const query = c.req.valid("query");
      return c.json(
        await services.exchanges.record(principalOf(c), regime, state, {
          from: yearOf(query.from),
          to: yearOf(query.to),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/exchanges/{regime}/returns/{state}/{year}",
      tags: ["Exchanges"],
      summary:
        "A state's return for a year: the submitted one with the versions it corrected; the draft to its delegation",
      request: { params: returnParams },
      responses: {
        200: json(
          z.object({
            regime: z.string(),
            state: z.string(),
            year: z.number(),
            deadline: z.string(),
            versions: z.array(ReturnVersion),
          }),
          "The versions the reader may see, the newest first.",
        ),
        400: errorResponse("A parameter is invalid; the message names it."),
        401: errorResponse("Sign in to read a restricted regime's returns."),
        403: errorResponse("The reader may not read this return."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const { regime, state, year } = c.req.valid("param");
      return c.json(await services.exchanges.returnOf(principalOf(c), regime, state, yearOf(year)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/exchanges/{regime}/returns/{state}/{year}/draft",
      tags: ["Exchanges"],
      summary: "Save the state's draft return for the year; the answer lists what the form would refuse",
      request: {
        params: returnParams,
        body: {
          content: {
            "application/json": {
              schema: z.object({}).passthrough().openapi("ExchangeReturnValues", {
                description: "{ currency?, scale?, nil?, units?, fields: { key: value } }",
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ return: ReturnVersion, errors: z.array(FieldError) }), "The draft, and its refusals."),
        400: errorResponse("The request is invalid; the message names the field."),
        401: errorResponse("Nobody is signed in."),
        403: errorResponse("Only the state's delegation writes its return."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const { regime, state, year } = c.req.valid("param");
      const saved = await services.exchanges.saveDraft(
        principalOf(c),
        regime,
        state,
        yearOf(year),
        c.req.valid("json"),
      );
      return c.json({ return: saved.return, errors: presentErrors(saved.errors, readerLanguage(c)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/exchanges/{regime}/returns/{state}/{year}/submission",
      tags: ["Exchanges"],
      summary: "Submit the state's draft; a second submission corrects the first, which stays readable",
      request: { params: returnParams },
      responses: {
        200: json(z.object({ return: ReturnVersion, corrects: z.number().nullable() }), "The submitted return."),
        400: errorResponse(
          "The form refuses the draft; the message names the first field (save the draft to see all).",
        ),
        401: errorResponse("Nobody is signed in."),
        403: errorResponse("Only the state's delegation submits its return."),
        404: errorResponse("No regime has this code."),
      },
    }),
    async (c) => {
      const { regime, state, year } = c.req.valid("param");
      return c.json(await services.exchanges.submit(principalOf(c), regime, state, yearOf(year)), 200);
    },
  );

  return app;
}
