/**
 * The crash harness (issue 3, "Nothing lost"): starts `concord start` on a fresh data folder, runs
 * concurrent writers against the write API, kills the server with SIGKILL at a random moment,
 * restarts it on the same folder, and checks that
 *
 *   (a) every write acknowledged to a client (a 2xx answer received) is present, exactly once;
 *   (b) nothing is half-applied: every relation has its claims, every change has exactly one
 *       audit entry of its kind, and every audit entry refers to something that exists;
 *   (c) every write in flight at the kill, retried after the restart with the same
 *       Idempotency-Key, either replays (it had committed) or applies once (it had not), and
 *       never duplicates;
 *   (d) the audit log verifies: `concord audit verify` exits 0.
 *
 * The state accumulates over all the kills of a run, in one data folder: an acknowledged write
 * of the first round must still be there after the last.
 *
 * A kill hits the server's node process only, as a crash of Concord would: its PostgreSQL lives
 * on as an orphan, which the next start must stop (src/db/embedded.ts, stopOrphanedPostmaster).
 * Every `postgresEvery`-th kill hits PostgreSQL's process group too, at the same moment (as
 * the OOM killer or `docker kill` would): the next start then goes through PostgreSQL's own
 * crash recovery from its write-ahead log, which is where synchronous_commit matters.
 *
 * Used by test/crash/crash.test.ts (CI, 50 kills) and test/crash/cli.ts (`npm run test:crash`).
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "../../src/db/client.ts";
import { verifyLog } from "../../src/services/audit/log.ts";
import { makeDataDir, runConcord, startConcordProcess, type ServerProcess } from "../support/process.ts";

export type CrashOptions = {
  /** How many times the server is killed (and restarted). */
  kills: number;
  /** Concurrent writers. Each writes its relations for one state of its own. */
  writers?: number;
  /** The kill comes uniformly between these many milliseconds after the writers start. */
  killAfterMs?: [number, number];
  /** Every n-th kill also kills PostgreSQL (the whole process group); 0: never. */
  postgresEvery?: number;
  /** After every n-th kill, the restart itself is killed (SIGKILL, the server alone) at a random moment of its start-up, then started again; 0: never. */
  startupKillEvery?: number;
  /** Run `concord audit verify` (a child process) after every n-th restart, and always after the last; in between the chain is verified in-process. */
  cliVerifyEvery?: number;
  /** Seed of the random moments and choices, to replay a run. */
  seed?: number;
  /** Keep the data folder afterwards (it is always kept when a problem was found). */
  keepDataDir?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
};

export type CrashReport = {
  seed: number;
  dataDir: string;
  dataDirKept: boolean;
  kills: number;
  nodeOnlyKills: number;
  postgresKills: number;
  /** Restarts killed while they started up (counted apart from `kills`). */
  startupKills: number;
  orphansStopped: number;
  /** Starts that found the cluster not shut down properly and replayed its write-ahead log. */
  crashRecoveries: number;
  writers: number;
  writesSent: number;
  acknowledged: number;
  acknowledgedByKind: Record<WriteKind, number>;
  inFlight: number;
  inFlightCommitted: number;
  inFlightNotCommitted: number;
  writesVerified: number;
  relationsReadOverApi: number;
  auditEntries: number;
  auditChecksInProcess: number;
  auditVerifyCliRuns: number;
  postgresSettings: Record<string, string>;
  /** Kill → health 200, by what was killed; afterStartupKill: the restart was killed too, and started again. */
  recoveryMs: { nodeOnly: number[]; withPostgres: number[]; afterStartupKill: number[] };
  roundMs: number[];
  totalMs: number;
  /** Everything that went wrong, by category; every list must be empty. */
  problems: {
    lost: string[];
    duplicated: string[];
    halfApplied: string[];
    unexpectedAnswers: string[];
    auditVerify: string[];
    restart: string[];
    settings: string[];
  };
};

export type WriteKind = "source" | "relation" | "cite" | "patch";

/** One write as a client sees it: what it sent, and whether it got an answer. */
type Write = {
  kind: WriteKind;
  writer: number;
  n: number;
  key: string;
  method: string;
  path: string;
  body: unknown;
  /** Which relation (subject, since) the write is about, for relation, cite and patch. */
  relation?: string;
  outcome?: "acknowledged" | "in-flight" | "failed";
};

