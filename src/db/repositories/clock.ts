/** The database's clock, which keeps every deadline and date: one clock for every instance. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";

export async function databaseNow(db: Pick<Database, "execute">): Promise<Date> {
  return new Date(((await db.execute(sql`SELECT clock_timestamp() AS now`)).rows[0] as { now: string | Date }).now);
}
