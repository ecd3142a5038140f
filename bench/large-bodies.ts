/**
 * What large request bodies cost the server: `concord start` in a child process, then, as a
 * signed-in administrator, bodies far past the limits (streamed, without Content-Length, as an
 * attacker would send them, and with it), several at once, and anonymous ones to an endpoint
 * that needs an account. The server's resident memory is read from /proc before, at its peak
 * while the bodies stream, and after; the baseline is the same number of small valid requests
 * in the same run. Every large body must be refused (413 or 401) without the server holding it.
 *
 *   npm run bench:bodies [-- --megabytes 200 --parallel 4]
 */
import fs from "node:fs/promises";
import http from "node:http";
import { parseArgs } from "node:util";
import { makeDataDir, runConcord, startConcordProcess } from "../test/support/process.ts";
import { once, round, run, step } from "./support.ts";

const { values } = parseArgs({
  options: { megabytes: { type: "string", default: "200" }, parallel: { type: "string", default: "4" } },
});
const MEGABYTES = Number(values.megabytes);
const PARALLEL = Number(values.parallel);
const EMAIL = "bench-bodies@example.org";
const PASSWORD = "a benchmark password, long enough";

/** Resident memory of a process, in MiB, from /proc. */
async function rssMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * POSTs `megabytes` of JSON-looking text in 64 KiB chunks; resolves with the status the server
 * answered, and how much was sent by then. A server that answers and closes the connection while
 * the client is still writing may leave the client with only a broken pipe (the answer is lost
 * with the socket): that counts as "closed", a refusal too, since the server did not take the body.
 */
function stream(
  url: string,
  headers: Record<string, string>,
  megabytes: number,
  withLength: boolean,
): Promise<{ status: number | "closed"; sentMiB: number }> {
  return new Promise((resolve, reject) => {
    const total = megabytes * 1024 * 1024;
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/json",
        ...headers,
        ...(withLength ? { "Content-Length": String(total) } : {}),
      },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, sentMiB: round(sent / 2 ** 20, 1) }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === "EPIPE" || error.code === "ECONNRESET")
        resolve({ status: "closed", sentMiB: round(sent / 2 ** 20, 1) });
      else reject(error);
    });
    const pump = () => {
      while (sent < total && !answered && !request.destroyed) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.write('{"text":"');
    pump();
  });
}

async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return {
    Cookie: response.headers.get("set-cookie")!.split(";")[0]!,
    "X-CSRF-Token": ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

run(async () => {
  const dataDir = await makeDataDir();
  const admin = await step("Creating an administrator", () =>
    runConcord(
      ["admin", "create", "--email", EMAIL, "--organization", "NATO"],
      { CONCORD_DATA_DIR: dataDir },
      { input: PASSWORD },
    ),
  );
  if (admin.code !== 0) throw new Error(admin.stderr);
  const server = await step("Starting concord", () => startConcordProcess({ CONCORD_DATA_DIR: dataDir }));
  const stop = once(async () => {
    server.child.kill("SIGINT");
    await server.exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  try {
    const pid = server.child.pid!;
    const session = await signIn(server.url);
    const proposals = `${server.url}/api/v1/proposals`;
    const before = await rssMiB(pid);

    // The baseline: as many small, valid requests as large ones, their bodies 200 bytes each.
    const baselinePeak = await step(`Baseline: ${PARALLEL} × 10 small proposals`, async () => {
      let peak = before;
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          Array.from({ length: PARALLEL }, (_, n) =>
            fetch(proposals, {
              method: "POST",
              headers: { ...session, "Content-Type": "application/json" },
              body: JSON.stringify({ body: "nato-nac", title: `Small ${round}-${n}`, text: "A short text." }),
            }),
          ),
        );
        peak = Math.max(peak, await rssMiB(pid));
      }
      return peak;
    });

    let peak = await rssMiB(pid);
    const sampler = setInterval(
      () =>
        void rssMiB(pid).then(
          (rss) => (peak = Math.max(peak, rss)),
          () => {},
        ),
      20,
    );
    const results = await step(
      `Large: ${PARALLEL} × ${MEGABYTES} MiB, streamed and with Content-Length, signed in and not`,
      async () => [
        ...(await Promise.all(Array.from({ length: PARALLEL }, () => stream(proposals, session, MEGABYTES, false)))),
        ...(await Promise.all(Array.from({ length: PARALLEL }, () => stream(proposals, session, MEGABYTES, true)))),
        ...(await Promise.all(Array.from({ length: PARALLEL }, () => stream(proposals, {}, MEGABYTES, false)))),
      ],
    );
    clearInterval(sampler);
    const after = await rssMiB(pid);
    const sentMiB = results.map((result) => result.sentMiB);

    const report = {
      bodies: {
        count: results.length,
        offeredMiBEach: MEGABYTES,
        statuses: [...new Set(results.map((result) => result.status))],
        sentBeforeAnswerMiB: { min: Math.min(...sentMiB), max: Math.max(...sentMiB) },
      },
      serverRssMiB: {
        before: round(before, 1),
        baselinePeak: round(baselinePeak, 1),
        largePeak: round(peak, 1),
        after: round(after, 1),
      },
      ratio: {
        largePeakGrowthOverBaselinePeakGrowth: round((peak - before) / Math.max(1, baselinePeak - before), 2),
        offeredOverLargePeakGrowth: round((results.length * MEGABYTES) / Math.max(1, peak - before), 1),
      },
    };
    console.log(JSON.stringify(report, null, 2));
    const refusedAll = results.every(
      (result) => result.status === 413 || result.status === 401 || result.status === "closed",
    );
    if (!refusedAll) console.error("FAILED: a large body was not refused");
    return refusedAll ? 0 : 1;
  } finally {
    await stop();
  }
});
