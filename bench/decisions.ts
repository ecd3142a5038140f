/**
 * `npm run bench:decisions`: how late, and how many times, Concord decides silence procedures at
 * their deadlines when two instances share one database.
 *
 * One run:
 *   1. starts PostgreSQL as bench/registry.ts does: a fresh embedded cluster in a temporary
 *      folder, or — with DATABASE_URL — a scratch database created on that server for the run
 *      and dropped after it (the audit log is append-only: a run leaves nothing in yours);
 *   2. in this process, a Concord runtime without job workers, through whose DecisionsService
 *      every proposal is opened (a system principal, as the CLI would; a batch per transaction);
 *   3. as child processes, real instances — `node bin/concord.mjs start` with DATABASE_URL and
 *      PORT=0 — whose job workers decide the proposals. Separate processes, because that is how
 *      two instances run: each has its own event loop, pool and LISTEN connections, and competes
 *      for the CPUs with the other and with PostgreSQL, as it would in production;
 *   4. the baseline phase: one instance; the same workload as the measured phase, just before it;
 *   5. the measured phase: a second instance joins; N silence procedures of NATO's Political and
 *      Partnerships Committee are opened with deadlines spread uniformly over S seconds, the first
 *      deadline falling only after all are open; then the run waits until every one is decided;
 *   6. reports per phase: lateness (proposals.decided_at − the round's deadline) p50/p95/p99/max,
 *      outcomes decided twice (more than one proposal.decide audit entry; more than one outcome
 *      notice for a state), missing outcomes, the split between instances, failed job attempts;
 *      and the ratio of the two phases. The audit chain is verified at the end.
 *
 * Targets are printed as PASS/MISS verdicts (p99 ≤ 1 s; 0 decided twice). Only a broken run
 * fails the process (exit 1): an instance that would not start, a proposal never decided, an
 * outcome recorded twice, an audit chain that does not verify, or an exception.
 *
 * Options (after `--`): --proposals N (default 10000), --spread-seconds S (default 60),
 * --batch B (proposals opened per transaction, default 100), --no-baseline (the two-instance
 * phase only), --json FILE (also write the report there).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { readEnv } from "../src/config/env.ts";
import { startRuntime, type Runtime } from "../src/runtime.ts";
import { verifyLog } from "../src/services/audit/log.ts";
import type { Principal } from "../src/services/policies.ts";
import { readPostmasterPid } from "../src/db/embedded.ts";
import { machineInfo, makeTemporaryFolder, once, percentile, round, run, step, sum } from "./support.ts";

// ---------------------------------------------------------------------------------------------
// Settings

const TARGET_P99_MS = 1_000;
const BODY = "nato-pcsc";
const CLI: Principal = { kind: "system", name: "cli" };
const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "concord.mjs");

/** The last proposal must be open at least this long before the first deadline. */
const MIN_MARGIN_MS = 2_000;
/** Once the last deadline has passed: how long without a single new outcome before giving up. */
const STALL_MS = 30_000;
/** The instances' database sessions are named `concord-bench-A`, `concord-bench-B`. */
const APP_PREFIX = "concord-bench-";
const SAMPLE_EVERY_MS = 20;

const { values: cli } = parseArgs({
  options: {
    proposals: { type: "string", default: "10000" },
    "spread-seconds": { type: "string", default: "60" },
    batch: { type: "string", default: "100" },
    "no-baseline": { type: "boolean", default: false },
    json: { type: "string" },
  },
  strict: true,
});

const settings = {
  proposals: positiveInteger("--proposals", cli.proposals!),
  spreadSeconds: positiveNumber("--spread-seconds", cli["spread-seconds"]!),
  batch: positiveInteger("--batch", cli.batch!),
  baseline: !cli["no-baseline"],
};

// ---------------------------------------------------------------------------------------------
// Main

type Verdict = "PASS" | "MISS";

