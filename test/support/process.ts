import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const bin = path.resolve(import.meta.dirname, "../../bin/concord.mjs");

/** Names the bundle of the current sources that global-setup built for this run (concord-build.ts). */
export const BUILD_ENV = "CONCORD_TEST_BUILD";

/**
 * What `node` is given to run `concord …`: this run's bundle of the current sources, its stack
 * traces mapped back to them; outside a Vitest run that built one, bin/concord.mjs (the sources
 * through tsx, slower to start). Never an older build.
 */
export function concordNodeArgs(): string[] {
  const built = process.env[BUILD_ENV];
  return built ? ["--enable-source-maps", built] : [bin];
}

/** The same as the start of a bash command line: `"…/node" "…/concord.mjs"`. */
export function concordCommandLine(): string {
  return [process.execPath, ...concordNodeArgs()].map((word) => `"${word}"`).join(" ");
}

/**
 * The environment a child Concord gets: ours, minus anything that would redirect it, speaking
 * English whatever the machine's locale (a test asks for another language itself).
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, CONCORD_LOG: "info", CONCORD_LANG: "en", ...env };
}

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * How long a child Concord may take to come up or finish before a test gives up on it: generous,
 * for a busy two-core machine running other tests beside it. Tests wait for a state (a printed
 * line, an exit), never for a time; this only bounds how long they wait.
 */
export const PROCESS_TIMEOUT_MS = 180_000;

/** Runs `concord …` to completion, as another user (through runuser) when `asUser` is given. */
export function runConcord(
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs?: number; asUser?: string; input?: string } = {},
): Promise<Finished> {
  const timeoutMs = options.timeoutMs ?? PROCESS_TIMEOUT_MS;
  const [command, commandArgs] = options.asUser
    ? ["runuser", ["-u", options.asUser, "--", process.execPath, ...concordNodeArgs(), ...args]]
    : [process.execPath, [...concordNodeArgs(), ...args]];
  const child = spawn(command, commandArgs, {
    env: childEnv(env),
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  return finished(child, `concord ${args.join(" ")}`, timeoutMs);
}

/** Collects a child's output until it closes; gives up (and kills it) after `timeoutMs`. */
function finished(child: ChildProcess, what: string, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${what} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs a bash command line (a pipeline, say) to completion with a child Concord's environment. */
export function runShell(line: string, env: Record<string, string>): Promise<Finished> {
  const child = spawn("bash", ["-c", line], { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  return finished(child, line, PROCESS_TIMEOUT_MS);
}

export type ServerProcess = { child: ChildProcess; url: string; output: () => string; exited: Promise<Finished> };

/**
 * Starts `concord start` and waits until it has printed the whole line saying where it serves
 * (output arrives in chunks: a chunk may end in the middle of the address).
 */
export function startConcordProcess(
  env: Record<string, string>,
  options: {
    timeoutMs?: number;
    ownProcessGroup?: boolean;
    /** Called with the child as soon as it is spawned, before it serves (e.g. to kill it while it starts). */
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? PROCESS_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...concordNodeArgs(), "start"], {
      env: childEnv({ PORT: "0", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, as a terminal gives a command: a group signal reaches PostgreSQL too.
      detached: options.ownProcessGroup ?? false,
    });
    options.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    const exited = new Promise<Finished>((done) =>
      child.on("close", (code, signal) => done({ code, signal, stdout, stderr })),
    );
    const timer = setTimeout(
      () => reject(new Error(`concord start did not come up in ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    child.stdout!.on("data", (chunk) => (stdout += chunk));
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const match = /serving on (http:\/\/\S+)[^\n]*\n/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => stderr, exited });
      }
    });
    void exited.then((finished) => {
      clearTimeout(timer);
      reject(
        new Error(`concord start exited (${finished.code ?? finished.signal}) before serving:\n${finished.stderr}`),
      );
    });
  });
}

/**
 * Waits for the process to exit (the state), failing after `timeoutMs` with what it printed and
 * what it was waited for after. Nothing is killed: see `stopConcordProcess` for a cleanup.
 */
export function exitOf(server: ServerProcess, after: string, timeoutMs = PROCESS_TIMEOUT_MS): Promise<Finished> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`concord start did not exit within ${timeoutMs} ms of ${after}:\n${server.output()}`)),
      timeoutMs,
    );
  });
  return Promise.race([server.exited, late]).finally(() => clearTimeout(timer));
}

/**
 * A cleanup for a test that failed half-way: a server still running is asked to stop (SIGTERM,
 * which stops its PostgreSQL too) and, if it has not within the bound, killed with its process group.
 */
export async function stopConcordProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  try {
    await exitOf(server, "SIGTERM (cleanup)");
  } catch {
    try {
      process.kill(-server.child.pid!, "SIGKILL");
    } catch {
      server.child.kill("SIGKILL");
    }
  }
}

/** A data folder the embedded PostgreSQL can use, also when the tests run as root. */
export async function makeDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-data-"));
  await fs.chmod(dir, 0o755);
  return dir;
}

/**
 * Whether the process still runs. A zombie does not: it has exited and waits for its parent to
 * collect its status, which for an orphan (PID 1's child now) may come late or never.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux"; // gone meanwhile; elsewhere, no /proc: trust kill(pid, 0)
  }
}
