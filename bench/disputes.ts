/**
 * `npm run bench:disputes`: the GML MID import and the questions users ask of disputes.
 *
 * One run, one process:
 *   1. starts Concord on a fresh temporary data folder (embedded PostgreSQL) with the starter data,
 *      which imports data/gml-mid/gml-mid-ddy-2.1.1.csv (10,330 dyad-year lines, 2,199 disputes);
 *   2. times the full import as `concord import gml-mid` runs it (DisputesService.importGmlMid,
 *      the CLI's principal): the MID disputes are deleted first (their parties and pair-years go
 *      with them) with the import's record, the tables vacuumed, then the file imported into empty
 *      tables in one transaction; the process's memory (the whole server's: resident set and V8
 *      heap) is sampled every 20 ms meanwhile. Then a re-run of the same file, which must change
 *      nothing. BENCH_IMPORTS times over, medians;
 *   3. after ANALYZE of the filled tables (as autovacuum would run it within a minute), times, in
 *      the server's process (services and database, no HTTP), a state's dispute list
 *      (states drawn at random among all the disputes' parties), a pair's summary and a pair's
 *      disputes with that summary (pairs drawn among all pairs with pair-years), a dispute's
 *      timeline (disputes drawn among all), and the bare repository queries under them;
 *   4. times the same answers over HTTP (/api/v1/disputes?state=…, ?pair=A,B, /api/v1/disputes/{id};
 *      public, no sign-in) against /api/v1/health on the same server, in alternating rounds, and
 *      prints each one's throughput as a ratio of health's;
 *   5. prints a report and writes it to bench/results/disputes-latest.json.
 *
 * Targets (issue 14): the import under 30 s; each query p50 <= 10 ms in the database. Over HTTP
 * no target: the ratios are reported. Only a broken run fails (exit 1): an import into empty
 * tables that does not add every dispute, a re-run that changes something, an HTTP error or
 * non-2xx answer, or an exception. Knobs: BENCH_IMPORTS (fresh imports, default 3), BENCH_ITERATIONS (timed calls per
 * query, default 500), BENCH_SECONDS (HTTP run length, default 5), BENCH_ROUNDS (default 2).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import type pg from "pg";
import { readEnv } from "../src/config/env.ts";
import * as repo from "../src/db/repositories/disputes.ts";
import type { GmlImportSummary } from "../src/services/disputes/gml-import.ts";
import { ANONYMOUS, CLI } from "../src/services/policies.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import {
  machineInfo,
  makeTemporaryFolder,
  median,
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

const TARGET_IMPORT_SECONDS = 30;
const TARGET_QUERY_P50_MS = 10;
const SAMPLE_EVERY_MS = 20;

const settings = {
  imports: positiveNumber("BENCH_IMPORTS", 3),
  iterations: positiveNumber("BENCH_ITERATIONS", 500),
  warmup: Math.min(50, positiveNumber("BENCH_ITERATIONS", 500)),
  httpSeconds: positiveNumber("BENCH_SECONDS", 5),
  httpRounds: positiveNumber("BENCH_ROUNDS", 2),
  httpConnections: 10,
};

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "disputes-latest.json");
// The starter data's copy (src/services/starter/disputes.ts, GML_MID_FILE; importing that module here
// would build its schemas before the API has taught zod its OpenAPI methods).
const GML_FILE = path.join(HERE, "..", "data", "gml-mid", "gml-mid-ddy-2.1.1.csv");

type Verdict = "PASS" | "MISS";
type Sample = { pairs: Array<[string, string]>; states: string[]; busiest: string; ids: string[] };

async function main(): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.error(
      "bench:disputes deletes the imported MID disputes to time their import: it runs on a fresh embedded database only. Unset DATABASE_URL.",
    );
    return 1;
  }
  const loadAverageAtStart = os.loadavg()[0] ?? 0;
  const dataDir = await makeTemporaryFolder("concord-bench-disputes-");
  let server: RunningServer | undefined;
  const cleanup = once(async () => {
    await server?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    server = await step("Starting Concord with the starter data set (the GML MID import included)", () =>
      startServer(readEnv({ CONCORD_DATA_DIR: dataDir, PORT: "0", CONCORD_LOG: "silent", CONCORD_JOBS: "off" })),
    );
    const machine = await machineInfo(server.runtime.pool);
    const text = await fs.readFile(GML_FILE, "utf8");
    const imports = await measureImports(server, text);
    // The planner's statistics of the filled tables, as autovacuum would gather them within a minute.
    await server.runtime.pool.query("ANALYZE disputes, dispute_parties, dispute_dyad_years");
    const sample = await sampleOf(server.runtime.pool);
    const inProcess = await measureInProcess(server, sample);
    const http = await measureHttp(server.url, sample);
    const loadAverage1m = { atStart: round(loadAverageAtStart, 2), atEnd: round(os.loadavg()[0] ?? 0, 2) };
    const report = { when: new Date().toISOString(), machine, loadAverage1m, settings, imports, inProcess, http };
    await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await fs.writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
    const failures = [...imports.failures, ...http.failures];
    if (failures.length > 0) {
      console.error(`\nFAILED: ${failures.join("; ")}`);
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// The import

/** The MID disputes gone (parties and pair-years cascade) with the import's record: as before a first import. */
async function forgetImport(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("DELETE FROM disputes WHERE mid_number IS NOT NULL");
    await client.query("DELETE FROM imports WHERE name = 'gml-mid'");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  // Dead rows out of the way, as in tables that never held the data.
  await pool.query("VACUUM disputes, dispute_parties, dispute_dyad_years, imports");
}

