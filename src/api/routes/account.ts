/**
 * One's own account: the password, and API tokens for scripts. Browser sessions only: a token
 * cannot mint more tokens or change the password of the account it belongs to.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiTokenRow } from "../../db/repositories/api-tokens.ts";
import { SCOPES } from "../../domain/accounts.ts";
import type { OwnAccountService } from "../../services/accounts/own-account.ts";
import type { Context } from "hono";
import { type AuthVariables, clientAddress, principalOf, setSessionCookie } from "../auth.ts";
import { RECENT_SIGN_IN_MINUTES } from "../../services/accounts/own-account.ts";
import { ApiToken } from "../schemas.ts";
import { errorResponse, namingJsonFields } from "../errors.ts";
import { validationHook } from "../validation.ts";

const NewToken = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  scopes: z
    .array(z.enum(SCOPES))
    .min(1, "name at least one scope")
    .openapi({ description: `Any of ${SCOPES.join(", ")}.` }),
  expiresInDays: z.number().int().min(1).max(365).default(90),
  password: z
    .string()
    .min(1, "is required")
    .max(1024)
    .optional()
    .openapi({
      description: `Your password, asked again: required unless this session signed in within the last ${RECENT_SIGN_IN_MINUTES} minutes.`,
    }),
});

const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1, "is required").max(1024),
  newPassword: z.string().min(1, "is required").max(1024),
  revokeTokens: z.boolean().default(false).openapi({
    description: "Also revoke every API token of yours; otherwise they go on working (the answer says how many).",
  }),
});

const errors = {
  400: errorResponse("A field is invalid; the message names it."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("Not with an API token, or without the CSRF token."),
};

/** Where the asker is, and when their session signed in: what a password asked again is weighed against. */
function asking(c: Context<{ Variables: AuthVariables }>) {
  const viewer = c.get("viewer");
  return {
    clientAddress: clientAddress(c),
    signedInAt: viewer.kind === "account" && viewer.via === "session" ? viewer.signedInAt : undefined,
  };
}

function presentToken(row: ApiTokenRow): z.infer<typeof ApiToken> {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as z.infer<typeof ApiToken>["scopes"],
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  };
}

export function accountRoutes(services: { ownAccounts: OwnAccountService }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "put",
      path: "/account/password",
      tags: ["Accounts"],
      summary: "Change your password: ends all your sessions and starts a fresh one here",
      request: { body: { content: { "application/json": { schema: PasswordChange } }, required: true } },
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({
                csrfToken: z.string(),
                tokensRevoked: z.number().openapi({ description: "API tokens revoked with this change." }),
                tokensRemaining: z.number().openapi({ description: "API tokens that still open your account." }),
              }),
            },
          },
          description: "Changed.",
        },
        429: errorResponse("Too many wrong passwords from this address: wait."),
        ...errors,
      },
    }),
    async (c) => {
      const changed = await namingJsonFields(() =>
        services.ownAccounts.changePassword(principalOf(c), c.req.valid("json"), asking(c)),
      );
      setSessionCookie(c, changed.session.token);
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          csrfToken: changed.session.csrfToken,
          tokensRevoked: changed.tokensRevoked,
          tokensRemaining: changed.tokensRemaining,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/account/tokens",
      tags: ["Accounts"],
      summary: "Your API tokens (never their secret)",
      responses: {
        200: {
          content: { "application/json": { schema: z.object({ tokens: z.array(ApiToken) }) } },
          description: "The tokens.",
        },
        ...errors,
      },
    }),
    async (c) => c.json({ tokens: (await services.ownAccounts.listTokens(principalOf(c))).map(presentToken) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/account/tokens",
      tags: ["Accounts"],
      summary: "Create an API token for scripts; its secret is in this answer and nowhere else, ever",
      description:
        "Use it as `Authorization: Bearer <token>`. Not idempotent by design: replaying the answer would mean storing the secret.",
      request: { body: { content: { "application/json": { schema: NewToken } }, required: true } },
      responses: {
        201: {
          content: { "application/json": { schema: z.object({ token: z.string(), apiToken: ApiToken }) } },
          description: "Created.",
        },
        ...errors,
      },
    }),
    async (c) => {
      const request = c.req.valid("json");
      const { token, row } = await namingJsonFields(() =>
        services.ownAccounts.createToken(principalOf(c), request, asking(c)),
      );
      c.header("Cache-Control", "no-store");
      return c.json({ token, apiToken: presentToken(row) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/account/tokens/{id}",
      tags: ["Accounts"],
      summary: "Revoke one of your API tokens",
      request: {
        params: z.object({ id: z.uuid("must be a token id").openapi({ param: { name: "id", in: "path" } }) }),
      },
      responses: {
        204: { description: "Revoked." },
        404: errorResponse("You have no such live token."),
        ...errors,
      },
    }),
    async (c) => {
      await services.ownAccounts.revokeToken(principalOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  return app;
}
