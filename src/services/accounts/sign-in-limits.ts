/**
 * How many password guesses a client may make before it must wait: sign-ins, and the password
 * asked again to change it or to mint an API token. Counted in fixed windows in the database
 * (shared by all instances) under two keys: the client address with what is tried (an e-mail
 * address, an account), and the client address alone. Nothing is counted per account alone, so
 * nobody can lock the owner out of an account by failing on purpose from elsewhere.
 *
 * A guess is counted before its password is checked, in one atomic statement per guess, and
 * given back when the password was right: however many guesses arrive at once, no more than the
 * limit are ever checked (counting failures afterwards let 17 of 40 parallel guesses through).
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";

export const LIMITS = {
  windowMinutes: 15,
  perAddressAndEmail: 5,
  perAddress: 50,
};

/** What is being guessed at: a sign-in's e-mail address, or an account whose password is asked again. */
export type Guessed = { email: string } | { account: string };

/** An attempt allowed to go ahead, to give back if its password was right. */
export type Attempt = { keys: string[]; windowStart: string };

export class SignInLimits {
  constructor(private readonly db: Database) {}

  private keys(clientAddress: string, guessed: Guessed): Array<{ key: string; limit: number }> {
    const what = "email" in guessed ? `email:${guessed.email.trim().toLowerCase()}` : `account:${guessed.account}`;
    return [
      { key: `ip+${what}|${clientAddress}`, limit: LIMITS.perAddressAndEmail },
      { key: `ip:${clientAddress}`, limit: LIMITS.perAddress },
    ];
  }

  /**
   * Counts a guess. Over a limit: the seconds to wait (the guess stays counted, and its password
   * must not be checked). Otherwise the attempt, for `succeeded` when the password was right.
   */
  async attempt(clientAddress: string, guessed: Guessed): Promise<{ wait: number } | { attempt: Attempt }> {
    const keys = this.keys(clientAddress, guessed);
    const windowStart = windowStartOf();
    const counted = (
      await this.db.execute(sql`
        INSERT INTO sign_in_failures (key, window_start, failures)
        SELECT key, ${windowStart}::timestamptz, 1 FROM unnest(${sql.param(keys.map((entry) => entry.key))}::text[]) AS key
        ON CONFLICT (key, window_start) DO UPDATE SET failures = sign_in_failures.failures + 1
        RETURNING key, failures,
          extract(epoch FROM window_start + make_interval(mins => ${LIMITS.windowMinutes}) - now())::int AS "remainingSeconds"`)
    ).rows as Array<{ key: string; failures: number; remainingSeconds: number }>;
    // Old windows are of no use to anyone.
    await this.db.execute(
      sql`DELETE FROM sign_in_failures WHERE window_start < ${windowStart}::timestamptz - interval '1 day'`,
    );
    let wait = 0;
    for (const row of counted) {
      const limit = keys.find((entry) => entry.key === row.key)!.limit;
      if (row.failures > limit) wait = Math.max(wait, Math.max(1, row.remainingSeconds));
    }
    return wait > 0 ? { wait } : { attempt: { keys: keys.map((entry) => entry.key), windowStart } };
  }

  /** The password was right: the guess does not count against anyone. */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.db.execute(sql`
      UPDATE sign_in_failures SET failures = failures - 1
      WHERE key = ANY (${sql.param(attempt.keys)}::text[]) AND window_start = ${attempt.windowStart}::timestamptz AND failures > 0`);
  }
}

function windowStartOf(now = Date.now()): string {
  const size = LIMITS.windowMinutes * 60_000;
  return new Date(Math.floor(now / size) * size).toISOString();
}
