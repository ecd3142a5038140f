/**
 * The registry's read API: actors, organisations and their members as of a date, relations,
 * timelines. Each handler validates, calls one service method and presents the result.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import type { RegistryService } from "../../services/registry.ts";
import {
  byName,
  presentActor,
  presentActorDetail,
  presentClaim,
  presentMember,
  memberJson,
  presentOrganization,
  presentRelation,
  presentTimelineEvent,
} from "../presenters.ts";
import {
  Actor,
  ActorDetail,
  ActorsQuery,
  AtQuery,
  Claim,
  CodeParam,
  LangQuery,
  Member,
  MembersQuery,
  Organization,
  Relation,
  RelationIdParam,
  TimelineEvent,
} from "../schemas.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import {
  type CsvColumn,
  csvFileName,
  csvResponse,
  FormatField,
  jsonOrCsv,
  sourceIds,
  toCsv,
  wantsCsv,
} from "../csv.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

const errors = {
  400: errorResponse("A parameter is invalid; the message names it."),
  404: errorResponse("No such actor, organisation or relation."),
};

type Presented<T extends z.ZodType> = z.infer<T>;

type Terms = Pick<
  Presented<typeof Relation>,
  | "kind"
  | "framework"
  | "frameworkName"
  | "designation"
  | "since"
  | "sincePrecision"
  | "until"
  | "untilPrecision"
  | "certainty"
  | "note"
>;
/** A relation's terms, as a member's row and a relation's row both give them. */
const termColumns = <T extends Terms>(): CsvColumn<T>[] => [
  { header: "kind", value: (row) => row.kind },
  { header: "framework", value: (row) => row.framework },
  { header: "frameworkName", value: (row) => row.frameworkName },
  { header: "designation", value: (row) => row.designation },
  { header: "since", value: (row) => row.since },
  { header: "sincePrecision", value: (row) => row.sincePrecision },
  { header: "until", value: (row) => row.until },
  { header: "untilPrecision", value: (row) => row.untilPrecision },
  { header: "certainty", value: (row) => row.certainty },
  { header: "note", value: (row) => row.note },
];

/** The columns of a members CSV: the JSON's fields, the sources by id and by title. */
const MEMBER_COLUMNS: CsvColumn<Presented<typeof Member>>[] = [
  { header: "code", value: (row) => row.code },
  { header: "name", value: (row) => row.name },
  ...termColumns(),
  { header: "relationId", value: (row) => row.relationId },
  { header: "sources", value: (row) => sourceIds(row.sources) },
];

const RELATION_COLUMNS: CsvColumn<Presented<typeof Relation>>[] = [
  { header: "id", value: (row) => row.id },
  { header: "subject", value: (row) => row.subject },
  { header: "subjectName", value: (row) => row.subjectName },
  { header: "object", value: (row) => row.object },
  { header: "objectName", value: (row) => row.objectName },
  ...termColumns(),
  { header: "recordedBy", value: (row) => row.recordedBy },
  { header: "sources", value: (row) => sourceIds(row.sources) },
];

const TIMELINE_COLUMNS: CsvColumn<Presented<typeof TimelineEvent>>[] = [
  { header: "date", value: (row) => row.date },
  { header: "precision", value: (row) => row.precision },
  { header: "change", value: (row) => row.change },
  ...RELATION_COLUMNS.map(({ header, value }) => ({
    header: header === "id" ? "relationId" : header,
    value: (row: Presented<typeof TimelineEvent>) => value(row.relation),
  })),
];

/** One row per claim, with its relation and its source. */
const CLAIM_COLUMNS: CsvColumn<{ relation: Presented<typeof Relation>; claim: Presented<typeof Claim> }>[] = [
  { header: "relationId", value: (row) => row.relation.id },
  { header: "subject", value: (row) => row.relation.subject },
  { header: "object", value: (row) => row.relation.object },
  { header: "kind", value: (row) => row.relation.kind },
  { header: "claimId", value: (row) => row.claim.id },
  { header: "field", value: (row) => row.claim.field },
  { header: "asserted", value: (row) => row.claim.asserted },
  { header: "assertedPrecision", value: (row) => row.claim.assertedPrecision },
  { header: "locator", value: (row) => row.claim.locator },
  { header: "quote", value: (row) => row.claim.quote },
  { header: "note", value: (row) => row.claim.note },
  { header: "source", value: (row) => row.claim.source.id },
  { header: "sourceTitle", value: (row) => row.claim.source.title },
  { header: "publisher", value: (row) => row.claim.source.publisher },
  { header: "published", value: (row) => row.claim.source.published },
  { header: "url", value: (row) => row.claim.source.url },
  { header: "archive", value: (row) => row.claim.source.archive },
  { header: "citation", value: (row) => row.claim.source.citation },
];

const MembersBody = z.object({ organization: z.string(), at: z.string(), members: z.array(Member) });
type MembersBody = z.infer<typeof MembersBody>;

