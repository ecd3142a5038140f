import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { AppError } from "../services/errors.ts";

export type ErrorPayload = { error: { id: string; message: string } };

export function errorBody(id: string, message: string): ErrorPayload {
  return { error: { id, message } };
}

/**
 * Turns a validation failure into one readable sentence that names each parameter:
 * `query.at: must be a real calendar date written YYYY-MM-DD (got "2023-02-30")`.
 */
export function describeZodError(error: ZodError, target: string, input?: unknown): string {
  return error.issues
    .map((issue) => {
      const where = [target, ...issue.path.map(String)].join(".");
      const given = valueAt(input, issue.path);
      // A query parameter repeated in the URL arrives as an array.
      if (target === "query" && Array.isArray(given)) return `${where}: must be given once (got ${given.length} values)`;
      const got = typeof given === "string" ? ` (got ${JSON.stringify(given.slice(0, 60))})` : "";
      return `${where}: ${issue.message}${got}`;
    })
    .join("; ");
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The one place that maps errors to responses; anything unexpected is logged and hidden. */
export function handleError(error: Error, c: Context, log: (line: string) => void): Response {
  if (error instanceof AppError) {
    return c.json(errorBody(error.id, error.message), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody("invalid_request", error.message || "The request could not be read."), error.status);
  }
  log(`Unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return c.json(errorBody("internal_error", "Something went wrong on our side; it has been logged."), 500);
}
