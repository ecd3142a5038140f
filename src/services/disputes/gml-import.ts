/**
 * Import of the GML Militarized Interstate Dispute data (dyad-year form, read by ./gml-mid.ts):
 * each dispute becomes `mid-<number>` with its parties and pair-years, citing the data set's
 * version as its source. COW codes become the registry's states through
 * data/mappings/cow-iso.json; a state with no ISO code, or none in the registry, stays a party by
 * its COW code (`COW:300`), named as the mapping names it. One transaction, audited: a dispute
 * whose digest is unchanged is left alone (a re-run changes nothing), one a newer version
 * changes is updated in place, never duplicated.
 */
import { createHash } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { importedDigests, writeImportedDisputes } from "../../db/repositories/disputes.ts";
import { ensureSource, recordDataSetImport, stateCodes } from "../../db/repositories/imports.ts";
import { cowParticipantKey } from "../../domain/disputes.ts";
import { toDaterange } from "../../domain/interval.ts";
import { appendAudit } from "../audit/log.ts";
import { type CowMapping, readCowMapping } from "../imports/cow-states.ts";
import { auditActor, type Principal } from "../policies.ts";
import { type GmlDispute, parseGmlDyadYears, type RefusedLine, type SetAside } from "./gml-mid.ts";

/** The data set's source entry, per version; a version not listed here gets one named after it. */
export function gmlSource(version: string) {
  const number = version.replace(/^gml-/, "");
  return {
    id: `gml-mid-${number}`.toLowerCase().replace(/[^a-z0-9-]/g, "-"),
    title: `Militarized Interstate Disputes, dyad-year data, version ${number} (Gibler, Miller and Little)`,
    publisher: "Gibler, Miller & Little",
    published: number === "2.1.1" ? "2016-01-01" : null,
    publishedPrecision: number === "2.1.1" ? ("year" as const) : null,
    url: "https://dmgibler.people.ua.edu/mid-data.html",
    citation: `Gibler, Miller & Little (2016), "An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816–2001", International Studies Quarterly 60(4); data version ${number}, dyad-year form. Free for research use with citation.`,
  };
}

export type GmlImportSummary = {
  rows: number;
  disputes: number;
  added: number;
  updated: number;
  unchanged: number;
  pairYears: number;
  parties: number;
  /** Parties kept by their COW code: no ISO code, or none in the registry. */
  partiesWithoutRegistryState: number;
  versions: string[];
  refused: RefusedLine[];
  setAside: SetAside[];
};

const IMPORTER: Principal = { kind: "system", name: "importer" };

export async function importGmlMid(
  db: Database,
  text: string,
  options: { mapping?: CowMapping; principal?: Principal } = {},
): Promise<GmlImportSummary> {
  const mapping = options.mapping ?? (await readCowMapping());
  return db.transaction(async (tx) => {
    const registryStates = new Set(await stateCodes(tx));
    const parsed = parseGmlDyadYears(text, (cowCode) => {
      const entry = mapping[String(cowCode)];
      if (!entry) return `COW code ${cowCode} has no entry in data/mappings/cow-iso.json`;
      if (entry.iso !== null && registryStates.has(entry.iso))
        return { party: entry.iso, stateCode: entry.iso, name: null };
      return { party: cowParticipantKey(cowCode), stateCode: null, name: entry.name };
    });
    for (const version of parsed.versions) await ensureSource(tx, gmlSource(version));

    const held = await importedDigests(tx);
    const changed = parsed.disputes.filter((dispute) => held.get(dispute.number)?.digest !== dispute.digest);
    await writeImportedDisputes(tx, changed.map(rowsOf));

    const parties = parsed.disputes.flatMap((dispute) => dispute.parties);
    const summary: GmlImportSummary = {
      rows: parsed.rows,
      disputes: parsed.disputes.length,
      added: changed.filter((dispute) => !held.has(dispute.number)).length,
      updated: changed.filter((dispute) => held.has(dispute.number)).length,
      unchanged: parsed.disputes.length - changed.length,
      pairYears: parsed.disputes.reduce((sum, dispute) => sum + dispute.dyadYears.length, 0),
      parties: parties.length,
      partiesWithoutRegistryState: parties.filter((party) => party.stateCode === null).length,
      versions: parsed.versions,
      refused: parsed.refused,
      setAside: parsed.setAside,
    };
    const counts = { ...summary, refused: summary.refused.length, setAside: summary.setAside.length };
    await recordDataSetImport(tx, "gml-mid", text, counts);
    await appendAudit(tx, {
      ...auditActor(options.principal ?? IMPORTER),
      action: "import.apply",
      objectType: "import",
      objectId: "gml-mid",
      details: { sha256: createHash("sha256").update(text).digest("hex"), ...counts },
    });
    return summary;
  });
}

function rowsOf(dispute: GmlDispute) {
  const id = `mid-${dispute.number}`;
  return {
    dispute: {
      id,
      midNumber: dispute.number,
      startsOn: dispute.start.date,
      startPrecision: dispute.start.precision,
      endsOn: dispute.end?.date ?? null,
      endPrecision: dispute.end?.precision ?? null,
      active: toDaterange(dispute.active),
      ongoing: dispute.ongoing,
      hostility: dispute.hostility,
      highestAction: dispute.highestAction,
      fatality: dispute.fatality,
      outcome: dispute.outcome,
      settlement: dispute.settlement,
      minDurationDays: dispute.minDurationDays,
      maxDurationDays: dispute.maxDurationDays,
      sourceId: gmlSource(dispute.version).id,
      datasetVersion: dispute.version,
      importedDigest: dispute.digest,
    },
    parties: dispute.parties.map((party) => ({ disputeId: id, ...party })),
    dyadYears: dispute.dyadYears.map((row) => ({ disputeId: id, ...row })),
  };
}
