/**
 * The whole starter data set, part by part, each after the parts it names: the registry, the
 * decisions, the partnership menu, the partnership programmes, the disputes, the information exchanges, the security policies labels are read against. Each part loads once (or again
 * when its files change, for the menu) and says what it loaded. One function, so that a server's
 * start and the tests' template database load exactly the same.
 */
import type { Database } from "../../db/client.ts";
import { loadStarterMenuOnce } from "./cooperation-menu.ts";
import { loadStarterProgrammesOnce } from "./cooperation-programmes.ts";
import { loadStarterDecisions } from "./decisions.ts";
import { loadStarterDisputesOnce } from "./disputes.ts";
import { loadStarterExchangesOnce } from "./exchanges.ts";
import { defaultDataDir, loadStarterData } from "./load.ts";
import { loadStarterPolicies } from "./policies.ts";

export type StarterPart =
  | "data set"
  | "decisions"
  | "menu"
  | "programmes"
  | "disputes"
  | "exchanges"
  | "security policies";

/** Loads what is not loaded yet; answers the parts it loaded, with their counts. */
export async function loadEveryStarterPart(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<Array<{ part: StarterPart; counts: Record<string, number> }>> {
  const parts: Array<[StarterPart, () => Promise<{ loaded: boolean; counts: Record<string, number> }>]> = [
    ["data set", () => loadStarterData(db, dataDir)],
    ["decisions", () => loadStarterDecisions(db, dataDir)],
    ["menu", () => loadStarterMenuOnce(db, dataDir)],
    ["programmes", () => loadStarterProgrammesOnce(db, dataDir)],
    ["disputes", () => loadStarterDisputesOnce(db, dataDir)],
    ["exchanges", () => loadStarterExchangesOnce(db, dataDir)],
    ["security policies", () => loadStarterPolicies(db, dataDir)],
  ];
  const loaded: Array<{ part: StarterPart; counts: Record<string, number> }> = [];
  for (const [part, load] of parts) {
    const result = await load();
    if (result.loaded) loaded.push({ part, counts: result.counts });
  }
  return loaded;
}
