/**
 * Refuses a JSON body holding text PostgreSQL cannot store or the audit log cannot hash:
 * U+0000, or a lone UTF-16 surrogate (valid in JSON as an escape, but no Unicode character).
 * Checked once here for every endpoint, so each answers 400 naming the field, never a 500.
 */
import type { MiddlewareHandler } from "hono";
import { errorBody } from "./errors.ts";

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first unstorable string in `value`, or undefined. */
export function findUnstorableText(value: unknown, path = "body"): string | undefined {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(key, `${path} (a key)`) ?? findUnstorableText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

export const refuseUnstorableText: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && (c.req.header("content-type") ?? "").includes("application/json")) {
    // Hono keeps the parsed body, so the route's validator reads the same object again for free.
    const body = await c.req.json().catch(() => undefined);
    const path = findUnstorableText(body);
    if (path) return c.json(errorBody("invalid_request", `${path}: must not contain U+0000 or a lone surrogate (text that cannot be stored)`), 400);
  }
  await next();
};
