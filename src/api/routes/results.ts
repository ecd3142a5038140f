/**
 * Results of cooperation programmes over HTTP (IATI 2.03's model): a programme's indicators with
 * their periods, actuals and progress, and the overview of what is missing, late or waiting for
 * approval; its updates; defining indicators, reporters and periods, locking a period; writing,
 * submitting, approving and returning updates; the programme as IATI 2.03 XML; the reader's
 * daily digests. Each handler validates, calls ResultsService and presents; changes are safe to
 * retry with an Idempotency-Key.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Transaction } from "../../db/client.ts";
import { COOPERATION_LIMITS, MEASURES, titleIn, UPDATE_STATUSES } from "../../domain/cooperation.ts";
import { isDay } from "../../domain/dates.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import type { RegistryService } from "../../services/registry.ts";
import type { IndicatorView, ResultsService, UpdateRow } from "../../services/cooperation/results.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { isPlainText } from "../decision-schemas.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

export type ResultsServices = { results: ResultsService; idempotency: IdempotencyService; registry: RegistryService };

// ------------------------------------------------------------------------------ what comes in

const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).refine(isPlainText, "must not contain control characters");
const required = (max: number) => text(max).refine((said) => said.trim() !== "", "must not be empty");
const optionalText = (max: number) => text(max).nullable().optional();
const figure = z
  .number()
  .min(-1e15, "must be at least -1000000000000000")
  .max(1e15, "must be at most 1000000000000000")
  .nullable()
  .optional();
const ref = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, "must be 1 to 20 letters, digits, dots, hyphens or underscores")
  .openapi({ example: "G1" });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a real calendar date written YYYY-MM-DD")
  .refine(isDay, "must be a real calendar date written YYYY-MM-DD")
  .openapi({ example: "2025-06-30" });
const id = (name: string) =>
  z.object({
    id: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
      .openapi({ param: { name: "id", in: "path" }, example: "1", description: `The ${name}'s id.` }),
  });

const TitlesIn = z
  .object({
    en: required(COOPERATION_LIMITS.title),
    es: optionalText(COOPERATION_LIMITS.title),
    pt: optionalText(COOPERATION_LIMITS.title),
    fr: optionalText(COOPERATION_LIMITS.title),
  })
  .openapi({ description: "The title in English (required) and the other languages where translated." });
const Figures = {
  value: figure,
  numerator: figure,
  denominator: figure.openapi({ description: "Above 0; given with the numerator." }),
  comment: optionalText(COOPERATION_LIMITS.comment),
};
const BaselineIn = z
  .object({ year: z.number().int().min(1900).max(2200).nullable().optional(), ...Figures })
  .nullable()
  .optional()
  .openapi({ description: "Year and value (a percentage: value, or numerator and denominator) before the programme." });
const Reporters = z
  .array(z.string().max(100, "must be at most 100 characters"))
  .max(100, "must list at most 100 accounts")
  .openapi({ description: "Account ids of the programme's organisation who report on the indicator." });

export const NewIndicator = z.object({
  goalRef: ref.openapi({ description: "The partnership goal's reference in the programme's tree." }),
  ref,
  titles: TitlesIn,
  description: optionalText(COOPERATION_LIMITS.description),
  measure: z
    .enum(MEASURES)
    .openapi({ description: "IATI IndicatorMeasure: unit 1, percentage 2, nominal 3, ordinal 4, qualitative 5." }),
  ascending: z.boolean().optional().openapi({ description: "More is better (default true)." }),
  baseline: BaselineIn,
  reporters: Reporters.optional(),
});
export const IndicatorChange = NewIndicator.omit({ reporters: true }).partial();
export const SetReporters = z.object({ reporters: Reporters });
export const NewPeriod = z.object({
  start: day,
  end: day,
  target: z.object(Figures).nullable().optional(),
});
export const NewUpdate = z.object({
  value: figure.openapi({ description: "Units, nominal and ordinal indicators: the figure reported." }),
  numerator: figure.openapi({ description: "Percentage indicators: the part…" }),
  denominator: figure.openapi({ description: "…of this whole (above 0)." }),
  narrative: optionalText(COOPERATION_LIMITS.narrative).openapi({
    description: "What happened; required for qualitative indicators.",
  }),
});
export const ReturnUpdate = z.object({ comment: required(COOPERATION_LIMITS.comment) });
const ProgrammeQuery = z.object({
  lang: z
    .enum(LANGUAGES)
    .optional()
    .openapi({ description: "Language of the titles. Defaults to Accept-Language, then English." }),
  ...FormatField,
});

// ------------------------------------------------------------------------------ what goes out

const TitlesOut = z.object({
  en: z.string(),
  es: z.string().nullable(),
  pt: z.string().nullable(),
  fr: z.string().nullable(),
});
const Numbers = { value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable() };
export const Indicator = z
  .object({
    id: z.number(),
    programmeId: z.number(),
    goalRef: z.string(),
    ref: z.string(),
    title: z.string().openapi({ description: "In the reader's language (else English)." }),
    titles: TitlesOut,
    description: z.string().nullable(),
    measure: z.enum(MEASURES),
    ascending: z.boolean(),
    baseline: z.object({ year: z.number().nullable(), ...Numbers, comment: z.string().nullable() }),
    reporters: z.array(z.object({ id: z.string(), name: z.string() })),
    periods: z.array(
      z.object({
        id: z.number(),
        start: z.string(),
        end: z.string(),
        target: z.object({ ...Numbers, comment: z.string().nullable() }),
        actual: z
          .object({ ...Numbers, narrative: z.string().nullable() })
          .nullable()
          .openapi({
            description:
              "From approved updates only: units summed; a percentage pooled (its numerators over its denominators); nominal, ordinal and narrative the latest.",
          }),
        locked: z.boolean(),
        progress: z.number().nullable().openapi({ description: "0 to 1 from the baseline towards the target." }),
        updates: z.object({
          draft: z.number(),
          pendingApproval: z.number(),
          approved: z.number(),
          returned: z.number(),
        }),
      }),
    ),
  })
  .openapi("ResultIndicator");
export const Update = z
  .object({
    id: z.number(),
    indicatorId: z.number(),
    periodId: z.number(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    narrative: z.string().nullable(),
    status: z.enum(UPDATE_STATUSES),
    reviewComment: z.string().nullable(),
    createdBy: z.string().openapi({ description: "The author's account id." }),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .openapi("ResultUpdate");
const OverviewUpdate = z.object({
  updateId: z.number(),
  indicatorId: z.number(),
  indicatorRef: z.string(),
  periodId: z.number(),
  createdBy: z.string(),
  submittedAt: z.string().nullable(),
});
const OverviewPeriod = z.object({
  indicatorId: z.number(),
  indicatorRef: z.string(),
  goalRef: z.string(),
  periodId: z.number(),
  start: z.string(),
  end: z.string(),
});
export const ResultsAnswer = z.object({
  programme: z.object({
    id: z.number(),
    organization: z.string(),
    partner: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  today: z.string(),
  indicators: z.array(Indicator),
  overview: z.object({
    withinDays: z.number(),
    missing: z.array(OverviewPeriod).openapi({
      description: "Open periods ending within `withinDays` days (or ended) with no approved or pending update.",
    }),
    late: z.array(OverviewPeriod).openapi({ description: "Open periods that have ended with no approved update." }),
    awaitingApproval: z
      .array(OverviewUpdate)
      .openapi({ description: "Updates waiting for approval, the longest waiting first." }),
    returned: z
      .array(OverviewUpdate.extend({ comment: z.string().nullable() }))
      .openapi({ description: "Updates returned for revision, with the secretariat's comment." }),
  }),
});
const DigestItem = z.object({
  key: z.string(),
  kind: z.enum(["missing", "late", "awaiting-approval", "returned"]),
  programmeId: z.number(),
  partner: z.string(),
  indicatorId: z.number(),
  indicatorRef: z.string(),
  goalRef: z.string(),
  periodId: z.number(),
  start: z.string(),
  end: z.string(),
  updateId: z.number().nullable(),
});
export const DigestAnswer = z.object({
  digests: z.array(
    z.object({
      day: z.string(),
      total: z.number().openapi({ description: "Entries in all (the list keeps the first 500)." }),
      items: z.array(DigestItem),
      updatedAt: z.string(),
    }),
  ),
});

export function presentIndicator(indicator: IndicatorView, lang: Language): z.infer<typeof Indicator> {
  return { ...indicator, title: titleIn(lang, indicator.titles) };
}

export function presentUpdate(update: UpdateRow): z.infer<typeof Update> {
  return {
    id: update.id,
    indicatorId: update.indicatorId,
    periodId: update.periodId,
    value: update.value,
    numerator: update.numerator,
    denominator: update.denominator,
    narrative: update.narrative,
    status: update.status,
    reviewComment: update.reviewComment,
    createdBy: update.createdBy,
    createdAt: update.createdAt,
    submittedAt: update.submittedAt,
    reviewedAt: update.reviewedAt,
  };
}

type Presented = z.infer<typeof Indicator>;
type IndicatorPeriod = { indicator: Presented; period: Presented["periods"][number] | undefined };

/** The results CSV: one row per indicator and period (an indicator without periods: one row). */
const RESULT_COLUMNS: CsvColumn<IndicatorPeriod>[] = [
  { header: "programme", value: ({ indicator }) => indicator.programmeId },
  { header: "goalRef", value: ({ indicator }) => indicator.goalRef },
  { header: "indicatorId", value: ({ indicator }) => indicator.id },
  { header: "indicatorRef", value: ({ indicator }) => indicator.ref },
  { header: "title", value: ({ indicator }) => indicator.title },
  { header: "measure", value: ({ indicator }) => indicator.measure },
  { header: "ascending", value: ({ indicator }) => indicator.ascending },
  { header: "baselineYear", value: ({ indicator }) => indicator.baseline.year },
  { header: "baselineValue", value: ({ indicator }) => indicator.baseline.value },
  { header: "baselineNumerator", value: ({ indicator }) => indicator.baseline.numerator },
  { header: "baselineDenominator", value: ({ indicator }) => indicator.baseline.denominator },
  { header: "periodId", value: ({ period }) => period?.id },
  { header: "start", value: ({ period }) => period?.start },
  { header: "end", value: ({ period }) => period?.end },
  { header: "targetValue", value: ({ period }) => period?.target.value },
  { header: "targetNumerator", value: ({ period }) => period?.target.numerator },
  { header: "targetDenominator", value: ({ period }) => period?.target.denominator },
  { header: "actualValue", value: ({ period }) => period?.actual?.value },
  { header: "actualNumerator", value: ({ period }) => period?.actual?.numerator },
  { header: "actualDenominator", value: ({ period }) => period?.actual?.denominator },
  { header: "actualNarrative", value: ({ period }) => period?.actual?.narrative },
  { header: "progress", value: ({ period }) => period?.progress },
  { header: "locked", value: ({ period }) => period?.locked },
  { header: "drafts", value: ({ period }) => period?.updates.draft },
  { header: "pendingApproval", value: ({ period }) => period?.updates.pendingApproval },
  { header: "approved", value: ({ period }) => period?.updates.approved },
  { header: "returned", value: ({ period }) => period?.updates.returned },
];

