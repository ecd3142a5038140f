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

/** Errors that mean "this database cannot be reached or entered", by node's code or PostgreSQL's SQLSTATE. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "nothing accepts connections there",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve (yet)",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ECONNRESET: "the server closed the connection",
  "28P01": "the password was refused",
  "28000": "the role may not sign in",
  "3D000": "no database of that name exists",
  "57P03": "the server is starting up or shutting down",
};

/**
 * Why a database could not be reached, in plain words naming where (the URL without its
 * password), or undefined when the error is of another kind.
 */
export function describeConnectionFailure(error: unknown, url: string): string | undefined {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const why = UNREACHABLE[code] ?? (code.startsWith("08") ? "the connection failed" : undefined);
  if (why === undefined) return undefined;
  return `Cannot use the database at ${withoutPassword(url)}: ${why} (${code}). Check DATABASE_URL.`;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}
