import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.ts";

// Dates are calendar days in Concord, never instants: keep PostgreSQL's `date` as the
// 'YYYY-MM-DD' text it sends, instead of turning it into a JavaScript Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** The `tx` of `db.transaction(async (tx) => …)`: what writes that must commit together take. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // A client losing its connection (the database stopping or restarting) must not crash the
  // process: an idle one reports to the pool; one checked out between two queries of a
  // transaction (a job worker's, say) reports to itself, and its next query fails instead.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  return drizzle(pool, { schema });
}
