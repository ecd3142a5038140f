/**
 * Issue 3, "Nothing lost": the server is killed with SIGKILL at random moments while concurrent
 * writers change the registry, and restarted on the same data folder each time. Every write
 * acknowledged to a client must be there exactly once, nothing half-applied, every write in
 * flight at a kill must apply once when retried with its Idempotency-Key, and the audit log must
 * verify. CI runs CRASH_KILLS kills (default 50); `npm run test:crash -- --kills 1000` runs the
 * long form (test/crash/cli.ts). The harness is test/crash/harness.ts.
 */
import { describe, expect, it } from "vitest";
import { formatReport, runCrashHarness } from "./harness.ts";

const kills = Number(process.env.CRASH_KILLS || 50);
const cliVerifyEvery = Number(process.env.CRASH_CLI_VERIFY_EVERY || 5);

describe("a server killed with SIGKILL while clients write", () => {
  it(
    `loses no acknowledged write, half-applies none, duplicates none, and keeps the audit chain intact over ${kills} kills`,
    async () => {
      const report = await runCrashHarness({
        kills,
        writers: 4,
        killAfterMs: [50, 800],
        postgresEvery: 5,
        startupKillEvery: 10,
        cliVerifyEvery,
        seed: seedFromEnv(),
      });
      console.log(formatReport(report));

      expect(report.problems.restart, "failed restarts").toEqual([]);
      expect(report.problems.lost, "acknowledged writes lost").toEqual([]);
      expect(report.problems.duplicated, "writes applied twice").toEqual([]);
      expect(report.problems.halfApplied, "changes half-applied").toEqual([]);
      expect(report.problems.unexpectedAnswers, "unexpected answers").toEqual([]);
      expect(report.problems.auditVerify, "audit log verification").toEqual([]);
      expect(report.problems.settings, "PostgreSQL durability settings").toEqual([]);

      expect(report.kills).toBe(kills);
      // The kills did land among writes, and both kinds of kill happened and were recovered from.
      expect(report.acknowledged).toBeGreaterThan(kills);
      expect(report.inFlight).toBeGreaterThan(0);
      expect(report.inFlightCommitted + report.inFlightNotCommitted).toBe(report.inFlight);
      // Both kinds of restart happened: stopping an orphaned PostgreSQL, recovering a killed one.
      expect(report.orphansStopped).toBeGreaterThan(0);
      expect(report.crashRecoveries).toBeGreaterThan(0);
      expect(report.auditVerifyCliRuns).toBeGreaterThan(0);
      expect(report.auditEntries).toBeGreaterThanOrEqual(report.acknowledged);
    },
    // About 3 s a kill on two cores (a restart is 1–2 s of it); generous, for a loaded CI machine.
    120_000 + kills * 15_000,
  );
});

function seedFromEnv(): number | undefined {
  return process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : undefined;
}