/** What the registry must hold for one relation written by the harness. */
type ExpectedRelation = {
  /** `${writer}-${n}`, as written in its notes. */
  tag: string;
  id: number;
  subject: string;
  since: string;
  until: string;
  cites: number;
  patched: boolean;
};

const SUBJECTS = [
  "ESP",
  "FRA",
  "ITA",
  "DEU",
  "PRT",
  "NLD",
  "JPN",
  "KOR",
  "ISR",
  "EGY",
  "IND",
  "CHN",
  "POL",
  "GRC",
  "TUR",
  "AUS",
];
/** The organisation whose relations the harness writes; its administrator writes them (its own part of the registry). */
const OBJECT = "OAS";
const KIND = "observer";
const EMAIL = "crash-harness@example.org";
const PASSWORD = "crash harness password, long enough";
const REQUEST_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 120_000;
/** A killed start-up is killed within this many milliseconds of its spawn (a start takes about one to two seconds). */
const STARTUP_KILL_WINDOW_MS = 2_000;

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const writers = options.writers ?? 4;
  if (writers < 1 || writers > SUBJECTS.length) throw new Error(`writers must be between 1 and ${SUBJECTS.length}`);
  const [killMin, killMax] = options.killAfterMs ?? [50, 800];
  const postgresEvery = options.postgresEvery ?? 5;
  const startupKillEvery = options.startupKillEvery ?? 0;
  const cliVerifyEvery = Math.max(1, options.cliVerifyEvery ?? 1);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = mulberry32(seed);
  const dataDir = await makeDataDir();
  const env = {
    CONCORD_DATA_DIR: dataDir,
    // Publish signed audit heads every second, so kills also land in the middle of publishing one.
    CONCORD_AUDIT_HEAD_SECONDS: "1",
  };
  // PostgreSQL's own output too, to see how each start found the cluster (clean or crash recovery).
  const serverEnv = { ...env, CONCORD_LOG: "debug" };

  const report: CrashReport = {
    seed,
    dataDir,
    dataDirKept: false,
    kills: 0,
    nodeOnlyKills: 0,
    postgresKills: 0,
    startupKills: 0,
    orphansStopped: 0,
    crashRecoveries: 0,
    writers,
    writesSent: 0,
    acknowledged: 0,
    acknowledgedByKind: { source: 0, relation: 0, cite: 0, patch: 0 },
    inFlight: 0,
    inFlightCommitted: 0,
    inFlightNotCommitted: 0,
    writesVerified: 0,
    relationsReadOverApi: 0,
    auditEntries: 0,
    auditChecksInProcess: 0,
    auditVerifyCliRuns: 0,
    postgresSettings: {},
    recoveryMs: { nodeOnly: [], withPostgres: [], afterStartupKill: [] },
    roundMs: [],
    totalMs: 0,
    problems: {
      lost: [],
      duplicated: [],
      halfApplied: [],
      unexpectedAnswers: [],
      auditVerify: [],
      restart: [],
      settings: [],
    },
  };
  const problemCount = () => Object.values(report.problems).reduce((sum, list) => sum + list.length, 0);

  // The model: what the registry must hold, built from acknowledged writes and resolved retries.
  const sources = new Set<string>();
  const relations = new Map<string, ExpectedRelation>(); // by `${subject} ${since}`
  const keys = new Map<string, number>(); // Idempotency-Key → the status answered
  const nextIndex = Array.from({ length: writers }, () => 0);

  let server: ServerProcess | undefined;
  let database: pg.Pool | undefined;
  let session: { cookie: string; csrf: string } | undefined;

  const apply = (write: Write, status: number, body: any) => {
    keys.set(write.key, status);
    switch (write.kind) {
      case "source":
        sources.add((write.body as { id: string }).id);
        break;
      case "relation": {
        const relation = body.relation as { id: number; subject: string; since: string; until: string };
        relations.set(write.relation!, {
          tag: `${write.writer}-${write.n}`,
          id: relation.id,
          subject: relation.subject,
          since: relation.since,
          until: relation.until,
          cites: 0,
          patched: false,
        });
        break;
      }
      case "cite":
        relations.get(write.relation!)!.cites += 1;
        break;
      case "patch":
        relations.get(write.relation!)!.patched = true;
        break;
    }
  };

  const send = async (write: Write) => {
    const response = await fetch(server!.url + write.path, {
      method: write.method,
      headers: {
        "Content-Type": "application/json",
        Cookie: session!.cookie,
        "X-CSRF-Token": session!.csrf,
        "Idempotency-Key": write.key,
      },
      body: JSON.stringify(write.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // Acknowledged only once the whole answer is in: a status line alone is not an answer.
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      replayed: response.headers.get("idempotency-replayed") === "true",
    };
  };

  const startServer = async () => {
    server = await startConcordProcess(serverEnv, { timeoutMs: START_TIMEOUT_MS, ownProcessGroup: true });
    const health = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (health.status !== 200) throw new Error(`health answered ${health.status} after a start`);
    await database?.end().catch(() => {});
    database = await connect(dataDir, server.child.pid!);
  };

  try {
    // The administrator, made by the CLI on a folder with no server: it initialises the cluster.
    const admin = await runConcord(["admin", "create", "--email", EMAIL, "--organization", OBJECT], env, {
      input: PASSWORD,
      timeoutMs: START_TIMEOUT_MS,
    });
    if (admin.code !== 0) throw new Error(`concord admin create failed (${admin.code}):\n${admin.stderr}`);
    await startServer();
    session = await signIn(server!.url);
    report.postgresSettings = await settings(database!);
    for (const [name, wanted] of Object.entries(DURABLE_SETTINGS)) {
      if (report.postgresSettings[name] !== wanted)
        report.problems.settings.push(`${name} is ${report.postgresSettings[name]}, must be ${wanted}`);
    }
    log(
      `data folder ${dataDir}, seed ${seed}, ${writers} writers, PostgreSQL ${Object.entries(report.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
    );

    for (let round = 1; round <= options.kills; round++) {
      const roundStarted = performance.now();
      const withPostgres = postgresEvery > 0 && round % postgresEvery === 0;
      const killStartup = startupKillEvery > 0 && round % startupKillEvery === 0;
      const killAt = killMin + random() * (killMax - killMin);
      let stopping = false;
      const inFlight: Write[] = [];
      const roundWrites: Write[] = [];

      const attempt = async (write: Write): Promise<any | undefined> => {
        report.writesSent += 1;
        roundWrites.push(write);
        try {
          const answer = await send(write);
          if (answer.status >= 200 && answer.status < 300) {
            write.outcome = "acknowledged";
            report.acknowledged += 1;
            report.acknowledgedByKind[write.kind] += 1;
            apply(write, answer.status, answer.body);
            return answer.body;
          }
          write.outcome = "failed";
          report.problems.unexpectedAnswers.push(
            `round ${round}: ${write.method} ${write.path} (${write.key}) answered ${answer.status} ${JSON.stringify(answer.body)}`,
          );
          return undefined;
        } catch (error) {
          write.outcome = "in-flight";
          inFlight.push(write);
          if (!stopping)
            report.problems.unexpectedAnswers.push(
              `round ${round}: ${write.key} failed before the kill: ${describe(error)}`,
            );
          return undefined;
        }
      };

      const writer = async (w: number) => {
        const subject = SUBJECTS[w]!;
        while (!stopping) {
          const n = nextIndex[w]!++;
          const sourceId = `crash-${w}-${n}`;
          const since = day(n);
          const until = day(n + 1);
          const relationKey = `${subject} ${since}`;
          const source = await attempt({
            kind: "source",
            writer: w,
            n,
            key: `${sourceId}-source`,
            method: "POST",
            path: "/api/v1/sources",
            body: { id: sourceId, title: `Crash harness source ${w}-${n}`, publisher: "Concord crash harness" },
          });
          if (!source || stopping) return;
          const created = await attempt({
            kind: "relation",
            writer: w,
            n,
            key: `${sourceId}-relation`,
            method: "POST",
            path: "/api/v1/relations",
            relation: relationKey,
            body: {
              subject,
              object: OBJECT,
              kind: KIND,
              since,
              until,
              claims: [
                { source: sourceId, note: `crash harness write ${w}-${n}` },
                { source: "nato-member-countries", field: "since", date: since },
              ],
            },
          });
          if (!created || stopping) return;
          const id = created.relation.id as number;
          const choice = random();
          if (choice < 1 / 3) {
            await attempt({
              kind: "cite",
              writer: w,
              n,
              key: `${sourceId}-cite`,
              method: "POST",
              path: `/api/v1/relations/${id}/claims`,
              relation: relationKey,
              body: { source: sourceId, field: "until", date: until, note: `cited ${w}-${n}` },
            });
          } else if (choice < 2 / 3) {
            await attempt({
              kind: "patch",
              writer: w,
              n,
              key: `${sourceId}-patch`,
              method: "PATCH",
              path: `/api/v1/relations/${id}`,
              relation: relationKey,
              body: {
                note: `patched ${w}-${n}`,
                certainty: "uncertain",
                claim: { source: sourceId, note: `patch ${w}-${n}` },
              },
            });
          }
        }
      };

      const running = Array.from({ length: writers }, (_, w) => writer(w));
      await sleep(killAt);
      stopping = true;
      const victim = server!;
      const killedAt = performance.now();
      if (withPostgres) {
        // PostgreSQL runs in a process group of its own (src/db/embedded.ts): both groups go at once.
        const postmaster = await postmasterPid(dataDir);
        process.kill(-victim.child.pid!, "SIGKILL");
        if (postmaster) process.kill(-postmaster, "SIGKILL");
      } else victim.child.kill("SIGKILL");
      await victim.exited;
      await Promise.all(running);
      report.kills += 1;
      if (withPostgres) report.postgresKills += 1;
      else report.nodeOnlyKills += 1;

      // Restart on the same folder, and time it until the health check answers 200.
      try {
        if (killStartup) {
          // A crash while starting up: stopping the orphan, starting or recovering PostgreSQL, migrating.
          let starting: ChildProcess | undefined;
          const attempt = startConcordProcess(serverEnv, {
            timeoutMs: START_TIMEOUT_MS,
            ownProcessGroup: true,
            onSpawn: (child) => (starting = child),
          });
          const served = attempt.then(
            (early) => early,
            () => undefined,
          );
          await Promise.race([served, sleep(random() * STARTUP_KILL_WINDOW_MS)]);
          starting!.kill("SIGKILL");
          const early = await served;
          if (early) await early.exited;
          report.startupKills += 1;
        }
        await startServer();
      } catch (error) {
        report.problems.restart.push(`round ${round}: the restart failed: ${describe(error)}`);
        break;
      }
      const recovery = performance.now() - killedAt;
      (killStartup
        ? report.recoveryMs.afterStartupKill
        : withPostgres
          ? report.recoveryMs.withPostgres
          : report.recoveryMs.nodeOnly
      ).push(recovery);
      // How the start found things: an orphan to stop (the server alone was killed), or a cluster
      // to recover from its write-ahead log (PostgreSQL was killed too).
      const output = server!.output();
      const stoppedOrphan = output.includes("left running by a Concord process that ended abruptly");
      const recovered = output.includes("automatic recovery in progress");
      if (stoppedOrphan) report.orphansStopped += 1;
      if (recovered) report.crashRecoveries += 1;
      // (After a killed start-up, what the next start finds depends on where that kill landed.)
      if (!killStartup && (stoppedOrphan === withPostgres || recovered !== withPostgres)) {
        report.problems.restart.push(
          `round ${round}: after a kill of the server${withPostgres ? " and PostgreSQL" : " alone"} the start ${stoppedOrphan ? "stopped" : "found no"} orphaned PostgreSQL and ${recovered ? "ran" : "did not run"} crash recovery`,
        );
      }

      // (c) Retry what was in flight, with the same key and body: it replays or applies, once.
      report.inFlight += inFlight.length;
      for (const write of inFlight) {
        try {
          const answer = await send(write);
          if (answer.status >= 200 && answer.status < 300) {
            if (answer.replayed) report.inFlightCommitted += 1;
            else report.inFlightNotCommitted += 1;
            apply(write, answer.status, answer.body);
          } else {
            const list = answer.status === 409 ? report.problems.duplicated : report.problems.unexpectedAnswers;
            list.push(
              `round ${round}: retry of in-flight ${write.key} answered ${answer.status} ${JSON.stringify(answer.body)}`,
            );
          }
        } catch (error) {
          report.problems.unexpectedAnswers.push(
            `round ${round}: retry of in-flight ${write.key} failed: ${describe(error)}`,
          );
        }
      }

      // (a), (b): the whole registry against the model, after every restart.
      const checked = await checkDatabase(
        database!,
        { writers, sources, relations, keys },
        report.problems,
        `round ${round}`,
      );
      report.writesVerified = checked.writes;
      // The relations this round touched, read back through the API.
      const touched = new Set(
        roundWrites.filter((write) => write.relation && relations.has(write.relation)).map((write) => write.relation!),
      );
      report.relationsReadOverApi += await checkOverApi(
        server!.url,
        [...touched].map((key) => relations.get(key)!),
        report.problems,
        `round ${round}`,
      );

      // (d) The audit log: in-process after every restart, with the CLI every cliVerifyEvery-th.
      const chain = await verifyLog(createDatabase(database!));
      report.auditChecksInProcess += 1;
      if (!chain.ok)
        report.problems.auditVerify.push(`round ${round}: audit log BROKEN at entry ${chain.entryId}: ${chain.reason}`);
      if (round % cliVerifyEvery === 0 || round === options.kills) {
        const verified = await runConcord(["audit", "verify"], env, { timeoutMs: START_TIMEOUT_MS });
        report.auditVerifyCliRuns += 1;
        if (verified.code !== 0)
          report.problems.auditVerify.push(
            `round ${round}: concord audit verify exited ${verified.code}: ${verified.stderr.trim()}`,
          );
        else if (verified.stderr.includes("left running"))
          report.problems.auditVerify.push(
            `round ${round}: concord audit verify did not borrow the server's database: ${verified.stderr.trim()}`,
          );
      }

      report.roundMs.push(performance.now() - roundStarted);
      log(
        `kill ${round}/${options.kills}${withPostgres ? " (with PostgreSQL)" : ""}${killStartup ? " (and its restart)" : ""} at ${Math.round(killAt)} ms: ` +
          `${roundWrites.filter((write) => write.outcome === "acknowledged").length} acknowledged, ${inFlight.length} in flight; ` +
          `back in ${Math.round(recovery)} ms; ${checked.writes} writes and ${chain.ok ? chain.count : "?"} audit entries verified` +
          (problemCount() > 0 ? `; ${problemCount()} PROBLEM(S)` : ""),
      );
      if (problemCount() > 50) break; // enough evidence; stop burning time
    }

    // At the end: every relation read back through the API, the log verified once more, a clean stop.
    if (server && report.problems.restart.length === 0) {
      report.relationsReadOverApi += await checkOverApi(server.url, [...relations.values()], report.problems, "final");
      const final = await verifyLog(createDatabase(database!));
      report.auditChecksInProcess += 1;
      if (final.ok) report.auditEntries = final.count;
      else report.problems.auditVerify.push(`final: audit log BROKEN at entry ${final.entryId}: ${final.reason}`);
      await database!.end();
      database = undefined;
      server.child.kill("SIGTERM");
      const stopped = await server.exited;
      server = undefined;
      if (stopped.code !== 0)
        report.problems.restart.push(`the final clean stop exited ${stopped.code ?? stopped.signal}`);
      // A clean stop leaves neither the lock nor a PostgreSQL behind.
      for (const file of ["concord.lock", "db/postmaster.pid"]) {
        if (
          await fs.access(path.join(dataDir, file)).then(
            () => true,
            () => false,
          )
        )
          report.problems.restart.push(`the final clean stop left ${file} behind`);
      }
    }
  } finally {
    await database?.end().catch(() => {});
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGTERM");
      const stopped = await Promise.race([server.exited, sleep(30_000).then(() => undefined)]);
      if (!stopped) process.kill(-server.child.pid!, "SIGKILL");
    }
    await stopLeftoverPostgres(dataDir);
    report.totalMs = performance.now() - started;
    report.dataDirKept = Boolean(options.keepDataDir) || problemCount() > 0;
    if (!report.dataDirKept) await fs.rm(dataDir, { recursive: true, force: true });
  }
  return report;
}

