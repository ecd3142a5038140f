/** Password guesses counted in fixed windows, per key (sign_in_failures): SQL and nothing else. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

const countedRow = z.object({ key: z.string(), failures: z.number(), remainingSeconds: z.number() });
export type CountedGuesses = z.output<typeof countedRow>;

/**
 * Counts one guess under each key in the window starting at `windowStart`, in one atomic
 * statement: each key's guesses in that window so far, this one included, and the seconds until
 * the window (`windowMinutes` long) ends.
 */
export async function countGuess(
  db: Executor,
  keys: readonly string[],
  window: { start: string; minutes: number },
): Promise<CountedGuesses[]> {
  const result = await db.execute(sql`
    INSERT INTO sign_in_failures (key, window_start, failures)
    SELECT key, ${window.start}::timestamptz, 1 FROM unnest(${sql.param([...keys])}::text[]) AS key
    ON CONFLICT (key, window_start) DO UPDATE SET failures = sign_in_failures.failures + 1
    RETURNING key, failures,
      extract(epoch FROM window_start + make_interval(mins => ${window.minutes}) - now())::int AS "remainingSeconds"`);
  return z.array(countedRow).parse(result.rows);
}

/** Forgets the windows that started more than a day before the one starting at `windowStart`. */
export async function deleteWindowsBefore(db: Executor, windowStart: string): Promise<void> {
  await db.execute(
    sql`DELETE FROM sign_in_failures WHERE window_start < ${windowStart}::timestamptz - interval '1 day'`,
  );
}

/** Takes one guess back from each key's count in the window starting at `windowStart` (never below zero). */
export async function giveBackGuess(db: Executor, keys: readonly string[], windowStart: string): Promise<void> {
  await db.execute(sql`
    UPDATE sign_in_failures SET failures = failures - 1
    WHERE key = ANY (${sql.param([...keys])}::text[]) AND window_start = ${windowStart}::timestamptz AND failures > 0`);
}
