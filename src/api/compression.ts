/**
 * Answers compressed for the network: Brotli when the browser accepts it, else gzip. Static files
 * are compressed once, when the web UI is built (web/vite.config.ts writes `.br` and `.gz` beside
 * each file; `web-ui.ts` serves them); this middleware compresses what is made per request (the
 * API's JSON, index.html, the API docs). Event streams are never touched: a compressor buffers,
 * and a live update must leave as soon as it is written.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { MiddlewareHandler } from "hono";

export type Encoding = "br" | "gzip";

/** Below this, compressing costs more than it saves. */
const THRESHOLD = 1024;

const COMPRESSIBLE =
  /^\s*(text\/(?!event-stream)[^;\s]+|application\/([\w.+-]*\+)?(json|javascript|xml)|image\/svg\+xml)(\s*;|\s*$)/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The encoding to answer with, from an Accept-Encoding header: Brotli, then gzip, each only when
 * accepted with a weight above 0 (directly or through `*`).
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const accepted = (name: Encoding) => (weights.get(name) ?? weights.get("*") ?? 0) > 0;
  if (accepted("br")) return "br";
  if (accepted("gzip")) return "gzip";
  return undefined;
}

/** Adds Accept-Encoding to a Vary header, once. */
function varyOnEncoding(current: string | null): string {
  if (!current) return "Accept-Encoding";
  return /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current) ? current : `${current}, Accept-Encoding`;
}

export const compressAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get("Content-Type");
  if (
    c.req.method === "HEAD" ||
    !res.body ||
    res.status === 204 ||
    res.status === 206 ||
    res.status === 304 ||
    res.headers.has("Content-Encoding") ||
    !type ||
    !COMPRESSIBLE.test(type) ||
    /(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get("Cache-Control") ?? "")
  ) {
    return;
  }
  const length = res.headers.get("Content-Length");
  if (length !== null && Number(length) < THRESHOLD) return;
  const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
  const body = Buffer.from(await res.arrayBuffer());
  const vary = varyOnEncoding(res.headers.get("Vary"));
  if (!encoding || body.length < THRESHOLD) {
    c.res = new Response(body, res);
    c.res.headers.set("Vary", vary);
    return;
  }
  // Quality 5 for Brotli: close to its best ratio on JSON, at a few milliseconds for the largest answers.
  const compressed =
    encoding === "br"
      ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
      : await gzip(body, { level: 6 });
  c.res = new Response(compressed, res);
  c.res.headers.set("Content-Encoding", encoding);
  c.res.headers.set("Content-Length", String(compressed.length));
  c.res.headers.set("Vary", vary);
  const etag = c.res.headers.get("ETag");
  if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
};
