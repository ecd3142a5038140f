/**
 * The registry's write API: secretariat roles only, every change citing a source, each one
 * audited in its own transaction, and safe to retry with an Idempotency-Key.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Transaction } from "../../db/client.ts";
import { isLanguage } from "../../domain/languages.ts";
import { CERTAINTIES } from "../../domain/registry.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import type { RegistryService } from "../../services/registry.ts";
import type { RegistryWriter } from "../../services/registry-writes.ts";
import { claimEntry, partialDate, relationEntry, sourceFile, TEXT_LIMITS } from "../../services/starter/format.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { presentRelation } from "../presenters.ts";
import { Relation, RelationIdParam } from "../schemas.ts";
import { errorResponse } from "../errors.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

const RelationChange = z
  .strictObject({
    since: partialDate.optional(),
    until: partialDate.nullable().optional().openapi({ description: "null reopens an ended relation." }),
    certainty: z.enum(CERTAINTIES).optional(),
    note: z
      .string()
      .min(1)
      .max(TEXT_LIMITS.note, `must be at most ${TEXT_LIMITS.note} characters`)
      .nullable()
      .optional(),
    claim: claimEntry.openapi({ description: "The source that supports this change." }),
  })
  .refine(
    (change) =>
      change.since !== undefined ||
      change.until !== undefined ||
      change.certainty !== undefined ||
      change.note !== undefined,
    {
      message: "change at least one of since, until, certainty, note",
      path: ["since"],
    },
  );

const RelationEnd = z.strictObject({ until: partialDate, claim: claimEntry });
const SourceInput = sourceFile.element.omit({ file: true });

const errors = {
  400: errorResponse("The body is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The account's role may not change the registry, or the CSRF token is missing."),
  409: errorResponse("The change contradicts what the registry holds."),
  422: errorResponse("The Idempotency-Key was used for another request."),
};
const relationBody = { content: { "application/json": { schema: z.object({ relation: Relation }) } } };
const created = (description: string) => ({ 201: { ...relationBody, description } });
const changed = (description: string) => ({ 200: { ...relationBody, description } });

export function registryWriteRoutes(services: {
  registry: RegistryService;
  writer: RegistryWriter;
  idempotency: IdempotencyService;
}) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });

  const change = <Body extends object, Status extends 200 | 201>(
    c: Context<Env>,
    status: Status,
    request: unknown,
    work: (tx: Transaction) => Promise<Body>,
  ) => idempotentChange(services, c, status, request, work);

  const lang = (c: Context<Env>) => {
    const asked = c.req.query("lang");
    return isLanguage(asked) ? asked : "en";
  };

  app.openapi(
    createRoute({
      method: "post",
      path: "/relations",
      tags: ["Registry changes"],
      summary: "Record a relation with the claims that support it",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: relationEntry } }, required: true },
      },
      responses: { ...created("Recorded."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        relation: presentRelation(await services.writer.createRelation(principalOf(c), input, tx), lang(c)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/relations/{id}",
      tags: ["Registry changes"],
      summary: "Change a relation's dates, certainty or note, citing the source of the change",
      request: {
        params: RelationIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: RelationChange } }, required: true },
      },
      responses: {
        ...changed("Changed."),
        404: errorResponse("No such relation."),
        ...errors,
      },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json");
      return change(c, 200, input, async (tx) => ({
        relation: presentRelation(await services.writer.changeRelation(principalOf(c), id, input, tx), lang(c)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/relations/{id}/end",
      tags: ["Registry changes"],
      summary: "End a relation that holds: from `until` on it no longer holds",
      request: {
        params: RelationIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: RelationEnd } }, required: true },
      },
      responses: {
        ...changed("Ended."),
        404: errorResponse("No such relation."),
        ...errors,
      },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json");
      return change(c, 200, input, async (tx) => ({
        relation: presentRelation(await services.writer.endRelation(principalOf(c), id, input, tx), lang(c)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/relations/{id}/claims",
      tags: ["Registry changes"],
      summary: "Attach a claim from a source to a relation (also one that disagrees)",
      request: {
        params: RelationIdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: claimEntry } }, required: true },
      },
      responses: {
        ...created("Attached."),
        404: errorResponse("No such relation."),
        ...errors,
      },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        relation: presentRelation(await services.writer.addClaim(principalOf(c), id, input, tx), lang(c)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/sources",
      tags: ["Registry changes"],
      summary: "Record a source that claims can cite",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: SourceInput } }, required: true },
      },
      responses: {
        201: {
          content: { "application/json": { schema: z.object({ source: SourceInput }) } },
          description: "Recorded.",
        },
        ...errors,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => {
        await services.writer.createSource(principalOf(c), input, tx);
        return { source: input };
      });
    },
  );

  return app;
}
