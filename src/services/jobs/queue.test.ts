import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { until } from "../../../test/support/wait.ts";
import { cancelJobs, JOBS_CHANNEL, JobWorker, scheduleJob, type ClaimedJob, type JobHandlers } from "./queue.ts";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  // What the handlers below "do": a row per job done, in the job's transaction.
  await test.db.execute(sql`CREATE TABLE work_done (job_id bigint NOT NULL, tag text NOT NULL, batch int)`);
});
afterAll(async () => {
  await test?.drop();
});
beforeEach(async () => {
  await test.db.execute(sql`DELETE FROM jobs`);
  await test.db.execute(sql`DELETE FROM work_done`);
});

const past = (seconds: number) => new Date(Date.now() - seconds * 1000);
const future = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function schedule(kind: string, tag: string, runAt: Date, subject?: string) {
  await test.db.transaction((tx) =>
    scheduleJob(tx, { kind, payload: { tag }, runAt, uniqueKey: `${kind}:${tag}`, subject }),
  );
}

async function jobRows() {
  return (
    await test.db.execute(
      sql`SELECT kind, payload->>'tag' AS tag, attempts, last_error AS "lastError", run_at > clock_timestamp() AS later FROM jobs ORDER BY id`,
    )
  ).rows as Array<{
    kind: string;
    tag: string;
    attempts: number;
    lastError: string | null;
    later: boolean;
  }>;
}

async function done() {
  return (await test.db.execute(sql`SELECT tag, batch FROM work_done ORDER BY tag`)).rows as Array<{
    tag: string;
    batch: number | null;
  }>;
}

function worker(handlers: JobHandlers, log: string[] = []) {
  return new JobWorker({
    db: test.db,
    databaseUrl: test.url,
    handlers,
    instance: "test",
    log: (line) => log.push(line),
  });
}

