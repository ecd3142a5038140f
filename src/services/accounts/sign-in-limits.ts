/**
 * How many failed sign-ins a client may make before it must wait. Counted in fixed windows in
 * the database (shared by all instances) under two keys: the client address with the e-mail
 * address tried, and the client address alone. Nothing is counted per account alone, so
 * nobody can lock the owner out of an account by failing on purpose from elsewhere.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";

export const LIMITS = {
  windowMinutes: 15,
  perAddressAndEmail: 5,
  perAddress: 50,
};

export class SignInLimits {
  constructor(private readonly db: Database) {}

  private keys(clientAddress: string, email: string): Array<{ key: string; limit: number }> {
    return [
      { key: `ip+email:${clientAddress}|${email.trim().toLowerCase()}`, limit: LIMITS.perAddressAndEmail },
      { key: `ip:${clientAddress}`, limit: LIMITS.perAddress },
    ];
  }

  /** Seconds to wait before trying again, or 0 when a try is allowed now. */
  async retryAfter(clientAddress: string, email: string): Promise<number> {
    const keys = this.keys(clientAddress, email);
    const result = await this.db.execute(sql`
      SELECT key, failures,
             extract(epoch FROM window_start + make_interval(mins => ${LIMITS.windowMinutes}) - now())::int AS "remainingSeconds"
      FROM sign_in_failures
      WHERE key IN (${sql.join(keys.map((entry) => sql`${entry.key}`), sql`, `)})
        AND window_start = ${windowStart()}::timestamptz`);
    let wait = 0;
    for (const row of result.rows as Array<{ key: string; failures: number; remainingSeconds: number }>) {
      const limit = keys.find((entry) => entry.key === row.key)!.limit;
      if (row.failures >= limit) wait = Math.max(wait, Math.max(1, row.remainingSeconds));
    }
    return wait;
  }

  async recordFailure(clientAddress: string, email: string): Promise<void> {
    const start = windowStart();
    for (const { key } of this.keys(clientAddress, email)) {
      await this.db.execute(sql`
        INSERT INTO sign_in_failures (key, window_start, failures) VALUES (${key}, ${start}::timestamptz, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET failures = sign_in_failures.failures + 1`);
    }
    // Old windows are of no use to anyone.
    await this.db.execute(sql`DELETE FROM sign_in_failures WHERE window_start < ${start}::timestamptz - interval '1 day'`);
  }
}

function windowStart(now = Date.now()): string {
  const size = LIMITS.windowMinutes * 60_000;
  return new Date(Math.floor(now / size) * size).toISOString();
}
