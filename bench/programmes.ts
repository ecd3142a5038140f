/**
 * `npm run bench:programmes`: cooperation programmes at NATO's scale. 10,000 programmes (2,000
 * partners × 5 cycles, each a tree of 4 objectives × 3 goals × 4 activities with 24 indicators),
 * the 1,400-item menu, 200,000 events with 100,000 nominations, and 1,000,000 indicator updates
 * (bench/programmes-data.ts loads them beside the starter data).
 *
 * One run, one process:
 *   1. starts Concord on a fresh temporary data folder (embedded PostgreSQL) with the starter data;
 *   2. loads the synthetic data set and signs in NATO's secretariat and five partners' delegations;
 *   3. times, in the server's process, the services behind each page (the database's work and
 *      the service's, without HTTP): a programme's page (the programme with its tree and goals'
 *      progress, and its results: indicators, periods, actuals, the charts' data), a menu search,
 *      a delegation's dashboard, and the secretariat's list of all 10,000 programmes;
 *   4. times the same pages over HTTP against /api/v1/health on the same server (and against
 *      /api/v1/session, the cheapest answer to a signed-in reader: what identifying the reader
 *      costs every signed-in request), in alternating rounds, and prints each one's throughput as
 *      a ratio of theirs;
 *   5. prints a report and writes it to bench/results/programmes-latest.json.
 *
 * In the process, programmes are drawn at random from all 10,000: the programme pages' copy
 * (programme-cache.ts) rarely holds them, so those figures are the database's. Over HTTP each run
 * cycles through ten programmes, as readers of a few programmes would: the copy's figures.
 *
 * Targets: a programme's page p50 <= 20 ms in the process; HTTP ratio >= 0.3. Only a broken run
 * fails (exit 1): an HTTP error or non-2xx answer, or an exception. Knobs: BENCH_SECONDS (HTTP run
 * length, default 5), BENCH_ROUNDS (default 2), BENCH_ITERATIONS (timed calls per page, default
 * 300), BENCH_DATA_DIR (a data folder kept for the next run, which then skips the minute of loading).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { readEnv } from "../src/config/env.ts";
import type { AccountRow } from "../src/db/repositories/accounts.ts";
import type { Principal } from "../src/services/policies.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { loadSyntheticProgrammes, partnerCode, SCALE, SEARCH_WORDS } from "./programmes-data.ts";
import {
  machineInfo,
  makeTemporaryFolder,
  once,
  percentile,
  positiveNumber,
  round,
  run,
  step,
  sum,
  type HttpEndpoint,
  measureEndpoints,
} from "./support.ts";

const TARGET_PAGE_P50_MS = 20;
const TARGET_RATIO = 0.3;
const PASSWORD = "a long enough benchmark secret";
const DELEGATIONS = 5;

const settings = {
  httpSeconds: positiveNumber("BENCH_SECONDS", 5),
  httpRounds: positiveNumber("BENCH_ROUNDS", 2),
  httpConnections: 10,
  iterations: positiveNumber("BENCH_ITERATIONS", 300),
  warmup: Math.min(30, positiveNumber("BENCH_ITERATIONS", 300)),
};

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "programmes-latest.json");

type Verdict = "PASS" | "MISS";
type Person = { principal: Principal; cookie: string; state: string | null };

async function main(): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.error(
      "bench:programmes loads 1.5 million rows into a dozen tables: it runs on a fresh embedded database only. Unset DATABASE_URL.",
    );
    return 1;
  }
  const loadAverageAtStart = os.loadavg()[0] ?? 0;
  // BENCH_DATA_DIR keeps the loaded database for the next run (loading takes a minute or more).
  const kept = process.env.BENCH_DATA_DIR;
  const dataDir = kept ?? (await makeTemporaryFolder("concord-bench-programmes-"));
  let server: RunningServer | undefined;
  const cleanup = once(async () => {
    await server?.stop();
    if (!kept) await fs.rm(dataDir, { recursive: true, force: true });
  });
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    server = await step("Starting Concord with the starter data set", () =>
      startServer(readEnv({ CONCORD_DATA_DIR: dataDir, PORT: "0", CONCORD_LOG: "silent", CONCORD_JOBS: "off" })),
    );
    const pool = server.runtime.pool;
    const machine = await machineInfo(pool);
    const loadStarted = performance.now();
    const counts = (await alreadyLoaded(pool)) ?? (await loadSyntheticProgrammes(pool, step));
    const loadSeconds = round((performance.now() - loadStarted) / 1000, 1);

    const secretariat = await person(server, { role: "secretariat-staff" });
    const delegations = await Promise.all(
      Array.from({ length: DELEGATIONS }, (_, i) =>
        person(server!, { role: "delegation-head", state: partnerCode(1 + i * 397) }),
      ),
    );
    const programmeIds = await syntheticProgrammeIds(pool);

    const inProcess = await measureInProcess(server, secretariat, delegations, programmeIds);
    const http = await measureHttp(server.url, secretariat, delegations[0]!, programmeIds);
    const loadAverage1m = { atStart: round(loadAverageAtStart, 2), atEnd: round(os.loadavg()[0] ?? 0, 2) };
    const report = {
      when: new Date().toISOString(),
      machine,
      loadAverage1m,
      settings,
      counts,
      loadSeconds,
      inProcess,
      http,
    };
    await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await fs.writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (http.failures.length > 0) {
      console.error(`\nFAILED: ${http.failures.join("; ")}`);
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// People

/** An account of NATO's with a role (and a delegation's state), signed in over HTTP as a browser is. */
async function person(server: RunningServer, who: { role: string; state?: string }): Promise<Person> {
  const { services, pool } = server.runtime;
  const email = `bench-${who.role}-${who.state ?? "nato"}@example.org`.toLowerCase();
  const created =
    (await services.accounts.authenticate(email, PASSWORD)) ??
    (await services.accounts.createAdministrator({ email, password: PASSWORD, organizationCode: "NATO" }));
  if (who.state)
    await pool.query(
      "INSERT INTO delegations (organization_code, state_code) VALUES ('NATO', $1) ON CONFLICT DO NOTHING",
      [who.state],
    );
  await pool.query(
    `UPDATE accounts SET role = $2,
       delegation_id = (SELECT id FROM delegations WHERE organization_code = 'NATO' AND state_code = $3)
     WHERE id = $1`,
    [created.id, who.role, who.state ?? null],
  );
  const account = (await services.accounts.authenticate(email, PASSWORD)) as AccountRow;
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing in ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { principal: { kind: "account", account }, cookie, state: who.state ?? null };
}

