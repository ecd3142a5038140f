/**
 * Headers on every answer that tell browsers what not to do with it: a strict
 * Content-Security-Policy (scripts, styles and data from this server only; no framing by
 * anyone), no referrer to other sites, no guessing of content types, HSTS when served over HTTPS,
 * and no caching of answers about people (accounts, tokens, sessions, the audit log). A route
 * may set a stricter policy of its own (attachments are sandboxed); these never overwrite it.
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { isHttps } from "./auth.ts";

/** The web UI's and the API docs' policy: everything from this origin, nothing inline, no plug-ins, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const PERSONAL = /^\/api\/v1\/(account|admin|audit|session|auth)(\/|$)/;

const browserHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  // Sent only over HTTPS (below): over plain HTTP it means nothing, and on localhost it would pin a developer's browser.
  strictTransportSecurity: false,
  overwrite: false,
});

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await browserHeaders(c, async () => {
    await next();
    if (isHttps(c)) c.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    if (PERSONAL.test(c.req.path) && !c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
};
