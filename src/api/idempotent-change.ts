/**
 * Changes over HTTP, safe to retry: the same Idempotency-Key with the same body gets the first
 * answer back and changes nothing again (src/services/idempotency.ts).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Transaction } from "../db/client.ts";
import type { IdempotencyService, StoredAnswer } from "../services/idempotency.ts";
import type { RegistryService } from "../services/registry.ts";
import { type AuthVariables, principalOf } from "./auth.ts";

export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().openapi({
    description:
      "Any unique text, e.g. a UUID. A retry with the same key and body gets the first answer and changes nothing again.",
  }),
});

/**
 * Runs a change once per Idempotency-Key, then drops this process's cached copy of the
 * registry (a decision may have changed it). Only a change that succeeded is stored (a failure
 * rolls back with its key), so a replayed answer has the route's success status and body type.
 */
export async function idempotentChange<Body extends object, Status extends 200 | 201>(
  services: { idempotency: IdempotencyService; registry: RegistryService },
  c: Context<{ Variables: AuthVariables }>,
  status: Status,
  request: unknown,
  work: (tx: Transaction) => Promise<Body>,
) {
  const principal = principalOf(c);
  const key = c.req.header("idempotency-key");
  const attempt = key
    ? {
        principal: principal.kind === "account" ? principal.account.id : "anonymous",
        key,
        request: { method: c.req.method, path: c.req.path, body: request },
      }
    : undefined;
  const answer = await services.idempotency.run(
    attempt,
    async (tx): Promise<StoredAnswer> => ({ status, body: await work(tx) }),
  );
  if (answer.replayed) c.header("Idempotency-Replayed", "true");
  else services.registry.changed();
  return c.json(answer.body as Body, status);
}
