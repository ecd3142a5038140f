/**
 * The starter data set's information exchanges: the regimes and their versioned forms
 * (`data/starter/exchanges/regimes.json`) and what their publications said
 * (`data/starter/exchanges/returns.json`), format in ./exchanges-format.ts. A regime whose
 * definition changed is written again; a form version already held must not change (a change
 * is a new version); a publication already held is left as it is. A restart loads nothing again.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { Database, Transaction } from "../../db/client.ts";
import * as repo from "../../db/repositories/exchanges.ts";
import { sourceIds } from "../../db/repositories/imports.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import { appendAudit } from "../audit/log.ts";
import { scheduleDailyExchanges } from "../exchanges/exchanges.ts";
import { auditActor, type Principal } from "../policies.ts";
import {
  type ExchangeRegimesFile,
  type ExchangeReturnsFile,
  exchangeRegimesFile,
  exchangeRegimesOf,
  exchangeReturnsFile,
  publicationProblems,
} from "./exchanges-format.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";

const REGIMES_FILE = path.join("starter", "exchanges", "regimes.json");
const RETURNS_FILE = path.join("starter", "exchanges", "returns.json");
const IMPORTER: Principal = { kind: "system", name: "importer" };

async function readJson<T>(dataDir: string, file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dataDir, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new StarterDataError(
      parsed.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`),
    );
  return parsed.data;
}

export async function readStarterExchanges(
  dataDir: string = defaultDataDir,
): Promise<{ regimes: ExchangeRegimesFile; returns: ExchangeReturnsFile | undefined } | undefined> {
  const regimes = await readJson(dataDir, REGIMES_FILE, exchangeRegimesFile);
  if (regimes === undefined) return undefined;
  const returns = await readJson(dataDir, RETURNS_FILE, exchangeReturnsFile);
  const problems = returns ? publicationProblems(regimes, returns) : [];
  if (problems.length > 0) throw new StarterDataError(problems.map((problem) => `${RETURNS_FILE}: ${problem}`));
  return { regimes, returns };
}

export async function loadStarterExchangesOnce(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const files = await readStarterExchanges(dataDir);
  if (files === undefined) return { loaded: false, counts: {} };
  const counts = await db.transaction(async (tx) => {
    const loaded = await load(tx, files.regimes, files.returns);
    // The daily reminders run wherever regimes are (a restart moves the one job, adds none).
    await scheduleDailyExchanges(tx, await databaseNow(tx));
    return loaded;
  });
  const loaded = Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
  return { loaded: Object.keys(loaded).length > 0, counts: loaded };
}

async function load(tx: Transaction, regimesFile: ExchangeRegimesFile, returnsFile: ExchangeReturnsFile | undefined) {
  const sources = new Set(await sourceIds(tx));
  const cited = [
    ...regimesFile.regimes.flatMap((regime) => [
      ...regime.citations,
      ...regime.deadline.citations,
      ...regime.forms.flatMap((form) => form.citations),
    ]),
    ...(returnsFile?.publications ?? []).flatMap((publication) => [
      publication,
      ...publication.figures,
      ...publication.submissions,
    ]),
  ].map((citation) => citation.source);
  const missing = [...new Set(cited.filter((source) => !sources.has(source)))];
  if (missing.length > 0)
    throw new StarterDataError(missing.map((source) => `data/starter/exchanges: no source has the id ${source}`));

  const counts = { regimes: 0, forms: 0, publications: 0 };
  const { regimes, forms } = exchangeRegimesOf(regimesFile);
  for (const regime of regimes) {
    const held = await repo.findRegime(tx, regime.code);
    if (held && sameJson(held.definition, regime)) continue;
    await repo.upsertRegime(tx, {
      code: regime.code,
      definition: regime as unknown as Record<string, unknown>,
      organizationCode: regime.participants.kind === "organisation" ? regime.participants.organisation : null,
      restricted: regime.restricted,
      firstYear: regime.firstYear,
    });
    counts.regimes += 1;
    await appendAudit(tx, {
      ...auditActor(IMPORTER),
      action: "exchange_regime.load",
      objectType: "exchange_regime",
      objectId: regime.code,
      after: { participants: regime.participants, deadline: regime.deadline, restricted: regime.restricted },
      details: { file: REGIMES_FILE },
    });
  }
  for (const form of forms) {
    const held = await repo.findForm(tx, form.code, form.version);
    if (held) {
      if (!sameJson(held.definition, form))
        throw new StarterDataError([
          `${REGIMES_FILE}: form ${form.code} version ${form.version} differs from the one loaded: a change is a new version`,
        ]);
      continue;
    }
    await repo.insertForm(tx, {
      code: form.code,
      version: form.version,
      regimeCode: form.regime,
      validFrom: form.validFrom,
      validTo: form.validUntil ?? null,
      definition: form as unknown as Record<string, unknown>,
    });
    counts.forms += 1;
  }
  for (const publication of returnsFile?.publications ?? []) {
    if (await repo.publicationExists(tx, publication.id)) continue;
    await repo.insertPublication(tx, {
      id: publication.id,
      regimeCode: publication.regime,
      definition: publication as unknown as Record<string, unknown>,
    });
    counts.publications += 1;
  }
  return counts;
}

/** Equal as JSON, whatever the order of keys (jsonb keeps its own). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)]),
  );
}
