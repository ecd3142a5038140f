/**
 * The README's command-line examples work as written: every `concord …` line in its shell code
 * blocks runs, in the README's order, against a fresh data folder with `concord start` running
 * on it (as after `npm start`), and must succeed. `npx concord` runs this checkout's own command
 * (never a package of that name from the registry).
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Finished,
  concordCommandLine,
  makeDataDir,
  PROCESS_TIMEOUT_MS,
  type ServerProcess,
  startConcordProcess,
  stopConcordProcess,
} from "./support/process.ts";

const repo = path.resolve(import.meta.dirname, "..");
const ADMIN_PASSWORD = "the README's administrator password, long enough";
const AUDITOR_PASSWORD = "the README's auditor password, long enough too";

/** Every line of a ```sh block that runs `concord`, with the block's heading for the failure message. */
function concordExamples(readme: string): { line: string; section: string }[] {
  const examples: { line: string; section: string }[] = [];
  let section = "";
  let inShell = false;
  for (const raw of readme.split("\n")) {
    if (!inShell && raw.startsWith("#")) section = raw.replace(/^#+\s*/, "");
    if (/^```(sh|bash|shell|console)\s*$/.test(raw)) inShell = true;
    else if (raw.startsWith("```")) inShell = false;
    else if (inShell && /(^|\|\s*)(npx\s+)?concord\s/.test(raw)) {
      // The comment after the command explains it; it is not part of what runs.
      examples.push({ line: raw.replace(/\s+#\s.*$/, "").trim(), section });
    }
  }
  return examples;
}

let dataDir: string;
let workDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataDir = await makeDataDir();
  // The examples name files relative to the checkout (data/cow/…) and write some (head.json):
  // they run in a folder of their own that sees the checkout's data.
  workDir = await makeDataDir();
  await fs.symlink(path.join(repo, "data"), path.join(workDir, "data"));
  server = await startConcordProcess({ CONCORD_DATA_DIR: dataDir });
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await stopConcordProcess(server);
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(workDir, { recursive: true, force: true });
});

function runLine(line: string): Promise<Finished> {
  // `npx concord` is this checkout's command (its current sources, as the other tests run them);
  // anything else through npx is a mistake here.
  const npx = `npx() { if [ "$1" = concord ]; then shift; ${concordCommandLine()} "$@"; else echo "npx $1: not a Concord example" >&2; return 127; fi; }`;
  const child = spawn("bash", ["-c", `${npx}\nset -o pipefail\n${line}`], {
    cwd: workDir,
    env: {
      ...process.env,
      DATABASE_URL: "",
      CONCORD_DATA_DIR: dataDir,
      CONCORD_LOG: "info",
      ADMIN_PASSWORD,
      AUDITOR_PASSWORD,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${line} did not finish in ${PROCESS_TIMEOUT_MS} ms`));
    }, PROCESS_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** What the decision examples need and a fresh database lacks: an open NATO proposal (the first one opened is number 6). */
async function openFirstProposal(): Promise<void> {
  const signIn = await fetch(`${server!.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "admin@example.org", password: ADMIN_PASSWORD }),
  });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const opened = await fetch(`${server!.url}/api/v1/proposals`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie, "X-CSRF-Token": csrfToken },
    body: JSON.stringify({ body: "nato-nac", title: "A proposal for the README", text: "Agreed text." }),
  });
  expect(opened.status, await opened.clone().text()).toBe(201);
  expect(((await opened.json()) as { proposal: { id: number } }).proposal.id).toBe(6);
}

describe("the README's examples", { timeout: 600_000 }, () => {
  it("are found: the command line, accounts, decisions, cooperation, disputes, exchanges and documents", async () => {
    const examples = concordExamples(await fs.readFile(path.join(repo, "README.md"), "utf8"));
    expect(examples.map((example) => example.line)).toContain("npx concord members NATO --at 2004-03-29");
    expect(new Set(examples.map((example) => example.section))).toEqual(
      new Set([
        "The command line",
        "Accounts, sign-in and the audit log",
        "Decisions",
        "Cooperation programmes",
        "Disputes",
        "Information exchanges",
        "Labelled documents",
      ]),
    );
  });

  it("each run as written and succeed", async () => {
    const examples = concordExamples(await fs.readFile(path.join(repo, "README.md"), "utf8"));
    const failures: string[] = [];
    let proposalOpened = false;
    for (const { line, section } of examples) {
      if (section === "Decisions" && !proposalOpened) {
        await openFirstProposal();
        proposalOpened = true;
      }
      const finished = await runLine(line);
      if (finished.code !== 0 || /^\s+at /m.test(finished.stderr)) {
        failures.push(`${section}: ${line}\n  exit ${finished.code}: ${finished.stderr.trim()}`);
      }
    }
    expect(failures.join("\n")).toBe("");
  });
});
