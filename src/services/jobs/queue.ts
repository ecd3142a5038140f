/**
 * A job queue in PostgreSQL (migrations 0007, 0009). A job is claimed by deleting it (chosen with
 * FOR UPDATE SKIP LOCKED) in the same transaction as the work it does, so however many instances
 * run workers on one database, each job's effect commits exactly once; a crash mid-job rolls the
 * claim back and the job runs again; a failing job is put back, later. Workers sleep until the
 * earliest job is due, and wake at once when any instance adds one (NOTIFY concord_jobs), so a
 * deadline is acted on within milliseconds.
 */
import type { Database, Transaction } from "../../db/client.ts";
import {
  deleteDueJobs,
  deleteUnlockedJobsOfSubjects,
  reinsertJob,
  type JobRow,
  upsertJob,
} from "../../db/repositories/jobs.ts";
import { WorkLoop, type Look } from "./work-loop.ts";

export const JOBS_CHANNEL = "concord_jobs";

type Executor = Pick<Database, "execute">;

export type JobToSchedule = {
  kind: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** One job per purpose: scheduling the same key again moves that job instead of adding one. */
  uniqueKey?: string;
  /** What the job is about (e.g. `proposal:17`): cancelJobs removes a subject's jobs. */
  subject?: string;
};

export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; runAt: Date; attempts: number };

/** Does a job's work inside the transaction that deletes the job. */
export type JobHandler = (tx: Transaction, job: ClaimedJob) => Promise<void>;

/**
 * Does the work of several due jobs of one kind in one transaction (deadlines falling in the
 * same second): one claim, one commit and one audit append for all of them, which is what lets
 * two cores keep up with thousands of deadlines a minute. `batch` must do exactly what the jobs
 * would do each on its own; if it fails, each job is run again alone, so one bad job fails alone.
 */
export type BatchJobHandler = { batch: (tx: Transaction, jobs: ClaimedJob[]) => Promise<void>; maxJobs: number };

export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

export async function scheduleJob(tx: Executor, job: JobToSchedule): Promise<void> {
  await upsertJob(tx, {
    kind: job.kind,
    payload: job.payload ?? {},
    runAt: job.runAt,
    uniqueKey: job.uniqueKey ?? null,
    subject: job.subject ?? null,
  });
}

/**
 * Removes the jobs of these subjects (e.g. every reminder of the proposals just closed). A job a
 * worker is running right now is skipped, not waited for: that worker may be waiting for a lock
 * our caller holds, and it will find nothing left to do.
 */
export async function cancelJobs(tx: Executor, subjects: readonly string[]): Promise<void> {
  if (subjects.length === 0) return;
  await deleteUnlockedJobsOfSubjects(tx, subjects);
}

export type WorkerOptions = {
  db: Database;
  databaseUrl: string;
  handlers: JobHandlers;
  /** Names this instance in logs and in what its jobs record. */
  instance: string;
  log?: (line: string) => void;
  /** Jobs run side by side by this instance. */
  concurrency?: number;
  /** The longest sleep without looking, in case a notification was missed. */
  pollMs?: number;
  /** Attempts before a failing job is set aside. */
  maxAttempts?: number;
};

export class JobWorker {
  private readonly slots: WorkLoop;
  private readonly options: Required<Omit<WorkerOptions, "log">> & { log: (line: string) => void };

  constructor(options: WorkerOptions) {
    this.options = { concurrency: 3, pollMs: 5_000, maxAttempts: 8, log: () => {}, ...options };
    this.slots = new WorkLoop({
      databaseUrl: options.databaseUrl,
      channel: JOBS_CHANNEL,
      concurrency: this.options.concurrency,
      pollMs: this.options.pollMs,
      look: () => this.runOne(),
      name: "Jobs",
      log: this.options.log,
    });
  }

  start(): Promise<void> {
    return this.slots.start();
  }

  stop(): Promise<void> {
    return this.slots.stop();
  }

