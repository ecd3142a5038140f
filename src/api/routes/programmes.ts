/**
 * Individual partnership programmes over HTTP: the list (JSON or CSV), one programme with a
 * version's tree of objectives → goals → activities, the draft's replacement, a new version,
 * the proposal for agreement, and two versions compared. Each handler validates its input, calls
 * ProgrammesService and presents the answer in the reader's language; changes are safe to retry
 * with an Idempotency-Key. The presenters are exported for the command line (`--json` prints the
 * API's answer).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Transaction } from "../../db/client.ts";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  COOPERATION_LIMITS,
  PROGRAMME_KIND_MAX,
  titleIn,
  VERSION_STATUSES,
} from "../../domain/cooperation.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import {
  type ActivityView,
  type ObjectiveView,
  PROGRAMMES_PAGE,
  PROGRAMMES_PAGE_MAX,
  type ProgrammeDetailView,
  type ProgrammesService,
  type ProgrammeSummaryView,
} from "../../services/cooperation/programmes.ts";
import type { RegistryService } from "../../services/registry.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

// ------------------------------------------------------------------------------------ input

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be an upper-case code such as COL or NATO");
const lang = z
  .enum(LANGUAGES)
  .optional()
  .openapi({ description: "Language of titles and names. Defaults to the Accept-Language header, then English." });
const WHOLE_NUMBER = /^[1-9][0-9]{0,8}$/;
const wholeNumber = z.string().regex(WHOLE_NUMBER, "must be a positive whole number").transform(Number);
/** A whole number in a query, as the OpenAPI document shows it (the transform hides the pattern). */
const wholeNumberParam = { type: "string", pattern: WHOLE_NUMBER.source } as const;
const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD.", example: "2030-01-01" });

export const ProgrammeIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

export const ProgrammesQuery = z.object({
  organization: code.optional().openapi({
    description: "The organisation whose programmes to list; defaults to the reader's. Anonymous readers must name it.",
  }),
  partner: code.optional().openapi({ description: "Only this partner's programmes." }),
  kind: z
    .string()
    .max(PROGRAMME_KIND_MAX)
    .optional()
    .openapi({ description: "Only programmes of this kind (IPCP, ITPP…)." }),
  limit: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(PROGRAMMES_PAGE_MAX, `must be at most ${PROGRAMMES_PAGE_MAX}`)
    .optional()
    .openapi({ type: "integer", description: `At most this many programmes (default ${PROGRAMMES_PAGE}).` }),
  offset: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(1_000_000, "must be at most 1000000")
    .optional()
    .openapi({ type: "integer", description: "Skip this many first (default 0), to page through them." }),
  lang,
  ...FormatField,
});

const ProgrammeQuery = z.object({
  version: wholeNumber.optional().openapi({
    ...wholeNumberParam,
    description: "The version to show; by default the one in force, else the latest.",
  }),
  lang,
});

const CompareQuery = z.object({
  from: wholeNumber.openapi({ ...wholeNumberParam, description: "The earlier version's number.", example: "1" }),
  to: wholeNumber.openapi({ ...wholeNumberParam, description: "The later version's number.", example: "2" }),
  lang,
});

const text = (max: number, description: string) =>
  z.string().nullable().optional().openapi({ maxLength: max, description });

const TitlesInput = z
  .strictObject({
    en: text(COOPERATION_LIMITS.title, "English (required, except for an activity that names a menu item)."),
    es: text(COOPERATION_LIMITS.title, "Spanish."),
    pt: text(COOPERATION_LIMITS.title, "Portuguese."),
    fr: text(COOPERATION_LIMITS.title, "French."),
  })
  .openapi({ description: `Titles, at most ${COOPERATION_LIMITS.title} characters each.` });

const ref = z.string().openapi({
  maxLength: 20,
  description:
    "The node's reference, kept from version to version (1 to 20 letters, digits, dots, hyphens or underscores); unique at its level in the version.",
  example: "O1",
});
const cited = {
  description: text(COOPERATION_LIMITS.description, "What it is about."),
  source: text(100, "The id of the source it is taken from (a registry source)."),
  quote: text(2000, "A short quote of that source."),
};

const ActivityInput = z.strictObject({
  ref,
  menuItem: text(
    COOPERATION_LIMITS.code,
    "The code of an item of the organisation's menu; without it, a bespoke activity.",
  ),
  titles: TitlesInput.nullable().optional(),
  year: z.number().int("must be a whole number").openapi({
    description: "The year it is planned for, within the programme's period.",
    example: 2030,
  }),
  ...cited,
});
const GoalInput = z.strictObject({ ref, titles: TitlesInput, ...cited, activities: z.array(ActivityInput) });
const ObjectiveInput = z.strictObject({
  ref,
  area: z.enum(COOPERATION_AREAS).nullable().optional(),
  titles: TitlesInput,
  ...cited,
  goals: z.array(GoalInput),
});

