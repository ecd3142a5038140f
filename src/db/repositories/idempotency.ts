/** The answers to changes made with an Idempotency-Key (idempotency_keys): SQL and nothing else. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

const storedAnswerRow = z.object({ requestHash: z.string(), status: z.number(), response: z.unknown() });
export type StoredAnswerRow = z.output<typeof storedAnswerRow>;

/** The answer stored for this principal's key, with the hash of the request that made it. */
export async function findStoredAnswer(
  db: Executor,
  principal: string,
  key: string,
): Promise<StoredAnswerRow | undefined> {
  const result = await db.execute(sql`
    SELECT request_hash AS "requestHash", status, response FROM idempotency_keys
    WHERE principal = ${principal} AND key = ${key}`);
  const row = result.rows[0];
  return row === undefined ? undefined : storedAnswerRow.parse(row);
}

/** Stores a change's answer under its key, in the change's transaction (a key stored already: a unique violation). */
export async function storeAnswer(
  tx: Executor,
  answer: { principal: string; key: string; requestHash: string; status: number; body: unknown },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO idempotency_keys (principal, key, request_hash, status, response)
    VALUES (${answer.principal}, ${answer.key}, ${answer.requestHash}, ${answer.status}, ${JSON.stringify(answer.body ?? null)}::jsonb)`);
}

/** Forgets the answers stored more than `hours` ago. */
export async function deleteAnswersOlderThan(tx: Executor, hours: number): Promise<void> {
  await tx.execute(sql`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${hours})`);
}
