import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./api/app.ts";
import type { Env } from "./config/env.ts";
import { startRuntime, type Runtime } from "./runtime.ts";

export type RunningServer = { url: string; port: number; runtime: Runtime; stop(): Promise<void> };

/** Starts the database (unless external), prepares it, then serves the API and the web UI. */
export async function startServer(
  env: Env,
  options: { log?: (line: string) => void; webDir?: string; starterDataDir?: string } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => env.log !== "silent" && console.error(line));
  const runtime = await startRuntime({
    env,
    role: "server",
    mode: "exclusive",
    log,
    starterDataDir: options.starterDataDir,
    longRunning: true,
  });
  const app = createApp({ services: runtime.services, webDir: options.webDir, log });

  let server: ServerType;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => resolve(info.port));
    server.once("error", reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await runtime.close();
    if (error.code === "EADDRINUSE") throw new Error(`Port ${env.port} is in use: set PORT to a free port.`);
    throw error;
  });

  let stopping: Promise<void> | undefined;
  const url = `http://${env.host}:${port}`;
  log(`Concord is serving on ${url} (API docs: ${url}/api/docs)`);
  return {
    url,
    port,
    runtime,
    stop: () => {
      // Synchronously, in the same turn as the signal that asked for it: PostgreSQL, which got the
      // same Ctrl-C, may end the listeners' connections at any moment now, and that is expected.
      runtime.stopping();
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; the database must still stop.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await runtime.close();
      })();
      return stopping;
    },
  };
}
