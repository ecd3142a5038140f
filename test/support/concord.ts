import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readEnv } from "../../src/config/env.ts";
import { startServer, type RunningServer } from "../../src/server.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export type TestConcord = { baseUrl: string; server: RunningServer; database: TestDatabase; stop(): Promise<void> };

/**
 * A real Concord server on a random port, over a fresh database with the starter data, serving
 * the built web UI (web/dist). Tests talk to it over HTTP exactly as a browser or script would.
 * `extraEnv` adds settings (e.g. CONCORD_REMINDER_HOURS, CONCORD_JOBS); the database, port, log
 * and audit and document keys are always the test's own.
 */
export async function startConcord(extraEnv: Record<string, string> = {}): Promise<TestConcord> {
  const database = await createTestDatabase();
  const keyFolder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-key-"));
  const env = readEnv({
    ...extraEnv,
    DATABASE_URL: database.url,
    PORT: "0",
    CONCORD_LOG: "silent",
    CONCORD_AUDIT_KEY_FILE: path.join(keyFolder, "audit.pem"),
    CONCORD_DOCUMENT_KEY_FILE: path.join(keyFolder, "documents.pem"),
  });
  const server = await startServer(env, { log: () => {} });
  return {
    baseUrl: server.url,
    server,
    database,
    stop: async () => {
      await server.stop();
      await database.drop();
      await fs.rm(keyFolder, { recursive: true, force: true });
    },
  };
}