/** Settings without which an acknowledged commit may not survive a crash of PostgreSQL. */
const DURABLE_SETTINGS: Record<string, string> = { fsync: "on", synchronous_commit: "on", full_page_writes: "on" };

async function settings(database: pg.Pool): Promise<Record<string, string>> {
  const names = [...Object.keys(DURABLE_SETTINGS), "wal_sync_method", "wal_level"];
  const rows = (await database.query("SELECT name, setting FROM pg_settings WHERE name = ANY($1)", [names]))
    .rows as Array<{ name: string; setting: string }>;
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

/** A read-only connection to the running server's database, from its lock file and credentials. */
async function connect(dataDir: string, serverPid: number): Promise<pg.Pool> {
  const lock = JSON.parse(await fs.readFile(path.join(dataDir, "concord.lock"), "utf8")) as {
    pid: number;
    port: number;
  };
  if (lock.pid !== serverPid) throw new Error(`concord.lock names pid ${lock.pid}, not the server's ${serverPid}`);
  const { password } = JSON.parse(await fs.readFile(path.join(dataDir, "db-credentials.json"), "utf8")) as {
    password: string;
  };
  const pool = new pg.Pool({
    host: "127.0.0.1",
    port: lock.port,
    user: "concord",
    password,
    database: "concord",
    max: 2,
    options: "-c default_transaction_read_only=on",
  });
  pool.on("error", () => {});
  return pool;
}

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing in answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

type Model = {
  writers: number;
  sources: Set<string>;
  relations: Map<string, ExpectedRelation>;
  keys: Map<string, number>;
};

/**
 * The whole registry against the model: every acknowledged write present exactly once, nothing
 * half-applied, one audit entry per change. Returns how many writes it found in place.
 */
async function checkDatabase(
  database: pg.Pool,
  model: Model,
  problems: CrashReport["problems"],
  where: string,
): Promise<{ writes: number }> {
  const subjects = SUBJECTS.slice(0, model.writers);
  const client = await database.connect();
  try {
    // One snapshot for all the queries below.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let writes = 0;

    // Sources: every acknowledged one, and no other.
    const storedSources = new Set(
      (await client.query("SELECT id FROM sources WHERE id LIKE 'crash-%'")).rows.map((row) => row.id as string),
    );
    for (const id of model.sources) {
      if (storedSources.has(id)) writes += 1;
      else problems.lost.push(`${where}: source ${id} was acknowledged and is missing`);
    }
    for (const id of storedSources)
      if (!model.sources.has(id))
        problems.duplicated.push(`${where}: source ${id} is stored but was never acknowledged nor retried`);

    // Relations: each acknowledged one once, under the id answered, with all its claims and changes.
    const rows = (
      await client.query(
        `SELECT r.id::int AS id, r.subject_code AS subject, lower(r.valid)::text AS since, upper(r.valid)::text AS until, r.note, r.certainty,
                (SELECT count(*)::int FROM claims c WHERE c.relation_id = r.id) AS claims
         FROM relations r WHERE r.object_code = $1 AND r.kind = $2 AND r.subject_code = ANY($3)`,
        [OBJECT, KIND, subjects],
      )
    ).rows as Array<{
      id: number;
      subject: string;
      since: string;
      until: string;
      note: string | null;
      certainty: string;
      claims: number;
    }>;
    const stored = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.subject} ${row.since}`;
      stored.set(key, [...(stored.get(key) ?? []), row]);
    }
    for (const [key, expected] of model.relations) {
      const found = stored.get(key) ?? [];
      if (found.length === 0) {
        problems.lost.push(`${where}: relation ${expected.id} (${key}) was acknowledged and is missing`);
        continue;
      }
      if (found.length > 1)
        problems.duplicated.push(
          `${where}: relation ${key} is stored ${found.length} times (ids ${found.map((row) => row.id).join(", ")})`,
        );
      const row = found[0]!;
      writes += 1 + expected.cites + (expected.patched ? 1 : 0);
      if (row.id !== expected.id)
        problems.duplicated.push(`${where}: relation ${key} has id ${row.id}, the answer said ${expected.id}`);
      if (row.until !== expected.until)
        problems.halfApplied.push(`${where}: relation ${key} ends ${row.until}, not ${expected.until}`);
      const claims = 2 + expected.cites + (expected.patched ? 1 : 0);
      if (row.claims !== claims) {
        (row.claims < claims ? problems.lost : problems.halfApplied).push(
          `${where}: relation ${expected.id} (${key}) has ${row.claims} claims, expected ${claims}`,
        );
      }
      const note = expected.patched ? `patched ${expected.tag}` : null;
      if (row.note !== note || row.certainty !== (expected.patched ? "uncertain" : "confirmed")) {
        (expected.patched ? problems.lost : problems.halfApplied).push(
          `${where}: relation ${expected.id} (${key}) has note ${row.note} and certainty ${row.certainty}, expected ${note}`,
        );
      }
    }
    for (const [key, found] of stored)
      if (!model.relations.has(key))
        problems.duplicated.push(
          `${where}: relation ${key} (ids ${found.map((row) => row.id).join(", ")}) is stored but was never acknowledged nor retried`,
        );

    // Nothing half-applied anywhere: every relation (the starter data's too) has a claim.
    const uncited = (
      await client.query(
        "SELECT id::int AS id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.relation_id = r.id)",
      )
    ).rows;
    for (const row of uncited) problems.halfApplied.push(`${where}: relation ${row.id} has no claim`);

    // The audit log: one entry per change, each naming something that exists.
    const audited = (
      await client.query(
        `SELECT action, object_id AS "objectId", count(*)::int AS n FROM audit_log
         WHERE action IN ('source.create', 'relation.create', 'relation.update', 'relation.cite') GROUP BY action, object_id`,
      )
    ).rows as Array<{ action: string; objectId: string; n: number }>;
    const count = (action: string, id: string | number) =>
      audited.find((row) => row.action === action && row.objectId === String(id))?.n ?? 0;
    const existingRelations = new Set(
      (await client.query("SELECT id::text AS id FROM relations")).rows.map((row) => row.id as string),
    );
    const existingSources = new Set((await client.query("SELECT id FROM sources")).rows.map((row) => row.id as string));
    for (const row of audited) {
      const exists =
        row.action === "source.create" ? existingSources.has(row.objectId) : existingRelations.has(row.objectId);
      if (!exists)
        problems.halfApplied.push(
          `${where}: ${row.n} ${row.action} audit entr(ies) for ${row.objectId}, which does not exist`,
        );
    }
    for (const id of model.sources) {
      const n = count("source.create", id);
      if (n !== 1) problems.halfApplied.push(`${where}: source ${id} has ${n} source.create audit entries`);
    }
    for (const [key, expected] of model.relations) {
      const wanted: Array<[string, number]> = [
        ["relation.create", 1],
        ["relation.cite", expected.cites],
        ["relation.update", expected.patched ? 1 : 0],
      ];
      for (const [action, n] of wanted) {
        const found = count(action, expected.id);
        if (found !== n)
          problems.halfApplied.push(
            `${where}: relation ${expected.id} (${key}) has ${found} ${action} audit entries, expected ${n}`,
          );
      }
    }

    // Every acknowledged key keeps its answer, so a late retry still replays.
    const storedKeys = new Map(
      (await client.query("SELECT key, status FROM idempotency_keys WHERE key LIKE 'crash-%'")).rows.map((row) => [
        row.key as string,
        row.status as number,
      ]),
    );
    for (const [key, status] of model.keys) {
      if (storedKeys.get(key) !== status)
        problems.lost.push(
          `${where}: Idempotency-Key ${key} answered ${status} and is stored as ${storedKeys.get(key)}`,
        );
    }
    // …and no key is stored for a change the model does not know of (a change without its answer, or the reverse).
    for (const key of storedKeys.keys())
      if (!model.keys.has(key))
        problems.halfApplied.push(
          `${where}: Idempotency-Key ${key} is stored but its change was never acknowledged nor retried`,
        );

    await client.query("COMMIT");
    return { writes };
  } finally {
    client.release();
  }
}

/** Each relation read back through GET /api/v1/relations/{id}. Returns how many were read. */
async function checkOverApi(
  url: string,
  expected: ExpectedRelation[],
  problems: CrashReport["problems"],
  where: string,
): Promise<number> {
  let next = 0;
  const reader = async () => {
    while (next < expected.length) {
      const relation = expected[next++]!;
      const response = await fetch(`${url}/api/v1/relations/${relation.id}`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.status !== 200) {
        problems.lost.push(`${where}: GET /api/v1/relations/${relation.id} answered ${response.status}`);
        await response.body?.cancel();
        continue;
      }
      const body = (await response.json()) as {
        relation: { subject: string; since: string; until: string; claims: unknown[] };
      };
      const claims = 2 + relation.cites + (relation.patched ? 1 : 0);
      if (
        body.relation.subject !== relation.subject ||
        body.relation.since !== relation.since ||
        body.relation.claims.length !== claims
      ) {
        problems.lost.push(
          `${where}: GET /api/v1/relations/${relation.id} shows ${body.relation.subject} since ${body.relation.since} with ${body.relation.claims.length} claims; ` +
            `expected ${relation.subject} since ${relation.since} with ${claims}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, reader));
  return expected.length;
}

