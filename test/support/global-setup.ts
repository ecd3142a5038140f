/**
 * Starts one PostgreSQL for the test run (embedded, or the one DATABASE_URL names), and builds
 * a template database holding the schema and the real starter data set. Test files clone it
 * (CREATE DATABASE … TEMPLATE), so every file starts from the same known state and none
 * interferes with another. Also bundles the current sources once for the `concord` processes
 * tests start (concord-build.ts).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase, createPool } from "../../src/db/client.ts";
import { openEmbeddedDatabase, type DatabaseHandle } from "../../src/db/embedded.ts";
import { migrate } from "../../src/db/migrate.ts";
import { loadEveryStarterPart } from "../../src/services/starter/all.ts";
import { buildConcord } from "./concord-build.ts";
import { BUILD_ENV } from "./process.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** A URL to the server's maintenance database, for CREATE/DROP DATABASE. */
    adminUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = "concord_test_template";

export default async function setup(project: TestProject) {
  // Before any worker starts: they inherit the variable, and so does every process they spawn.
  const concord = await buildConcord();
  process.env[BUILD_ENV] = concord.entry;
  // Watch mode runs tests again after a change without running this setup again.
  project.onTestsRerun(() => concord.rebuild());

  let handle: DatabaseHandle;
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    handle = { url: process.env.DATABASE_URL, ownership: "external", stop: async () => {} };
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
    // As root, PostgreSQL runs as "postgres": let it into the folder mkdtemp made private.
    await fs.chmod(dataDir, 0o755);
    handle = await openEmbeddedDatabase({ dataDir, role: "test run", mode: "exclusive" });
  }
  const adminUrl = withDatabase(handle.url, "postgres");

  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();

  const pool = createPool(withDatabase(handle.url, TEMPLATE));
  try {
    await migrate(pool);
    await loadEveryStarterPart(createDatabase(pool));
  } finally {
    await pool.end();
  }

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE);

  return async () => {
    if (handle.ownership === "external") {
      const cleanup = new pg.Client(adminUrl);
      await cleanup.connect();
      const leftovers = await cleanup.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'concord_test_%'",
      );
      for (const { datname } of leftovers.rows)
        await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await cleanup.end();
    }
    await handle.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    await concord.remove();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