async function main(): Promise<number> {
  const loadAverageAtStart = os.loadavg()[0]!;
  const external = Boolean(process.env.DATABASE_URL);
  const folder = await makeTemporaryFolder("concord-bench-decisions-");
  let host: Runtime | undefined;
  let scratch: ScratchDatabase | undefined;
  const instances: Instance[] = [];

  const cleanup = once(async () => {
    for (const instance of instances) await instance.stop();
    await host?.close();
    await scratch?.drop();
    await fsp.rm(folder, { recursive: true, force: true });
  });
  // Ctrl-C must not leave an embedded PostgreSQL, child instances or a scratch database behind.
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  try {
    if (external)
      scratch = await step("Creating a scratch database on DATABASE_URL's server", () =>
        createScratchDatabase(process.env.DATABASE_URL!),
      );
    host = await step(
      `Starting PostgreSQL and Concord (${external ? "external server, scratch database" : "embedded, fresh temporary folder"}), starter data`,
      () =>
        startRuntime({
          env: readEnv({
            DATABASE_URL: scratch?.url,
            CONCORD_DATA_DIR: path.join(folder, "data"),
            CONCORD_AUDIT_KEY_FILE: path.join(folder, "bench-key.pem"),
            CONCORD_LOG: "silent",
          }),
          role: "bench",
          mode: "exclusive",
          log: () => {},
          longRunning: false, // no job workers here: only the instances decide
        }),
    );
    const databaseUrl = host.database.url;
    // The embedded cluster's postmaster, whose processes' CPU time the report adds up.
    const postmasterPid = external ? undefined : await readPostmasterPid(path.join(folder, "data", "db"));
    const machine = await machineInfo(host.pool);

    const calibration = await step(
      "Calibrating: opening 200 proposals (consensus, no deadline, never decided) to time opening",
      () => calibrate(host!),
    );

    const phases: PhaseResult[] = [];
    instances.push(
      await step("Starting instance A (node bin/concord.mjs start)", () => startInstance("A", databaseUrl, folder)),
    );
    // Opening slows down as the tables grow and when the machine is busy: twice the calibrated
    // time is planned for; after a phase, a third more than that phase took.
    let plan = { msPerProposal: calibration.msPerProposal, factor: 2 };
    if (settings.baseline) {
      const baseline = await runPhase(host, "one instance (baseline)", instances, plan, postmasterPid);
      phases.push(baseline);
      plan = { msPerProposal: Math.max(calibration.msPerProposal, baseline.creation.msPerProposal), factor: 1.33 };
    }
    instances.push(
      await step("Starting instance B (node bin/concord.mjs start)", () => startInstance("B", databaseUrl, folder)),
    );
    phases.push(await runPhase(host, "two instances", instances, plan, postmasterPid));

    const audit = await step("Verifying the audit chain", () => verifyLog(host!.db));
    const loadAverage1m = { atStart: round(loadAverageAtStart, 2), atEnd: round(os.loadavg()[0]!, 2) };
    const report = {
      when: new Date().toISOString(),
      machine,
      loadAverage1m,
      database: external ? "external server (DATABASE_URL), scratch database" : "embedded, fresh temporary folder",
      settings,
      memberCount: phases[0]!.memberCount,
      calibration,
      phases,
      ratio: phases.length === 2 ? ratios(phases[0]!, phases[1]!) : undefined,
      audit: audit.ok
        ? { ok: true, entries: audit.count }
        : { ok: false, entryId: audit.entryId, reason: audit.reason },
    };
    console.log(formatReport(report));
    if (cli.json) {
      await fsp.writeFile(cli.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`\nWritten to ${cli.json}`);
    }

    const failures = [
      ...phases.flatMap((phase) => phase.failures.map((failure) => `${phase.label}: ${failure}`)),
      ...(audit.ok ? [] : [`audit chain broken at entry ${audit.entryId}: ${audit.reason}`]),
    ];
    if (failures.length > 0) {
      console.error(`\nFAILED:\n  ${failures.join("\n  ")}`);
      for (const instance of instances) {
        const lines = instance.jobLines();
        if (lines.length > 0)
          console.error(`\nInstance ${instance.label} (job failures, first ${lines.length}):\n  ${lines.join("\n  ")}`);
      }
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// The database and the instances

type ScratchDatabase = { url: string; drop(): Promise<void> };

/** A database of the bench's own on the given server, dropped afterwards. */
async function createScratchDatabase(url: string): Promise<ScratchDatabase> {
  const name = `concord_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return {
    url: scratchUrl.toString(),
    drop: async () => {
      const cleanup = new pg.Client(url);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

type Instance = {
  label: string;
  pid: number;
  /** The `decided_by` this instance writes starts with this (hostname:pid:). */
  prefix: string;
  /** CPU seconds the instance's process has used so far (Linux; undefined elsewhere). */
  cpuSeconds(): number | undefined;
  /** What its job worker logged about failed attempts. */
  jobLines(): string[];
  stop(): Promise<void>;
};

/** `node bin/concord.mjs start` on the shared database, its own audit key, a free port. */
function startInstance(label: string, databaseUrl: string, folder: string): Promise<Instance> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [BIN, "start"], {
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      CONCORD_LOG: "info",
      CONCORD_JOBS: "on",
      CONCORD_DATA_DIR: path.join(folder, `instance-${label}`),
      CONCORD_AUDIT_KEY_FILE: path.join(folder, `instance-${label}.pem`),
      // node-postgres names every connection after it, so the sampler can tell the instances' sessions.
      PGAPPNAME: `${APP_PREFIX}${label}`,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const jobLines: string[] = [];
  let output = "";
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${label} did not start in 60 s:\n${output}`)), 60_000);
    let pending = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        if (output.length < 20_000) output += `${line}\n`;
        if (line.startsWith("Jobs:") && jobLines.length < 50) jobLines.push(line);
        if (/serving on http/.test(line)) {
          clearTimeout(timer);
          resolve({
            label,
            pid: child.pid!,
            prefix: `${os.hostname()}:${child.pid}:`,
            cpuSeconds: () => processCpuSeconds(child.pid!),
            jobLines: () => [...jobLines],
            stop: async () => {
              if (exited) return;
              child.kill("SIGTERM");
              const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
              await exit;
              clearTimeout(killer);
            },
          });
        }
      }
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`instance ${label} exited before serving:\n${output}`));
    });
  });
}

