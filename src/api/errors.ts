import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import type { Language } from "../domain/languages.ts";
import { CATALOGUES, type MessageKey, render, t } from "../domain/messages/index.ts";
import { AppError, ForbiddenError, HiddenError, InvalidRequestError, RateLimitedError } from "../services/errors.ts";
import type { RefusalLog } from "../services/audit/refusals.ts";
import { type AuthVariables, clientAddress } from "./auth.ts";
import { readerLanguage } from "./language.ts";
import { ErrorBody } from "./schemas.ts";

export type ErrorPayload = { error: { id: string; message: string; code?: string } };

/**
 * The body of every refusal: `{"error":{"id","message"}}`, and `code`, the message's key in the
 * catalogue (src/domain/messages), when it has one. `id` is the stable kind of refusal, `message`
 * is in the reader's language.
 */
export function errorBody(id: string, message: string, code?: string): ErrorPayload {
  return { error: code === undefined ? { id, message } : { id, message, code } };
}

/** An answer in the OpenAPI document: JSON of this schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A refusal in the OpenAPI document: the error body, and when the route gives it. */
export const errorResponse = (description: string) => jsonResponse(ErrorBody, description);

/**
 * A service names a field in the domain's words (`since`); the API names it as the request
 * carried it: a read's in its query, a change's in its JSON body (`body.since: …`; the body as a
 * whole, `body: …`). A route whose request names a field otherwise renames it (`renamingFields`).
 */
export function messageOf(c: Context, error: AppError, lang: Language = "en"): string {
  if (!(error instanceof InvalidRequestError) || error.field === undefined || error.carried)
    return error.messageIn(lang);
  const carrier = c.req.method === "GET" || c.req.method === "HEAD" ? "query" : "body";
  return `${error.field === "" ? carrier : `${carrier}.${error.field}`}: ${error.reasonIn(lang)}`;
}

/** Runs a service call, turning a refusal that names a field into the one `rename` makes of it (or leaving it). */
async function refusingAs<T>(
  rename: (field: string, error: InvalidRequestError) => InvalidRequestError | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidRequestError && error.field !== undefined) throw rename(error.field, error) ?? error;
    throw error;
  }
}

/**
 * Runs a service call on a route that names its body's fields as the validator does
 * (`json.password: …`, the accounts and administration routes), so that a service's refusal and
 * a validation failure name a field alike.
 */
export const namingJsonFields = <T>(work: () => Promise<T>): Promise<T> =>
  refusingAs((field, error) => error.renamed(field === "" ? "json" : `json.${field}`, { carried: true }), work);

/** Runs a service call whose fields this route's request names otherwise (`{ needsPosition: "needs" }`). */
export const renamingFields = <T>(names: Record<string, string>, work: () => Promise<T>): Promise<T> =>
  refusingAs((field, error) => {
    const name = Object.hasOwn(names, field) ? names[field] : undefined;
    return name === undefined ? undefined : error.renamed(name);
  }, work);

/**
 * Turns a validation failure into one readable sentence that names each parameter:
 * `query.at: must be a real calendar date written YYYY-MM-DD (got "2023-02-30")`.
 */
export function describeZodError(error: ZodError, target: string, input?: unknown, lang: Language = "en"): string {
  const sentences = error.issues.map((issue) => {
    const where = [target, ...issue.path.map(String)].join(".");
    const given = valueAt(input, issue.path);
    // A query parameter repeated in the URL arrives as an array.
    if (target === "query" && Array.isArray(given))
      return t(lang, "validation.given_once", { where, count: given.length });
    const got =
      typeof given === "string" ? t(lang, "validation.got", { text: JSON.stringify(given.slice(0, 60)) }) : "";
    return `${where}: ${issueMessage(issue, lang)}${got}`;
  });
  // A pattern (which documents the shape) and a refinement (which checks the calendar) may say the same thing.
  return [...new Set(sentences)].join("; ");
}

/** The English framings of the schemas' own messages, by their text: translated when the catalogue has them. */
const FRAMINGS = new Map<string, MessageKey>(
  (Object.keys(CATALOGUES.en) as MessageKey[])
    .filter((key) => key.startsWith("validation.") && CATALOGUES.en[key].length === 0)
    .map((key) => [render("en", { key }), key]),
);

/**
 * One issue in the reader's language. English keeps the schemas' own words; elsewhere the
 * framings the catalogue knows are translated, and zod's own kinds of refusal (a missing field, a
 * value not among the choices, too long a text, an unknown field) are said in the catalogue's
 * words. A refinement the catalogue does not know stays in English.
 */
function issueMessage(issue: ZodError["issues"][number], lang: Language): string {
  if (lang === "en") return issue.message;
  const known = FRAMINGS.get(issue.message);
  if (known) return render(lang, { key: known });
  const tooLong = /^must be at most (\d+) characters$/.exec(issue.message);
  if (tooLong) return t(lang, "validation.too_long", { maximum: Number(tooLong[1]) });
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? t(lang, "validation.required") : issue.message;
    case "invalid_value":
      return t(lang, "validation.one_of", { options: issue.values.map(String).join(", ") });
    case "too_big":
      return issue.origin === "string"
        ? t(lang, "validation.too_long", { maximum: Number(issue.maximum) })
        : issue.message;
    case "unrecognized_keys":
      return t(lang, "validation.unknown_field", { keys: issue.keys.join(", ") });
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The one place that maps errors to responses; anything unexpected is logged and hidden. A
 * refused authorization (403, or a 404 hiding what the reader may not know of) is recorded in
 * the audit log, summarised when it comes in floods.
 */
export async function handleError(
  error: Error,
  c: Context,
  log: (line: string) => void,
  refusals?: RefusalLog,
): Promise<Response> {
  if (error instanceof AppError) {
    if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
    if (refusals && (error instanceof ForbiddenError || error instanceof HiddenError))
      await recordRefusal(c, error, refusals);
    return c.json(errorBody(error.id, messageOf(c, error, readerLanguage(c)), error.code), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(
      errorBody("invalid_request", error.message || t(readerLanguage(c), "request.unreadable")),
      error.status,
    );
  }
  log(unexpectedErrorLine(c.req.method, new URL(c.req.url).pathname, error));
  return c.json(errorBody("internal_error", t(readerLanguage(c), "server.internal_error")), 500);
}

/**
 * The log line of an unexpected error. What a client can shape (the method, the path, a message
 * that may quote its input) is written as JSON strings, so no request can forge a log line; the
 * stack's own frames follow, one per line.
 */
export function unexpectedErrorLine(method: string, path: string, error: Error): string {
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [
    `Unexpected error on ${JSON.stringify(method)} ${JSON.stringify(path)}: ${JSON.stringify(error.message)}`,
    ...frames,
  ].join("\n");
}

async function recordRefusal(c: Context, error: AppError, refusals: RefusalLog): Promise<void> {
  const viewer = (c as Context<{ Variables: AuthVariables }>).get("viewer");
  const account = viewer?.kind === "account" ? viewer.account : undefined;
  await refusals.record({
    kind: "access.refused",
    organization: account?.organizationCode ?? null,
    actor: account?.id ?? "anonymous",
    source: account?.id ?? clientAddress(c),
    details: {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      answer: error.status,
      reason: error instanceof HiddenError ? "hidden" : error.message,
      via: viewer?.kind === "account" ? viewer.via : "anonymous",
    },
  });
}
