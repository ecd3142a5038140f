/** What the benchmarks share: where they run, how they report their stages, small statistics. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
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
