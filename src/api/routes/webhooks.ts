/**
 * An organisation's webhooks over HTTP: what other systems are told of its decisions. Its
 * secretariat administrators list, subscribe and stop them; the deliveries are
 * src/services/webhook-deliveries.ts.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { IdempotencyService } from "../../services/idempotency.ts";
import type { RegistryService } from "../../services/registry.ts";
import type { WebhooksService } from "../../services/webhooks.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { presentWebhook } from "../decision-presenters.ts";
import { NewWebhook, WebhookParams } from "../decision-schemas.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { CodeParam, Webhook } from "../schemas.ts";
import { validationHook } from "../validation.ts";

const errors = {
  400: errorResponse("The request is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("Only the organisation's administrators manage its webhooks."),
  404: errorResponse("The organisation has no such webhook."),
};

export function webhookRoutes(services: {
  webhooks: WebhooksService;
  idempotency: IdempotencyService;
  registry: RegistryService;
}) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{code}/webhooks",
      tags: ["Webhooks"],
      summary: "The organisation's webhooks (its secretariat administrators)",
      request: { params: CodeParam },
      responses: {
        200: json(z.object({ webhooks: z.array(Webhook) }), "Webhooks."),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(
        { webhooks: (await services.webhooks.list(principalOf(c), c.req.valid("param").code)).map(presentWebhook) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{code}/webhooks",
      tags: ["Webhooks"],
      summary: "Subscribe a URL to the organisation's events; the signing secret is shown once",
      request: {
        params: CodeParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewWebhook } }, required: true },
      },
      responses: { 201: json(z.object({ webhook: Webhook, secret: z.string() }), "Subscribed."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const organization = c.req.valid("param").code;
      return idempotentChange(services, c, 201, input, async (tx) => {
        const { webhook, secret } = await services.webhooks.create(principalOf(c), { organization, ...input }, tx);
        return { webhook: presentWebhook(webhook), secret };
      });
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/organizations/{code}/webhooks/{id}",
      tags: ["Webhooks"],
      summary: "Stop a webhook",
      request: { params: WebhookParams },
      responses: { 204: { description: "Stopped." }, 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { code: organization, id } = c.req.valid("param");
      await services.idempotency.run(undefined, async (tx) => {
        await services.webhooks.disable(principalOf(c), organization, id, tx);
        return { status: 204, body: null };
      });
      return c.body(null, 204);
    },
  );

  return app;
}
