/**
 * The `concord` the tests start (process.ts): the current sources, from src/cli/entry.ts as
 * bin/concord.mjs runs them, bundled by esbuild into one file by global-setup.ts before any test
 * runs. It starts in well under half the time tsx takes to compile the sources again in every
 * child process. Each run builds into a folder of its own (two runs in one checkout may overlap),
 * inside the checkout under the git-ignored `.build/`, so that its packages resolve from
 * node_modules and src/project-root.ts finds the checkout's data, migrations and web UI.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { isAlive } from "./process.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const buildRoot = path.join(repo, ".build");
const PREFIX = "test-run-";

export type ConcordBuild = {
  /** The file to give node. */
  entry: string;
  /** Bundles the sources again, as they are now, into the same file. */
  rebuild(): Promise<void>;
  /** Deletes this run's build. */
  remove(): Promise<void>;
};

/** Bundles the sources now, into a folder of this process's own. */
export async function buildConcord(): Promise<ConcordBuild> {
  await removeAbandonedBuilds();
  const folder = path.join(buildRoot, `${PREFIX}${process.pid}`);
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  const entry = path.join(folder, "concord.mjs");
  await bundle(folder, entry);
  return { entry, rebuild: () => bundle(folder, entry), remove: () => fs.rm(folder, { recursive: true, force: true }) };
}

async function bundle(folder: string, entry: string): Promise<void> {
  await build({
    entryPoints: [path.join(repo, "src/cli/entry.ts")],
    outfile: entry,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // node_modules stay where they are, loaded as bin/concord.mjs loads them.
    packages: "external",
    // Stack traces name the sources (node --enable-source-maps), which are on disk beside it.
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
  });
  // A test may run concord as another user (runuser): everyone may read the build, as the sources.
  for (const [file, mode] of [
    [buildRoot, 0o755],
    [folder, 0o755],
    [entry, 0o644],
    [`${entry}.map`, 0o644],
  ] as const)
    await fs.chmod(file, mode);
}

/** Builds left by runs that were killed before they could remove them. */
async function removeAbandonedBuilds(): Promise<void> {
  const names = await fs.readdir(buildRoot).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
      await fs.rm(path.join(buildRoot, name), { recursive: true, force: true });
  }
}