describe("batches of jobs of one kind", () => {
  it("runs the due jobs of a batching kind together, most overdue first, and leaves other kinds and later jobs alone", async () => {
    const batches: string[][] = [];
    let batchNumber = 0;
    const handlers: JobHandlers = {
      deadline: {
        maxJobs: 3,
        batch: async (tx, jobs: ClaimedJob[]) => {
          batchNumber++;
          batches.push(jobs.map((job) => String(job.payload.tag)));
          for (const job of jobs)
            await tx.execute(sql`INSERT INTO work_done VALUES (${job.id}, ${String(job.payload.tag)}, ${batchNumber})`);
        },
      },
      other: async (tx, job) => {
        await tx.execute(sql`INSERT INTO work_done VALUES (${job.id}, ${String(job.payload.tag)}, NULL)`);
      },
    };
    for (let i = 1; i <= 5; i++) await schedule("deadline", `d${i}`, past(60 - i));
    await schedule("other", "o1", past(30));
    await schedule("deadline", "later", future(3_600));

    expect(await worker(handlers).runDue()).toBe(3); // two batches of deadlines (3 + 2) and the other job alone

    expect(batches).toEqual([
      ["d1", "d2", "d3"],
      ["d4", "d5"],
    ]);
    expect(await done()).toEqual([
      { tag: "d1", batch: 1 },
      { tag: "d2", batch: 1 },
      { tag: "d3", batch: 1 },
      { tag: "d4", batch: 2 },
      { tag: "d5", batch: 2 },
      { tag: "o1", batch: null },
    ]);
    expect((await jobRows()).map((job) => job.tag)).toEqual(["later"]);
  });

  it("when a batch fails, runs its jobs one by one: the good ones' work commits, the bad one alone is set aside", async () => {
    const log: string[] = [];
    let calls = 0;
    const handlers: JobHandlers = {
      deadline: {
        maxJobs: 10,
        batch: async (tx, jobs) => {
          calls++;
          for (const job of jobs) {
            await tx.execute(sql`INSERT INTO work_done VALUES (${job.id}, ${String(job.payload.tag)}, ${calls})`);
            if (job.payload.tag === "bad") throw new Error("the registry refused it");
          }
        },
      },
    };
    for (const tag of ["a", "bad", "c"]) await schedule("deadline", tag, past(10));

    await worker(handlers, log).runDue();

    // One failed batch (its writes undone), then each alone.
    expect(calls).toBe(4);
    expect((await done()).map((row) => row.tag)).toEqual(["a", "c"]);
    const left = await jobRows();
    expect(left).toEqual([
      { kind: "deadline", tag: "bad", attempts: 1, lastError: "the registry refused it", later: true },
    ]);
    expect(log).toEqual([
      expect.stringMatching(/^Jobs: deadline #\d+ failed \(attempt 1\): "the registry refused it"$/),
    ]);
  });

  it("a plain handler's failure undoes its work and keeps the job, later, with the database's own message", async () => {
    const log: string[] = [];
    const handlers: JobHandlers = {
      other: async (tx, job) => {
        await tx.execute(sql`INSERT INTO work_done VALUES (${job.id}, ${String(job.payload.tag)}, NULL)`);
        await tx.execute(sql`SELECT 1 / 0`);
      },
    };
    await schedule("other", "x", past(1));

    expect(await worker(handlers, log).runDue()).toBe(1);

    expect(await done()).toEqual([]);
    const [job] = await jobRows();
    expect(job).toMatchObject({ tag: "x", attempts: 1, later: true });
    // The cause, not only Drizzle's "Failed query: …".
    expect(job!.lastError).toMatch(/^division by zero \(in: Failed query: SELECT 1 \/ 0/);
  });

  it("cancelJobs removes every job of the subjects named, and no other", async () => {
    await schedule("deadline", "p1-deadline", future(60), "proposal:1");
    await schedule("reminder", "p1-reminder", future(30), "proposal:1");
    await schedule("deadline", "p2-deadline", future(60), "proposal:2");
    await schedule("deadline", "p3-deadline", future(60), "proposal:3");
    await schedule("other", "no-subject", future(60));

    await test.db.transaction((tx) => cancelJobs(tx, ["proposal:1", "proposal:3"]));

    expect((await jobRows()).map((job) => job.tag)).toEqual(["p2-deadline", "no-subject"]);
  });
});

describe("waking the workers", () => {
  let listener: pg.Client;
  const heard: string[] = [];

  beforeAll(async () => {
    listener = new pg.Client({ connectionString: test.url });
    await listener.connect();
    listener.on("notification", (message) => heard.push(message.payload ?? ""));
    await listener.query(`LISTEN ${JOBS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
  });

  /** What was heard on the channel up to a marker sent after `act` (one session's notifications arrive in commit order). */
  async function heardDuring(act: () => Promise<void>): Promise<string[]> {
    heard.length = 0;
    await act();
    const marker = `marker-${Math.random()}`;
    await test.db.execute(sql`SELECT pg_notify(${JOBS_CHANNEL}, ${marker})`);
    await until("the marker notification", () => (heard.includes(marker) ? true : undefined), 25_000);
    expect(heard).toContain(marker);
    return heard.slice(0, heard.indexOf(marker));
  }

  it("an INSERT that adds no job wakes nobody; adding one, or moving one, does", async () => {
    const none = await heardDuring(async () => {
      await test.db.execute(sql`INSERT INTO jobs (kind, run_at) SELECT 'other', clock_timestamp() WHERE false`);
    });
    expect(none).toEqual([]);

    const added = await heardDuring(() => schedule("other", "added", future(60)));
    expect(added).toEqual([""]);

    // The same unique key again: the job moves (an upsert's UPDATE), and the workers must re-plan their sleep.
    const moved = await heardDuring(() => schedule("other", "added", future(5)));
    expect(moved).toEqual([""]);
  });

  it("a running worker wakes for a job added now and at each later job's time, without waiting for its poll", async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = {
      deadline: {
        maxJobs: 50,
        batch: async (_tx, jobs) => void ran.push(...jobs.map((job) => String(job.payload.tag))),
      },
      other: async (_tx, job) => void ran.push(String(job.payload.tag)),
    };
    // A poll far longer than the test may take: only the timer and the notifications can get these run.
    const running = new JobWorker({ db: test.db, databaseUrl: test.url, handlers, instance: "test", pollMs: 120_000 });
    await running.start();
    try {
      await schedule("deadline", "in-1s", future(1));
      await schedule("deadline", "in-2s", future(2));
      await schedule("other", "now", past(0));
      await schedule("deadline", "in-1.5s", future(1.5));
      // Run, and committed: a handler runs inside the transaction that deletes its job.
      await until(
        "the four jobs to run and their transactions to commit",
        async () => (ran.length >= 4 && (await jobRows()).length === 0 ? true : undefined),
        60_000,
      );
      expect(ran).toEqual(["now", "in-1s", "in-1.5s", "in-2s"]);
      expect(await jobRows()).toEqual([]);
    } finally {
      await running.stop();
    }
  }, 90_000);
});

describe("jobs far ahead", () => {
  it("runs the jobs due now while others wait months and years ahead, and a running worker keeps claiming", async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = { other: async (_tx, job) => void ran.push(String(job.payload.tag)) };
    const days = (n: number) => future(n * 86_400);
    // A month's deadline and a withdrawal notice's two years: both past what an int of milliseconds holds (24.8 days).
    await schedule("other", "in-30-days", days(30));
    await schedule("other", "in-2-years", days(730));
    await schedule("other", "in-40-years", days(40 * 365));
    await schedule("other", "now", past(1));
    expect(await worker(handlers).runDue()).toBe(1);
    expect(ran).toEqual(["now"]);

    const running = new JobWorker({ db: test.db, databaseUrl: test.url, handlers, instance: "test", pollMs: 120_000 });
    await running.start();
    try {
      await schedule("other", "added-while-running", past(0));
      await until("the job added while running to run", () => (ran.length >= 2 ? true : undefined), 60_000);
      expect(ran).toEqual(["now", "added-while-running"]);
    } finally {
      await running.stop();
    }
    expect((await jobRows()).map((job) => job.tag)).toEqual(["in-30-days", "in-2-years", "in-40-years"]);
  }, 90_000);
});