function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line; 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Opening proposals

/** Opening time per proposal, on consensus proposals without a deadline (no job; never decided). */
async function calibrate(host: Runtime) {
  const count = 200;
  const started = performance.now();
  for (let first = 0; first < count; first += settings.batch) {
    await host.db.transaction(async (tx) => {
      for (let i = first; i < Math.min(count, first + settings.batch); i++) {
        await host.services.decisions.open(
          CLI,
          { body: "nato-nac", title: `Bench calibration ${i + 1}`, text: "Opened to time opening; never decided." },
          tx,
        );
      }
    });
  }
  const ms = performance.now() - started;
  return { proposals: count, seconds: round(ms / 1000, 2), msPerProposal: round(ms / count, 2) };
}

type Creation = {
  proposals: number;
  batch: number;
  seconds: number;
  perSecond: number;
  msPerProposal: number;
  marginSeconds: number;
};

/**
 * Opens the phase's proposals, a batch per transaction, with deadlines spread uniformly over the
 * spread, the first at `firstDeadline`; refuses to go on if opening runs into the deadlines.
 */
async function openProposals(
  host: Runtime,
  label: string,
  deadlines: Date[],
): Promise<{ ids: number[]; creation: Creation }> {
  const ids: number[] = [];
  const firstDeadline = deadlines[0]!.getTime();
  const started = performance.now();
  let reported = 0;
  for (let first = 0; first < deadlines.length; first += settings.batch) {
    await host.db.transaction(async (tx) => {
      for (let i = first; i < Math.min(deadlines.length, first + settings.batch); i++) {
        const detail = await host.services.decisions.open(
          CLI,
          {
            body: BODY,
            title: `Bench ${label}: silence procedure ${i + 1}`,
            text: `Text ${i + 1}: agreed unless a member breaks silence.`,
            deadline: deadlines[i]!,
          },
          tx,
        );
        ids.push(detail.proposal.id);
      }
    });
    if (Date.now() > firstDeadline - MIN_MARGIN_MS) {
      throw new Error(
        `Opening is slower than calibrated: ${ids.length} of ${deadlines.length} open ${round((firstDeadline - Date.now()) / 1000, 1)} s before the first deadline. ` +
          "Run again (the machine may be busy), or with fewer --proposals.",
      );
    }
    if (performance.now() - reported > 5_000) {
      reported = performance.now();
      process.stderr.write(`  … ${ids.length.toLocaleString("en")} open\n`);
    }
  }
  const ms = performance.now() - started;
  return {
    ids,
    creation: {
      proposals: ids.length,
      batch: settings.batch,
      seconds: round(ms / 1000, 1),
      perSecond: round(ids.length / (ms / 1000), 0),
      msPerProposal: round(ms / ids.length, 2),
      marginSeconds: round((firstDeadline - Date.now()) / 1000, 1),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A phase: open, wait, measure

type PhaseResult = Awaited<ReturnType<typeof runPhase>>;

async function runPhase(
  host: Runtime,
  label: string,
  instances: Instance[],
  plan: { msPerProposal: number; factor: number },
  postmasterPid: number | undefined,
) {
  const n = settings.proposals;
  const spreadMs = settings.spreadSeconds * 1000;
  process.stderr.write(
    `\nPhase: ${label}, ${n.toLocaleString("en")} proposals, deadlines over ${settings.spreadSeconds} s\n`,
  );
  // Each phase starts from a vacuumed database, so the second does not pay for the first's dead rows.
  await step("VACUUM ANALYZE", () =>
    host.pool.query(
      "VACUUM ANALYZE jobs, proposals, proposal_rounds, proposal_members, notices, audit_log, audit_chain_head",
    ),
  );

  // The first deadline falls once opening is surely done (see the plan), with a margin.
  const firstDeadline = Date.now() + Math.ceil(n * plan.msPerProposal * plan.factor) + MIN_MARGIN_MS + 3_000;
  const deadlines = Array.from(
    { length: n },
    (_, i) => new Date(firstDeadline + Math.floor((spreadMs * (i + 0.5)) / n)),
  );
  const { ids, creation } = await step(
    `Opening ${n.toLocaleString("en")} proposals, ${settings.batch} per transaction`,
    () => openProposals(host, label, deadlines),
  );
  process.stderr.write(
    `  first deadline in ${creation.marginSeconds} s, last ${round(creation.marginSeconds + settings.spreadSeconds, 1)} s from now\n`,
  );

  const sampler = sampleSessions(host.database.url, firstDeadline, postmasterPid);
  // The instances' CPU time is counted from the first deadline (while opening, they only wake and look).
  const cpuAtFirstDeadline = new Promise<Array<number | undefined>>((resolve) =>
    setTimeout(
      () => resolve(instances.map((instance) => instance.cpuSeconds())),
      Math.max(0, firstDeadline - Date.now()),
    ),
  );
  // The plans PostgreSQL has for the worker's two hottest statements as the deadlines start (statistics as autovacuum left them).
  const plans = await planSummaries(host, ids[Math.floor(ids.length / 2)]!);
  const waited = await step("Waiting until every proposal is decided", () =>
    waitUntilDecided(host, ids, firstDeadline + spreadMs),
  );
  const sessions = await sampler.stop();
  const cpuAfter = instances.map((instance) => instance.cpuSeconds());
  const cpuBefore = await cpuAtFirstDeadline;
  const measured = await step("Measuring", () => measure(host, ids));

  const byInstance = instances.map((instance, i) => ({
    instance: instance.label,
    pid: instance.pid,
    decided: measured.decidedBy.filter((by) => by?.startsWith(instance.prefix)).length,
    cpuSeconds:
      cpuBefore[i] === undefined || cpuAfter[i] === undefined ? undefined : round(cpuAfter[i]! - cpuBefore[i]!, 1),
    failedJobAttempts: instance.jobLines().length,
  }));
  const elsewhere = measured.decidedBy.filter(
    (by) => by !== null && !instances.some((instance) => by.startsWith(instance.prefix)),
  ).length;
  const failures = [
    ...(waited.open > 0
      ? [
          `${waited.open} proposal(s) still open ${round(waited.afterLastDeadlineMs / 1000, 0)} s after the last deadline`,
        ]
      : []),
    ...(measured.decidedTwice > 0
      ? [`${measured.decidedTwice} proposal(s) with more than one proposal.decide audit entry`]
      : []),
    ...(measured.duplicateNotices > 0
      ? [`${measured.duplicateNotices} (proposal, state) pair(s) with more than one outcome notice`]
      : []),
    ...(measured.missingNotices > 0
      ? [`${measured.missingNotices} proposal(s) without an outcome notice for every member`]
      : []),
    ...(measured.decidedEarly > 0 ? [`${measured.decidedEarly} proposal(s) decided before their deadline`] : []),
    ...(measured.notAdopted > 0
      ? [`${measured.notAdopted} proposal(s) not adopted although nobody broke silence`]
      : []),
    ...(elsewhere > 0 ? [`${elsewhere} proposal(s) decided by neither instance`] : []),
  ];
  return {
    label,
    instances: instances.length,
    proposals: n,
    spreadSeconds: settings.spreadSeconds,
    requiredPerSecond: round(n / settings.spreadSeconds, 1),
    creation,
    decided: measured.decided,
    decidedPerSecond: measured.decidedPerSecond,
    open: waited.open,
    lateness: measured.lateness,
    latenessToAuditEntry: measured.latenessToAuditEntry,
    latenessP99ByTenth: measured.p99ByTenth,
    decidedTwice: measured.decidedTwice,
    duplicateNotices: measured.duplicateNotices,
    missingNotices: measured.missingNotices,
    decidedEarly: measured.decidedEarly,
    byInstance,
    failedJobRows: measured.failedJobRows,
    memberCount: measured.memberCount,
    sessions,
    plans,
    verdict: {
      p99: (measured.lateness.p99Ms <= TARGET_P99_MS && waited.open === 0 ? "PASS" : "MISS") as Verdict,
      once: (measured.decidedTwice === 0 && measured.duplicateNotices === 0 ? "PASS" : "MISS") as Verdict,
    },
    failures,
  };
}

/**
 * From the first deadline until stopped: every SAMPLE_EVERY_MS, what each of the instances'
 * database sessions is doing (pg_stat_activity), and how busy the machine's CPUs are (/proc/stat).
 * `idle in transaction` is a session waiting for its instance's next statement (the Node side);
 * `active` without a wait event is PostgreSQL working; a wait event names what it waits for
 * (Lock:tuple/transactionid: a row lock, e.g. the audit chain head; IO:WALSync: a commit's flush).
 */
function sampleSessions(databaseUrl: string, from: number, postmasterPid: number | undefined) {
  const counts = new Map<string, number>();
  /** The statements sessions were running, not waiting in (their first 50 characters), summed over samples. */
  const statements = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  let cpuStart: number[] | undefined;
  let transactionsStart = 0;
  let postgresStart: Map<number, { seconds: number; kind: string }> | undefined;
  const transactions = async () =>
    Number(
      (
        await client.query<{ n: string }>(
          "SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()",
        )
      ).rows[0]!.n,
    );
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "concord-sampler" });
  const running = (async () => {
    await client.connect();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, from - Date.now())));
    cpuStart = cpuTimes();
    postgresStart = postgresCpu(postmasterPid);
    transactionsStart = await transactions();
    while (!stopped) {
      const { rows } = await client.query<{ what: string; query: string | null; n: number }>(
        `SELECT CASE WHEN state = 'active' THEN 'active: ' || coalesce(wait_event_type || ':' || wait_event, 'running') ELSE state END AS what,
                CASE WHEN state = 'active' AND wait_event IS NULL THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 50) END AS query, count(*)::int AS n
         FROM pg_stat_activity WHERE application_name LIKE $1 AND backend_type = 'client backend' GROUP BY 1, 2`,
        [`${APP_PREFIX}%`],
      );
      samples++;
      for (const row of rows) {
        counts.set(row.what, (counts.get(row.what) ?? 0) + row.n);
        if (row.query !== null) statements.set(row.query, (statements.get(row.query) ?? 0) + row.n);
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      // The statistics reach pg_stat_database within a second or so of each transaction.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const transactionCount = (await transactions()) - transactionsStart;
      await client.end();
      const cpuEnd = cpuTimes();
      const postgresEnd = postgresCpu(postmasterPid);
      // Processes that lived through the window count by their difference; ones that started during it, whole.
      const postgresByKind = new Map<string, number>();
      for (const [pid, { seconds, kind }] of postgresEnd ?? []) {
        postgresByKind.set(kind, (postgresByKind.get(kind) ?? 0) + seconds - (postgresStart?.get(pid)?.seconds ?? 0));
      }
      const postgresCpuSeconds = postgresStart && postgresEnd ? round(sum([...postgresByKind.values()]), 1) : undefined;
      const postgresCpuByKind = Object.fromEntries(
        [...postgresByKind]
          .filter(([, seconds]) => seconds >= 0.05)
          .sort((a, b) => b[1] - a[1])
          .map(([kind, seconds]) => [kind, round(seconds, 1)]),
      );
      const active = [...statements.entries()]
        .map(([query, n]) => ({ query, sessions: round(n / Math.max(1, samples), 2) }))
        .sort((a, b) => b.sessions - a.sessions)
        .slice(0, 6);
      const busy = cpuStart && cpuEnd ? cpuBusyShare(cpuStart, cpuEnd) : undefined;
      // Average number of the instances' sessions in each state at any moment.
      const states = [...counts.entries()]
        .map(([what, n]) => ({ what, sessions: round(n / Math.max(1, samples), 2) }))
        .sort((a, b) => b.sessions - a.sessions);
      return {
        samples,
        everyMs: SAMPLE_EVERY_MS,
        cpuBusy: busy === undefined ? undefined : round(busy, 2),
        postgresCpuSeconds,
        postgresCpuByKind,
        transactions: transactionCount,
        states,
        active,
      };
    },
  };
}

