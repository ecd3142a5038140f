import type { Language } from "../domain/languages.ts";
import { type Message, render } from "../domain/messages/index.ts";

/** What a refusal says: a message of the catalogue (src/domain/messages), or text not yet in it. */
export type Said = string | Message;

const english = (said: Said): string => (typeof said === "string" ? said : render("en", said));

/**
 * Errors a service throws on purpose: each carries the HTTP status and a stable `id` that
 * clients and tests match on, and a message written for the person reading it: a key of the
 * message catalogue with its parameters (`text`), rendered in the reader's language by the API
 * and the CLI; `message` is its English. Anything else that escapes is a bug and is answered
 * with a plain 500 that reveals nothing.
 */
export class AppError extends Error {
  /** The catalogue's message, when the refusal was thrown as one. */
  readonly text: Message | undefined;

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly id: string,
    message: Said,
  ) {
    super(english(message));
    this.text = typeof message === "string" ? undefined : message;
  }

  /** The catalogue's key (sent as `error.code`), when the refusal was thrown as a message of it. */
  get code(): string | undefined {
    return this.text?.key;
  }

  /** The message in `lang`: the catalogue's, or the text as thrown when it is not in the catalogue. */
  messageIn(lang: Language): string {
    return this.text ? render(lang, this.text) : this.message;
  }
}

export class NotFoundError extends AppError {
  constructor(message: Said) {
    super(404, "not_found", message);
  }
}

/**
 * Something that exists, answered as missing because the reader may not know of it (another
 * organisation's proposal, account or notice). The same answer as NotFoundError, word for word;
 * only the refusal log can tell them apart.
 */
export class HiddenError extends NotFoundError {}

/**
 * A request the rules refuse. A service names what was wrong in the domain's words, `field`
 * ("since", "needsPosition"; "" for the input as a whole), and says what is wrong with it in
 * `reason`; the message reads `since: must come after…`. The API names the field as the request
 * carried it (`body.since: …`, src/api/errors.ts), the CLI by its option (`--since: …`).
 * Without a field, the message stands alone.
 */
export class InvalidRequestError extends AppError {
  readonly field: string | undefined;
  /** What is wrong with the field, in English. */
  readonly reason: string;
  /** What is wrong with the field, as thrown (a message of the catalogue, or text). */
  readonly said: Said;
  /** The field is named as the request carried it already (`json.password`): the API adds nothing. */
  readonly carried: boolean;

  constructor(reason: Said, options: { field?: string; carried?: boolean } = {}) {
    const english_ = english(reason);
    super(400, "invalid_request", options.field ? `${options.field}: ${english_}` : english_);
    this.field = options.field;
    this.reason = english_;
    this.said = reason;
    this.carried = options.carried ?? false;
  }

  override get code(): string | undefined {
    return typeof this.said === "string" ? undefined : this.said.key;
  }

  /** The reason alone, in `lang`. */
  reasonIn(lang: Language): string {
    return typeof this.said === "string" ? this.said : render(lang, this.said);
  }

  /** The whole message in `lang`: `field: reason`. */
  override messageIn(lang: Language): string {
    return this.field ? `${this.field}: ${this.reasonIn(lang)}` : this.reasonIn(lang);
  }

  /** The same refusal with the field named otherwise (a caller's own name for it). */
  renamed(field: string, options: { carried?: boolean } = {}): InvalidRequestError {
    return new InvalidRequestError(this.said, { field, ...options });
  }
}

export class ConflictError extends AppError {
  constructor(message: Said) {
    super(409, "conflict", message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: Said = { key: "auth.sign_in_first" }) {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Said) {
    super(403, "forbidden", message);
  }
}

/** Too many guesses from one client: wait this long (sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    message: Said,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message);
  }
}

/**
 * A value the database guarantees (a row a foreign key points to, the row just written), checked:
 * its absence is a bug, answered like any unexpected error, never an answer of its own.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
