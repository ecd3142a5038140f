/**
 * The checkout or package Concord runs from: the folder holding the data set (`data/`), the
 * migrations and the built web UI. Found from this module's own location, walking up to the first
 * folder with a package.json, so that it is the same whether the sources run through tsx
 * (`src/project-root.ts`) or bundled into one file elsewhere in the checkout (the tests' build,
 * test/support/concord-build.ts), where every module shares the bundle's `import.meta.url`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, "package.json"))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`No package.json above ${from}: where is Concord installed?`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
