/** What the benchmarks share: where they run, how they report their stages, small statistics. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type pg from "pg";

/** A fresh temporary folder PostgreSQL can enter (as root it runs as "postgres"; mkdtemp makes folders private). */
export async function makeTemporaryFolder(prefix: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(folder, 0o755);
  return folder;
}

/** The machine and database a report's numbers come from. */
export async function machineInfo(pool: pg.Pool) {
  const { rows } = await pool.query<{ version: string }>("SELECT version()");
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: rows[0]!.version,
  };
}

/** Runs one stage, saying on stderr what it is doing and how long it took. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  process.stderr.write(`${label} … `);
  const started = performance.now();
  const result = await work();
  process.stderr.write(`${round((performance.now() - started) / 1000, 1)} s\n`);
  return result;
}

/** `work`, run at most once however often it is called (a cleanup reached from several exits). */
export function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= work());
}

/** A knob from the environment: a positive number, or `fallback` when unset. */
export function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Runs a benchmark's main: its number is the exit code; an exception is printed and exits 1. */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Over HTTP

/** An endpoint measured by `measureEndpoints`; `path` is called afresh for every request sent. */
export type HttpEndpoint = { name: string; path: () => string; cookie?: string };

export type HttpSummary = {
  endpoint: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
};

type HttpRun = Omit<HttpSummary, "endpoint">;

/**
 * Each endpoint answered once (200, or the run stops saying what it answered), warmed up, then
 * measured `rounds` times, the endpoints taking turns so that the machine's load falls on all
 * alike; the medians of the rounds, and what failed.
 */
export async function measureEndpoints(
  baseUrl: string,
  endpoints: HttpEndpoint[],
  settings: { connections: number; seconds: number; rounds: number },
): Promise<{ summaries: HttpSummary[]; failures: string[] }> {
  for (const endpoint of endpoints) {
    const answer = await fetch(baseUrl + endpoint.path(), {
      headers: endpoint.cookie ? { Cookie: endpoint.cookie } : {},
    });
    if (answer.status !== 200)
      throw new Error(`${endpoint.name} answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  }
  await step("HTTP warm-up", async () => {
    for (const endpoint of endpoints) await cannon(baseUrl, endpoint, settings.connections, 1);
  });
  const runs = endpoints.map(() => [] as HttpRun[]);
  for (let turn = 1; turn <= settings.rounds; turn++)
    for (const [i, endpoint] of endpoints.entries())
      runs[i]?.push(
        await step(`HTTP round ${turn}/${settings.rounds}: ${endpoint.name}`, () =>
          cannon(baseUrl, endpoint, settings.connections, settings.seconds),
        ),
      );
  const summaries = endpoints.map((endpoint, i) => {
    const of = runs[i] ?? [];
    return {
      endpoint: endpoint.name,
      requestsPerSecond: round(median(of.map((r) => r.requestsPerSecond)), 0),
      p50Ms: median(of.map((r) => r.p50Ms)),
      p99Ms: median(of.map((r) => r.p99Ms)),
      non2xx: sum(of.map((r) => r.non2xx)),
      errors: sum(of.map((r) => r.errors)),
    };
  });
  const failures = summaries.flatMap((s) => [
    ...(s.errors > 0 ? [`${s.endpoint}: ${s.errors} request error(s)`] : []),
    ...(s.non2xx > 0 ? [`${s.endpoint}: ${s.non2xx} non-2xx response(s)`] : []),
  ]);
  return { summaries, failures };
}

/**
 * Ten requests, each to a path drawn afresh (another programme, state or search), sent round and
 * round by autocannon in this process: a worker thread could not take the paths' function.
 */
async function cannon(baseUrl: string, endpoint: HttpEndpoint, connections: number, seconds: number): Promise<HttpRun> {
  const headers = endpoint.cookie ? { cookie: endpoint.cookie } : undefined;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: Array.from({ length: 10 }, () => ({ method: "GET" as const, path: endpoint.path(), headers })),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