/** In a kept data folder, the counts of the data set loaded by an earlier run. */
async function alreadyLoaded(pool: pg.Pool): Promise<Record<string, number> | undefined> {
  const { rows } = await pool.query<{ programmes: number; updates: number; events: number }>(
    `SELECT (SELECT count(*) FROM programmes)::int AS programmes, (SELECT count(*) FROM indicator_updates)::int AS updates,
            (SELECT count(*) FROM events)::int AS events`,
  );
  const counts = rows[0];
  return counts && counts.programmes > SCALE.programmes ? counts : undefined;
}

async function syntheticProgrammeIds(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ id: string }>("SELECT id FROM programmes WHERE created_by = $1", [SCALE.marker]);
  return rows.map((row) => Number(row.id));
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
const searchWords = () => `${pick(SEARCH_WORDS)} ${pick(SEARCH_WORDS)}`;

// ---------------------------------------------------------------------------------------------
// In the server's process

type Case = { name: string; iterations: number; run: () => Promise<number> };

async function measureInProcess(server: RunningServer, secretariat: Person, delegations: Person[], ids: number[]) {
  const { programmes, results, menu, cooperationDashboard } = server.runtime.services;
  const cases: Case[] = [
    {
      name: "programme page",
      iterations: settings.iterations,
      run: async () => {
        const id = pick(ids);
        const [page, charts] = await Promise.all([
          programmes.get(secretariat.principal, id),
          results.results(secretariat.principal, id),
        ]);
        return (page.tree?.length ?? 0) + charts.indicators.length;
      },
    },
    {
      name: "menu search",
      iterations: settings.iterations,
      run: async () =>
        (
          await menu.list(secretariat.principal, {
            organization: "NATO",
            q: searchWords(),
            lang: pick(["en", "es", "fr"]),
          })
        ).total,
    },
    {
      name: "dashboard",
      iterations: settings.iterations,
      run: async () => {
        const view = await cooperationDashboard.dashboard(pick(delegations).principal);
        return view.programmes.length + view.events.length + view.nominations.length;
      },
    },
    {
      name: "programmes list (100)",
      iterations: settings.iterations,
      run: async () =>
        (
          await programmes.list(secretariat.principal, {
            organization: "NATO",
            offset: Math.floor(Math.random() * 9900),
          })
        ).programmes.length,
    },
  ];
  await step(`In-process warm-up (${settings.warmup} calls per page)`, () =>
    runCases(
      cases.map((c) => ({ ...c, iterations: Math.min(c.iterations, settings.warmup) })),
      false,
    ),
  );
  const samples = await step(`In-process latency (${settings.iterations} calls per page)`, () => runCases(cases, true));
  return {
    targetPageP50Ms: TARGET_PAGE_P50_MS,
    pages: cases.map((c, i) => {
      const { times, sizes } = samples[i]!;
      const p50 = percentile(times, 50);
      return {
        page: c.name,
        calls: times.length,
        itemsAvg: round(sum(sizes) / sizes.length, 1),
        p50Ms: round(p50, 2),
        p99Ms: round(percentile(times, 99), 2),
        verdict: c.name === "programme page" ? ((p50 <= TARGET_PAGE_P50_MS ? "PASS" : "MISS") as Verdict) : undefined,
      };
    }),
  };
}

