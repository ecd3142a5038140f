import fs from "node:fs";
import path from "node:path";

/** The repository's `data/` folder: the starter data set and the public material it cites (see data/README.md). */
export const dataDir = path.resolve(import.meta.dirname, "../../data");

/** A file under the repository's `data/` folder (e.g. `dataFile("cow", "cow-states-2016.csv")`); throws if it is missing. */
export function dataFile(...parts: string[]): string {
  const file = path.join(dataDir, ...parts);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: it belongs in the repository (see data/README.md).`);
  return file;
}