/**
 * The process's memory while `work` runs: the resident set sampled from a worker thread (so a
 * stretch of synchronous parsing on the main thread does not hide its peak), the V8 heap of the
 * main thread sampled on it (between the import's awaits), and the resident high-water mark the
 * kernel keeps; after a full garbage collection, so the start is what the server holds. The
 * whole process: the HTTP server's memory and the import's. PostgreSQL's processes are not in it.
 */
async function withMemorySampled<T>(work: () => Promise<T>) {
  collectGarbage();
  const sampler = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     let peak = process.memoryUsage.rss();
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, workerData.every);
     parentPort.once("message", () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });
     parentPort.postMessage("started");`,
    { eval: true, workerData: { every: SAMPLE_EVERY_MS } },
  );
  await new Promise((resolve) => sampler.once("message", resolve));
  const start = process.memoryUsage();
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const end = process.memoryUsage();
    peakRss = Math.max(peakRss, end.rss);
    peakHeap = Math.max(peakHeap, end.heapUsed);
    const sampledRss = await new Promise<number>((resolve) => {
      sampler.once("message", resolve);
      sampler.postMessage("stop");
    });
    const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
    return {
      result,
      seconds,
      memory: {
        rssStartMiB: mib(start.rss),
        rssPeakMiB: mib(Math.max(peakRss, sampledRss)),
        rssIncreaseMiB: mib(Math.max(peakRss, sampledRss) - start.rss),
        heapUsedStartMiB: mib(start.heapUsed),
        heapUsedPeakMiB: mib(peakHeap),
        heapUsedIncreaseMiB: mib(peakHeap - start.heapUsed),
        rssHighWaterBeforeMiB: mib(highWaterBefore),
        rssHighWaterAfterMiB: mib(process.resourceUsage().maxRSS * 1024),
      },
    };
  } finally {
    clearInterval(timer);
    await sampler.terminate();
  }
}

/** A full garbage collection, so each import starts from the same heap (not what earlier runs left). */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

const brief = (summary: GmlImportSummary) => ({
  rows: summary.rows,
  disputes: summary.disputes,
  added: summary.added,
  updated: summary.updated,
  unchanged: summary.unchanged,
  pairYears: summary.pairYears,
  parties: summary.parties,
  partiesWithoutRegistryState: summary.partiesWithoutRegistryState,
  refused: summary.refused.length,
  setAside: summary.setAside.length,
});

async function measureImports(server: RunningServer, text: string) {
  const { pool, services } = server.runtime;
  const lines = text.split("\n").filter((line, i) => i > 0 && line.trim() !== "").length;
  const runs: Array<{
    rawSeconds: number;
    seconds: number;
    rowsPerSecond: number;
    rerunSeconds: number;
    memory: Awaited<ReturnType<typeof withMemorySampled>>["memory"];
    first: ReturnType<typeof brief>;
    rerun: ReturnType<typeof brief>;
  }> = [];
  const failures: string[] = [];
  for (let i = 1; i <= settings.imports; i++) {
    await step(`Import ${i}/${settings.imports}: deleting the imported MID disputes`, () => forgetImport(pool));
    const first = await step(`Import ${i}/${settings.imports}: the full GML MID import`, () =>
      withMemorySampled(() => services.disputes.importGmlMid(CLI, text)),
    );
    const rerunStarted = performance.now();
    const rerun = await step(`Import ${i}/${settings.imports}: the re-run`, () =>
      services.disputes.importGmlMid(CLI, text),
    );
    const rerunSeconds = (performance.now() - rerunStarted) / 1000;
    if (first.result.added !== first.result.disputes)
      failures.push(`import ${i}: ${first.result.added} of ${first.result.disputes} disputes added into empty tables`);
    if (rerun.added + rerun.updated > 0)
      failures.push(`import ${i}: the re-run added ${rerun.added} and updated ${rerun.updated}`);
    runs.push({
      rawSeconds: first.seconds,
      seconds: round(first.seconds, 2),
      rowsPerSecond: Math.round(lines / first.seconds),
      rerunSeconds: round(rerunSeconds, 2),
      memory: first.memory,
      first: brief(first.result),
      rerun: brief(rerun),
    });
  }
  const seconds = median(runs.map((r) => r.rawSeconds));
  return {
    file: path.relative(process.cwd(), GML_FILE),
    lines,
    targetSeconds: TARGET_IMPORT_SECONDS,
    seconds: round(seconds, 2),
    worstSeconds: Math.max(...runs.map((r) => r.seconds)),
    rowsPerSecond: Math.round(lines / seconds),
    rerunSeconds: round(median(runs.map((r) => r.rerunSeconds)), 2),
    rssPeakMiB: Math.max(...runs.map((r) => r.memory.rssPeakMiB)),
    rssIncreaseMiB: Math.max(...runs.map((r) => r.memory.rssIncreaseMiB)),
    heapUsedPeakMiB: Math.max(...runs.map((r) => r.memory.heapUsedPeakMiB)),
    heapUsedIncreaseMiB: Math.max(...runs.map((r) => r.memory.heapUsedIncreaseMiB)),
    verdict: (seconds < TARGET_IMPORT_SECONDS ? "PASS" : "MISS") as Verdict,
    runs: runs.map(({ rawSeconds: _, ...r }) => r),
    failures,
  };
}

// ---------------------------------------------------------------------------------------------
// What the queries are asked about

async function sampleOf(pool: pg.Pool): Promise<Sample> {
  const states = await pool.query<{ party: string }>("SELECT DISTINCT party FROM dispute_parties ORDER BY party");
  const busiest = await pool.query<{ party: string }>(
    "SELECT party FROM dispute_parties GROUP BY party ORDER BY count(*) DESC, party LIMIT 1",
  );
  const pairs = await pool.query<{ one: string; two: string }>(
    "SELECT DISTINCT party_1 AS one, party_2 AS two FROM dispute_dyad_years ORDER BY 1, 2",
  );
  const ids = await pool.query<{ id: string }>("SELECT id FROM disputes ORDER BY id");
  return {
    states: states.rows.map((row) => row.party),
    busiest: busiest.rows[0]!.party,
    pairs: pairs.rows.map((row) => [row.one, row.two]),
    ids: ids.rows.map((row) => row.id),
  };
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;

// ---------------------------------------------------------------------------------------------
// In the server's process

type Case = { name: string; target: boolean; run: () => Promise<number> };

async function measureInProcess(server: RunningServer, sample: Sample) {
  const { db, pool, services } = server.runtime;
  const { disputes } = services;
  const page = { limit: 50, offset: 0 };
  const cases: Case[] = [
    {
      name: "state's disputes",
      target: true,
      run: async () => (await disputes.list(ANONYMOUS, { state: pick(sample.states) })).disputes.length,
    },
    {
      name: `busiest (${sample.busiest})`,
      target: false,
      run: async () => (await disputes.list(ANONYMOUS, { state: sample.busiest })).disputes.length,
    },
    {
      name: "pair's summary",
      target: true,
      run: async () => {
        const [one, two] = pick(sample.pairs);
        return (await disputes.pairSummary(ANONYMOUS, one, two)).disputes;
      },
    },
    {
      name: "pair's disputes+summary",
      target: true,
      run: async () => (await disputes.list(ANONYMOUS, { pair: pick(sample.pairs) })).disputes.length,
    },
    {
      name: "dispute timeline",
      target: true,
      run: async () => {
        const view = await disputes.get(ANONYMOUS, pick(sample.ids));
        return view.parties.length + view.dyadYears.length + view.incidents.length;
      },
    },
    {
      name: "repo listDisputes",
      target: false,
      run: async () => (await repo.listDisputes(db, { party: pick(sample.states), ...page })).rows.length,
    },
    {
      name: "repo pairSummary",
      target: false,
      run: async () => {
        const [one, two] = pick(sample.pairs);
        return (await repo.pairSummary(db, one, two)).disputes;
      },
    },
    {
      name: "repo dyadYearsOf",
      target: false,
      run: async () => (await repo.dyadYearsOf(db, [pick(sample.ids)])).length,
    },
    // The floor under every query: one round trip to the database through the pool.
    { name: "SELECT 1", target: false, run: async () => (await pool.query("SELECT 1")).rowCount ?? 0 },
  ];
  await step(`In-process warm-up (${settings.warmup} calls per query)`, () => runCases(cases, settings.warmup, false));
  const samples = await step(`In-process latency (${settings.iterations} calls per query)`, () =>
    runCases(cases, settings.iterations, true),
  );
  return {
    targetP50Ms: TARGET_QUERY_P50_MS,
    states: sample.states.length,
    pairs: sample.pairs.length,
    disputes: sample.ids.length,
    queries: cases.map((c, i) => {
      const { times, sizes } = samples[i]!;
      const p50 = percentile(times, 50);
      return {
        query: c.name,
        calls: times.length,
        itemsAvg: round(sum(sizes) / sizes.length, 1),
        p50Ms: round(p50, 2),
        p99Ms: round(percentile(times, 99), 2),
        meanMs: round(sum(times) / times.length, 2),
        verdict: c.target ? ((p50 <= TARGET_QUERY_P50_MS ? "PASS" : "MISS") as Verdict) : undefined,
      };
    }),
  };
}

/** Each case in turn, round after round, so a noisy moment touches every query alike. */
async function runCases(cases: Case[], rounds: number, timed: boolean) {
  const samples = cases.map(() => ({ times: [] as number[], sizes: [] as number[] }));
  for (let round = 0; round < rounds; round++)
    for (const [i, c] of cases.entries()) {
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

async function measureHttp(baseUrl: string, sample: Sample) {
  const endpoints: Endpoint[] = [
    { name: "health (baseline)", path: () => "/api/v1/health" },
    { name: "state's disputes", path: () => `/api/v1/disputes?state=${encodeURIComponent(pick(sample.states))}` },
    {
      name: "pair's disputes+summary",
      path: () => `/api/v1/disputes?pair=${encodeURIComponent(pick(sample.pairs).join(","))}`,
    },
    { name: "dispute timeline", path: () => `/api/v1/disputes/${pick(sample.ids)}` },
  ];
  const { summaries, failures } = await measureEndpoints(baseUrl, endpoints, {
    connections: settings.httpConnections,
    seconds: settings.httpSeconds,
    rounds: settings.httpRounds,
  });
  const baseline = summaries[0]!.requestsPerSecond;
  return {
    connections: settings.httpConnections,
    seconds: settings.httpSeconds,
    rounds: settings.httpRounds,
    endpoints: summaries.map((s) => ({ ...s, ratio: round(s.requestsPerSecond / baseline, 3) })),
    failures,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

type Report = {
  when: string;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  loadAverage1m: { atStart: number; atEnd: number };
  imports: Awaited<ReturnType<typeof measureImports>>;
  inProcess: Awaited<ReturnType<typeof measureInProcess>>;
  http: Awaited<ReturnType<typeof measureHttp>>;
};

function formatReport({ when, machine, loadAverage1m, imports, inProcess, http }: Report): string {
  const n = (value: number) => value.toLocaleString("en");
  const ms = (value: number) => value.toFixed(2).padStart(8);
  const first = imports.runs[0]!.first;
  return [
    "",
    `Concord disputes benchmark  ${when}`,
    `machine   ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
    `          1-minute load average ${loadAverage1m.atStart} at start, ${loadAverage1m.atEnd} at end`,
    `postgres  ${machine.postgres}`,
    "",
    `GML MID import, ${imports.file}: ${n(imports.lines)} lines, ${n(first.disputes)} disputes, ${n(first.parties)} parties ` +
      `(${n(first.partiesWithoutRegistryState)} by COW code), ${n(first.pairYears)} pair-years, ${first.refused} refused, ${first.setAside} set aside`,
    `  into empty tables, ${imports.runs.length} run(s), median; target < ${imports.targetSeconds} s`,
    "  run  seconds   rows/s  re-run s   RSS start → peak (+MiB)   heap start → peak (+MiB)",
    ...imports.runs.map(
      (r, i) =>
        `  ${String(i + 1).padStart(3)} ${r.seconds.toFixed(2).padStart(8)} ${String(r.rowsPerSecond).padStart(8)} ${r.rerunSeconds.toFixed(2).padStart(9)}   ${`${r.memory.rssStartMiB} → ${r.memory.rssPeakMiB} (+${r.memory.rssIncreaseMiB})`.padEnd(24)}  ${r.memory.heapUsedStartMiB} → ${r.memory.heapUsedPeakMiB} (+${r.memory.heapUsedIncreaseMiB})`,
    ),
    `  median ${imports.seconds} s, ${n(imports.rowsPerSecond)} rows/s (worst ${imports.worstSeconds} s); re-run ${imports.rerunSeconds} s, ` +
      `changes nothing; peak RSS ${imports.rssPeakMiB} MiB (whole process: server + import)  ${imports.verdict}`,
    "",
    `In the server's process (services and database, no HTTP), target: p50 <= ${inProcess.targetP50Ms} ms`,
    `  drawn among ${n(inProcess.states)} parties, ${n(inProcess.pairs)} pairs, ${n(inProcess.disputes)} disputes`,
    "  query                       calls  items avg   p50 ms   p99 ms  mean ms",
    ...inProcess.queries.map(
      (q) =>
        `  ${q.query.padEnd(26)} ${String(q.calls).padStart(6)} ${q.itemsAvg.toFixed(1).padStart(10)} ${ms(q.p50Ms)} ${ms(q.p99Ms)} ${ms(q.meanMs)}  ${q.verdict ?? ""}`,
    ),
    "",
    `HTTP: ${http.connections} connections, ${http.seconds} s per run, ${http.rounds} alternating rounds, medians; ratio to health (no target)`,
    "  endpoint                     req/s   p50 ms   p99 ms  /health  non-2xx  errors",
    ...http.endpoints.map(
      (e) =>
        `  ${e.endpoint.padEnd(25)} ${String(e.requestsPerSecond).padStart(8)} ${String(e.p50Ms).padStart(8)} ${String(e.p99Ms).padStart(8)} ${e.ratio.toFixed(3).padStart(8)} ${String(e.non2xx).padStart(8)} ${String(e.errors).padStart(7)}`,
    ),
  ].join("\n");
}

run(main);
