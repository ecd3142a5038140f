/**
 * The browser app from web/dist: hashed assets cached for a year, index.html for every other path
 * (never cached without asking again), each file sent in the encoding the browser accepts best,
 * from the `.br` and `.gz` copies written when the app was built.
 *
 * Files are looked up on each request: a rebuilt UI is served without restarting the server, and a
 * server started before the first build says how to build it instead of failing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Context, Env, Hono } from "hono";
import { chooseEncoding, type Encoding } from "./compression.ts";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** A plain file name: no folders, no `..`, nothing hidden, and not one of the compressed copies. */
const FILE_NAME = /^[\w-][\w.-]*$/;

const YEAR = "public, max-age=31536000, immutable";

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}

/** The file in its best accepted encoding, or undefined when it does not exist. */
async function fileAnswer<E extends Env>(
  c: Context<E>,
  folder: string,
  name: string,
  cacheControl: string,
): Promise<Response | undefined> {
  if (!FILE_NAME.test(name) || name.endsWith(".br") || name.endsWith(".gz")) return undefined;
  const type = TYPES[path.extname(name).toLowerCase()];
  if (!type) return undefined;
  const file = path.join(folder, name);
  const headers: Record<string, string> = {
    "Content-Type": type,
    "Cache-Control": cacheControl,
    Vary: "Accept-Encoding",
  };
  const preferred = chooseEncoding(c.req.header("Accept-Encoding"));
  const encodings: Encoding[] = preferred === "br" ? ["br", "gzip"] : preferred === "gzip" ? ["gzip"] : [];
  for (const encoding of encodings) {
    const compressed = await readIfFile(`${file}.${encoding}`);
    if (compressed) {
      return c.body(new Uint8Array(compressed), 200, { ...headers, "Content-Encoding": encoding });
    }
  }
  const plain = await readIfFile(file);
  return plain ? c.body(new Uint8Array(plain), 200, headers) : undefined;
}

export function mountWebUi<E extends Env>(app: Hono<E>, webDir: string): void {
  const indexFile = path.join(webDir, "index.html");
  const assets = path.join(webDir, "assets");
  app.get("/assets/:name", async (c) => {
    // An asset that is not there is a 404, not the page: a browser would report a puzzling MIME error.
    return (await fileAnswer(c, assets, c.req.param("name"), YEAR)) ?? c.text("Not found", 404);
  });
  app.get("/assets/*", (c) => c.text("Not found", 404));
  app.get("*", async (c) => {
    // Files at the top of web/dist (favicon.svg): not hashed, so cached for a day.
    const name = c.req.path.slice(1);
    if (name && !name.includes("/") && name !== "index.html") {
      const file = await fileAnswer(c, webDir, name, "public, max-age=86400");
      if (file) return file;
    }
    // Read on each request (it is small): a rebuilt UI is served without restarting the server.
    const index = await fs.readFile(indexFile, "utf8").catch(() => undefined);
    if (index === undefined) {
      return c.text(
        "The web UI has not been built. Run `npm run build:web` (npm start does this for you), then reload.",
        503,
      );
    }
    c.header("Cache-Control", "no-cache");
    return c.html(index);
  });
}