export const DraftBody = z
  .strictObject({
    summary: text(COOPERATION_LIMITS.description, "What this version changes, in a sentence or two."),
    objectives: z.array(ObjectiveInput).openapi({
      description:
        "The whole tree: strategic objectives (ends) → partnership goals (ways) → activities (means). Replaces the draft's tree.",
    }),
  })
  .openapi("ProgrammeDraft");

export const NewProgrammeBody = z
  .strictObject({
    organization: code.optional().openapi({ description: "Defaults to the reader's organisation." }),
    partner: code.openapi({ description: "The partner state's code.", example: "COL" }),
    kind: z.string().openapi({
      maxLength: PROGRAMME_KIND_MAX,
      description: "IPCP, ITPP, or another kind the organisation names.",
      example: "ITPP",
    }),
    start: day,
    end: day.openapi({ description: "The cycle's last day (included), YYYY-MM-DD.", example: "2031-12-31" }),
  })
  .openapi("NewProgramme");

export const NewVersionBody = z.strictObject({
  summary: text(COOPERATION_LIMITS.description, "What the new version is to change."),
});

export const AgreementBody = z.strictObject({
  deadline: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T12:00:00Z" })
    .optional()
    .openapi({ description: "When the silence procedure ends; by default seven days from now." }),
  text: text(100_000, "The proposal's text; by default a description of the version."),
});

// ----------------------------------------------------------------------------------- output

const Titles = z.object({
  en: z.string().nullable(),
  es: z.string().nullable(),
  pt: z.string().nullable(),
  fr: z.string().nullable(),
});
const Names = z.object({ en: z.string(), es: z.string(), pt: z.string(), fr: z.string() });
const Source = z.object({ id: z.string(), title: z.string() }).nullable();

const VersionBrief = z.object({
  number: z.number(),
  status: z.enum(VERSION_STATUSES),
  inForceFrom: z.string().nullable(),
  inForceUntil: z.string().nullable(),
  proposalId: z.number().nullable().openapi({ description: "The proposal that put it to agreement." }),
  sourceId: z
    .string()
    .nullable()
    .openapi({ description: "The source of its agreement (the decision, or a document)." }),
});

export const ProgrammeSummary = z
  .object({
    id: z.number(),
    organization: z.string(),
    partner: z.string(),
    partnerNames: Names,
    kind: z.string(),
    period: z.object({ start: z.string(), end: z.string().openapi({ description: "Its last day (included)." }) }),
    status: z.enum(VERSION_STATUSES).openapi({ description: "The latest version's status." }),
    inForce: z.number().nullable().openapi({ description: "The number of the version in force, if one is." }),
    versions: z.array(VersionBrief),
    reconstructed: z.boolean().openapi({ description: "Entered from the source documents, not drafted in Concord." }),
    progress: z.number().nullable().openapi({
      description: "Mean progress of its goals, 0 to 1; null for summary-only readers or without results.",
    }),
  })
  .openapi("ProgrammeSummary");

const MenuItemRef = z.object({
  id: z.number(),
  code: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  area: z.enum(COOPERATION_AREAS),
  title: z.string(),
});

const Activity = z.object({
  id: z.number(),
  ref: z.string(),
  title: z.string().openapi({ description: "Its own title, else its menu item's, in the reader's language." }),
  titles: Titles,
  year: z.number(),
  description: z.string().nullable(),
  menuItem: MenuItemRef.nullable(),
  source: Source,
  quote: z.string().nullable(),
});
const Goal = z.object({
  id: z.number(),
  ref: z.string(),
  title: z.string(),
  titles: Titles,
  description: z.string().nullable(),
  source: Source,
  quote: z.string().nullable(),
  progress: z.number().nullable().openapi({ description: "From its indicators' results, 0 to 1." }),
  activities: z.array(Activity),
});
const Objective = z.object({
  id: z.number(),
  ref: z.string(),
  area: z.enum(COOPERATION_AREAS).nullable(),
  title: z.string(),
  titles: Titles,
  description: z.string().nullable(),
  source: Source,
  quote: z.string().nullable(),
  goals: z.array(Goal),
});

export const ProgrammeDetail = ProgrammeSummary.extend({
  version: VersionBrief.extend({ summary: z.string().nullable() }),
  tree: z
    .array(Objective)
    .nullable()
    .openapi({ description: "Objectives → goals → activities; null for readers of the published summary only." }),
  abilities: z.object({
    draft: z.boolean(),
    propose: z.boolean(),
    newVersion: z.boolean(),
    manageResults: z.boolean(),
  }),
}).openapi("ProgrammeDetail");

