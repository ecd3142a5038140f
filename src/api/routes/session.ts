/**
 * Signing in and out. One answer for every failed sign-in, whatever failed, so the API does not
 * tell whether an account exists; too many failures from one address answer 429.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { SessionsService } from "../../services/accounts/sessions.ts";
import type { SignInService } from "../../services/accounts/sign-in.ts";
import { abilities } from "../../services/policies.ts";
import { type AuthVariables, clearSessionCookie, clientAddress, principalOf, setSessionCookie } from "../auth.ts";
import { presentAccount } from "../presenters.ts";
import { SessionBody } from "../schemas.ts";
import { errorResponse } from "../errors.ts";
import { validationHook } from "../validation.ts";

const SignIn = z.object({
  email: z.string().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(1024),
});

export function sessionRoutes(services: { sessions: SessionsService; signIn: SignInService }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "post",
      path: "/session",
      tags: ["Accounts"],
      summary: "Sign in with e-mail address and password; sets the session cookie",
      request: { body: { content: { "application/json": { schema: SignIn } }, required: true } },
      responses: {
        200: { content: { "application/json": { schema: SessionBody } }, description: "Signed in." },
        400: errorResponse("A field is missing or malformed."),
        401: errorResponse("The e-mail address or the password is wrong."),
        429: errorResponse("Too many failed attempts from this address: wait."),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const viewer = c.get("viewer");
      const previousToken = viewer.kind === "account" && viewer.via === "session" ? viewer.sessionToken : undefined;
      const session = await services.signIn.withPassword({
        email,
        password,
        clientAddress: clientAddress(c),
        previousToken,
      });
      setSessionCookie(c, session.token);
      const account = session.account;
      return c.json(
        {
          account: presentAccount(account),
          abilities: abilities({ kind: "account", account }),
          csrfToken: session.csrfToken,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/session",
      tags: ["Accounts"],
      summary: "Who is signed in (account null for an anonymous visitor), and the CSRF token for changes",
      responses: { 200: { content: { "application/json": { schema: SessionBody } }, description: "The session." } },
    }),
    (c) => {
      const viewer = c.get("viewer");
      const can = abilities(principalOf(c));
      if (viewer.kind === "anonymous") return c.json({ account: null, abilities: can, csrfToken: null }, 200);
      return c.json(
        {
          account: presentAccount(viewer.account),
          abilities: can,
          csrfToken: viewer.via === "session" ? viewer.csrfToken : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/session",
      tags: ["Accounts"],
      summary: "Sign out: ends the session and clears the cookie",
      responses: { 204: { description: "Signed out (also when nobody was signed in)." } },
    }),
    async (c) => {
      const viewer = c.get("viewer");
      if (viewer.kind === "account" && viewer.via === "session") await services.sessions.end(viewer.sessionToken);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  return app;
}