export function registryRoutes(registry: RegistryService) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/actors",
      tags: ["Registry"],
      summary: "States and organisations, optionally of one type or matching a text",
      request: { query: ActorsQuery },
      responses: { 200: json(z.object({ actors: z.array(Actor) }), "The actors, by code."), 400: errors[400] },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const actors = await registry.listActors(query, principalOf(c));
      return c.json({ actors: actors.map((actor) => presentActor(actor, lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/actors/{code}",
      tags: ["Registry"],
      summary: "One state or organisation, with its names and the periods it existed",
      request: { params: CodeParam, query: LangQuery },
      responses: { 200: json(z.object({ actor: ActorDetail }), "The actor."), ...errors },
    }),
    async (c) => {
      const lang = readerLanguage(c, c.req.valid("query").lang);
      const { actor, periods } = await registry.getActor(c.req.valid("param").code, principalOf(c));
      return c.json({ actor: presentActorDetail(actor, periods, lang) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/actors/{code}/relations",
      tags: ["Registry"],
      summary: "Every relation valid on a date in which the actor is subject or object",
      request: { params: CodeParam, query: AtQuery.extend(FormatField) },
      responses: {
        200: jsonOrCsv(z.object({ actor: z.string(), at: z.string(), relations: z.array(Relation) }), "The relations."),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const { actor, at, relations } = await registry.relationsOf(c.req.valid("param").code, query, principalOf(c));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName(actor.code, "relations", at),
          toCsv(
            RELATION_COLUMNS,
            relations.map((relation) => presentRelation(relation, lang)),
          ),
        );
      return c.json(
        { actor: actor.code, at, relations: relations.map((relation) => presentRelation(relation, lang)) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/actors/{code}/timeline",
      tags: ["Registry"],
      summary: "Every change over time, in order, with sources",
      request: { params: CodeParam, query: LangQuery.extend(FormatField) },
      responses: {
        200: jsonOrCsv(z.object({ actor: z.string(), events: z.array(TimelineEvent) }), "The changes."),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const { actor, events } = await registry.timeline(c.req.valid("param").code, principalOf(c));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName(actor.code, "timeline"),
          toCsv(
            TIMELINE_COLUMNS,
            events.map((event) => presentTimelineEvent(event, lang)),
          ),
        );
      return c.json({ actor: actor.code, events: events.map((event) => presentTimelineEvent(event, lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations",
      tags: ["Registry"],
      summary: "The organisations, with their partnership frameworks",
      request: { query: LangQuery },
      responses: {
        200: json(z.object({ organizations: z.array(Organization) }), "The organisations."),
        400: errors[400],
      },
    }),
    async (c) => {
      const lang = readerLanguage(c, c.req.valid("query").lang);
      const organizations = await registry.listOrganizations(principalOf(c));
      return c.json(
        {
          organizations: organizations.map(({ organization, frameworks }) =>
            presentOrganization(organization, frameworks, lang),
          ),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{code}/members",
      tags: ["Registry"],
      summary: "Who stood in what relation to an organisation on a date",
      description:
        "Without `kind`, every relation held towards the organisation (members, partners, observers, suspensions, …). " +
        "`at` defaults to today. Intervals are half-open: a relation ending on a date does not hold on it.",
      request: { params: CodeParam, query: MembersQuery.extend(FormatField) },
      responses: {
        200: jsonOrCsv(MembersBody, "The relations held on that date."),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const { organization, at, members } = await registry.members(c.req.valid("param").code, query, principalOf(c));
      const sorted = [...members].sort(byName(lang, (member) => member.subjectNames[lang]));
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName(organization.code, query.kind ?? "members", query.framework, at),
          toCsv(
            MEMBER_COLUMNS,
            sorted.map((member) => presentMember(member, lang)),
          ),
        );
      // Assembled from each member's memoised JSON: the same text c.json would produce.
      const body = `{"organization":${JSON.stringify(organization.code)},"at":${JSON.stringify(at)},"members":[${sorted.map((member) => memberJson(member, lang)).join(",")}]}`;
      // The text is the JSON of MembersBody (registry.test.ts compares it with the presenter's output).
      return c.body(body, 200, { "Content-Type": "application/json" }) as unknown as TypedResponse<
        MembersBody,
        200,
        "json"
      >;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/relations/{id}",
      tags: ["Registry"],
      summary: "One relation with all its claims and their sources, also those that disagree",
      request: { params: RelationIdParam, query: LangQuery.extend(FormatField) },
      responses: {
        200: jsonOrCsv(
          z.object({ relation: Relation.extend({ claims: z.array(Claim) }) }),
          "The relation and its claims (as CSV: one row per claim).",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = readerLanguage(c, query.lang);
      const { relation, claims } = await registry.getRelation(Number(c.req.valid("param").id), principalOf(c));
      if (wantsCsv(query.format, c.req.header("accept"))) {
        const presented = presentRelation(relation, lang);
        return csvResponse(
          c,
          csvFileName("relation", relation.id, relation.subject, relation.object),
          toCsv(
            CLAIM_COLUMNS,
            claims.map((claim) => ({ relation: presented, claim: presentClaim(claim) })),
          ),
        );
      }
      return c.json({ relation: { ...presentRelation(relation, lang), claims: claims.map(presentClaim) } }, 200);
    },
  );

  return app;
}
