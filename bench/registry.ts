/**
 * `npm run bench:registry`: how the registry's hot query, "who stood in what relation to this
 * organisation on this date", holds up at one million relation intervals.
 *
 * One run, one process:
 *   1. starts Concord on a fresh temporary data folder (or on DATABASE_URL, if set), with the
 *      real starter data set;
 *   2. loads 1,000,000 synthetic intervals beside it with a few INSERT … SELECT statements;
 *   3. times the as-of query from the database's side: the repository call the API makes, and
 *      the bare predicate it rests on, for NATO and for the synthetic organisations;
 *   4. times the members endpoint over HTTP against a trivial endpoint on the same server;
 *   5. prints a report and writes it to bench/results/registry-latest.json;
 *   6. stops the server and removes the temporary folder (or the synthetic rows), whatever happens.
 *
 * Targets are printed as PASS/MISS verdicts. Only a broken run fails the process (exit 1): an
 * HTTP request that errored or answered other than 2xx, or an exception.
 *
 * Knobs: BENCH_SECONDS (HTTP run length, default 10), BENCH_ROUNDS (alternating HTTP rounds,
 * default 3), BENCH_ITERATIONS (timed DB queries per query type, default 2000).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type pg from "pg";
import { readEnv } from "../src/config/env.ts";
import { RegistryRepository } from "../src/db/repositories/registry.ts";
import { startServer, type RunningServer } from "../src/server.ts";
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
} from "./support.ts";

// ---------------------------------------------------------------------------------------------
// Settings

const TARGET_P50_MS = 5;
const TARGET_RATIO = 0.3;

const settings = {
  httpSeconds: positiveNumber("BENCH_SECONDS", 10),
  httpRounds: positiveNumber("BENCH_ROUNDS", 3),
  httpConnections: 10,
  dbIterations: positiveNumber("BENCH_ITERATIONS", 2000),
  dbWarmup: 200,
};

/**
 * The synthetic data set. Each organisation has its own 2,500 states, each with one history of
 * four consecutive stints in one kind of relation: 100 × 2,500 × 4 = 1,000,000 intervals, about
 * 10,000 per organisation. Stints last 7–15 years, as memberships do, so on a date inside the
 * period some 1,000–1,500 of an organisation's intervals hold at once: far more rows per answer
 * than any real organisation has. The report gives the row counts so times can be read with them.
 */
const synthetic = {
  organizations: 100,
  states: 10_000,
  subjectsPerOrganization: 2_500,
  stintsPerHistory: 4,
  /** Histories start between 1945-01-01 and 20 years later. */
  firstDay: "1945-01-01",
  startSpreadDays: 20 * 365,
  /** Each stint lives in its own 15-year slot, so stints of one history never overlap. */
  slotDays: 5479,
  /** Stored on every synthetic row: what cleanup on an external database deletes, and nothing else. */
  marker: "concord-bench synthetic row",
};
const SYNTHETIC_INTERVALS = synthetic.organizations * synthetic.subjectsPerOrganization * synthetic.stintsPerHistory;

/** Query dates are drawn from this period, where both NATO and the synthetic data hold rows. */
const QUERY_PERIOD = { from: "1950-01-01", to: "2025-12-31" };

const HTTP_TARGET_PATH = "/api/v1/organizations/NATO/members?at=2004-03-29";
const HTTP_BASELINE_PATH = "/api/v1/health";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "registry-latest.json");

// ---------------------------------------------------------------------------------------------
// Main

type Verdict = "PASS" | "MISS";

