/** The job queue's table (jobs): SQL and nothing else. Which job runs when, and how, is src/services/jobs/queue.ts. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";

type Executor = Pick<Database, "execute">;

const jobRow = z.object({
  id: z.number(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  runAt: z.union([z.date(), z.string()]).transform((value) => new Date(value)),
  attempts: z.number(),
  uniqueKey: z.string().nullable(),
  subject: z.string().nullable(),
  createdAt: z.string(),
});
/** A claimed job, with what it takes to put it back. */
export type JobRow = z.output<typeof jobRow>;

const claimHead = z.object({ nextInMs: z.number().nullable(), id: z.number().nullable() });

/** Adds a job, or moves the job of the same unique key (to this time and payload, its attempts forgotten). */
export async function upsertJob(
  tx: Executor,
  job: {
    kind: string;
    payload: Record<string, unknown>;
    runAt: Date;
    uniqueKey: string | null;
    subject: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO jobs (kind, payload, run_at, unique_key, subject)
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.runAt.toISOString()}::timestamptz, ${job.uniqueKey}, ${job.subject})
    ON CONFLICT (unique_key) DO UPDATE
      SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload, attempts = 0, last_error = NULL, failed_at = NULL`);
}

/** Deletes the jobs of these subjects that no other transaction holds (FOR UPDATE SKIP LOCKED): held ones are skipped, not waited for. */
export async function deleteUnlockedJobsOfSubjects(tx: Executor, subjects: readonly string[]): Promise<void> {
  await tx.execute(sql`
    DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs WHERE subject = ANY (${sql.param([...subjects])}::text[]) FOR UPDATE SKIP LOCKED)`);
}

/**
 * Puts a claimed job back as it was (same id, key, subject and creation time), due `delaySeconds`
 * from now by the database's clock, with its attempts and last error; set aside for good
 * (failed_at) once `attempts` reaches `maxAttempts`.
 */
export async function reinsertJob(
  tx: Executor,
  job: JobRow,
  failure: { attempts: number; lastError: string; delaySeconds: number; maxAttempts: number },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO jobs (id, kind, payload, run_at, unique_key, subject, attempts, last_error, failed_at, created_at)
    VALUES (${job.id}, ${job.kind}, ${JSON.stringify(job.payload)}::jsonb, clock_timestamp() + make_interval(secs => ${failure.delaySeconds}),
            ${job.uniqueKey}, ${job.subject}, ${failure.attempts}, ${failure.lastError},
            CASE WHEN ${failure.attempts} >= ${failure.maxAttempts} THEN clock_timestamp() END, ${job.createdAt}::timestamptz)`);
}

/**
 * Deletes up to `limit` jobs due now (by the database's clock) that no other transaction holds
 * (FOR UPDATE SKIP LOCKED), of one kind if given, most overdue first, and returns them in that
 * order; and, when none is due, how many milliseconds until the next job not yet due is (null: none).
 */
export async function deleteDueJobs(
  tx: Transaction,
  limit: number,
  kind?: string,
): Promise<{ jobs: JobRow[]; nextInMs: number | null }> {
  const ofKind = kind === undefined ? sql`` : sql`AND kind = ${kind}`;
  const { rows } = await tx.execute(sql`
    WITH t AS (SELECT clock_timestamp() AS at),
    claimed AS (
      DELETE FROM jobs WHERE id IN (
        -- (SELECT at FROM t), evaluated once, bounds the index scan; a bare clock_timestamp() would be a filter
        -- checked on every job not yet due whenever fewer than the limit are due.
        SELECT id FROM jobs WHERE failed_at IS NULL AND run_at <= (SELECT at FROM t) ${ofKind}
        ORDER BY run_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, run_at, attempts, unique_key, subject, created_at)
    SELECT
      -- When none is due: how long until the next job is. (Jobs due already that were not claimed are being run
      -- by other workers, which delete them or, failing, put them back later, which wakes the workers.)
      -- A double, not an int: a job due more than 2^31 ms (about 25 days) ahead overflowed an int, and that error
      -- failed every claim, so nothing ran until a nearer job was scheduled.
      (SELECT ceil(extract(epoch FROM min(run_at) - clock_timestamp()) * 1000)::float8 FROM jobs
       WHERE failed_at IS NULL AND run_at > (SELECT at FROM t)) AS "nextInMs",
      c.id::int AS id, c.kind, c.payload, c.run_at AS "runAt", c.attempts,
           c.unique_key AS "uniqueKey", c.subject, c.created_at::text AS "createdAt"
    FROM (SELECT 1) one LEFT JOIN claimed c ON true
    ORDER BY c.run_at, c.id`);
  // Always one row at least (the LEFT JOIN of one row), with no job in it (a null id) when none was claimed.
  let nextInMs: number | null = null;
  const jobs: JobRow[] = [];
  for (const [n, row] of rows.entries()) {
    const head = claimHead.parse(row);
    if (n === 0) nextInMs = head.nextInMs;
    if (head.id !== null) jobs.push(jobRow.parse(row));
  }
  return { jobs, nextInMs };
}
