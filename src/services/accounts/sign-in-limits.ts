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
import type { Database } from "../../db/client.ts";
import { countGuess, deleteWindowsBefore, giveBackGuess } from "../../db/repositories/sign-in-limits.ts";

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
    const counted = await countGuess(
      this.db,
      keys.map((entry) => entry.key),
      { start: windowStart, minutes: LIMITS.windowMinutes },
    );
    // Old windows are of no use to anyone.
    await deleteWindowsBefore(this.db, windowStart);
    let wait = 0;
    for (const { key, limit } of keys) {
      const row = counted.find((entry) => entry.key === key);
      if (row && row.failures > limit) wait = Math.max(wait, Math.max(1, row.remainingSeconds));
    }
    return wait > 0 ? { wait } : { attempt: { keys: keys.map((entry) => entry.key), windowStart } };
  }

  /** The password was right: the guess does not count against anyone. */
  async succeeded(attempt: Attempt): Promise<void> {
    await giveBackGuess(this.db, attempt.keys, attempt.windowStart);
  }
}

function windowStartOf(now = Date.now()): string {
  const size = LIMITS.windowMinutes * 60_000;
  return new Date(Math.floor(now / size) * size).toISOString();
}