/** CPU seconds used so far by the postmaster and each of its children, by pid (Linux, embedded database only). */
function postgresCpu(postmasterPid: number | undefined): Map<number, { seconds: number; kind: string }> | undefined {
  if (postmasterPid === undefined) return undefined;
  const seconds = new Map<number, { seconds: number; kind: string }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      if (pid !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
      // The process title says what it is: "postgres: autovacuum worker …", "postgres: concord concord 127.0.0.1(…) …".
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      const kind =
        pid === postmasterPid
          ? "postmaster"
          : /\(\d+\)/.test(title)
            ? "sessions"
            : (/^postgres: ([a-z]+(?: [a-z]+)?(?: (?:worker|writer|launcher))?)/.exec(title)?.[1] ?? "other");
      seconds.set(pid, { seconds: (Number(fields[11]) + Number(fields[12])) / 100, kind });
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

/** user, nice, system, idle, iowait, irq, softirq, steal of all CPUs (Linux), or undefined. */
function cpuTimes(): number[] | undefined {
  try {
    return fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return undefined;
  }
}

function cpuBusyShare(start: number[], end: number[]): number {
  const delta = end.map((value, i) => value - start[i]!);
  const total = delta.reduce((sum, value) => sum + value, 0);
  const idle = delta[3]! + delta[4]!;
  return total === 0 ? 0 : (total - idle) / total;
}

/** The plan of the job claim and of cancelling a proposal's jobs, in one line each (node types and indexes). */
async function planSummaries(host: Runtime, proposalId: number) {
  const explain = async (statement: string) => {
    const { rows } = await host.pool.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${statement}`,
    );
    const nodes: string[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(
        node["Index Name"]
          ? `${node["Node Type"]} using ${node["Index Name"]}`
          : `${node["Node Type"]}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}`,
      );
      node.Plans?.forEach(walk);
    };
    walk(rows[0]!["QUERY PLAN"][0]!.Plan);
    return nodes.join(" > ");
  };
  const { rows } = await host.pool.query<{ rows: number; analyzed: string | null }>(
    `SELECT reltuples::int AS rows, greatest(last_analyze, last_autoanalyze)::text AS analyzed FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'jobs'`,
  );
  return {
    jobsStatistics: rows[0],
    claim: await explain(
      `SELECT id FROM jobs WHERE failed_at IS NULL AND run_at <= (SELECT clock_timestamp()) AND kind = 'proposal.deadline' ORDER BY run_at LIMIT 49 FOR UPDATE SKIP LOCKED`,
    ),
    cancel: await explain(
      `DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE subject = ANY (ARRAY['proposal:${proposalId}']) FOR UPDATE SKIP LOCKED)`,
    ),
  };
}

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

async function waitUntilDecided(host: Runtime, ids: number[], lastDeadline: number) {
  let open = ids.length;
  let lastChange = Date.now();
  let reported = 0;
  for (;;) {
    // By range, not by list: asked four times a second, a 10,000-id list costs PostgreSQL more than the answer is worth.
    const { rows } = await host.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM proposals WHERE id BETWEEN $1 AND $2 AND status = 'open'`,
      [Math.min(...ids), Math.max(...ids)],
    );
    const now = Date.now();
    if (rows[0]!.open !== open) lastChange = now;
    open = rows[0]!.open;
    if (open === 0) break;
    if (now > lastDeadline && now - Math.max(lastChange, lastDeadline) > STALL_MS) break;
    if (now - reported > 5_000 && now > lastDeadline - settings.spreadSeconds * 1000) {
      reported = now;
      process.stderr.write(
        `  … ${(ids.length - open).toLocaleString("en")} decided, ${open.toLocaleString("en")} open\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { open, afterLastDeadlineMs: Date.now() - lastDeadline };
}

async function measure(host: Runtime, ids: number[]) {
  const { rows } = await host.pool.query<{
    id: number;
    status: string;
    decidedBy: string | null;
    lateMs: number | null;
    decidedAt: number | null;
    deadline: number;
  }>(
    `SELECT p.id::int AS id, p.status, p.decided_by AS "decidedBy",
            (extract(epoch FROM p.decided_at - r.deadline) * 1000)::float8 AS "lateMs",
            (extract(epoch FROM p.decided_at) * 1000)::float8 AS "decidedAt", (extract(epoch FROM r.deadline) * 1000)::float8 AS deadline
     FROM proposals p
     JOIN LATERAL (SELECT deadline FROM proposal_rounds WHERE proposal_id = p.id ORDER BY number DESC LIMIT 1) r ON true
     WHERE p.id = ANY ($1::bigint[])`,
    [ids],
  );
  const decided = rows.filter((row) => row.status !== "open");
  const audit = await host.pool.query<{ id: number; entries: number; lateMs: number }>(
    `SELECT a.object_id::int AS id, count(*)::int AS entries, (extract(epoch FROM min(a.at) - min(r.deadline)) * 1000)::float8 AS "lateMs"
     FROM audit_log a JOIN proposal_rounds r ON r.proposal_id = a.object_id::bigint AND r.number = 1
     WHERE a.action = 'proposal.decide' AND a.object_type = 'proposal' AND a.object_id = ANY ($1::text[])
     GROUP BY a.object_id`,
    [ids.map(String)],
  );
  const notices = await host.pool.query<{ duplicates: number; missing: number }>(
    `WITH counts AS (
       SELECT m.proposal_id, m.state_code, count(n.id) AS n
       FROM proposal_members m
       LEFT JOIN (SELECT id, proposal_id, unnest(recipients) AS state_code FROM notices WHERE kind = 'outcome') n
          ON n.proposal_id = m.proposal_id AND n.state_code = m.state_code
       WHERE m.proposal_id = ANY ($1::bigint[])
       GROUP BY m.proposal_id, m.state_code)
     SELECT count(*) FILTER (WHERE n > 1)::int AS duplicates,
            count(DISTINCT proposal_id) FILTER (WHERE n = 0)::int AS missing
     FROM counts`,
    [ids],
  );
  const failedJobs = await host.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jobs WHERE last_error IS NOT NULL`,
  );
  const members = await host.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM proposal_members WHERE proposal_id = $1`,
    [ids[0]],
  );

  const late = decided.map((row) => row.lateMs!);
  const auditLate = audit.rows.map((row) => row.lateMs);
  // Lateness by when the deadline fell: a backlog growing over the spread shows as rising p99s.
  const byTenth = Array.from({ length: 10 }, () => [] as number[]);
  const order = new Map(ids.map((id, i) => [id, i]));
  for (const row of decided)
    byTenth[Math.min(9, Math.floor((order.get(row.id)! * 10) / ids.length))]!.push(row.lateMs!);
  // From the first deadline to the last outcome: the rate the instances achieved (their capacity, when a backlog formed).
  const spanMs =
    decided.length === 0
      ? 0
      : Math.max(...decided.map((row) => row.decidedAt!)) - Math.min(...rows.map((row) => row.deadline));
  return {
    decided: decided.length,
    decidedPerSecond: spanMs > 0 ? round(decided.length / (spanMs / 1000), 1) : undefined,
    decidedBy: rows.map((row) => row.decidedBy),
    notAdopted: decided.filter((row) => row.status !== "adopted").length,
    lateness: summary(late),
    latenessToAuditEntry: summary(auditLate),
    p99ByTenth: byTenth.map((values) => (values.length === 0 ? null : round(percentile(values, 99), 0))),
    decidedTwice: audit.rows.filter((row) => row.entries > 1).length,
    duplicateNotices: notices.rows[0]!.duplicates,
    missingNotices: notices.rows[0]!.missing,
    decidedEarly: late.filter((ms) => ms < 0).length,
    failedJobRows: failedJobs.rows[0]!.n,
    memberCount: members.rows[0]!.n,
  };
}

function summary(values: number[]) {
  if (values.length === 0) return { count: 0, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, maxMs: NaN, minMs: NaN };
  return {
    count: values.length,
    minMs: round(Math.min(...values), 1),
    p50Ms: round(percentile(values, 50), 1),
    p95Ms: round(percentile(values, 95), 1),
    p99Ms: round(percentile(values, 99), 1),
    maxMs: round(Math.max(...values), 1),
  };
}

function ratios(baseline: PhaseResult, measured: PhaseResult) {
  return {
    p50: round(measured.lateness.p50Ms / baseline.lateness.p50Ms, 2),
    p99: round(measured.lateness.p99Ms / baseline.lateness.p99Ms, 2),
    max: round(measured.lateness.maxMs / baseline.lateness.maxMs, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

type Report = {
  when: string;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  loadAverage1m: { atStart: number; atEnd: number };
  database: string;
  memberCount: number;
  calibration: Awaited<ReturnType<typeof calibrate>>;
  phases: PhaseResult[];
  ratio: ReturnType<typeof ratios> | undefined;
  audit: { ok: boolean; entries?: number; entryId?: number; reason?: string };
};

function formatReport(report: Report): string {
  const { machine, loadAverage1m, phases } = report;
  const n = (value: number) => value.toLocaleString("en");
  const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1)).padStart(8);
  const lines = [
    "",
    `Concord decisions benchmark  ${report.when}`,
    `machine   ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
    `          1-minute load average ${loadAverage1m.atStart} at start, ${loadAverage1m.atEnd} at end`,
    `postgres  ${machine.postgres}`,
    `database  ${report.database}`,
    `workload  ${n(settings.proposals)} silence procedures of ${BODY} (${report.memberCount} members each) per phase, deadlines uniform over ${settings.spreadSeconds} s ` +
      `(${round(settings.proposals / settings.spreadSeconds, 1)} per second), nobody breaks silence`,
    `          instances: child processes (node bin/concord.mjs start), 3 job slots each; proposals opened in this process through DecisionsService`,
    `opening   calibration: ${report.calibration.msPerProposal} ms per proposal (${report.calibration.proposals} consensus proposals, ${settings.batch} per transaction)`,
    "",
    `lateness = proposals.decided_at − proposal_rounds.deadline; target p99 <= ${TARGET_P99_MS} ms, 0 decided twice`,
    `  phase                      opened in    decided     p50 ms   p95 ms   p99 ms   max ms   twice  notices x2  p99   once`,
    ...phases.map(
      (phase) =>
        `  ${phase.label.padEnd(24)} ${`${phase.creation.seconds} s`.padStart(10)}  ${`${n(phase.decided)}/${n(phase.proposals)}`.padStart(13)} ` +
        `${ms(phase.lateness.p50Ms)} ${ms(phase.lateness.p95Ms)} ${ms(phase.lateness.p99Ms)} ${ms(phase.lateness.maxMs)} ` +
        `${String(phase.decidedTwice).padStart(7)} ${String(phase.duplicateNotices).padStart(11)}  ${phase.verdict.p99}  ${phase.verdict.once}`,
    ),
    "",
    ...phases.flatMap((phase) => [
      `  ${phase.label}:`,
      `    opened ${n(phase.creation.proposals)} in ${phase.creation.seconds} s (${n(phase.creation.perSecond)}/s, ${phase.creation.msPerProposal} ms each); first deadline ${phase.creation.marginSeconds} s after the last opened`,
      `    ${n(phase.decided)} decided from the first deadline to the last outcome at ${phase.decidedPerSecond ?? "?"}/s (${phase.requiredPerSecond}/s due)`,
      `    decided by ${phase.byInstance.map((b) => `${b.instance} ${n(b.decided)}${b.cpuSeconds === undefined ? "" : ` (${b.cpuSeconds} CPU s)`}`).join(", ")}; ` +
        `failed job attempts logged: ${phase.byInstance.map((b) => `${b.instance} ${b.failedJobAttempts}`).join(", ")}; job rows with an error: ${phase.failedJobRows}`,
      `    to the audit entry (taken as it joins the chain, just before commit): p50 ${phase.latenessToAuditEntry.p50Ms} ms, p99 ${phase.latenessToAuditEntry.p99Ms} ms, max ${phase.latenessToAuditEntry.maxMs} ms`,
      `    p99 by tenth of the spread (ms): ${phase.latenessP99ByTenth.map((value) => (value === null ? "-" : String(value))).join(" ")}`,
      `    missing outcome notices: ${phase.missingNotices}, decided early: ${phase.decidedEarly}, still open: ${phase.open}`,
      `    CPU per decision: instances ${cpuMs(sum(phase.byInstance.map((b) => b.cpuSeconds ?? NaN)), phase.decided)} ms, PostgreSQL ${cpuMs(phase.sessions.postgresCpuSeconds ?? NaN, phase.decided)} ms ` +
        `(${phase.sessions.postgresCpuSeconds ?? "?"} CPU s while deciding: ${Object.entries(
          phase.sessions.postgresCpuByKind,
        )
          .map(([kind, seconds]) => `${kind} ${seconds}`)
          .join(", ")}); ` +
        `${round(phase.sessions.transactions / Math.max(1, phase.decided), 2)} database transactions per decision (all sessions)`,
      `    while deciding: CPUs ${phase.sessions.cpuBusy === undefined ? "?" : `${Math.round(phase.sessions.cpuBusy * 100)}%`} busy; ` +
        `the instances' database sessions, on average ` +
        `(${n(phase.sessions.samples)} samples): ${phase.sessions.states
          .filter((state) => state.sessions >= 0.01)
          .map((state) => `${state.what} ${state.sessions}`)
          .join(", ")}`,
      `    plans as the deadlines started (jobs statistics: ${phase.plans.jobsStatistics?.rows ?? "?"} rows, analyzed ${phase.plans.jobsStatistics?.analyzed ?? "never"}): ` +
        `claim ${phase.plans.claim}; cancel ${phase.plans.cancel}`,
      `    statements being run (active, not waiting), sessions on average: ${phase.sessions.active.map((statement) => `${statement.sessions} "${statement.query}"`).join("; ")}`,
    ]),
    ...(report.ratio
      ? [
          "",
          `ratio two instances / one instance: p50 ${report.ratio.p50}, p99 ${report.ratio.p99}, max ${report.ratio.max}`,
        ]
      : []),
    `audit chain: ${report.audit.ok ? `intact, ${n(report.audit.entries!)} entries` : `BROKEN at entry ${report.audit.entryId}: ${report.audit.reason}`}`,
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function positiveNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function positiveInteger(name: string, raw: string): number {
  const value = positiveNumber(name, raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

const cpuMs = (cpuSeconds: number, decisions: number) =>
  Number.isFinite(cpuSeconds) && decisions > 0 ? round((cpuSeconds * 1000) / decisions, 2) : "?";

run(main);
