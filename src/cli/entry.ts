/**
 * The `concord` process: runs the command its arguments name and exits with its status. Loaded by
 * bin/concord.mjs (through tsx) and, bundled, by the tests (test/support/concord-build.ts), so both
 * behave the same way.
 */
import { main } from "./main.ts";

// A reader that stops early (`concord members NATO | head`) closes the pipe: what is left to
// print has nowhere to go. The command then finishes quietly and stops its database as usual,
// instead of crashing on the write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
