/**
 * What every request passes before any route sees it: a change needs an account before its
 * body is even read; a body has a size limit (generous only where attachments are sent); and a
 * JSON body (any JSON media type, in any case) may hold neither text PostgreSQL cannot store or
 * the audit log cannot hash (U+0000, a lone UTF-16 surrogate) nor nesting deeper than any
 * request needs. Each refusal is a 4xx that names what was wrong, never a 500.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AuthVariables } from "./auth.ts";
import { errorBody } from "./errors.ts";
import { msg, render, t } from "../domain/messages/index.ts";
import { readerLanguage } from "./language.ts";

const MiB = 1024 * 1024;

/** Bytes a request body may have: attachments travel in base64 (5 MiB of file, about 7 million characters). */
export const BODY_LIMITS = { default: 1 * MiB, attachments: 8 * MiB, documents: 22 * MiB } as const;

/** The deepest nesting of arrays and objects a JSON body may have; Concord's own need four. */
export const MAX_JSON_DEPTH = 32;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ATTACHMENTS = /^\/api\/v1\/proposals\/[^/]+\/attachments$/;
/** Labelled documents travel as multipart: up to 20 MiB of file, with its form. */
const DOCUMENTS = /^\/api\/v1\/documents(\/verify|\/[^/]+\/versions)?$/;
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point: PostgreSQL cannot store it
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Changes that anyone may send: signing in (it carries its own credentials) and out, and single sign-on's steps. */
function openToAnyone(path: string): boolean {
  return path === "/api/v1/session" || path.startsWith("/api/v1/auth/");
}

/** A change by nobody signed in is refused before its body is read: 401, whatever it holds. */
export const requireAccountForChanges: MiddlewareHandler<{ Variables: AuthVariables }> = async (c, next) => {
  if (WRITE_METHODS.has(c.req.method) && c.get("viewer").kind === "anonymous" && !openToAnyone(c.req.path)) {
    const refusal = msg("auth.sign_in_for", { what: msg("activity.this_change") });
    return c.json(errorBody("unauthenticated", render(readerLanguage(c), refusal), refusal.key), 401);
  }
  await next();
};

/** 413, naming the limit, for a body larger than its endpoint takes; nothing larger is held in memory. */
export const limitBodies: MiddlewareHandler = async (c, next) => {
  const maxSize =
    c.req.method !== "POST"
      ? BODY_LIMITS.default
      : ATTACHMENTS.test(c.req.path)
        ? BODY_LIMITS.attachments
        : DOCUMENTS.test(c.req.path)
          ? BODY_LIMITS.documents
          : BODY_LIMITS.default;
  return bodyLimit({
    maxSize,
    onError: (context) =>
      context.json(
        errorBody(
          "payload_too_large",
          t(readerLanguage(context), "request.too_large", { mebibytes: maxSize / MiB }),
          "request.too_large",
        ),
        413,
      ),
  })(c, next);
};

/**
 * Where in `value` the first string is that cannot be stored, or the nesting goes deeper than
 * MAX_JSON_DEPTH: walked with a stack of its own, so no body can exhaust the server's.
 */
export function findUnstorableText(value: unknown): { path: string; problem: "unstorable" | "too-deep" } | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: "body", depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: item, path, depth } = next;
    if (typeof item === "string") {
      if (UNSTORABLE.test(item)) return { path, problem: "unstorable" };
      continue;
    }
    if (item === null || typeof item !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return { path, problem: "too-deep" };
    const entries = Array.isArray(item)
      ? item.map((member, index) => [String(index), member] as const)
      : Object.entries(item);
    // Reversed onto the stack, so the first problem in reading order is the one named.
    for (const [key, member] of entries.reverse()) {
      if (!Array.isArray(item) && UNSTORABLE.test(key)) return { path: `${path} (a key)`, problem: "unstorable" };
      pending.push({ value: member, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

export const refuseUnstorableText: MiddlewareHandler = async (c, next) => {
  // A query's text reaches PostgreSQL too (a filter, a search): the same refusal, naming the parameter.
  for (const [name, values] of Object.entries(c.req.queries()))
    if (UNSTORABLE.test(name) || values.some((value) => UNSTORABLE.test(value)))
      return c.json(
        errorBody(
          "invalid_request",
          t(readerLanguage(c), "request.unstorable_text", { path: `query.${name}` }),
          "request.unstorable_text",
        ),
        400,
      );
  const mediaType = (c.req.header("content-type") ?? "").split(";", 1)[0]?.trim() ?? "";
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && JSON_MEDIA_TYPE.test(mediaType)) {
    // Hono keeps the parsed body, so the route's validator reads the same object again for free.
    // A body that does not parse is left to the validator, which says so.
    const body = await c.req.json().catch(() => undefined);
    const found = findUnstorableText(body);
    if (found?.problem === "unstorable") {
      return c.json(
        errorBody(
          "invalid_request",
          t(readerLanguage(c), "request.unstorable_text", { path: found.path }),
          "request.unstorable_text",
        ),
        400,
      );
    }
    if (found?.problem === "too-deep")
      return c.json(
        errorBody(
          "invalid_request",
          t(readerLanguage(c), "request.too_deep", { path: found.path, depth: MAX_JSON_DEPTH }),
          "request.too_deep",
        ),
        400,
      );
  }
  await next();
};
