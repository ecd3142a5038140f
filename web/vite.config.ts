import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The web UI: Preact compiled by Vite's built-in transformer (no framework plugin).
// Vite 8 transforms with Oxc; `oxc.jsx` is the successor of `esbuild: { jsx: 'automatic',
// jsxImportSource: 'preact' }` and does the same thing.
export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
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
