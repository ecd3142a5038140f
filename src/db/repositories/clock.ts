/** The database's clock, which keeps every deadline and date: one clock for every instance. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client.ts";

/** A `timestamptz` comes as PostgreSQL's text through Drizzle, as a Date through a bare pg client. */
const clockRow = z.object({ now: z.union([z.string(), z.date()]) });

export async function databaseNow(db: Pick<Database, "execute">): Promise<Date> {
  const { now } = clockRow.parse((await db.execute(sql`SELECT clock_timestamp() AS now`)).rows[0]);
  return new Date(now);
}