async function main(): Promise<number> {
  const loadAverageAtStart = os.loadavg()[0]!;
  const external = Boolean(process.env.DATABASE_URL);
  // Only the embedded database needs a folder; an external one gets its synthetic rows deleted instead.
  const dataDir = external ? undefined : await makeTemporaryFolder("concord-bench-");
  let server: RunningServer | undefined;

  const cleanup = once(async () => {
    if (server) {
      // The load's INSERTs run for a minute or more; stopping waits for them unless they are cancelled.
      await cancelLoadQueries(server.runtime.pool);
      if (external) await step("Deleting the synthetic rows", () => deleteSyntheticRows(server!.runtime.pool));
      await server.stop();
    }
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });
  // Ctrl-C must not leave an embedded PostgreSQL running or synthetic rows behind.
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  try {
    server = await step("Starting Concord with the starter data set", () =>
      startServer(
        readEnv({
          CONCORD_DATA_DIR: dataDir ?? path.join(os.tmpdir(), "concord-bench-unused"),
          DATABASE_URL: process.env.DATABASE_URL,
          PORT: "0",
          CONCORD_LOG: "silent",
        }),
      ),
    );
    const pool = server.runtime.pool;

    const machine = await machineInfo(pool);
    const load = await loadSyntheticData(pool, external);
    const db = await measureDatabase(server);
    const http = await measureHttp(server.url);
    // Other work on the machine skews every number here: keep a trace of how busy it was.
    const loadAverage1m = { atStart: round(loadAverageAtStart, 2), atEnd: round(os.loadavg()[0]!, 2) };

    const database = external ? "external (DATABASE_URL)" : "embedded, fresh temporary folder";
    const report = { when: new Date().toISOString(), machine, loadAverage1m, database, settings, load, db, http };
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
// Loading the synthetic data

async function loadSyntheticData(pool: pg.Pool, external: boolean) {
  if (external) await deleteSyntheticRows(pool); // what a killed earlier run may have left
  await assertCodesAreFree(pool);

  const started = performance.now();
  await step(
    `Adding ${synthetic.organizations} organisations and ${synthetic.states.toLocaleString("en")} states`,
    () => insertActors(pool),
  );
  const actorsDone = performance.now();
  await step(`Adding ${SYNTHETIC_INTERVALS.toLocaleString("en")} relation intervals`, () => insertRelations(pool));
  const relationsDone = performance.now();
  await step("ANALYZE", () => pool.query("ANALYZE actors; ANALYZE relations"));
  const analyzed = performance.now();

  const { rows } = await pool.query<{ total: number; nato: number; open: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE object_code = 'NATO')::int AS nato,
            count(*) FILTER (WHERE note = $1 AND upper_inf(valid))::int AS open
     FROM relations`,
    [synthetic.marker],
  );
  const counts = rows[0]!;
  return {
    syntheticIntervals: SYNTHETIC_INTERVALS,
    syntheticOpenEnded: counts.open,
    relationsInTable: counts.total,
    natoRelations: counts.nato,
    actorsSeconds: seconds(actorsDone - started),
    relationsSeconds: seconds(relationsDone - actorsDone),
    analyzeSeconds: seconds(analyzed - relationsDone),
    totalSeconds: seconds(analyzed - started),
  };
}

/** A synthetic code that is already a real actor would mix the benchmark into real data. */
async function assertCodesAreFree(pool: pg.Pool) {
  const { rows } = await pool.query<{ code: string }>(
    `SELECT code FROM actors WHERE code = ANY($1) OR code = ANY($2) LIMIT 5`,
    [organizationCodes(), stateCodes()],
  );
  if (rows.length > 0) {
    throw new Error(
      `The database already has actors with synthetic codes (${rows.map((row) => row.code).join(", ")}): refusing to add more.`,
    );
  }
}

function organizationCodes(): string[] {
  return Array.from({ length: synthetic.organizations }, (_, i) => `SYN${i}`);
}

function stateCodes(): string[] {
  return Array.from({ length: synthetic.states }, (_, i) => stateCode(i + 1));
}

/** S00001 … S10000: a letter first, as the actors.code CHECK wants. */
function stateCode(n: number): string {
  return `S${String(n).padStart(5, "0")}`;
}

async function insertActors(pool: pg.Pool) {
  const names = (label: string) =>
    `'${label} ' || i, '${label} (es) ' || i, '${label} (pt) ' || i, '${label} (fr) ' || i`;
  await pool.query(
    `INSERT INTO actors (code, type, name_en, name_es, name_pt, name_fr, note)
     SELECT 'SYN' || i, 'organization', ${names("Synthetic organisation")}, $1
     FROM generate_series(0, $2::int - 1) i`,
    [synthetic.marker, synthetic.organizations],
  );
  // No ISO or COW codes: those columns are UNIQUE and the real states hold them.
  await pool.query(
    `INSERT INTO actors (code, type, name_en, name_es, name_pt, name_fr, note)
     SELECT 'S' || lpad(i::text, 5, '0'), 'state', ${names("Synthetic state")}, $1
     FROM generate_series(1, $2::int) i`,
    [synthetic.marker, synthetic.states],
  );
}

/**
 * One INSERT … SELECT per group of organisations, the groups running side by side, one per CPU.
 * Nearly all the time goes into maintaining the two GiST indexes (the exclusion constraint's and
 * the as-of index), some 60–80 µs of CPU per row each; a plain heap insert is ~5 µs. That work is
 * CPU-bound, so more sessions than CPUs would not help.
 */
async function insertRelations(pool: pg.Pool) {
  const sessions = Math.max(1, Math.min(os.cpus().length, 4));
  const perSession = Math.ceil(synthetic.organizations / sessions);
  const groups = Array.from({ length: sessions }, (_, s) => ({
    first: s * perSession,
    last: Math.min(synthetic.organizations, (s + 1) * perSession) - 1,
  })).filter((group) => group.first <= group.last);
  await Promise.all(groups.map((group, s) => insertRelationGroup(pool, group.first, group.last, s)));
}

/**
 * Organisation SYNo gets states S(4j + o + 1), j < 2,500: 2,500 distinct states of the 10,000.
 * Each (state, organisation) pair has one kind (mostly member) and four stints; stint k starts in
 * the first third of its 15-year slot and ends in the second half, so consecutive stints leave a
 * gap and never overlap (the exclusion constraint holds). Half of the last stints are still open.
 * Seeded, so every run loads the same data.
 */
async function insertRelationGroup(
  pool: pg.Pool,
  firstOrganization: number,
  lastOrganization: number,
  seedIndex: number,
) {
  const client = await pool.connect();
  const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  loadBackends.add(backend);
  try {
    await client.query("SELECT setseed($1)", [(seedIndex + 1) / 100]);
    await client.query(
      `WITH histories AS MATERIALIZED (
         SELECT 'SYN' || o AS object_code,
                'S' || lpad(((j * $4::int + o) % $5::int + 1)::text, 5, '0') AS subject_code,
                (CASE WHEN j % 10 < 7 THEN 'member' WHEN j % 10 = 7 THEN 'observer'
                      WHEN j % 10 = 8 THEN 'associate' ELSE 'applicant' END)::relation_kind AS kind,
                $6::date + (random() * $7::int)::int AS first_day,
                random() < 0.5 AS still_open
         FROM generate_series($1::int, $2::int) o, generate_series(0, $3::int - 1) j
       )
       INSERT INTO relations (subject_code, object_code, kind, valid, since_precision, until_precision, note)
       SELECT h.subject_code, h.object_code, h.kind,
              daterange(stint.since, CASE WHEN stint.open THEN NULL ELSE stint.until END),
              'day',
              CASE WHEN stint.open THEN NULL ELSE 'day'::date_precision END,
              $10
       FROM histories h
       CROSS JOIN generate_series(0, $8::int - 1) k
       CROSS JOIN LATERAL (
         SELECT h.first_day + k * $9::int + (random() * ($9::int / 3))::int AS since,
                h.first_day + k * $9::int + $9::int / 2 + (random() * ($9::int / 2 - 1))::int AS until,
                k = $8::int - 1 AND h.still_open AS open
       ) stint`,
      [
        firstOrganization,
        lastOrganization,
        synthetic.subjectsPerOrganization,
        synthetic.states / synthetic.subjectsPerOrganization,
        synthetic.states,
        synthetic.firstDay,
        synthetic.startSpreadDays,
        synthetic.stintsPerHistory,
        synthetic.slotDays,
        synthetic.marker,
      ],
    );
  } finally {
    loadBackends.delete(backend);
    client.release();
  }
}

/** The sessions running a load INSERT right now, by PostgreSQL backend pid. */
const loadBackends = new Set<number>();

async function cancelLoadQueries(pool: pg.Pool) {
  if (loadBackends.size === 0) return;
  await pool.query("SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) pid", [[...loadBackends]]);
}

/** Only rows carrying the marker: an external database keeps everything else. */
async function deleteSyntheticRows(pool: pg.Pool) {
  await pool.query("DELETE FROM relations WHERE note = $1", [synthetic.marker]);
  await pool.query("DELETE FROM actors WHERE note = $1", [synthetic.marker]);
}

// ---------------------------------------------------------------------------------------------
// Database latency

/** Exactly the predicate the repository's as-of query filters on, without joins or JSON. */
const CORE_QUERY = "SELECT id, subject_code, kind, valid FROM relations WHERE object_code = $1 AND valid @> $2::date";

type QueryCase = {
  name: string;
  organization: () => string;
  run: (organization: string, at: string) => Promise<number>;
};

async function measureDatabase(server: RunningServer) {
  const repository = new RegistryRepository(server.runtime.db);
  const pool = server.runtime.pool;
  const nato = () => "NATO";
  const syntheticOrganization = () => `SYN${Math.floor(Math.random() * synthetic.organizations)}`;
  const viaRepository = async (code: string, at: string) => (await repository.relationsTowards(code, at, {})).length;
  const viaCore = async (code: string, at: string) => (await pool.query(CORE_QUERY, [code, at])).rowCount ?? 0;

  const cases: QueryCase[] = [
    { name: "repository  NATO", organization: nato, run: viaRepository },
    { name: "repository  synthetic", organization: syntheticOrganization, run: viaRepository },
    { name: "core        NATO", organization: nato, run: viaCore },
    { name: "core        synthetic", organization: syntheticOrganization, run: viaCore },
  ];

  await step(`DB warm-up (${settings.dbWarmup} queries per type)`, () => runCases(cases, settings.dbWarmup));
  const samples = await step(`DB latency (${settings.dbIterations} queries per type)`, () =>
    runCases(cases, settings.dbIterations),
  );
  const queries = cases.map((queryCase, i) => {
    const { times, rows } = samples[i]!;
    const p50 = percentile(times, 50);
    return {
      query: queryCase.name,
      iterations: times.length,
      rowsAvg: round(mean(rows), 1),
      p50Ms: round(p50, 2),
      p99Ms: round(percentile(times, 99), 2),
      meanMs: round(mean(times), 2),
      verdict: (p50 <= TARGET_P50_MS ? "PASS" : "MISS") as Verdict,
    };
  });
  const plan = await explainCore(pool, "SYN42", "1990-06-15");
  return { targetP50Ms: TARGET_P50_MS, queryPeriod: QUERY_PERIOD, queries, corePlan: plan };
}

/**
 * Runs every case once per round, interleaved, so a noisy moment on the machine touches every
 * query type alike instead of ruining one of them.
 */
async function runCases(cases: QueryCase[], rounds: number) {
  const samples = cases.map(() => ({ times: [] as number[], rows: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, queryCase] of cases.entries()) {
      const organization = queryCase.organization();
      const at = randomDate();
      const started = performance.now();
      const rowCount = await queryCase.run(organization, at);
      samples[i]!.times.push(performance.now() - started);
      samples[i]!.rows.push(rowCount);
    }
  }
  return samples;
}

function randomDate(): string {
  const from = Date.parse(QUERY_PERIOD.from);
  const days = (Date.parse(QUERY_PERIOD.to) - from) / 86_400_000;
  return new Date(from + Math.floor(Math.random() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}

/** The plan's gist, so a report shows at a glance whether the as-of index is used and how hard it works. */
async function explainCore(pool: pg.Pool, organization: string, at: string) {
  const { rows } = await pool.query<{ "QUERY PLAN": unknown }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CORE_QUERY}`,
    [organization, at],
  );
  const [explained] = rows[0]!["QUERY PLAN"] as Array<{ Plan: PlanNode; "Execution Time": number }>;
  const nodes: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node["Index Name"] ? `${node["Node Type"]} using ${node["Index Name"]}` : node["Node Type"]);
    node.Plans?.forEach(walk);
  };
  walk(explained!.Plan);
  return {
    organization,
    at,
    nodes: nodes.join(" > "),
    rows: explained!.Plan["Actual Rows"],
    sharedBuffersHit: explained!.Plan["Shared Hit Blocks"] ?? 0,
    sharedBuffersRead: explained!.Plan["Shared Read Blocks"] ?? 0,
    executionMs: round(explained!["Execution Time"], 2),
  };
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

