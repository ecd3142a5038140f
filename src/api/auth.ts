/**
 * Who is asking. Every request is identified afresh: the session cookie is looked up and the
 * account read as it is now, so nothing about a role outlives a change to it. Cookie-borne
 * writes must also carry the session's CSRF token, which another site cannot read.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountRow } from "../db/repositories/accounts.ts";
import type { OwnAccountService } from "../services/accounts/own-account.ts";
import type { Scope } from "../domain/accounts.ts";
import {
  ANONYMOUS,
  PasswordChangeRequiredError,
  temporaryPasswordPolicy,
  type Principal,
} from "../services/policies.ts";
import { SESSION_LIFETIME_HOURS, sameSecret, type SessionsService } from "../services/accounts/sessions.ts";
import type { RefusalLog } from "../services/audit/refusals.ts";
import { msg, render } from "../domain/messages/index.ts";
import { errorBody } from "./errors.ts";
import { readerLanguage } from "./language.ts";

export const SESSION_COOKIE = "concord_session";
export const CSRF_HEADER = "X-CSRF-Token";

export type Viewer =
  | { kind: "anonymous" }
  | { kind: "account"; account: AccountRow; via: "session"; sessionToken: string; csrfToken: string; signedInAt: Date }
  | { kind: "account"; account: AccountRow; via: "token"; scopes: ReadonlySet<Scope> };

export type AuthVariables = {
  viewer: Viewer;
  /**
   * The viewer's account as it is now, or undefined once its session or token no longer opens
   * it (signed out, expired, revoked, disabled): for a response that outlives its request, such
   * as a stream of live updates.
   */
  recheck: () => Promise<AccountRow | undefined>;
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function identify(
  sessions: SessionsService,
  ownAccounts: OwnAccountService,
  refusals?: RefusalLog,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      // A script's API token. One that opens nothing is refused outright rather than treated as
      // anonymous, so a script with a revoked or mistyped token learns it at once.
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const opened = bearer ? await ownAccounts.resolveToken(bearer) : undefined;
      if (!bearer || !opened) {
        await refusals?.record({
          kind: "token.refused",
          organization: null,
          actor: "anonymous",
          source: clientAddress(c),
          details: { method: c.req.method, path: new URL(c.req.url).pathname },
        });
        c.header("WWW-Authenticate", 'Bearer realm="concord"');
        const refusal = msg("auth.invalid_token");
        return c.json(errorBody("invalid_token", render(readerLanguage(c), refusal), refusal.key), 401);
      }
      c.set("viewer", { kind: "account", account: opened.account, via: "token", scopes: opened.scopes });
      c.set("recheck", async () => (await ownAccounts.resolveToken(bearer))?.account);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    let viewer: Viewer = { kind: "anonymous" };
    if (token) {
      const session = await sessions.resolve(token);
      if (session)
        viewer = {
          kind: "account",
          account: session.account,
          via: "session",
          sessionToken: token,
          csrfToken: session.csrfToken,
          signedInAt: session.signedInAt,
        };
      // A cookie that opens nothing (expired, signed out elsewhere) is dropped.
      else deleteCookie(c, SESSION_COOKIE, { path: "/" });
    }
    c.set("viewer", viewer);
    c.set("recheck", async () =>
      token && viewer.kind === "account" ? (await sessions.resolve(token))?.account : undefined,
    );
    if (WRITE_METHODS.has(c.req.method) && viewer.kind === "account" && viewer.via === "session" && !isSignIn(c)) {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameSecret(sent, viewer.csrfToken)) {
        await refusals?.record({
          kind: "csrf.refused",
          organization: viewer.account.organizationCode,
          actor: viewer.account.id,
          source: clientAddress(c),
          details: {
            method: c.req.method,
            path: new URL(c.req.url).pathname,
            sent: sent === "" ? "nothing" : "a wrong token",
          },
        });
        const refusal = msg("auth.csrf_failed", { header: CSRF_HEADER });
        return c.json(errorBody("csrf_failed", render(readerLanguage(c), refusal), refusal.key), 403);
      }
    }
    // Signed in with a password an administrator set: only replacing it (or signing out) until then.
    if (
      viewer.kind === "account" &&
      temporaryPasswordPolicy.pending(principalOf(c)) &&
      !allowedBeforePasswordChange(c)
    ) {
      const refused = new PasswordChangeRequiredError();
      return c.json(errorBody(refused.id, refused.messageIn(readerLanguage(c)), refused.code), 403);
    }
    await next();
  };
}

/** What a session whose password must be changed first may still ask: who it is, signing in (here or through single sign-on) and out, the change itself. */
function allowedBeforePasswordChange(c: Context): boolean {
  const path = c.req.path;
  if (path === "/api/v1/session") return true;
  if (path === "/api/v1/account/password") return c.req.method === "PUT";
  return c.req.method === "GET" && path.startsWith("/api/v1/auth/");
}

/**
 * Signing in needs no CSRF token: it carries the credentials itself, and it accepts only
 * application/json, which another site's form cannot send (a script would need CORS, not given).
 */
function isSignIn(c: Context): boolean {
  return c.req.method === "POST" && c.req.path === "/api/v1/session";
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    maxAge: SESSION_LIFETIME_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
}

/** Over HTTPS (directly, or behind a proxy that says so), cookies are marked Secure. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The client's address, for rate limits. Behind a proxy this is the proxy's: see the README. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

/** The principal services authorize: the viewer's account as read on this request, or nobody. */
export function principalOf(c: Context<{ Variables: AuthVariables }>): Principal {
  const viewer = c.get("viewer");
  if (viewer.kind === "anonymous") return ANONYMOUS;
  return viewer.via === "token"
    ? { kind: "account", account: viewer.account, scopes: viewer.scopes }
    : { kind: "account", account: viewer.account };
}
