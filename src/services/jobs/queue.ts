/**
 * A job queue in PostgreSQL (migration 0007). A job is claimed with FOR UPDATE SKIP LOCKED and
 * deleted in the same transaction as the work it does, so however many instances run workers on
 * one database, each job's effect commits exactly once; a crash mid-job rolls the claim back and
 * the job runs again. Workers sleep until the earliest job is due, and wake at once when any
 * instance adds one (NOTIFY concord_jobs), so a deadline is acted on within milliseconds.
 */
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client.ts";
import { Listener } from "../../db/listener.ts";

export const JOBS_CHANNEL = "concord_jobs";

type Executor = Pick<Database, "execute">;

export type JobToSchedule = {
  kind: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** One job per purpose: scheduling the same key again moves that job instead of adding one. */
  uniqueKey?: string;
};

export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; runAt: Date; attempts: number };

/** Does a job's work inside the transaction that deletes the job. */
export type JobHandler = (tx: Transaction, job: ClaimedJob) => Promise<void>;

export async function scheduleJob(tx: Executor, job: JobToSchedule): Promise<void> {
  const payload = JSON.stringify(job.payload ?? {});
  await tx.execute(sql`
    INSERT INTO jobs (kind, payload, run_at, unique_key)
    VALUES (${job.kind}, ${payload}::jsonb, ${job.runAt.toISOString()}::timestamptz, ${job.uniqueKey ?? null})
    ON CONFLICT (unique_key) DO UPDATE
      SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload, attempts = 0, last_error = NULL, failed_at = NULL`);
}

/**
 * Removes jobs whose unique key starts with `prefix` (e.g. every reminder of a closed proposal).
 * A job a worker is running right now is skipped, not waited for: that worker may be waiting for
 * a lock our caller holds, and it will find nothing left to do.
 */
export async function cancelJobs(tx: Executor, prefix: string): Promise<void> {
  await tx.execute(sql`
    DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs WHERE unique_key LIKE ${prefix.replace(/[\\%_]/g, "\\$&") + "%"} FOR UPDATE SKIP LOCKED)`);
}

export type WorkerOptions = {
  db: Database;
  databaseUrl: string;
  handlers: Record<string, JobHandler>;
  /** Names this instance in logs and in what its jobs record. */
  instance: string;
  log?: (line: string) => void;
  /** Jobs run side by side by this instance (a slow webhook must not hold up a deadline). */
  concurrency?: number;
  /** The longest sleep without looking, in case a notification was missed. */
  pollMs?: number;
  /** Attempts before a failing job is set aside. */
  maxAttempts?: number;
};

export class JobWorker {
  private stopped = false;
  private readonly sleepers = new Set<() => void>();
  private readonly listener: Listener;
  private loops: Promise<void>[] = [];
  private readonly options: Required<Omit<WorkerOptions, "log">> & { log: (line: string) => void };

  constructor(options: WorkerOptions) {
    this.options = { concurrency: 3, pollMs: 5_000, maxAttempts: 8, log: () => {}, ...options };
    this.listener = new Listener({
      databaseUrl: options.databaseUrl,
      channels: [JOBS_CHANNEL],
      onNotification: () => this.wake(),
      onListening: () => this.wake(),
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    for (let slot = 0; slot < this.options.concurrency; slot++) this.loops.push(this.loop());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
    await this.listener.stop();
  }

  /** Runs every job due now, in this process; returns how many ran (tests and the CLI use it). */
  async runDue(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran++;
    return ran;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.runOne()) continue;
        const wait = await this.msUntilNextJob();
        if (!this.stopped) await this.sleep(Math.min(wait ?? this.options.pollMs, this.options.pollMs));
      } catch (error) {
        if (this.stopped) return;
        this.options.log(`Jobs: ${(error as Error).message}; trying again in a second.`);
        await this.sleep(1_000);
      }
    }
  }

  /** Claims the most overdue job no other worker holds, and runs it; false when none is due. */
  private async runOne(): Promise<boolean> {
    const { db, handlers, maxAttempts } = this.options;
    return db.transaction(async (tx) => {
      const row = (
        await tx.execute(sql`
          SELECT id::int AS id, kind, payload, run_at AS "runAt", attempts FROM jobs
          WHERE failed_at IS NULL AND run_at <= clock_timestamp()
          ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`)
      ).rows[0] as (Omit<ClaimedJob, "runAt"> & { runAt: string | Date }) | undefined;
      if (!row) return false;
      const job: ClaimedJob = { ...row, runAt: new Date(row.runAt) };
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
        // A savepoint: a failing handler's writes are undone, the claim and its bookkeeping stay.
        await tx.transaction((savepoint) => handler(savepoint, job));
        await tx.execute(sql`DELETE FROM jobs WHERE id = ${job.id}`);
      } catch (error) {
        const attempts = job.attempts + 1;
        const message = (error as Error).message;
        this.options.log(`Jobs: ${job.kind} #${job.id} failed (attempt ${attempts}): ${message}`);
        // Backoff: 1 s, 2 s, 4 s, … capped at 10 minutes.
        const delaySeconds = Math.min(2 ** (attempts - 1), 600);
        await tx.execute(sql`
          UPDATE jobs SET attempts = ${attempts}, last_error = ${message.slice(0, 2000)},
                 run_at = clock_timestamp() + make_interval(secs => ${delaySeconds}),
                 failed_at = CASE WHEN ${attempts} >= ${maxAttempts} THEN clock_timestamp() END
          WHERE id = ${job.id}`);
      }
      return true;
    });
  }

  /** Until the earliest job nobody is running is due (one another worker holds is not waited on). */
  private async msUntilNextJob(): Promise<number | undefined> {
    const row = (
      await this.options.db.execute(sql`
        SELECT greatest(0, ceil(extract(epoch FROM run_at - clock_timestamp()) * 1000))::int AS wait
        FROM jobs WHERE failed_at IS NULL ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`)
    ).rows[0] as { wait: number } | undefined;
    return row?.wait;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wake(): void {
    for (const sleeper of [...this.sleepers]) sleeper();
  }
}
