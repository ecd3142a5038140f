/**
 * Errors a service throws on purpose: each carries the HTTP status and a stable `id` that
 * clients and tests match on, and a message written for the person reading it. Anything else
 * that escapes is a bug and is answered with a plain 500 that reveals nothing.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
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
  readonly reason: string;

  constructor(reason: string, options: { field?: string } = {}) {
    super(400, "invalid_request", options.field ? `${options.field}: ${reason}` : reason);
    this.field = options.field;
    this.reason = reason;
  }

  /** The same refusal with the field named otherwise (a caller's own name for it). */
  renamed(field: string): InvalidRequestError {
    return new InvalidRequestError(this.reason, { field });
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in first: this needs an account.") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, "forbidden", message);
  }
}

/** Too many guesses from one client: wait this long (sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
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
