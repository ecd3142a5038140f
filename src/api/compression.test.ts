/**
 * What crosses the network, asked for with real requests to a real server (raw HTTP, so nothing
 * decompresses on the way): static files and API answers in the encoding the client accepts,
 * hashed assets cached for a year, index.html asked for again, and live updates never buffered.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { signInAs } from "../../test/support/people.ts";
import { chooseEncoding } from "./compression.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const assets = path.join(repo, "web/dist/assets");

let concord: TestConcord;
beforeAll(async () => {
  execFileSync(process.execPath, [path.join(repo, "scripts/ensure-web-build.mjs")], { cwd: repo, stdio: "inherit" });
  concord = await startConcord();
}, 180_000);
afterAll(async () => {
  await concord?.stop();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One GET, its body as it came over the wire. */
function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${concord.baseUrl}${pathAndQuery}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const decoded = (raw: Raw) =>
  raw.headers["content-encoding"] === "br"
    ? zlib.brotliDecompressSync(raw.body)
    : raw.headers["content-encoding"] === "gzip"
      ? zlib.gunzipSync(raw.body)
      : raw.body;

describe("choosing an encoding", () => {
  it("prefers Brotli, then gzip, and honours q=0 and *", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe("static files", () => {
  const script = () => {
    const name = fs.readdirSync(assets).find((file) => /^index-.*\.js$/.test(file));
    if (!name) throw new Error("no index-*.js in web/dist/assets");
    return name;
  };

  it("sends a hashed script in Brotli, gzip or plain as accepted, the same bytes each time, cached for a year", async () => {
    const name = script();
    const original = fs.readFileSync(path.join(assets, name));
    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      ["identity", undefined],
    ] as const) {
      const raw = await get(`/assets/${name}`, { "Accept-Encoding": accept });
      expect(raw.status).toBe(200);
      expect(raw.headers["content-encoding"]).toBe(encoding);
      expect(raw.headers["content-type"]).toMatch(/^text\/javascript/);
      expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(raw.headers.vary).toMatch(/Accept-Encoding/i);
      if (encoding) expect(raw.body.length).toBeLessThan(original.length / 2);
      expect(decoded(raw).equals(original)).toBe(true);
    }
  });

  it("answers a missing asset, or a path that climbs out, with 404", async () => {
    expect((await get("/assets/index-missing.js")).status).toBe(404);
    expect((await get("/assets/..%2F..%2Fpackage.json")).status).toBe(404);
    expect((await get(`/assets/${script()}.br`)).status).toBe(404);
  });

  it("serves index.html for a page's address, asked for again every time", async () => {
    const raw = await get("/proposals/1", { "Accept-Encoding": "br" });
    expect(raw.status).toBe(200);
    expect(raw.headers["cache-control"]).toBe("no-cache");
    expect(decoded(raw).toString("utf8")).toContain('<div id="app">');
  });
});

describe("API answers", () => {
  it("are compressed when large enough, and plain for a client that accepts no encoding", async () => {
    const br = await get("/api/v1/actors?type=state", { "Accept-Encoding": "br, gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    const plain = await get("/api/v1/actors?type=state");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(decoded(br).toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gzip = await get("/api/v1/organizations/NATO/members?at=2004-03-29", { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(decoded(gzip).toString("utf8")).members.length).toBeGreaterThan(20);
    // Security headers are still there on a compressed answer.
    expect(br.headers["content-security-policy"]).toBeDefined();
  });

  it("leave live updates alone: the stream is not compressed and its first event arrives at once", async () => {
    const person = await signInAs(concord, { organization: "NATO", role: "analyst" });
    const first = await new Promise<{ headers: http.IncomingHttpHeaders; chunk: string }>((resolve, reject) => {
      const request = http.get(
        `${concord.baseUrl}/api/v1/events`,
        { headers: { Cookie: person.cookie, "Accept-Encoding": "br, gzip", Accept: "text/event-stream" } },
        (res) => {
          res.once("data", (chunk: Buffer) => {
            resolve({ headers: res.headers, chunk: chunk.toString("utf8") });
            request.destroy();
          });
        },
      );
      request.on("error", reject);
    });
    expect(first.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.chunk).toContain("event: ready");
  });
});