const UPDATE_COLUMNS: CsvColumn<z.infer<typeof Update>>[] = [
  { header: "id", value: (row) => row.id },
  { header: "indicatorId", value: (row) => row.indicatorId },
  { header: "periodId", value: (row) => row.periodId },
  { header: "value", value: (row) => row.value },
  { header: "numerator", value: (row) => row.numerator },
  { header: "denominator", value: (row) => row.denominator },
  { header: "narrative", value: (row) => row.narrative },
  { header: "status", value: (row) => row.status },
  { header: "reviewComment", value: (row) => row.reviewComment },
  { header: "createdBy", value: (row) => row.createdBy },
  { header: "createdAt", value: (row) => row.createdAt },
  { header: "submittedAt", value: (row) => row.submittedAt },
  { header: "reviewedAt", value: (row) => row.reviewedAt },
];

// ------------------------------------------------------------------------------ routes

const errors = {
  400: errorResponse("The request is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The reader may see the programme but not do this."),
  404: errorResponse("No such programme, indicator, period or update, or not one this reader may see."),
  409: errorResponse("The period is locked, or the update is not in a state that allows this."),
};
const readErrors = { 401: errors[401], 403: errors[403], 404: errors[404] };
const TAGS = ["Cooperation results"];

export function resultsRoutes(services: ResultsServices) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  const change = <B extends object, S extends 200 | 201>(
    c: Context<Env>,
    status: S,
    request: unknown,
    work: (tx: Transaction) => Promise<B>,
  ) => idempotentChange(services, c, status, request, work);

  app.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/results",
      tags: TAGS,
      summary:
        "A programme's indicators with baselines, targets, approved actuals and progress per period, and what is missing, late or waiting for approval",
      description:
        "Readers of the whole programme only (the secretariat, the partner's delegation, allies' delegations). As CSV: one row per indicator and period.",
      request: { params: id("programme"), query: ProgrammeQuery },
      responses: { 200: jsonOrCsv(ResultsAnswer, "The programme's results."), 400: errors[400], ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const results = await services.results.results(principalOf(c), Number(c.req.valid("param").id));
      const indicators = results.indicators.map((indicator) => presentIndicator(indicator, lang));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("programme", results.programme.id, results.programme.partner, "results", results.today),
          toCsv(
            RESULT_COLUMNS,
            indicators.flatMap((indicator): IndicatorPeriod[] =>
              indicator.periods.length === 0
                ? [{ indicator, period: undefined }]
                : indicator.periods.map((period) => ({ indicator, period })),
            ),
          ),
        );
      return c.json(
        {
          programme: results.programme,
          today: results.today,
          indicators,
          overview: { withinDays: results.withinDays, ...results.overview },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/updates",
      tags: TAGS,
      summary: "Every indicator update of a programme, oldest first, whatever its status",
      request: { params: id("programme"), query: z.object(FormatField) },
      responses: {
        200: jsonOrCsv(z.object({ updates: z.array(Update) }), "The updates."),
        400: errors[400],
        ...readErrors,
      },
    }),
    async (c) => {
      const programmeId = Number(c.req.valid("param").id);
      const updates = (await services.results.updates(principalOf(c), programmeId)).map(presentUpdate);
      if (wantsCsv(c.req.valid("query").format, c.req.header("accept")))
        return csvResponse(c, csvFileName("programme", programmeId, "updates"), toCsv(UPDATE_COLUMNS, updates));
      return c.json({ updates }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/iati",
      tags: TAGS,
      summary: "The programme as an IATI 2.03 activity (iati-activities version 2.03) with its results",
      description:
        "One iati-activity: identifier, reporting organisation, titles in every language, participating organisations, status, dates, the partner as recipient country, and one result (outcome) per partnership goal with its indicators' baselines, targets and approved actuals. Valid against the IATI 2.03 schema (data/iati/).",
      request: { params: id("programme") },
      responses: {
        200: { content: { "application/xml": { schema: z.string() } }, description: "The IATI XML document." },
        ...readErrors,
      },
    }),
    async (c) => {
      const programmeId = Number(c.req.valid("param").id);
      const xml = await services.results.iatiXml(principalOf(c), programmeId);
      return c.body(xml, 200, {
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": `inline; filename="programme-${programmeId}-iati.xml"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/programmes/{id}/indicators",
      tags: TAGS,
      summary: "Define an indicator of a partnership goal (the secretariat)",
      request: {
        params: id("programme"),
        query: z.object({ lang: ProgrammeQuery.shape.lang }),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewIndicator } }, required: true },
      },
      responses: { 201: json(z.object({ indicator: Indicator }), "Defined."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const lang = readerLanguage(c);
      return change(c, 201, input, async (tx) => ({
        indicator: presentIndicator(
          await services.results.createIndicator(principalOf(c), Number(c.req.valid("param").id), input, tx),
          lang,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/indicators/{id}",
      tags: TAGS,
      summary: "Change an indicator (the secretariat); its measure only while it has no updates",
      request: {
        params: id("indicator"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: IndicatorChange } }, required: true },
      },
      responses: { 200: json(z.object({ indicator: Indicator }), "The indicator as it is now."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const lang = readerLanguage(c);
      return change(c, 200, input, async (tx) => ({
        indicator: presentIndicator(
          await services.results.updateIndicator(principalOf(c), Number(c.req.valid("param").id), input, tx),
          lang,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/indicators/{id}/reporters",
      tags: TAGS,
      summary: "Assign the indicator's reporters (the secretariat): accounts of the programme's organisation",
      request: {
        params: id("indicator"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: SetReporters } }, required: true },
      },
      responses: { 200: json(z.object({ indicator: Indicator }), "The indicator as it is now."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const lang = readerLanguage(c);
      return change(c, 200, input, async (tx) => ({
        indicator: presentIndicator(
          await services.results.setReporters(principalOf(c), Number(c.req.valid("param").id), input.reporters, tx),
          lang,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/indicators/{id}/periods",
      tags: TAGS,
      summary: "Add a reporting period with its target (the secretariat); it must lie inside the programme's period",
      request: {
        params: id("indicator"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewPeriod } }, required: true },
      },
      responses: { 201: json(z.object({ indicator: Indicator }), "The indicator with its new period."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const lang = readerLanguage(c);
      return change(c, 201, input, async (tx) => ({
        indicator: presentIndicator(
          await services.results.addPeriod(principalOf(c), Number(c.req.valid("param").id), input, tx),
          lang,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/periods/{id}/lock",
      tags: TAGS,
      summary: "Lock a reporting period (the secretariat): it takes no more updates",
      request: { params: id("period"), headers: IdempotencyHeader },
      responses: { 200: json(z.object({ indicator: Indicator }), "The indicator with the period locked."), ...errors },
    }),
    async (c) => {
      const periodId = Number(c.req.valid("param").id);
      const lang = readerLanguage(c);
      return change(c, 200, { periodId }, async (tx) => ({
        indicator: presentIndicator(await services.results.lockPeriod(principalOf(c), periodId, tx), lang),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/periods/{id}/updates",
      tags: TAGS,
      summary: "Draft an update of a period (the indicator's reporters, the secretariat)",
      description:
        "A percentage needs numerator and denominator (above 0); a unit, nominal or ordinal indicator a value; a qualitative one a narrative. A locked period refuses (409).",
      request: {
        params: id("period"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewUpdate } }, required: true },
      },
      responses: { 201: json(z.object({ update: Update }), "Drafted."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        update: presentUpdate(
          await services.results.createUpdate(principalOf(c), Number(c.req.valid("param").id), input, tx),
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/updates/{id}/submission",
      tags: TAGS,
      summary: "Submit a draft or a returned update for approval (its author), revised with the values given",
      request: {
        params: id("update"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewUpdate } }, required: false },
      },
      responses: { 200: json(z.object({ update: Update }), "Pending approval."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 200, input, async (tx) => ({
        update: presentUpdate(
          await services.results.submitUpdate(principalOf(c), Number(c.req.valid("param").id), input, tx),
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/updates/{id}/approval",
      tags: TAGS,
      summary: "Approve an update pending approval (the secretariat): it counts towards the period's actual",
      request: { params: id("update"), headers: IdempotencyHeader },
      responses: { 200: json(z.object({ update: Update }), "Approved."), ...errors },
    }),
    async (c) => {
      const updateId = Number(c.req.valid("param").id);
      return change(c, 200, { updateId }, async (tx) => ({
        update: presentUpdate(await services.results.approveUpdate(principalOf(c), updateId, tx)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/updates/{id}/return",
      tags: TAGS,
      summary: "Return an update pending approval for revision, saying what to revise (the secretariat)",
      request: {
        params: id("update"),
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: ReturnUpdate } }, required: true },
      },
      responses: { 200: json(z.object({ update: Update }), "Returned."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 200, input, async (tx) => ({
        update: presentUpdate(
          await services.results.returnUpdate(principalOf(c), Number(c.req.valid("param").id), input.comment, tx),
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cooperation/digest",
      tags: TAGS,
      summary: "The reader's latest daily digests: periods owed or late, updates waiting for approval or returned",
      description: "One digest per person per day, whatever the number of entries, written by the job queue.",
      request: {
        query: z.object({
          limit: z.coerce
            .number()
            .int("must be a whole number")
            .min(1, "must be at least 1")
            .max(31, "must be at most 31")
            .optional()
            .openapi({ description: "How many days (default 7)." }),
        }),
      },
      responses: { 200: json(DigestAnswer, "Newest first."), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json({ digests: await services.results.digests(principalOf(c), c.req.valid("query").limit) }, 200),
  );

  return app;
}
