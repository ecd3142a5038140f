#!/usr/bin/env node
// The `concord` command. Concord runs its TypeScript sources directly through tsx's loader,
// so there is no build step to forget between editing and running.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`concord members NATO | head`) closes the pipe: what is left to
// print has nowhere to go. The command then finishes quietly and stops its database as usual,
// instead of crashing on the write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}
const { main } = await import("../src/cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
