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

export class InvalidRequestError extends AppError {
  constructor(message: string) {
    super(400, "invalid_request", message);
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
