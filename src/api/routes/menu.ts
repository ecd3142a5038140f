/**
 * The partnership menu over HTTP: `GET /menu` (filters, full-text search in the four languages,
 * eligibility of a state on a day by the registry; `?format=csv` gives the import's format),
 * `GET /menu/{id}`, and the secretariat's `POST /menu`, `PATCH /menu/{id}` and
 * `POST /menu/import` (a CSV body; the refused rows reported, each changing nothing).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  COOPERATION_LIMITS,
  ELIGIBILITY_KINDS,
  titleIn,
  MENU_CSV_COLUMNS,
} from "../../domain/cooperation.ts";
import { isDay } from "../../domain/dates.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import { msg, render } from "../../domain/messages/index.ts";
import { InvalidRequestError } from "../../services/errors.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import {
  MENU_DEFAULT_LIMIT,
  MENU_MAX_LANGUAGES,
  MENU_MAX_LIMIT,
  MENU_MAX_OFFSET,
  type MenuImportReport,
  type MenuItemRow,
  type MenuService,
  menuCsvRecord,
} from "../../services/cooperation/menu.ts";
import type { RegistryService } from "../../services/registry.ts";
import { SEARCH_MAX_LENGTH } from "../../domain/search.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a description may hold tabs and line breaks, no other control character
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const line = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !CONTROL.test(text), "must not contain control characters");
const prose = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !CONTROL_IN_PROSE.test(text), "must not contain control characters");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a real calendar date written YYYY-MM-DD")
  .refine(isDay, "must be a real calendar date written YYYY-MM-DD");
const organizationCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be an upper-case code such as NATO")
  .openapi({ example: "NATO" });

const title = line(COOPERATION_LIMITS.title);
const description = prose(COOPERATION_LIMITS.description);

const Titles = z
  .object({ en: z.string(), es: z.string().nullable(), pt: z.string().nullable(), fr: z.string().nullable() })
  .openapi("MenuTitles", { description: "In each language; null where untranslated." });
const Descriptions = z
  .object({
    en: z.string().nullable(),
    es: z.string().nullable(),
    pt: z.string().nullable(),
    fr: z.string().nullable(),
  })
  .openapi("MenuDescriptions");

const Eligibility = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("all-partners") }),
    z.strictObject({
      kind: z.literal("framework"),
      framework: z.string().min(1).max(100).openapi({ description: "One of the organisation's frameworks (slug)." }),
    }),
    z.strictObject({
      kind: z.literal("states"),
      states: z
        .array(z.string().regex(/^[A-Z]{3}$/, "must be a state's code such as COL"))
        .min(1)
        .max(300)
        .openapi({ description: "The states' codes." }),
    }),
  ])
  .openapi("MenuEligibility", {
    description: `Who may take part (${ELIGIBILITY_KINDS.join(", ")}): judged against the registry on the day in question — a partner of the organisation that day, through a partnership this names.`,
  });

export const MenuItem = z
  .object({
    id: z.number().int(),
    organization: z.string(),
    code: z.string().openapi({ description: "The organisation's own reference for the item, unique in its menu." }),
    area: z.enum(COOPERATION_AREAS),
    type: z.enum(ACTIVITY_TYPES),
    title: z.string().openapi({ description: "In the reader's language (English where untranslated)." }),
    titles: Titles,
    description: z.string().nullable().openapi({ description: "In the reader's language, else English." }),
    descriptions: Descriptions,
    provider: z.string(),
    languages: z.array(z.string()).openapi({ description: "Taught in (ISO 639-1)." }),
    durationDays: z.number().int().nullable(),
    eligibility: Eligibility,
    since: z.string().openapi({ description: "First day on the menu." }),
    until: z
      .string()
      .nullable()
      .openapi({ description: "First day no longer on the menu (exclusive); null while it is." }),
    illustrative: z
      .boolean()
      .openapi({ description: "A realistic example of the kind of activity, its title not taken from a source." }),
    source: z.object({ id: z.string(), title: z.string() }).nullable(),
  })
  .openapi("MenuItem");
export type PresentedMenuItem = z.infer<typeof MenuItem>;

export const MenuAnswer = z
  .object({
    organization: z.string(),
    at: z.string(),
    total: z.number().int().openapi({ description: "How many items match, of which `items` holds a page." }),
    items: z.array(MenuItem),
  })
  .openapi("Menu");

export const MenuImportAnswer = z
  .object({
    organization: z.string(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    refused: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The row in the file, the header being row 1." }),
        code: z.string().nullable(),
        field: z.string().openapi({ description: "The column at fault (`row` for a row of the wrong length)." }),
        message: z.string().openapi({ description: "What is wrong, in the reader's language." }),
      }),
    ),
  })
  .openapi("MenuImportReport");

/** An item as it leaves the server: its title and description in the reader's language as well as all four. */
export function presentMenuItem(item: MenuItemRow, lang: Language): PresentedMenuItem {
  return {
    id: item.id,
    organization: item.organization,
    code: item.code,
    area: item.area,
    type: item.type,
    title: titleIn(lang, item.titles),
    titles: item.titles,
    description: item.descriptions[lang] ?? item.descriptions.en,
    descriptions: item.descriptions,
    provider: item.provider,
    languages: item.languages,
    durationDays: item.durationDays,
    eligibility: item.eligibility,
    since: item.since,
    until: item.until,
    illustrative: item.illustrative,
    source: item.source,
  };
}