export const ProgrammeComparison = z
  .object({
    from: z.number(),
    to: z.number(),
    changes: z.array(
      z.object({
        level: z.enum(["objective", "goal", "activity"]),
        ref: z.string(),
        change: z.enum(["added", "removed", "changed"]),
        fields: z.array(z.string()).openapi({ description: "What changed (for `changed`)." }),
        before: z.record(z.string(), z.unknown()).nullable(),
        after: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
  })
  .openapi("ProgrammeComparison");

// ------------------------------------------------------------------------------- presenters

const titled = (
  titles: { en: string | null; es: string | null; pt: string | null; fr: string | null },
  fallback: string,
  lang: Language,
) => titles[lang] ?? titles.en ?? fallback;

export function presentProgrammeSummary(view: ProgrammeSummaryView, _lang: Language): z.infer<typeof ProgrammeSummary> {
  const { programme, versions } = view;
  return {
    id: programme.id,
    organization: programme.organization,
    partner: programme.partner,
    partnerNames: programme.partnerNames,
    kind: programme.kind,
    period: { start: programme.start, end: programme.end },
    status: versions.at(-1)?.status ?? "draft",
    inForce: versions.find((version) => version.status === "in-force")?.number ?? null,
    versions: versions.map((version) => ({
      number: version.number,
      status: version.status,
      inForceFrom: version.inForceFrom,
      inForceUntil: version.inForceUntil,
      proposalId: version.proposalId,
      sourceId: version.sourceId,
    })),
    reconstructed: programme.reconstructed,
    progress: view.progress,
  };
}

function presentActivity(activity: ActivityView, lang: Language): z.infer<typeof Activity> {
  const item = activity.menuItem;
  const titles = activity.titles.en !== null || item === null ? activity.titles : item.titles;
  return {
    id: activity.id,
    ref: activity.ref,
    title: titled(titles, activity.ref, lang),
    titles,
    year: activity.year,
    description: activity.description,
    menuItem: item && {
      id: item.id,
      code: item.code,
      type: item.type,
      area: item.area,
      title: titleIn(lang, item.titles),
    },
    source: activity.source,
    quote: activity.quote,
  };
}

function presentObjective(objective: ObjectiveView, lang: Language): z.infer<typeof Objective> {
  return {
    id: objective.id,
    ref: objective.ref,
    area: objective.area,
    title: titleIn(lang, objective.titles),
    titles: objective.titles,
    description: objective.description,
    source: objective.source,
    quote: objective.quote,
    goals: objective.goals.map((goal) => ({
      id: goal.id,
      ref: goal.ref,
      title: titleIn(lang, goal.titles),
      titles: goal.titles,
      description: goal.description,
      source: goal.source,
      quote: goal.quote,
      progress: goal.progress,
      activities: goal.activities.map((activity) => presentActivity(activity, lang)),
    })),
  };
}

export function presentProgrammeDetail(view: ProgrammeDetailView, lang: Language): z.infer<typeof ProgrammeDetail> {
  const { version } = view;
  return {
    ...presentProgrammeSummary(view, lang),
    version: {
      number: version.number,
      status: version.status,
      summary: version.summary,
      inForceFrom: version.inForceFrom,
      inForceUntil: version.inForceUntil,
      proposalId: version.proposalId,
      sourceId: version.sourceId,
    },
    tree: view.tree === null ? null : view.tree.map((objective) => presentObjective(objective, lang)),
    abilities: view.abilities,
  };
}

/** The columns of the programmes CSV: one row per programme, as the list shows it. */
const PROGRAMME_COLUMNS = (lang: Language): CsvColumn<z.infer<typeof ProgrammeSummary>>[] => [
  { header: "id", value: (row) => row.id },
  { header: "organization", value: (row) => row.organization },
  { header: "partner", value: (row) => row.partner },
  { header: "partnerName", value: (row) => row.partnerNames[lang] },
  { header: "kind", value: (row) => row.kind },
  { header: "start", value: (row) => row.period.start },
  { header: "end", value: (row) => row.period.end },
  { header: "status", value: (row) => row.status },
  { header: "inForce", value: (row) => row.inForce },
  { header: "versions", value: (row) => row.versions.length },
  { header: "inForceFrom", value: (row) => row.versions.find((v) => v.number === row.inForce)?.inForceFrom },
  { header: "agreementSource", value: (row) => row.versions.find((v) => v.number === row.inForce)?.sourceId },
  { header: "reconstructed", value: (row) => row.reconstructed },
  { header: "progress", value: (row) => row.progress },
];

// ----------------------------------------------------------------------------------- routes

export type ProgrammeServices = {
  programmes: ProgrammesService;
  idempotency: IdempotencyService;
  registry: RegistryService;
};

const errors = {
  400: errorResponse(
    "The request is invalid; the message names the field (`body.objectives[0].goals[1].activities[0].year`).",
  ),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The reader's role may not do this."),
  404: errorResponse("No such programme or version, or not one this reader may see."),
  409: errorResponse(
    "The programme is not in a state for this (no draft, a version already open, an overlapping cycle).",
  ),
};

const detailBody = z.object({ programme: ProgrammeDetail });

export function programmeRoutes(services: ProgrammeServices) {
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
      path: "/programmes",
      tags: ["Cooperation"],
      summary:
        "Individual partnership programmes the reader may see (a partner's delegation: its own; analysts: summaries)",
      request: { query: ProgrammesQuery },
      responses: {
        200: jsonOrCsv(
          z.object({
            total: z
              .number()
              .openapi({ description: "How many the reader may see in all; `programmes` is one page of them." }),
            programmes: z.array(ProgrammeSummary),
          }),
          "Programmes, by partner and newest cycle.",
        ),
        400: errors[400],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const language = readerLanguage(c, query.lang);
      const page = await services.programmes.list(principalOf(c), {
        organization: query.organization,
        partner: query.partner,
        kind: query.kind,
        limit: query.limit,
        offset: query.offset,
      });
      const programmes = page.programmes.map((view) => presentProgrammeSummary(view, language));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("programmes", query.organization, query.partner, query.kind),
          toCsv(PROGRAMME_COLUMNS(language), programmes),
        );
      return c.json({ total: page.total, programmes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/programmes",
      tags: ["Cooperation"],
      summary: "Open a partner's programme for a cycle (the secretariat): version 1, an empty draft",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewProgrammeBody } }, required: true },
      },
      responses: { 201: json(detailBody, "Opened."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const language = readerLanguage(c);
      return change(c, 201, input, async (tx) => ({
        programme: presentProgrammeDetail(await services.programmes.create(principalOf(c), input, tx), language),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}",
      tags: ["Cooperation"],
      summary: "One programme: its versions and one version's tree of objectives → goals → activities",
      description:
        "The secretariat, the partner's delegation and allies' delegations read it whole; the organisation's analysts read its published summary (`tree` is null).",
      request: { params: ProgrammeIdParam, query: ProgrammeQuery },
      responses: {
        200: json(detailBody, "The programme."),
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const view = await services.programmes.get(principalOf(c), Number(c.req.valid("param").id), {
        version: query.version,
      });
      return c.json({ programme: presentProgrammeDetail(view, readerLanguage(c, query.lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/programmes/{id}/draft",
      tags: ["Cooperation"],
      summary:
        "Replace the draft's tree (the secretariat or the partner's delegation; while the latest version is a draft)",
      request: {
        params: ProgrammeIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: DraftBody } }, required: true },
      },
      responses: { 200: json(detailBody, "The draft as it is now."), ...errors },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json");
      const language = readerLanguage(c);
      return change(c, 200, input, async (tx) => ({
        programme: presentProgrammeDetail(
          await services.programmes.replaceDraft(principalOf(c), id, input, tx),
          language,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/programmes/{id}/versions",
      tags: ["Cooperation"],
      summary: "Start a new version, a draft copied from the latest (the secretariat or the partner's delegation)",
      request: {
        params: ProgrammeIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewVersionBody } }, required: false },
      },
      responses: { 201: json(detailBody, "The new draft."), ...errors },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json") ?? {};
      const language = readerLanguage(c);
      return change(c, 201, { id, ...input }, async (tx) => ({
        programme: presentProgrammeDetail(
          await services.programmes.newVersion(principalOf(c), id, input, tx),
          language,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/programmes/{id}/agreement",
      tags: ["Cooperation"],
      summary:
        "Propose the draft for agreement (the secretariat): a proposal in the organisation's request body, by default under the silence procedure",
      description:
        "Adopted, the version comes into force on the decision's day, citing the decision, and the version in force until then is superseded; not adopted or withdrawn, it is not agreed.",
      request: {
        params: ProgrammeIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: AgreementBody } }, required: false },
      },
      responses: { 200: json(detailBody, "The programme, its version proposed (`version.proposalId`)."), ...errors },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json") ?? {};
      const language = readerLanguage(c);
      return change(c, 200, { id, ...input }, async (tx) => ({
        programme: presentProgrammeDetail(
          await services.programmes.propose(
            principalOf(c),
            id,
            { deadline: input.deadline ? new Date(input.deadline) : null, text: input.text },
            tx,
          ),
          language,
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/compare",
      tags: ["Cooperation"],
      summary:
        "Two versions of a programme side by side: the objectives, goals and activities added, removed or changed",
      request: { params: ProgrammeIdParam, query: CompareQuery },
      responses: {
        200: json(ProgrammeComparison, "The changes, objectives first, then goals, then activities."),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await services.programmes.compare(principalOf(c), Number(c.req.valid("param").id), {
          from: query.from,
          to: query.to,
        }),
        200,
      );
    },
  );

  return app;
}
