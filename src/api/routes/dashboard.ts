/**
 * A delegation's cooperation dashboard over HTTP ("our programme" in the web UI): one answer
 * with its programmes, the results it owes, the events it may attend next, its nominations and
 * the reader's digests. DashboardService composes it; this presents it in the reader's language.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { titleIn } from "../../domain/cooperation.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import type { DashboardService, DueView } from "../../services/cooperation/dashboard.ts";
import { eventTitle, type StateNominationRow } from "../../services/cooperation/events.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";
import { CooperationEvent, Nomination, presentEvent, presentNomination } from "./events.ts";
import { presentProgrammeSummary, ProgrammeSummary } from "./programmes.ts";
import { DigestAnswer } from "./results.ts";

type Env = { Variables: AuthVariables };

const Due = z
  .object({
    programmeId: z.number(),
    indicatorId: z.number(),
    indicatorRef: z.string(),
    indicatorTitle: z.string().nullable().openapi({ description: "In the reader's language, else English." }),
    periodId: z.number(),
    periodEnd: z.string().nullable(),
    updateId: z.number().nullable().openapi({ description: "The update returned or waiting, if that is what is due." }),
    comment: z
      .string()
      .nullable()
      .openapi({ description: "The secretariat's comment on an update returned for revision." }),
  })
  .openapi("CooperationDue");

const OwnNomination = Nomination.extend({
  eventTitle: z.string(),
  eventStartsOn: z.string(),
}).openapi("OwnNomination");

export const Dashboard = z
  .object({
    organization: z.string(),
    state: z.string().openapi({ description: "The delegation's state." }),
    today: z.string(),
    programmes: z.array(ProgrammeSummary),
    results: z.object({
      missing: z
        .array(Due)
        .openapi({ description: "Open periods ending soon (or ended) with no update approved or waiting." }),
      late: z.array(Due).openapi({ description: "Periods ended with no approved update." }),
      returned: z.array(Due).openapi({ description: "Updates the secretariat returned for revision." }),
      awaitingApproval: z.array(Due).openapi({ description: "Updates waiting for the secretariat's approval." }),
    }),
    events: z
      .array(CooperationEvent)
      .openapi({ description: "The next events the state may attend (approved or confirmed)." }),
    nominations: z.array(OwnNomination).openapi({ description: "The state's nominations to events not over yet." }),
    digests: DigestAnswer.shape.digests,
  })
  .openapi("CooperationDashboard");

const presentDue = (due: DueView, lang: Language): z.infer<typeof Due> => {
  const { indicatorTitles, ...rest } = due;
  return { ...rest, indicatorTitle: indicatorTitles === null ? null : titleIn(lang, indicatorTitles) };
};

const presentOwnNomination = (nomination: StateNominationRow, lang: Language): z.infer<typeof OwnNomination> => ({
  ...presentNomination(nomination),
  eventTitle: eventTitle(
    {
      titleEn: nomination.eventTitleEn,
      menuItem: nomination.eventMenuTitles && { titles: nomination.eventMenuTitles },
    },
    lang,
  ),
  eventStartsOn: nomination.eventStartsOn,
});

export function dashboardRoutes(services: { cooperationDashboard: DashboardService }) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/cooperation/dashboard",
      tags: ["Cooperation"],
      summary: "A delegation's dashboard: its programmes, results owed, next events, nominations and digests",
      description:
        "For the people of a partner's or an ally's delegation; each part follows its own rules (a partner sees its own programmes only).",
      request: {
        query: z.object({
          lang: z
            .enum(LANGUAGES)
            .optional()
            .openapi({ description: "Language of titles. Defaults to the Accept-Language header, then English." }),
        }),
      },
      responses: {
        200: json(Dashboard, "The dashboard."),
        400: errorResponse("The request is invalid; the message names the field."),
        401: errorResponse("Nobody is signed in."),
        403: errorResponse("The reader is not in a delegation."),
      },
    }),
    async (c) => {
      const lang = readerLanguage(c, c.req.valid("query").lang);
      const view = await services.cooperationDashboard.dashboard(principalOf(c));
      return c.json(
        {
          organization: view.organization,
          state: view.state,
          today: view.today,
          programmes: view.programmes.map((programme) => presentProgrammeSummary(programme, lang)),
          results: {
            missing: view.results.missing.map((due) => presentDue(due, lang)),
            late: view.results.late.map((due) => presentDue(due, lang)),
            returned: view.results.returned.map((due) => presentDue(due, lang)),
            awaitingApproval: view.results.awaitingApproval.map((due) => presentDue(due, lang)),
          },
          events: view.events.map((event) => presentEvent(event, lang)),
          nominations: view.nominations.map((nomination) => presentOwnNomination(nomination, lang)),
          digests: view.digests,
        },
        200,
      );
    },
  );

  return app;
}
