import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every built text file of 1 KB or more,
 * at their best (slow) settings, once per build: the server sends the copy the browser accepts
 * (src/api/web-ui.ts) instead of compressing the same files on every request.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "concord-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const names = await fs.readdir(outDir, { recursive: true });
      const files = names
        .filter((name) => /\.(js|css|html|json|svg|txt)$/.test(name))
        .map((name) => path.join(outDir, name));
      // On zlib's thread pool, side by side: Brotli at its best setting takes a while per file.
      await Promise.all(
        files.map(async (file) => {
          const content = await fs.readFile(file);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzip(content, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// The web UI: Preact compiled by Vite's built-in transformer (no framework plugin).
// Vite 8 transforms with Oxc; `oxc.jsx` is the successor of `esbuild: { jsx: 'automatic',
// jsxImportSource: 'preact' }` and does the same thing.
export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
  plugins: [precompress()],
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The world atlas (~100 KB of TopoJSON) is fetched by the map chunk at run time,
    // never inlined into JavaScript.
    assetsInlineLimit: 0,
    sourcemap: false,
    // The precompression above takes its few seconds on purpose: no warning about slow plugins.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
  preview: {
    host: "127.0.0.1",
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
