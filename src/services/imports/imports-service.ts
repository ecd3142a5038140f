/**
 * Imports of public data sets, as the command line runs them: the operator's, never a request's.
 */
import type { Database } from "../../db/client.ts";
import { authorize, importPolicy, type Principal } from "../policies.ts";
import { type CowMapping, type ImportSummary, importCowStates } from "./cow-states.ts";
import { msg } from "../../domain/messages/index.ts";

export class ImportsService {
  constructor(private readonly db: Database) {}

  /** The Correlates of War state system list: states, their periods and codes (src/services/imports/cow-states.ts). */
  cowStates(
    principal: Principal,
    text: string,
    options: { mapping?: CowMapping; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportSummary> {
    authorize(principal, importPolicy.run(principal), msg("activity.importing"));
    return importCowStates(this.db, text, { ...options, principal });
  }
}