  /** Runs every job due now, in this process; returns how many transactions that took (tests and the CLI use it). */
  async runDue(): Promise<number> {
    let ran = 0;
    while ((await this.runOne()).ran) ran++;
    return ran;
  }

  /**
   * Claims the most overdue job no other worker holds and runs it, with the other due jobs of its
   * kind if its handler takes batches. When none is due, says when the next one is.
   */
  private async runOne(): Promise<Look> {
    const { db, handlers } = this.options;
    return db.transaction(async (tx): Promise<Look> => {
      const claimed = await claim(tx, 1);
      const first = claimed.jobs[0];
      if (!first) return { ran: false, nextInMs: claimed.nextInMs ?? undefined };
      const handler = handlers[first.kind];
      if (handler === undefined || typeof handler === "function") {
        await this.runAlone(tx, first, handler);
        return { ran: true, more: true };
      }
      const jobs = handler.maxJobs > 1 ? [first, ...(await claim(tx, handler.maxJobs - 1, first.kind)).jobs] : [first];
      try {
        await tx.transaction((savepoint) => handler.batch(savepoint, jobs));
      } catch (error) {
        if (jobs.length === 1) {
          await this.putBack(tx, first, error);
        } else {
          // Which one failed? Each alone: the others' work is done, the failing one's put back.
          for (const job of jobs) await this.runAlone(tx, job, (jobTx, alone) => handler.batch(jobTx, [alone]));
        }
      }
      // A full batch: more of its kind may be due.
      return { ran: true, more: jobs.length === handler.maxJobs };
    });
  }

  private async runAlone(tx: Transaction, job: StoredJob, handler: JobHandler | undefined): Promise<void> {
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      // A savepoint: a failing handler's writes are undone, the claim stays, and the job is put back.
      await tx.transaction((savepoint) => handler(savepoint, job));
    } catch (error) {
      await this.putBack(tx, job, error);
    }
  }

  /** A failed job returns to the queue as it was, with the error, to run again later (or, failing too often, never). */
  private async putBack(tx: Transaction, job: StoredJob, error: unknown): Promise<void> {
    const attempts = job.attempts + 1;
    // Drizzle wraps the database's error in "Failed query: <the SQL>"; the cause says what was wrong.
    const message =
      error instanceof Error
        ? error.cause instanceof Error
          ? `${error.cause.message} (in: ${error.message.slice(0, 300)})`
          : error.message
        : String(error);
    // The message may quote stored data: quoted, it cannot pass for a log line of its own.
    this.options.log(`Jobs: ${job.kind} #${job.id} failed (attempt ${attempts}): ${JSON.stringify(message)}`);
    // Backoff: 1 s, 2 s, 4 s, … capped at 10 minutes.
    const delaySeconds = Math.min(2 ** (attempts - 1), 600);
    // Same id, key and subject: to everyone else, the job simply moved. (Nobody can take its key meanwhile:
    // a scheduleJob of that key in another transaction waits for this one.)
    await reinsertJob(tx, job, {
      attempts,
      lastError: message.slice(0, 2000),
      delaySeconds,
      maxAttempts: this.options.maxAttempts,
    });
  }
}

/** A claimed job, with what it takes to put it back. */
type StoredJob = JobRow;

/**
 * Claims up to `limit` jobs due now (by the database's clock) that no other worker holds,
 * of one kind if given, most overdue first, by deleting them: the deletion commits with their work
 * or not at all. Deleting here, at the top of the transaction, and not in the handler's savepoint
 * matters: a row locked by a transaction and changed in its subtransaction becomes a MultiXact,
 * which every other worker's claim then has to look up; under load that was most of PostgreSQL's time.
 */
function claim(tx: Transaction, limit: number, kind?: string): Promise<{ jobs: StoredJob[]; nextInMs: number | null }> {
  return deleteDueJobs(tx, limit, kind);
}