/** Each case in turn, round after round, so a noisy moment touches every page alike. */
async function runCases(cases: Case[], timed: boolean) {
  const samples = cases.map(() => ({ times: [] as number[], sizes: [] as number[] }));
  const rounds = Math.max(...cases.map((c) => c.iterations));
  for (let round = 0; round < rounds; round++)
    for (const [i, c] of cases.entries()) {
      if (round >= c.iterations) continue;
      const started = performance.now();
      const size = await c.run();
      if (timed) {
        samples[i]!.times.push(performance.now() - started);
        samples[i]!.sizes.push(size);
      }
    }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Over HTTP

type Endpoint = HttpEndpoint;

async function measureHttp(baseUrl: string, secretariat: Person, delegation: Person, ids: number[]) {
  const endpoints: Endpoint[] = [
    { name: "health (baseline)", path: () => "/api/v1/health" },
    // What any signed-in request costs before its route: the session's lookup in the database.
    { name: "session (signed in)", path: () => "/api/v1/session", cookie: secretariat.cookie },
    { name: "programme", path: () => `/api/v1/programmes/${pick(ids)}`, cookie: secretariat.cookie },
    { name: "programme results", path: () => `/api/v1/programmes/${pick(ids)}/results`, cookie: secretariat.cookie },
    {
      name: "menu search",
      path: () => `/api/v1/menu?organization=NATO&q=${encodeURIComponent(searchWords())}`,
      cookie: secretariat.cookie,
    },
    { name: "dashboard", path: () => "/api/v1/cooperation/dashboard", cookie: delegation.cookie },
  ];
  const { summaries, failures } = await measureEndpoints(baseUrl, endpoints, {
    connections: settings.httpConnections,
    seconds: settings.httpSeconds,
    rounds: settings.httpRounds,
  });
  const baseline = summaries[0]!.requestsPerSecond;
  const signedIn = summaries[1]!.requestsPerSecond;
  return {
    connections: settings.httpConnections,
    seconds: settings.httpSeconds,
    rounds: settings.httpRounds,
    endpoints: summaries.map((s, i) => ({
      ...s,
      ratio: i === 0 ? 1 : round(s.requestsPerSecond / baseline, 3),
      ratioSignedIn: i < 2 ? null : round(s.requestsPerSecond / signedIn, 3),
      verdict: i < 2 ? undefined : ((s.requestsPerSecond / baseline >= TARGET_RATIO ? "PASS" : "MISS") as Verdict),
    })),
    targetRatio: TARGET_RATIO,
    failures,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

type Report = {
  when: string;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  loadAverage1m: { atStart: number; atEnd: number };
  counts: Record<string, number>;
  loadSeconds: number;
  inProcess: Awaited<ReturnType<typeof measureInProcess>>;
  http: Awaited<ReturnType<typeof measureHttp>>;
};

function formatReport({ when, machine, loadAverage1m, counts, loadSeconds, inProcess, http }: Report): string {
  const n = (value: number) => value.toLocaleString("en");
  const ms = (value: number) => value.toFixed(2).padStart(8);
  return [
    "",
    `Concord cooperation programmes benchmark  ${when}`,
    `machine   ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
    `          1-minute load average ${loadAverage1m.atStart} at start, ${loadAverage1m.atEnd} at end`,
    `postgres  ${machine.postgres}`,
    "",
    `data      ${Object.entries(counts)
      .map(([what, count]) => `${n(count)} ${what}`)
      .join(", ")}; loaded in ${loadSeconds} s`,
    "",
    `In the server's process (services and database, no HTTP), target: programme page p50 <= ${inProcess.targetPageP50Ms} ms`,
    "  page                      calls  items avg   p50 ms   p99 ms",
    ...inProcess.pages.map(
      (p) =>
        `  ${p.page.padEnd(24)} ${String(p.calls).padStart(6)} ${p.itemsAvg.toFixed(1).padStart(10)} ${ms(p.p50Ms)} ${ms(p.p99Ms)}  ${p.verdict ?? ""}`,
    ),
    "",
    `HTTP: ${http.connections} connections, ${http.seconds} s per run, ${http.rounds} alternating rounds, medians; ratio to health, target >= ${http.targetRatio}`,
    "  endpoint                  req/s   p50 ms   p99 ms  /health /session  non-2xx  errors",
    ...http.endpoints.map(
      (e) =>
        `  ${e.endpoint.padEnd(22)} ${String(e.requestsPerSecond).padStart(8)} ${String(e.p50Ms).padStart(8)} ${String(e.p99Ms).padStart(8)} ${e.ratio.toFixed(3).padStart(8)} ${(e.ratioSignedIn === null ? "" : e.ratioSignedIn.toFixed(3)).padStart(8)} ${String(e.non2xx).padStart(8)} ${String(e.errors).padStart(7)}  ${e.verdict ?? ""}`,
    ),
  ].join("\n");
}

run(main);
