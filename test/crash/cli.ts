/**
 * `npm run test:crash -- --kills 1000`: the long form of the crash test (test/crash/crash.test.ts
 * runs 50 kills in CI). Prints a line per kill, then the figures; exits 1 if anything was lost,
 * duplicated or half-applied, or the audit log did not verify.
 *
 *   --kills N            kills (default 50)
 *   --writers N          concurrent writers (default 4)
 *   --kill-after MIN-MAX the kill comes uniformly within MIN..MAX ms of the writers starting (default 50-800)
 *   --postgres-every N   every N-th kill also kills PostgreSQL (default 5; 0: never)
 *   --startup-kill-every N  after every N-th kill the restart is killed too while it starts up (default 10; 0: never)
 *   --cli-verify-every N run `concord audit verify` after every N-th restart (default 1)
 *   --seed N             replay a run
 *   --keep               keep the data folder
 *   --quiet              no line per kill
 */
import { parseArgs } from "node:util";
import { buildConcord } from "../support/concord-build.ts";
import { BUILD_ENV } from "../support/process.ts";
import { formatReport, runCrashHarness } from "./harness.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    kills: { type: "string", default: "50" },
    writers: { type: "string", default: "4" },
    "kill-after": { type: "string", default: "50-800" },
    "postgres-every": { type: "string", default: "5" },
    "startup-kill-every": { type: "string", default: "10" },
    "cli-verify-every": { type: "string", default: "1" },
    seed: { type: "string" },
    keep: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
  strict: true,
});

function integer(name: string, text: string | undefined, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name}: must be a whole number ≥ ${min} (got "${text}")`);
    process.exit(2);
  }
  return value;
}

const window = /^(\d+)-(\d+)$/.exec(values["kill-after"]!);
if (!window || Number(window[1]) > Number(window[2])) {
  console.error(`--kill-after: must be MIN-MAX in milliseconds, e.g. 50-800 (got "${values["kill-after"]}")`);
  process.exit(2);
}

// Every restart starts the current sources bundled once, as in a Vitest run (global-setup.ts).
const concord = await buildConcord();
process.env[BUILD_ENV] = concord.entry;
const report = await runCrashHarness({
  kills: integer("kills", values.kills, 1),
  writers: integer("writers", values.writers, 1),
  killAfterMs: [Number(window[1]), Number(window[2])],
  postgresEvery: integer("postgres-every", values["postgres-every"], 0),
  startupKillEvery: integer("startup-kill-every", values["startup-kill-every"], 0),
  cliVerifyEvery: integer("cli-verify-every", values["cli-verify-every"], 1),
  seed: values.seed === undefined ? undefined : integer("seed", values.seed, 0),
  keepDataDir: values.keep,
  log: values.quiet ? undefined : (line) => console.error(line),
}).finally(() => concord.remove());
console.log(formatReport(report));
process.exit(Object.values(report.problems).some((list) => list.length > 0) ? 1 : 0);