// ---------------------------------------------------------------------------------------------
// HTTP throughput

type HttpRun = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

async function measureHttp(baseUrl: string) {
  const target = `${baseUrl}${HTTP_TARGET_PATH}`;
  const baseline = `${baseUrl}${HTTP_BASELINE_PATH}`;
  const members = await checkEndpoints(target, baseline);

  // A short unmeasured run of each first: JIT, connection pools and caches warm.
  await step("HTTP warm-up", async () => {
    await cannon(baseline, 2);
    await cannon(target, 2);
  });

  // Alternating, so drift on a noisy machine hits both sides; medians smooth out what is left.
  const baselineRuns: HttpRun[] = [];
  const targetRuns: HttpRun[] = [];
  for (let round = 1; round <= settings.httpRounds; round++) {
    baselineRuns.push(
      await step(`HTTP round ${round}/${settings.httpRounds}: health`, () => cannon(baseline, settings.httpSeconds)),
    );
    targetRuns.push(
      await step(`HTTP round ${round}/${settings.httpRounds}: NATO members`, () =>
        cannon(target, settings.httpSeconds),
      ),
    );
  }

  const summary = (endpoint: string, runs: HttpRun[]) => ({
    endpoint,
    requestsPerSecond: round(median(runs.map((run) => run.requestsPerSecond)), 0),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    non2xx: sum(runs.map((run) => run.non2xx)),
    errors: sum(runs.map((run) => run.errors)),
    timeouts: sum(runs.map((run) => run.timeouts)),
    runs: runs.map((run) => round(run.requestsPerSecond, 0)),
  });
  const baselineSummary = summary(HTTP_BASELINE_PATH, baselineRuns);
  const targetSummary = summary(HTTP_TARGET_PATH, targetRuns);
  const ratio = targetSummary.requestsPerSecond / baselineSummary.requestsPerSecond;

  const failures = [baselineSummary, targetSummary].flatMap((s) => [
    ...(s.errors > 0 ? [`${s.endpoint}: ${s.errors} request error(s) (${s.timeouts} timeouts)`] : []),
    ...(s.non2xx > 0 ? [`${s.endpoint}: ${s.non2xx} non-2xx response(s)`] : []),
  ]);

  return {
    connections: settings.httpConnections,
    seconds: settings.httpSeconds,
    rounds: settings.httpRounds,
    natoMembersInResponse: members,
    baseline: baselineSummary,
    target: targetSummary,
    ratio: round(ratio, 3),
    targetRatio: TARGET_RATIO,
    verdict: (ratio >= TARGET_RATIO ? "PASS" : "MISS") as Verdict,
    failures,
  };
}

