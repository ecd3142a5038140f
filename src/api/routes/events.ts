/**
 * Cooperation events over HTTP: `GET /events` (the events the reader may see; `?format=csv`),
 * `GET /events/{id}` (with the nominees the reader may read, each read audited), the
 * secretariat's and partners' `POST /events`, the secretariat's `POST /events/{id}/status` and
 * `PUT /events/{id}/report`, a delegation's `POST /events/{id}/nominations`, `PATCH
 * /nominations/{id}`; the reader's secret calendar feed (`GET|POST|DELETE /calendar-feed`) and
 * the feed itself (`GET /calendar/{feed}`, text/calendar); the reminders to a delegation
 * (`GET /cooperation/notices`).
 *
 * A refusal names a body's field as the validator does (`json.startsOn: …`).
 *
 * `GET /events` is also where browsers follow live updates (src/api/live-updates.ts, routed in
 * src/api/routes/decisions.ts): a request that asks for an event stream, or comes from nobody
 * signed in (who sees no events and is told to sign in), is passed on to it. This file's routes
 * are mounted before the decisions' for that.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  COOPERATION_LIMITS,
  EVENT_STATUSES,
  NOMINATION_STATUSES,
  titleIn,
} from "../../domain/cooperation.ts";
import { isDay } from "../../domain/dates.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import type { CalendarService } from "../../services/cooperation/calendar.ts";
import {
  EVENTS_DEFAULT_LIMIT,
  EVENTS_MAX_LIMIT,
  type EventDetail,
  type EventsService,
  type EventView,
  eventTitle,
  type NominationRow,
} from "../../services/cooperation/events.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import type { RegistryService } from "../../services/registry.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { errorResponse, jsonResponse as json, namingJsonFields } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

export type EventServices = {
  cooperationEvents: EventsService;
  calendar: CalendarService;
  idempotency: IdempotencyService;
  registry: RegistryService;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a report may hold tabs and line breaks, no other control character
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
const stateCode = z.string().regex(/^[A-Z]{3}$/, "must be a state's code such as COL");
const instant = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T12:00:00Z",
});
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

const errors = {
  400: errorResponse("The request is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The reader's role may not do this."),
  404: errorResponse("No such event or nomination, or not one this reader may see."),
  409: errorResponse(
    "The event's or nomination's status does not allow it, the nomination deadline has passed, or the event is full; the message names the field.",
  ),
};

// ------------------------------------------------------------------------------ answers

const MenuItemRef = z
  .object({
    id: z.number().int(),
    code: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    area: z.enum(COOPERATION_AREAS),
    title: z.string().openapi({ description: "In the reader's language (English where untranslated)." }),
  })
  .openapi("EventMenuItem");

export const CooperationEvent = z
  .object({
    id: z.number().int(),
    organization: z.string(),
    menuItem: MenuItemRef.nullable().openapi({ description: "The menu's activity; null for a bespoke event." }),
    title: z.string().openapi({ description: "The menu item's title in the reader's language, or the bespoke title." }),
    startsOn: z.string().openapi({ description: "First day, YYYY-MM-DD." }),
    endsOn: z.string().openapi({ description: "Last day, YYYY-MM-DD." }),
    place: z.string().nullable(),
    online: z.boolean(),
    provider: z.string(),
    capacity: z.number().int().nullable().openapi({ description: "Places; null for no limit." }),
    nominationDeadline: z.string().openapi({ description: "ISO 8601, by the server's clock." }),
    status: z.enum(EVENT_STATUSES),
    proposedBy: z.string().nullable().openapi({ description: "The partner that proposed it; null if scheduled." }),
    eligible: z.boolean().nullable().openapi({
      description:
        "Whether the reader's state may take part on the first day, by the registry; null for a reader with no state.",
    }),
    nominations: z
      .object({
        total: z
          .number()
          .int()
          .openapi({ description: "Nominated or confirmed participants (what counts against capacity)." }),
        confirmed: z.number().int(),
      })
      .openapi({ description: "Counts only, for everyone who sees the event." }),
    report: z.string().nullable().openapi({
      description: "The after-action report: for the secretariat and the delegations of states that attended.",
    }),
    reportAt: z.string().nullable(),
    createdAt: z.string(),
    abilities: z.object({
      nominate: z.boolean().openapi({ description: "The reader's delegation may nominate a participant now." }),
      run: z.boolean().openapi({ description: "The reader may approve, confirm, cancel, report (the secretariat)." }),
    }),
  })
  .openapi("CooperationEvent");

export const Nomination = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    state: z.string().openapi({ description: "The nominating state." }),
    participantName: z.string(),
    rankOrFunction: z.string(),
    nation: z.string().openapi({ description: "The participant's nationality." }),
    status: z.enum(NOMINATION_STATUSES),
    attended: z.boolean().nullable(),
    createdAt: z.string(),
  })
  .openapi("Nomination", {
    description: "Personal data: shown only to the organisation's secretariat and the nominating delegation.",
  });

const EventWithNominees = CooperationEvent.extend({
  nominees: z.array(Nomination).openapi({
    description:
      "The nominees the reader may read (the secretariat: all; a delegation: its own). Each read is audited.",
  }),
}).openapi("CooperationEventDetail");

const EventList = z.object({
  organization: z.string(),
  events: z.array(CooperationEvent),
  more: z.boolean().openapi({ description: "More events match than `limit`: narrow the dates." }),
});

const FeedState = z
  .object({
    url: z.string().nullable().openapi({
      description: "The feed's secret address: given only when it is made (POST); Concord keeps its hash alone.",
    }),
    active: z.boolean(),
    createdAt: z.string().nullable(),
  })
  .openapi("CalendarFeed");

const CooperationNotice = z
  .object({
    id: z.number().int(),
    organization: z.string(),
    state: z.string().nullable(),
    kind: z.string().openapi({ example: "event.nomination-reminder" }),
    eventId: z.number().int().nullable(),
    payload: z.record(z.string(), z.unknown()).openapi({
      description: "For a nomination reminder: eventId, title, menuItem, startsOn, nominationDeadline, daysBefore.",
    }),
    issuedAt: z.string(),
  })
  .openapi("CooperationNotice");

const iso = (instant: string): string => new Date(instant).toISOString();

export function presentEvent(event: EventView, lang: Language): z.infer<typeof CooperationEvent> {
  return {
    id: event.id,
    organization: event.organization,
    menuItem: event.menuItem && {
      id: event.menuItem.id,
      code: event.menuItem.code,
      type: event.menuItem.type,
      area: event.menuItem.area,
      title: titleIn(lang, event.menuItem.titles),
    },
    title: eventTitle(event, lang),
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    place: event.place,
    online: event.online,
    provider: event.provider,
    capacity: event.capacity,
    nominationDeadline: iso(event.nominationDeadline),
    status: event.status,
    proposedBy: event.proposedBy,
    eligible: event.eligible,
    nominations: { total: event.nominationsTotal, confirmed: event.nominationsConfirmed },
    report: event.report,
    reportAt: event.reportAt === null ? null : iso(event.reportAt),
    createdAt: iso(event.createdAt),
    abilities: event.abilities,
  };
}

export function presentNomination(nomination: NominationRow): z.infer<typeof Nomination> {
  return {
    id: nomination.id,
    eventId: nomination.eventId,
    state: nomination.state,
    participantName: nomination.participantName,
    rankOrFunction: nomination.rankOrFunction,
    nation: nomination.nation,
    status: nomination.status,
    attended: nomination.attended,
    createdAt: iso(nomination.createdAt),
  };
}

const presentDetail = (event: EventDetail, lang: Language) => ({
  ...presentEvent(event, lang),
  nominees: event.nominees.map(presentNomination),
});

const EVENT_COLUMNS: CsvColumn<z.infer<typeof CooperationEvent>>[] = [
  { header: "id", value: (row) => row.id },
  { header: "organization", value: (row) => row.organization },
  { header: "menuItem", value: (row) => row.menuItem?.code },
  { header: "type", value: (row) => row.menuItem?.type },
  { header: "area", value: (row) => row.menuItem?.area },
  { header: "title", value: (row) => row.title },
  { header: "startsOn", value: (row) => row.startsOn },
  { header: "endsOn", value: (row) => row.endsOn },
  { header: "place", value: (row) => row.place },
  { header: "online", value: (row) => row.online },
  { header: "provider", value: (row) => row.provider },
  { header: "capacity", value: (row) => row.capacity },
  { header: "nominationDeadline", value: (row) => row.nominationDeadline },
  { header: "status", value: (row) => row.status },
  { header: "proposedBy", value: (row) => row.proposedBy },
  { header: "eligible", value: (row) => row.eligible },
  { header: "nominations", value: (row) => row.nominations.total },
  { header: "confirmed", value: (row) => row.nominations.confirmed },
];

// ------------------------------------------------------------------------------ requests

const EventListQuery = z
  .object({
    organization: organizationCode
      .optional()
      .openapi({ description: "Whose events: default the reader's organisation." }),
    from: day.optional().openapi({ description: "Events not over before this day, YYYY-MM-DD." }),
    to: day.optional().openapi({ description: "Events begun by this day, YYYY-MM-DD." }),
    status: z.enum(EVENT_STATUSES).optional(),
    menuItem: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be a positive whole number")
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .openapi({ description: "Only events of this menu item (its id)." }),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(EVENTS_MAX_LIMIT, `must be at most ${EVENTS_MAX_LIMIT}`)
      .optional()
      .openapi({ description: `At most this many, by first day (default ${EVENTS_DEFAULT_LIMIT}).` }),
    lang: z.enum(LANGUAGES).optional().openapi({ description: "Language of the titles." }),
  })
  .extend(FormatField);

const LangQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

const NewEvent = z
  .strictObject({
    organization: organizationCode.optional().openapi({ description: "Default: the reader's organisation." }),
    menuItem: z
      .number()
      .int("must be a whole number")
      .min(1, "must be a positive whole number")
      .max(Number.MAX_SAFE_INTEGER)
      .nullable()
      .optional()
      .openapi({ description: "The menu item (id) this event is an instance of; omit for a bespoke event." }),
    title: line(COOPERATION_LIMITS.title)
      .nullable()
      .optional()
      .openapi({ description: "A bespoke event's title (English); required without a menu item." }),
    startsOn: day,
    endsOn: day,
    place: line(COOPERATION_LIMITS.place).nullable().optional().openapi({ description: "Required unless online." }),
    online: z.boolean().optional(),
    provider: line(COOPERATION_LIMITS.provider)
      .nullable()
      .optional()
      .openapi({ description: "Default: the menu item's provider." }),
    capacity: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000")
      .nullable()
      .optional(),
    nominationDeadline: instant.openapi({
      description: "When nominations close: in the future, no later than the event's first day.",
    }),
  })
  .openapi("NewCooperationEvent", {
    example: {
      menuItem: 1,
      startsOn: "2026-10-12",
      endsOn: "2026-10-16",
      place: "Oberammergau",
      capacity: 24,
      nominationDeadline: "2026-09-01T12:00:00Z",
    },
  });

const StatusChange = z.strictObject({
  status: z.enum(["approved", "confirmed", "held", "cancelled"]).openapi({
    description: "proposed → approved → confirmed (the provider confirms) → held; any open event may be cancelled.",
  }),
});
const ReportBody = z.strictObject({
  report: prose(COOPERATION_LIMITS.report).min(1, "must not be empty"),
});
const NewNomination = z
  .strictObject({
    participantName: line(COOPERATION_LIMITS.personName).min(1, "must not be empty"),
    rankOrFunction: line(COOPERATION_LIMITS.rankOrFunction).min(1, "must not be empty"),
    nation: stateCode
      .optional()
      .openapi({ description: "The participant's nationality; default the nominating state." }),
  })
  .openapi("NewNomination", { example: { participantName: "María Pérez", rankOrFunction: "Lieutenant Colonel" } });
const NominationChange = z.strictObject({
  status: z.enum(["confirmed", "declined", "withdrawn"]).optional().openapi({
    description: "confirmed or declined: the secretariat (for the provider); withdrawn: the nominating delegation.",
  }),
  attended: z.boolean().optional().openapi({ description: "The secretariat, once the event has been held." }),
});
const FeedParam = z.object({
  feed: z
    .string()
    .max(200)
    .openapi({
      param: { name: "feed", in: "path" },
      description: "The feed's secret followed by `.ics`, as given when the address was made.",
      example: "0Jx8…_secret_….ics",
    }),
});
const NoticesQuery = z.object({
  organization: organizationCode.optional(),
  state: stateCode
    .optional()
    .openapi({ description: "Whose delegation's notices (the secretariat); default the reader's." }),
  limit: z.coerce.number().int("must be a whole number").min(1).max(200).optional(),
});

/** A browser following live updates, or nobody signed in: GET /events is theirs (src/api/live-updates.ts). */
function forLiveUpdates(c: Context<Env>): boolean {
  return (c.req.header("accept") ?? "").includes("text/event-stream") || principalOf(c).kind === "anonymous";
}