/** An import's report with each refusal said in the reader's language. */
export function presentImportReport(report: MenuImportReport, lang: Language): z.infer<typeof MenuImportAnswer> {
  return {
    ...report,
    refused: report.refused.map((refusal) => ({ ...refusal, message: render(lang, refusal.message) })),
  };
}

const MENU_COLUMNS: CsvColumn<MenuItemRow>[] = MENU_CSV_COLUMNS.map((column) => ({
  header: column,
  value: (row: MenuItemRow) => menuCsvRecord(row)[column],
}));

const MenuListQuery = z
  .object({
    organization: organizationCode.optional().openapi({
      description: "Whose menu: default the reader's organisation (NATO for a reader not signed in).",
    }),
    area: z.enum(COOPERATION_AREAS).optional(),
    type: z.enum(ACTIVITY_TYPES).optional(),
    provider: line(COOPERATION_LIMITS.provider)
      .optional()
      .openapi({ description: "Part of the provider's name; case and accents do not matter." }),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, "must be an ISO 639-1 language code such as fr")
      .optional()
      .openapi({ description: "Only items taught in this language (ISO 639-1)." }),
    at: day.optional().openapi({ description: "Items on the menu that day, YYYY-MM-DD (default today)." }),
    eligible: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be a state's code such as COL")
      .optional()
      .openapi({
        description: "Only items this state may take part in on `at`, by the registry (its partnerships that day).",
      }),
    q: line(SEARCH_MAX_LENGTH)
      .optional()
      .openapi({
        description:
          "Words to find in codes, providers, titles and descriptions, in any of the four languages, " +
          "stemmed as each language does, ignoring case and accents (ciberdefensa, défense, segurança); best matches first.",
      }),
    lang: z.enum(LANGUAGES).optional().openapi({ description: "Language of `title` and `description`." }),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MENU_MAX_LIMIT, `must be at most ${MENU_MAX_LIMIT}`)
      .optional()
      .openapi({ description: `At most this many items (default ${MENU_DEFAULT_LIMIT}; for CSV, the whole menu).` }),
    offset: z.coerce
      .number()
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(MENU_MAX_OFFSET, `must be at most ${MENU_MAX_OFFSET}`)
      .optional()
      .openapi({ type: "integer", description: "Skip this many items first (default 0), to page through them." }),
  })
  .extend(FormatField);

const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

const TitlesInput = z.strictObject({
  en: title.min(1, "must not be empty"),
  es: title.nullable().optional(),
  pt: title.nullable().optional(),
  fr: title.nullable().optional(),
});
const DescriptionsInput = z.strictObject({
  en: description.nullable().optional(),
  es: description.nullable().optional(),
  pt: description.nullable().optional(),
  fr: description.nullable().optional(),
});

const itemFields = {
  area: z.enum(COOPERATION_AREAS),
  type: z.enum(ACTIVITY_TYPES),
  titles: TitlesInput,
  descriptions: DescriptionsInput.optional(),
  provider: line(COOPERATION_LIMITS.provider).min(1, "must not be empty"),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, "must be an ISO 639-1 language code such as fr"))
    .max(MENU_MAX_LANGUAGES)
    .optional(),
  durationDays: z.number().int("must be a whole number").min(1).max(366).nullable().optional(),
  eligibility: Eligibility.optional().openapi({ description: "Default: all partners." }),
  since: day.openapi({ description: "First day on the menu, YYYY-MM-DD." }),
  until: day
    .nullable()
    .optional()
    .openapi({ description: "First day no longer on the menu (exclusive); null or absent while it stays." }),
  illustrative: z.boolean().optional(),
  source: z.string().min(1).max(100).nullable().optional().openapi({ description: "A source id of the registry." }),
};

export const NewMenuItem = z
  .strictObject({
    organization: organizationCode.optional().openapi({ description: "Default: the reader's organisation." }),
    code: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
        "must be 1 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or a digit",
      ),
    ...itemFields,
  })
  .openapi("NewMenuItem");

export const MenuItemChange = z
  .strictObject({
    area: itemFields.area.optional(),
    type: itemFields.type.optional(),
    titles: z
      .strictObject({
        en: title.min(1, "must not be empty").optional(),
        es: title.nullable().optional(),
        pt: title.nullable().optional(),
        fr: title.nullable().optional(),
      })
      .optional()
      .openapi({ description: "The languages given replace the item's; null removes a translation." }),
    descriptions: DescriptionsInput.optional(),
    provider: itemFields.provider.optional(),
    languages: itemFields.languages,
    durationDays: itemFields.durationDays,
    eligibility: Eligibility.optional(),
    since: day.optional(),
    until: itemFields.until.openapi({
      description: "Retires the item from that day (exclusive); null puts it back on the menu.",
    }),
    illustrative: itemFields.illustrative,
    source: itemFields.source,
  })
  .openapi("MenuItemChange");

