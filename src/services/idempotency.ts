/**
 * Exactly-once changes for clients that retry. The answer to a change made with an
 * Idempotency-Key is stored in the same transaction as the change; a retry with the same key
 * and the same request gets that answer back, and a retry racing the first attempt waits for it
 * and then gets its answer too. The same key with a different request is refused.
 */
import { createHash } from "node:crypto";
import type { Database, Transaction } from "../db/client.ts";
import { deleteAnswersOlderThan, findStoredAnswer, storeAnswer } from "../db/repositories/idempotency.ts";
import { AppError } from "./errors.ts";
import { msg } from "../domain/messages/index.ts";

export type StoredAnswer = { status: number; body: unknown };
export type Attempt = { principal: string; key: string; request: { method: string; path: string; body: unknown } };

/** How long an answer is kept for retries. */
const KEEP_HOURS = 24;

export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(422, "idempotency_key_reused", msg("request.idempotency_key_reused"));
  }
}

export function requestHash(request: Attempt["request"]): string {
  return createHash("sha256")
    .update(JSON.stringify([request.method, request.path, request.body ?? null]))
    .digest("hex");
}

export class IdempotencyService {
  constructor(private readonly db: Database) {}

  /** Runs `work` in a transaction once per key; later calls with the key get the stored answer. */
  async run(
    attempt: Attempt | undefined,
    work: (tx: Transaction) => Promise<StoredAnswer>,
  ): Promise<StoredAnswer & { replayed: boolean }> {
    if (!attempt) return { ...(await this.db.transaction(work)), replayed: false };
    const hash = requestHash(attempt.request);
    try {
      return await this.db.transaction(async (tx) => {
        const stored = await this.find(tx, attempt, hash);
        if (stored) return { ...stored, replayed: true };
        const answer = await work(tx);
        await storeAnswer(tx, {
          principal: attempt.principal,
          key: attempt.key,
          requestHash: hash,
          status: answer.status,
          body: answer.body,
        });
        await deleteAnswersOlderThan(tx, KEEP_HOURS);
        return { ...answer, replayed: false };
      });
    } catch (error) {
      // A concurrent attempt with the same key committed first (our insert of the key, or of the
      // change itself, collided with it): its answer is the answer.
      const stored = await this.find(this.db, attempt, hash);
      if (stored) return { ...stored, replayed: true };
      throw error;
    }
  }

  private async find(
    executor: Pick<Database, "execute">,
    attempt: Attempt,
    hash: string,
  ): Promise<StoredAnswer | undefined> {
    const row = await findStoredAnswer(executor, attempt.principal, attempt.key);
    if (!row) return undefined;
    if (row.requestHash !== hash) throw new IdempotencyKeyReusedError();
    return { status: row.status, body: row.response };
  }
}
