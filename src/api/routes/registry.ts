/**
 * The registry's read API: actors, organisations and their members as of a date, relations,
 * timelines. Each handler validates, calls one service method and presents the result.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import { isLanguage, type Language } from "../../domain/languages.ts";
import type { RegistryService } from "../../services/registry.ts";
import {
  byName,
  presentActor,
  presentActorDetail,
  presentClaim,
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
import { validationHook } from "../validation.ts";

const errors = {
  400: errorResponse("A parameter is invalid; the message names it."),
  404: errorResponse("No such actor, organisation or relation."),
};

/** The language for names: `lang` if given, else the first supported one the client accepts. */
function languageOf(c: Context<{ Variables: AuthVariables }>, lang: Language | undefined): Language {
  if (lang) return lang;
  const accepted = c.req.header("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return "en";
}

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
      const lang = languageOf(c, query.lang);
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
      const lang = languageOf(c, c.req.valid("query").lang);
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
      request: { params: CodeParam, query: AtQuery },
      responses: {
        200: json(z.object({ actor: z.string(), at: z.string(), relations: z.array(Relation) }), "The relations."),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = languageOf(c, query.lang);
      const { actor, at, relations } = await registry.relationsOf(c.req.valid("param").code, query, principalOf(c));
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
      request: { params: CodeParam, query: LangQuery },
      responses: {
        200: json(z.object({ actor: z.string(), events: z.array(TimelineEvent) }), "The changes."),
        ...errors,
      },
    }),
    async (c) => {
      const lang = languageOf(c, c.req.valid("query").lang);
      const { actor, events } = await registry.timeline(c.req.valid("param").code, principalOf(c));
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
      const lang = languageOf(c, c.req.valid("query").lang);
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
      request: { params: CodeParam, query: MembersQuery },
      responses: {
        200: json(MembersBody, "The relations held on that date."),
        ...errors,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = languageOf(c, query.lang);
      const { organization, at, members } = await registry.members(c.req.valid("param").code, query, principalOf(c));
      const sorted = [...members].sort(byName(lang, (member) => member.subjectNames[lang]));
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
      request: { params: RelationIdParam, query: LangQuery },
      responses: {
        200: json(z.object({ relation: Relation.extend({ claims: z.array(Claim) }) }), "The relation and its claims."),
        ...errors,
      },
    }),
    async (c) => {
      const lang = languageOf(c, c.req.valid("query").lang);
      const { relation, claims } = await registry.getRelation(Number(c.req.valid("param").id), principalOf(c));
      return c.json({ relation: { ...presentRelation(relation, lang), claims: claims.map(presentClaim) } }, 200);
    },
  );

  return app;
}
