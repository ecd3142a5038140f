import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, createPool, type Database } from "../../src/db/client.ts";
import { RegistryService } from "../../src/services/registry.ts";
import { withDatabase } from "./global-setup.ts";

export type TestDatabase = {
  url: string;
  db: Database;
  pool: pg.Pool;
  registry: RegistryService;
  drop(): Promise<void>;
};

/** A database of its own for one test file: the schema and starter data, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `concord_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    // Two files cloning the template at the same moment: PostgreSQL refuses the second while the
    // first copies. Try again until the template is free (the state), within a generous bound: on a
    // busy machine one copy can take many seconds.
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
        break;
      } catch (error) {
        if (Date.now() > deadline || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 5);
  const db = createDatabase(pool);
  return {
    url,
    db,
    pool,
    registry: new RegistryService(db),
    drop: async () => {
      await pool.end();
      const cleanup = new pg.Client(adminUrl);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