const ImportQuery = z.object({
  organization: organizationCode.optional().openapi({ description: "Whose menu: default the reader's organisation." }),
  lang: z.enum(LANGUAGES).optional().openapi({ description: "Language of the refusals' messages." }),
});

const errors = {
  400: errorResponse("The request is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("Only the organisation's secretariat writes its menu."),
  404: errorResponse("No such organisation or menu item."),
  409: errorResponse("The menu already has an item of that code."),
};

export function menuRoutes(services: {
  menu: MenuService;
  idempotency: IdempotencyService;
  registry: RegistryService;
}) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/menu",
      tags: ["Cooperation"],
      summary: "The partnership menu: the cooperation activities on offer on a day, filtered or searched",
      description:
        "Public. Items on the menu on `at` (default today); `eligible=COL` keeps those Colombia may take part in " +
        "that day by the registry (the count says no more); `q` searches the four languages at once, best first. " +
        "`?format=csv` gives the import's columns.",
      request: { query: MenuListQuery },
      responses: {
        200: jsonOrCsv(MenuAnswer, "The matching items, with how many match in all."),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const csv = wantsCsv(query.format, c.req.header("accept"));
      const list = await services.menu.list(principalOf(c), {
        organization: query.organization,
        at: query.at,
        area: query.area,
        type: query.type,
        provider: query.provider,
        language: query.language,
        eligible: query.eligible,
        q: query.q,
        lang,
        limit: query.limit ?? (csv ? MENU_MAX_LIMIT : undefined),
        offset: query.offset,
      });
      if (csv)
        return csvResponse(
          c,
          csvFileName("menu", list.organization, list.at, query.area, query.eligible),
          toCsv(MENU_COLUMNS, list.items),
        );
      return c.json(
        {
          organization: list.organization,
          at: list.at,
          total: list.total,
          items: list.items.map((item) => presentMenuItem(item, lang)),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/menu/{id}",
      tags: ["Cooperation"],
      summary: "One item of a partnership menu",
      request: { params: IdParam, query: z.object({ lang: z.enum(LANGUAGES).optional() }) },
      responses: { 200: json(MenuItem, "The item."), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const item = await services.menu.get(principalOf(c), Number(c.req.valid("param").id));
      return c.json(presentMenuItem(item, readerLanguage(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/menu",
      tags: ["Cooperation"],
      summary: "Add an item to the organisation's menu (its secretariat)",
      request: {
        headers: IdempotencyHeader,
        query: z.object({ lang: z.enum(LANGUAGES).optional() }),
        body: { content: { "application/json": { schema: NewMenuItem } }, required: true },
      },
      responses: {
        201: json(MenuItem, "The new item."),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const lang = readerLanguage(c);
      return idempotentChange(services, c, 201, body, async (tx) =>
        presentMenuItem(await services.menu.create(principalOf(c), body, tx), lang),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/menu/{id}",
      tags: ["Cooperation"],
      summary: "Change an item of the menu, or retire it from a day (`until`) (its secretariat)",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        query: z.object({ lang: z.enum(LANGUAGES).optional() }),
        body: { content: { "application/json": { schema: MenuItemChange } }, required: true },
      },
      responses: {
        200: json(MenuItem, "The item as it is now."),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const id = Number(c.req.valid("param").id);
      const lang = readerLanguage(c);
      return idempotentChange(services, c, 200, body, async (tx) =>
        presentMenuItem(await services.menu.update(principalOf(c), id, body, tx), lang),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/menu/import",
      tags: ["Cooperation"],
      summary: "Add and update menu items from a CSV file, reporting the rows refused (its secretariat)",
      description:
        `The columns of \`GET /menu?format=csv\`: ${MENU_CSV_COLUMNS.join(", ")} (any order). Items are matched by ` +
        "`code`. `languages` is ISO 639-1 codes separated by semicolons; `eligibility` is `all-partners`, " +
        "`framework:SLUG` or `states:COL;MNG`; `since` and `until` are YYYY-MM-DD, `until` exclusive and empty while " +
        "the item stays; `illustrative` is true or false; `source` a source id of the registry or empty. A refused " +
        "row changes nothing; the others are written; importing the same file again changes nothing.",
      request: {
        headers: IdempotencyHeader,
        query: ImportQuery,
        body: {
          content: { "text/csv": { schema: z.string().openapi({ description: "The CSV file (UTF-8)." }) } },
          required: true,
        },
      },
      responses: {
        200: json(MenuImportAnswer, "What was added, changed, left as it was, and refused (and why)."),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      // A JSON body is not a CSV file (and one the guards could not parse cannot be read again).
      const mediaType = (c.req.header("content-type") ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
      const text = /json$/.test(mediaType) ? undefined : await c.req.text().catch(() => undefined);
      if (text === undefined) throw new InvalidRequestError(msg("menu.csv_content_type"), { field: "" });
      return idempotentChange(services, c, 200, { organization: query.organization ?? null, text }, async (tx) =>
        presentImportReport(await services.menu.importCsv(principalOf(c), query.organization, text, tx), lang),
      );
    },
  );

  return app;
}
