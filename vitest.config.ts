import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/support/sequencer.ts";

export default defineConfig({
  // The web app's .tsx compiled as web/vite.config.ts compiles it: Preact's automatic JSX runtime.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // `expect.poll` waits for a state; on a busy two-core machine a page or a worker may take far
    // longer than Vitest's default second to reach it.
    expect: { poll: { timeout: 15_000 } },
    // Two cores: more workers than that only makes every test slower.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          // One PostgreSQL cluster for the whole run; each test file gets its own database from a template.
          // It starts only when a file of this project runs.
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      {
        extends: true,
        // The web app's logic (web/src/lib): no database, no browser; `fetch` and `window` are stubbed.
        test: { name: "web", include: ["web/src/**/*.test.ts", "web/src/**/*.test.tsx"] },
      },
    ],
  },
});
