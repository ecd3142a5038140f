import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line, `Concord: N passed, N failed, N skipped`, that CI and people
 * can read without knowing Vitest's output.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
      // A file that failed to load has no tests to count, but it failed.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed += 1;
    }
    counts.failed += unhandledErrors.length;
    console.log(`\nConcord: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