export function eventRoutes(services: EventServices) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  const events = services.cooperationEvents;

  app.openapi(
    createRoute({
      method: "get",
      path: "/events",
      tags: ["Cooperation"],
      summary:
        "Cooperation events the reader may see (the secretariat and allies: all; a partner: those it is eligible for)",
      description:
        "Signed-in readers. `from`/`to` choose a window of days. A partner's delegation sees only the events its state may " +
        "take part in on their first day, by the registry; the counts say no more. `?format=csv` for a spreadsheet. " +
        "(With `Accept: text/event-stream`, this address is the live-updates stream instead.)",
      request: { query: EventListQuery },
      responses: {
        200: jsonOrCsv(EventList, "The events, by first day."),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errorResponse("No such organisation."),
      },
    }),
    async (c, next) => {
      if (forLiveUpdates(c)) {
        await next();
        return c.res;
      }
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const list = await events.list(principalOf(c), {
        organization: query.organization,
        from: query.from,
        to: query.to,
        status: query.status,
        menuItem: query.menuItem,
        limit: query.limit,
      });
      const presented = list.events.map((event) => presentEvent(event, lang));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("events", list.organization, query.from, query.to, query.status),
          toCsv(EVENT_COLUMNS, presented),
        );
      return c.json({ organization: list.organization, events: presented, more: list.more }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/events/{id}",
      tags: ["Cooperation"],
      summary: "One event, with the nominees the reader may read (reading them is audited)",
      request: { params: IdParam, query: LangQuery },
      responses: {
        200: json(EventWithNominees, "The event."),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const detail = await events.get(principalOf(c), Number(c.req.valid("param").id));
      return c.json(presentDetail(detail, readerLanguage(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/events",
      tags: ["Cooperation"],
      summary:
        "Schedule an event (the secretariat: approved at once) or propose one (a partner's delegation head: proposed)",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewEvent } }, required: true },
      },
      responses: { 201: json(CooperationEvent, "Scheduled or proposed."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return idempotentChange(services, c, 201, input, async (tx) =>
        presentEvent(await namingJsonFields(() => events.create(principalOf(c), input, tx)), readerLanguage(c)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/status",
      tags: ["Cooperation"],
      summary: "Approve, confirm (for the provider), mark held, or cancel an event (the secretariat; legal moves only)",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: StatusChange } }, required: true },
      },
      responses: { 200: json(CooperationEvent, "The event as it is now."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const id = Number(c.req.valid("param").id);
      return idempotentChange(services, c, 200, input, async (tx) =>
        presentEvent(
          await namingJsonFields(() => events.setStatus(principalOf(c), id, input.status, tx)),
          readerLanguage(c),
        ),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/events/{id}/report",
      tags: ["Cooperation"],
      summary: "Record the feedback or after-action report of a held event (the secretariat)",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: ReportBody } }, required: true },
      },
      responses: { 200: json(CooperationEvent, "The event with its report."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const id = Number(c.req.valid("param").id);
      return idempotentChange(services, c, 200, input, async (tx) =>
        presentEvent(
          await namingJsonFields(() => events.report(principalOf(c), id, input.report, tx)),
          readerLanguage(c),
        ),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/nominations",
      tags: ["Cooperation"],
      summary:
        "Nominate a participant for the reader's own state (its delegation; eligible, before the deadline, within capacity)",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewNomination } }, required: true },
      },
      responses: { 201: json(Nomination, "Nominated."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const id = Number(c.req.valid("param").id);
      return idempotentChange(services, c, 201, input, async (tx) =>
        presentNomination(await namingJsonFields(() => events.nominate(principalOf(c), id, input, tx))),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/nominations/{id}",
      tags: ["Cooperation"],
      summary: "Confirm or decline a nomination, record attendance (the secretariat), or withdraw it (its delegation)",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NominationChange } }, required: true },
      },
      responses: { 200: json(Nomination, "The nomination as it is now."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const id = Number(c.req.valid("param").id);
      return idempotentChange(services, c, 200, input, async (tx) =>
        presentNomination(await namingJsonFields(() => events.updateNomination(principalOf(c), id, input, tx))),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cooperation/notices",
      tags: ["Cooperation"],
      summary: "Cooperation notices to a delegation, newest first: reminders before nomination deadlines",
      request: { query: NoticesQuery },
      responses: {
        200: json(
          z.object({ organization: z.string(), state: z.string(), notices: z.array(CooperationNotice) }),
          "The notices.",
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const answer = await events.notices(principalOf(c), query);
      return c.json(
        { ...answer, notices: answer.notices.map((notice) => ({ ...notice, issuedAt: iso(notice.issuedAt) })) },
        200,
      );
    },
  );

  // -------------------------------------------------------------------------- calendar

  const feedAddress = (c: Context<Env>, secret: string) => `${new URL(c.req.url).origin}/api/v1/calendar/${secret}.ics`;

  app.openapi(
    createRoute({
      method: "get",
      path: "/calendar-feed",
      tags: ["Cooperation"],
      summary: "Whether the reader has a secret calendar feed (its address is shown only when made)",
      responses: { 200: json(FeedState, "The feed's state."), 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const state = await services.calendar.status(principalOf(c));
      return c.json({ url: null, ...state, createdAt: state.createdAt && iso(state.createdAt) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/calendar-feed",
      tags: ["Cooperation"],
      summary: "Make a new secret calendar feed address for the reader, revoking the old one",
      description:
        "The address (`url`) is given in this answer only: Concord keeps its SHA-256. Subscribe to it in a calendar; " +
        "it lists the events the reader may see, as they are when the calendar asks.",
      responses: { 201: json(FeedState, "The new address."), 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const made = await services.calendar.create(principalOf(c));
      return c.json({ url: feedAddress(c, made.secret), active: true, createdAt: iso(made.createdAt) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/calendar-feed",
      tags: ["Cooperation"],
      summary: "Revoke the reader's calendar feed: its address answers 404 from now on",
      responses: { 200: json(FeedState, "Revoked."), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json({ url: null, ...(await services.calendar.revoke(principalOf(c))) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/calendar/{feed}",
      tags: ["Cooperation"],
      summary: "A secret calendar feed (RFC 5545): the events its account may see now; a revoked address is 404",
      description: "No sign-in: the address is the credential. `lang` chooses the titles' language.",
      request: { params: FeedParam, query: LangQuery },
      responses: {
        200: {
          content: { "text/calendar": { schema: z.string().openapi({ description: "An iCalendar (RFC 5545)." }) } },
          description: "The calendar.",
        },
        404: errorResponse("No live feed has this address."),
      },
    }),
    async (c) => {
      const file = c.req.valid("param").feed;
      const secret = file.endsWith(".ics") ? file.slice(0, -4) : "";
      const text = await services.calendar.ics(secret, {
        lang: readerLanguage(c),
        origin: new URL(c.req.url).origin,
      });
      return c.body(text, 200, {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="events.ics"',
        "Cache-Control": "private, no-store",
      });
    },
  );

  return app;
}