/** The running postmaster's pid (the leader of PostgreSQL's own process group), from postmaster.pid. */
async function postmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(path.join(dataDir, "db", "postmaster.pid"), "utf8")).split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** After a failure: a PostgreSQL still running on the folder (an orphan) is stopped. */
async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await fs.readFile(path.join(dataDir, "db", "postmaster.pid"), "utf8")).split("\n")[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 30_000 && (await isRunning(pid)); waited += 100) await sleep(100);
}

/** Alive and not a zombie (an orphan's parent may reap it late: PID 1 in a container). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** The n-th day after 1800-01-01: relation n of a writer holds for that one day. */
function day(n: number): string {
  return new Date(Date.UTC(1800, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a run can be replayed with its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The figures, one per line, for the console and the README. */
export function formatReport(report: CrashReport): string {
  const ms = (value: number) => (Number.isNaN(value) ? "–" : `${Math.round(value)} ms`);
  const all = [...report.recoveryMs.nodeOnly, ...report.recoveryMs.withPostgres]; // a single restart each
  const problems = Object.entries(report.problems).filter(([, list]) => list.length > 0);
  const lines = [
    `Crash harness: ${report.kills} kills with SIGKILL (${report.nodeOnlyKills} of the server alone, ${report.postgresKills} of the server with its PostgreSQL), ` +
      `and ${report.startupKills} restarts killed while starting up; ${report.writers} concurrent writers, seed ${report.seed}`,
    `  PostgreSQL: ${Object.entries(report.postgresSettings)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ")}`,
    `  writes sent ${report.writesSent}; acknowledged ${report.acknowledged} (${Object.entries(
      report.acknowledgedByKind,
    )
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ")})`,
    `  in flight at a kill ${report.inFlight}: on retry with the same Idempotency-Key ${report.inFlightCommitted} replayed (had committed), ${report.inFlightNotCommitted} applied once (had not)`,
    `  verified after the last restart: ${report.writesVerified} writes in place, ${report.auditEntries} audit entries in an intact chain; ` +
      `${report.relationsReadOverApi} relation reads over the API; audit log verified ${report.auditChecksInProcess} times in-process, ${report.auditVerifyCliRuns} times by concord audit verify`,
    `  restarts: ${report.orphansStopped} stopped the orphaned PostgreSQL left by the killed server, ${report.crashRecoveries} recovered a killed PostgreSQL from its write-ahead log`,
    `  recovery (kill → health 200): p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(all.length > 0 ? Math.max(...all) : Number.NaN)}; ` +
      `server alone p50 ${ms(percentile(report.recoveryMs.nodeOnly, 50))} p99 ${ms(percentile(report.recoveryMs.nodeOnly, 99))}; ` +
      `with PostgreSQL p50 ${ms(percentile(report.recoveryMs.withPostgres, 50))} p99 ${ms(percentile(report.recoveryMs.withPostgres, 99))}; ` +
      `restart killed too p50 ${ms(percentile(report.recoveryMs.afterStartupKill, 50))} p99 ${ms(percentile(report.recoveryMs.afterStartupKill, 99))}`,
    `  total ${(report.totalMs / 1000).toFixed(1)} s (a round, kill to checked: p50 ${ms(percentile(report.roundMs, 50))})`,
    problems.length === 0
      ? "  lost 0, duplicated 0, half-applied 0, unexpected answers 0, audit verify failures 0, failed restarts 0"
      : `  PROBLEMS: ${problems.map(([name, list]) => `${name} ${list.length}`).join(", ")} (data folder kept: ${report.dataDir})`,
  ];
  for (const [name, list] of problems) {
    lines.push(`  ${name}:`);
    for (const line of list.slice(0, 20)) lines.push(`    ${line}`);
    if (list.length > 20) lines.push(`    … and ${list.length - 20} more`);
  }
  return lines.join("\n");
}
