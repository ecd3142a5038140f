import fs from "node:fs";
import path from "node:path";

/**
 * A file from the team's shared material (source documents, public data sets), which lives
 * beside the repository as `../shared` — in CI too. CONCORD_SHARED_DIR points elsewhere.
 */
export function sharedFile(...parts: string[]): string {
  const root = process.env.CONCORD_SHARED_DIR ?? path.resolve(import.meta.dirname, "../../../shared");
  const file = path.join(root, ...parts);
  if (!fs.existsSync(file)) {
    throw new Error(
      `These tests read ${file} from the shared material beside the repository; set CONCORD_SHARED_DIR if it is elsewhere.`,
    );
  }
  return file;
}
