/** Events told to every instance listening (NOTIFY): SQL and nothing else. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

/** NOTIFYs each payload on the channel, in order, in one statement; delivered when the caller's transaction commits. */
export async function notifyAll(tx: Executor, channel: string, payloads: readonly string[]): Promise<void> {
  await tx.execute(
    sql`SELECT pg_notify(${channel}, text) FROM unnest(${sql.param([...payloads])}::text[]) WITH ORDINALITY AS e(text, n) ORDER BY n`,
  );
}
