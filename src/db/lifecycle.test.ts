/**
 * The embedded database's life as people meet it: `concord start`, a second start refused, the
 * CLI beside a running server, clean stops on signals, and recovery after a hard kill.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exitOf,
  isAlive,
  makeDataDir,
  runConcord,
  type ServerProcess,
  startConcordProcess,
  stopConcordProcess,
} from "../../test/support/process.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await makeDataDir();
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const postmasterPid = async () => {
  try {
    return Number((await fs.readFile(path.join(dataDir, "db/postmaster.pid"), "utf8")).split("\n")[0]);
  } catch {
    return undefined;
  }
};

// Generous bounds for a busy two-core machine: every wait below is for a state (a printed line,
// an exit, a file gone), and these only say how long to wait for it before failing.
describe("the embedded database", { timeout: 300_000 }, () => {
  let server: ServerProcess | undefined;
  // A test that failed half-way may leave its server running: stop it before the folder goes.
  afterAll(async () => {
    await stopConcordProcess(server);
  });

  it("starts on a new folder: initialises, migrates, loads the starter data, serves", async () => {
    server = await startConcordProcess({ CONCORD_DATA_DIR: dataDir });
    expect(server.output()).toContain("Loaded the starter data set");
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(await health.json()).toEqual({ status: "ok" });
  });

  it("refuses a second server on the same folder, with a message saying who holds it", async () => {
    const second = await runConcord(["start"], { CONCORD_DATA_DIR: dataDir, PORT: "0" });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Another Concord process (pid ${server!.child.pid}, server`);
    expect(second.stderr).toContain(dataDir);
  });

  it("lets the CLI use the running server's database, giving the API's answer", async () => {
    const cli = await runConcord(["members", "NATO", "--at", "2004-03-29", "--json"], { CONCORD_DATA_DIR: dataDir });
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    const api = await (await fetch(`${server!.url}/api/v1/organizations/NATO/members?at=2004-03-29`)).json();
    expect(JSON.parse(cli.stdout)).toEqual(api);
  });

  it("stops the server and the database cleanly on SIGTERM", async () => {
    const postgres = await postmasterPid();
    expect(postgres && isAlive(postgres)).toBe(true);
    server!.child.kill("SIGTERM");
    const finished = await exitOf(server!, "SIGTERM");
    expect(finished.code).toBe(0);
    expect(isAlive(postgres!)).toBe(false);
    await expect(fs.access(path.join(dataDir, "concord.lock"))).rejects.toThrow();
  });

  it("keeps the data across restarts, and loads the starter data only once", async () => {
    const restarted = await startConcordProcess({ CONCORD_DATA_DIR: dataDir });
    server = restarted;
    expect(restarted.output()).not.toContain("Loaded the starter data set");
    restarted.child.kill("SIGINT");
    expect((await exitOf(restarted, "SIGINT")).code).toBe(0);
  });

  it("stops cleanly on Ctrl-C (SIGINT to its whole process group), saying so in one calm line", async () => {
    const started = await startConcordProcess({ CONCORD_DATA_DIR: dataDir }, { ownProcessGroup: true });
    server = started;
    const postgres = await postmasterPid();
    expect(postgres && isAlive(postgres)).toBe(true);
    process.kill(-started.child.pid!, "SIGINT");
    const finished = await exitOf(started, "SIGINT to its process group");
    expect(finished.code, finished.stderr).toBe(0);
    // One calm line, and nothing about the connections PostgreSQL ended on the same Ctrl-C.
    const afterServing = finished.stderr.slice(
      finished.stderr.indexOf("\n", finished.stderr.indexOf("serving on")) + 1,
    );
    expect(afterServing.trim().split("\n")).toEqual(["SIGINT received: stopping the server and the database."]);
    expect(finished.stdout).toBe("");
    expect(isAlive(postgres!)).toBe(false);
    await expect(fs.access(path.join(dataDir, "concord.lock"))).rejects.toThrow();
  });

  it("recovers after the server is killed outright: the CLI stops the orphaned database and starts its own", async () => {
    const killed = await startConcordProcess({ CONCORD_DATA_DIR: dataDir });
    server = killed;
    const orphan = await postmasterPid();
    killed.child.kill("SIGKILL");
    await exitOf(killed, "SIGKILL");
    expect(isAlive(orphan!)).toBe(true);

    const cli = await runConcord(["relations", "COL", "--at", "2019-01-01"], { CONCORD_DATA_DIR: dataDir });
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain("left running by a Concord process that ended abruptly");
    expect(cli.stdout).toContain("partners-across-the-globe");
    expect(isAlive(orphan!)).toBe(false);
    await expect(fs.access(path.join(dataDir, "concord.lock"))).rejects.toThrow();
  });
});

describe("as an ordinary user", { timeout: 300_000 }, () => {
  // Run as root (as CI does), PostgreSQL runs as "postgres"; this checks the other case for real.
  it.skipIf(process.getuid?.() !== 0)("runs its own PostgreSQL as that user, in a folder that user owns", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-nobody-"));
    try {
      await fs.chmod(folder, 0o755);
      const nobody = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }).trim());
      await fs.chown(folder, nobody, nobody);
      // The first administrator, made before the first start, creates the database.
      const admin = await runConcord(
        ["admin", "create", "--email", "admin@example.org", "--organization", "NATO"],
        { CONCORD_DATA_DIR: folder, HOME: folder },
        { asUser: "nobody", input: "an ordinary user's password, long enough" },
      );
      expect(admin.code, admin.stderr).toBe(0);
      expect(admin.stderr).toContain("Loaded the starter data set");
      const cli = await runConcord(
        ["members", "NATO", "--at", "2024-03-07", "--kind", "member", "--json"],
        { CONCORD_DATA_DIR: folder, HOME: folder },
        { asUser: "nobody" },
      );
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).members).toHaveLength(32);
      expect((await fs.stat(path.join(folder, "db"))).uid).toBe(nobody);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
