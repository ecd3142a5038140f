/**
 * Single sign-on: /auth/oidc/start sends the browser to the identity provider, which sends it
 * back to /auth/oidc/callback; /auth/providers tells the UI whether to show the button.
 * The callback is a browser navigation: a failure is answered with a short page for a browser
 * (Accept: text/html) and with the usual JSON error otherwise, never with a 500 for anything the
 * provider or the query string did.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  OIDC_COOKIE,
  OIDC_COOKIE_LIFETIME_SECONDS,
  OIDC_COOKIE_PATH,
  OidcSignInError,
  OidcUnavailableError,
  sameSitePath,
  type OidcService,
} from "../../services/accounts/oidc.ts";
import { type AuthVariables, setSessionCookie } from "../auth.ts";
import { errorBody, errorResponse } from "../errors.ts";
import { validationHook } from "../validation.ts";

export const OIDC_START_PATH = "/api/v1/auth/oidc/start";

const Providers = z
  .object({
    oidc: z.object({
      enabled: z.boolean(),
      startUrl: z.string().nullable().openapi({
        description:
          "Send the browser here (optionally with ?returnTo=/path) to sign in through the identity provider.",
      }),
    }),
  })
  .openapi("AuthProviders");

const StartQuery = z.object({
  returnTo: z
    .string()
    .max(2000, "must be at most 2000 characters")
    .refine((value) => sameSitePath(value) !== undefined, "must be a path on this site, starting with a single /")
    .optional()
    .openapi({
      description: "Where to go after signing in; a path on this site. Defaults to /.",
      example: "/organizations/NATO",
    }),
});

/**
 * The single-sign-on endpoints. Mount under /api/v1, behind `identify` (the callback ends the
 * session the browser held before, as the password sign-in does). Without an OidcService
 * (single sign-on not configured) /auth/providers says so and the others answer 404.
 */
export function oidcRoutes(services: { oidc?: OidcService | undefined }) {
  const { oidc } = services;
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/providers",
      tags: ["Accounts"],
      summary: "Which ways of signing in besides e-mail and password are available",
      responses: {
        200: { content: { "application/json": { schema: Providers } }, description: "The sign-in providers." },
      },
    }),
    (c) =>
      c.json({ oidc: oidc ? { enabled: true, startUrl: OIDC_START_PATH } : { enabled: false, startUrl: null } }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/oidc/start",
      tags: ["Accounts"],
      summary: "Sign in through the identity provider: redirects there",
      request: { query: StartQuery },
      responses: {
        302: { description: "To the identity provider, with a short-lived cookie holding this sign-in's state." },
        400: errorResponse("returnTo is not a path on this site."),
        404: errorResponse("Single sign-on is not configured."),
        502: errorResponse("The identity provider cannot be reached."),
      },
    }),
    async (c) => {
      if (!oidc) return notConfigured(c);
      const { returnTo } = c.req.valid("query");
      try {
        const { location, cookie } = await oidc.begin(returnTo === undefined ? undefined : sameSitePath(returnTo));
        setCookie(c, OIDC_COOKIE, cookie, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          // Lax: the cookie must come back on the provider's top-level redirect to the callback.
          sameSite: "Lax",
          secure: oidc.config.publicUrl.startsWith("https:"),
          maxAge: OIDC_COOKIE_LIFETIME_SECONDS,
        });
        c.header("Cache-Control", "no-store");
        return c.redirect(location, 302);
      } catch (error) {
        return failure(c, error);
      }
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/oidc/callback",
      tags: ["Accounts"],
      summary: "Where the identity provider sends the browser back: signs in and redirects into the app",
      description:
        "Register `CONCORD_PUBLIC_URL` + this path as the redirect URI at the provider. The query is the provider's (code, state, iss).",
      responses: {
        302: { description: "Signed in: the session cookie is set; to the returnTo path given at start, or /." },
        400: errorResponse("The sign-in was not started here, expired, was used already, or did not verify."),
        403: errorResponse("Refused: the provider said no, the account is disabled, or a claim is not acceptable."),
        404: errorResponse("Single sign-on is not configured."),
        409: errorResponse("An account with this e-mail address exists and cannot be linked."),
        502: errorResponse("The identity provider cannot be reached."),
      },
    }),
    async (c) => {
      if (!oidc) return notConfigured(c);
      const cookie = getCookie(c, OIDC_COOKIE);
      // One attempt per started sign-in, whatever its outcome.
      deleteCookie(c, OIDC_COOKIE, { path: OIDC_COOKIE_PATH, secure: oidc.config.publicUrl.startsWith("https:") });
      c.header("Cache-Control", "no-store");
      try {
        const viewer = c.get("viewer");
        const { session, returnTo } = await oidc.complete({
          query: new URL(c.req.url).search,
          cookie,
          previousSessionToken:
            viewer?.kind === "account" && viewer.via === "session" ? viewer.sessionToken : undefined,
        });
        setSessionCookie(c, session.token);
        return c.redirect(returnTo, 302);
      } catch (error) {
        return failure(c, error);
      }
    },
  );

  return app;
}

function notConfigured(c: Context) {
  return c.json(
    errorBody(
      "oidc_disabled",
      "Single sign-on is not configured on this server; sign in with your e-mail address and password.",
    ),
    404,
  );
}

/** A refusal or an unreachable provider, told to a browser as a page and to a script as JSON. */
function failure(c: Context, error: unknown): Response {
  let status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502;
  let id: string;
  if (error instanceof OidcSignInError || error instanceof OidcUnavailableError) {
    status = error.status;
    id = error.id;
  } else {
    throw error;
  }
  const message = error.message;
  if (!(c.req.header("accept") ?? "").includes("text/html")) return c.json(errorBody(id, message), status);
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Sign-in failed · Concord</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">` +
      `<h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><p><small>(${escapeHtml(id)})</small></p>` +
      `<p><a href="${OIDC_START_PATH}">Try again</a> · <a href="/">Back to Concord</a></p></body></html>`,
    status,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