/** Both endpoints must answer as expected before their speed means anything. */
async function checkEndpoints(target: string, baseline: string): Promise<number> {
  const health = await fetch(baseline);
  const healthBody = await health.json();
  if (health.status !== 200 || (healthBody as { status?: string }).status !== "ok") {
    throw new Error(`${HTTP_BASELINE_PATH} answered ${health.status} ${JSON.stringify(healthBody)}`);
  }
  const response = await fetch(target);
  const body = (await response.json()) as { members?: unknown[] };
  if (response.status !== 200 || !Array.isArray(body.members) || body.members.length === 0) {
    throw new Error(
      `${HTTP_TARGET_PATH} answered ${response.status} without members: ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
  return body.members.length;
}

/**
 * The load generator runs in a worker thread: on the server's own event loop it would steal the
 * time it is measuring.
 */
async function cannon(url: string, durationSeconds: number): Promise<HttpRun> {
  const result = await autocannon({
    url,
    connections: settings.httpConnections,
    duration: durationSeconds,
    workers: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

type Report = {
  when: string;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  loadAverage1m: { atStart: number; atEnd: number };
  database: string;
  load: Awaited<ReturnType<typeof loadSyntheticData>>;
  db: Awaited<ReturnType<typeof measureDatabase>>;
  http: Awaited<ReturnType<typeof measureHttp>>;
};

function formatReport({ when, machine, loadAverage1m, database, load, db, http }: Report): string {
  const n = (value: number) => value.toLocaleString("en");
  const ms = (value: number) => value.toFixed(2).padStart(8);
  const lines = [
    "",
    `Concord registry benchmark  ${when}`,
    `machine   ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
    `          1-minute load average ${loadAverage1m.atStart} at start, ${loadAverage1m.atEnd} at end`,
    `postgres  ${machine.postgres}`,
    `database  ${database}`,
    "",
    `load      ${n(load.syntheticIntervals)} synthetic intervals (${n(load.syntheticOpenEnded)} open-ended) beside the starter set; ${n(load.relationsInTable)} relations in all, ${n(load.natoRelations)} towards NATO`,
    `          ${load.totalSeconds} s = actors ${load.actorsSeconds} s + relations ${load.relationsSeconds} s + ANALYZE ${load.analyzeSeconds} s`,
    "",
    `DB latency: as-of members query, random dates ${db.queryPeriod.from}..${db.queryPeriod.to}, ${settings.dbIterations} timed after ${settings.dbWarmup} warm-up, target p50 <= ${db.targetP50Ms} ms`,
    `  query                    rows avg   p50 ms   p99 ms  mean ms`,
    ...db.queries.map(
      (q) =>
        `  ${q.query.padEnd(22)} ${q.rowsAvg.toFixed(1).padStart(10)} ${ms(q.p50Ms)} ${ms(q.p99Ms)} ${ms(q.meanMs)}  ${q.verdict}`,
    ),
    `  core plan (${db.corePlan.organization} on ${db.corePlan.at}): ${db.corePlan.nodes}, ${n(db.corePlan.rows)} rows, ` +
      `${n(db.corePlan.sharedBuffersHit)} buffers hit / ${n(db.corePlan.sharedBuffersRead)} read, ${db.corePlan.executionMs} ms`,
    "",
    `HTTP: ${http.connections} connections, ${http.seconds} s per run, ${http.rounds} alternating rounds, medians (autocannon latency resolution: 1 ms)`,
    `  endpoint                                             req/s   p50 ms   p99 ms  non-2xx  errors  runs (req/s)`,
    ...[http.baseline, http.target].map(
      (s) =>
        `  ${s.endpoint.padEnd(48)} ${String(s.requestsPerSecond).padStart(9)} ${String(s.p50Ms).padStart(8)} ${String(s.p99Ms).padStart(8)} ${String(s.non2xx).padStart(8)} ${String(s.errors).padStart(7)}  ${s.runs.join(", ")}`,
    ),
    `  NATO members in the response: ${http.natoMembersInResponse}`,
    `  ratio members/health = ${http.ratio.toFixed(3)}, target >= ${http.targetRatio}  ${http.verdict}`,
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const mean = (values: number[]) => sum(values) / values.length;
const seconds = (milliseconds: number) => round(milliseconds / 1000, 1);

run(main);
