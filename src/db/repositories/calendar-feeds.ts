/** Secret calendar feed addresses, each stored only as the SHA-256 of its secret: SQL and nothing else. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";

type Executor = Pick<Database, "execute">;

const instant = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === "string" ? value : value.toISOString()));
const feedRow = z.object({ id: z.union([z.number(), z.string()]).transform(Number), createdAt: instant });
export type CalendarFeedRow = z.output<typeof feedRow>;

/** The account's live (unrevoked) feed, if any. */
export async function liveFeedOf(db: Executor, accountId: string): Promise<CalendarFeedRow | undefined> {
  const result = await db.execute(sql`
    SELECT id, created_at AS "createdAt" FROM calendar_feeds WHERE account_id = ${accountId} AND revoked_at IS NULL`);
  const [row] = result.rows;
  return row === undefined ? undefined : feedRow.parse(row);
}

/** Revokes the account's live feed; the feed revoked, if there was one. */
export async function revokeLiveFeed(tx: Transaction, accountId: string): Promise<CalendarFeedRow | undefined> {
  const result = await tx.execute(sql`
    UPDATE calendar_feeds SET revoked_at = clock_timestamp()
    WHERE account_id = ${accountId} AND revoked_at IS NULL
    RETURNING id, created_at AS "createdAt"`);
  const [row] = result.rows;
  return row === undefined ? undefined : feedRow.parse(row);
}

export async function insertFeed(tx: Transaction, accountId: string, secretHash: Buffer): Promise<CalendarFeedRow> {
  const result = await tx.execute(sql`
    INSERT INTO calendar_feeds (account_id, secret_hash) VALUES (${accountId}, ${secretHash})
    RETURNING id, created_at AS "createdAt"`);
  return feedRow.parse(result.rows[0]);
}

/** The account whose live feed has this secret's hash; none for a revoked or unknown one. */
export async function accountOfFeed(db: Executor, secretHash: Buffer): Promise<string | undefined> {
  const result = await db.execute(sql`
    SELECT account_id AS "accountId" FROM calendar_feeds WHERE secret_hash = ${secretHash} AND revoked_at IS NULL`);
  const [row] = result.rows;
  return row === undefined ? undefined : z.object({ accountId: z.string() }).parse(row).accountId;
}
