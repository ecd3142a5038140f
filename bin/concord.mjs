#!/usr/bin/env node
// The `concord` command. Concord runs its TypeScript sources directly through tsx's loader,
// so there is no build step to forget between editing and running.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
