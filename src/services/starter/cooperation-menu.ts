/**
 * The starter data set's partnership menu: NATO's menu of cooperation activities,
 * `data/starter/cooperation/menu.csv`, in the columns of the menu's own import and export (the
 * same path as `POST /menu/import`: src/services/cooperation/menu.ts). Loaded after the registry
 * (whose sources, frameworks and states it names); again whenever the file changes, as an import
 * that adds and updates by code, so a restart changes nothing. A row the import would refuse
 * stops the start-up, naming it, like any problem of the starter data.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database, Transaction } from "../../db/client.ts";
import { importChecksum, lockStarterMenu, recordMenuImport } from "../../db/repositories/menu.ts";
import { msg, render } from "../../domain/messages/index.ts";
import { importMenuCsv, type MenuImportReport } from "../cooperation/menu.ts";
import type { Principal } from "../policies.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";

export const STARTER_MENU_IMPORT = "starter-cooperation-menu";
export const STARTER_MENU_FILE = path.join("starter", "cooperation", "menu.csv");
/** Whose menu the file is. */
export const STARTER_MENU_ORGANIZATION = "NATO";

const IMPORTER: Principal = { kind: "system", name: "importer", organization: STARTER_MENU_ORGANIZATION };

async function readMenuFile(dataDir: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path.join(dataDir, STARTER_MENU_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Imports the starter menu in `tx` (adding and updating by code; what is there already is left
 * as it is). Undefined when the data folder has no menu; throws StarterDataError, naming every
 * refused row, when the file has any.
 */
export async function loadStarterMenu(
  tx: Transaction,
  dataDir: string = defaultDataDir,
  text?: string,
): Promise<MenuImportReport | undefined> {
  const csv = text ?? (await readMenuFile(dataDir));
  if (csv === undefined) return undefined;
  const report = await importMenuCsv(IMPORTER, STARTER_MENU_ORGANIZATION, csv, tx);
  if (report.refused.length > 0)
    throw new StarterDataError(
      report.refused.map((refusal) =>
        render(
          "en",
          msg("menu.starter_refused", {
            row: refusal.row,
            code: refusal.code ?? "",
            field: refusal.field,
            message: refusal.message,
          }),
        ),
      ),
    );
  return report;
}

/**
 * Loads the starter menu unless this database has this very file already (its checksum is
 * recorded in `imports`): on every start, and at once after the file changes. Two instances
 * starting together take turns (an advisory lock); the second finds it loaded.
 */
export async function loadStarterMenuOnce(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const text = await readMenuFile(dataDir);
  if (text === undefined) return { loaded: false, counts: {} };
  const checksum = createHash("sha256").update(text).digest("hex");
  if ((await importChecksum(db, STARTER_MENU_IMPORT)) === checksum) return { loaded: false, counts: {} };
  return db.transaction(async (tx) => {
    await lockStarterMenu(tx);
    if ((await importChecksum(tx, STARTER_MENU_IMPORT)) === checksum) return { loaded: false, counts: {} };
    const report = await loadStarterMenu(tx, dataDir, text);
    const counts = {
      "menu items added": report?.created ?? 0,
      "menu items changed": report?.updated ?? 0,
      "menu items unchanged": report?.unchanged ?? 0,
    };
    await recordMenuImport(tx, STARTER_MENU_IMPORT, checksum, counts);
    return { loaded: true, counts };
  });
}
