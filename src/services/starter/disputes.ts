/**
 * The starter data set's disputes: the GML MID data in the repository (data/gml-mid/, imported
 * as `concord import gml-mid` would), then the disputes, court cases and dialogue the source
 * documents name (`data/starter/disputes/disputes.json`, format in ./disputes-format.ts), each
 * citing its source. A record already there is left as it is, and an unchanged MID file changes
 * nothing, so a restart loads nothing again.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database, Transaction } from "../../db/client.ts";
import * as repo from "../../db/repositories/disputes.ts";
import { dataSetImportChecksum, sourceIds, stateCodes } from "../../db/repositories/imports.ts";
import { dayAfterPartial, type PartialDate, parsePartialDate } from "../../domain/dates.ts";
import { toDaterange } from "../../domain/interval.ts";
import { appendAudit } from "../audit/log.ts";
import { importGmlMid } from "../disputes/gml-import.ts";
import { auditActor, type Principal } from "../policies.ts";
import { type DisputesStarterFile, disputesStarterFile } from "./disputes-format.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";

export const STARTER_DISPUTES_FILE = path.join("starter", "disputes", "disputes.json");
export const GML_MID_FILE = path.join("gml-mid", "gml-mid-ddy-2.1.1.csv");
const IMPORTER: Principal = { kind: "system", name: "importer" };

export async function readStarterDisputes(dataDir: string = defaultDataDir): Promise<DisputesStarterFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dataDir, STARTER_DISPUTES_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = disputesStarterFile.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new StarterDataError(
      parsed.error.issues.map(
        (issue) => `${STARTER_DISPUTES_FILE}: ${issue.path.join(".") || "(top)"}: ${issue.message}`,
      ),
    );
  return parsed.data;
}

export async function loadStarterDisputesOnce(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const counts: Record<string, number> = {};
  const mid = await fs.readFile(path.join(dataDir, GML_MID_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  // The file imported last time, unchanged: nothing to do (and nothing to audit) on a restart.
  if (mid !== undefined && (await dataSetImportChecksum(db, "gml-mid")) !== md5(mid)) {
    const imported = await importGmlMid(db, mid);
    if (imported.added + imported.updated > 0) counts["MID disputes"] = imported.added + imported.updated;
  }
  const file = await readStarterDisputes(dataDir);
  if (file !== undefined) {
    const recorded = await db.transaction((tx) => loadRecorded(tx, file));
    for (const [name, count] of Object.entries(recorded)) if (count > 0) counts[name] = count;
  }
  return { loaded: Object.keys(counts).length > 0, counts };
}

async function loadRecorded(tx: Transaction, file: DisputesStarterFile) {
  const problems: string[] = [];
  const states = new Set(await stateCodes(tx));
  const sources = new Set(await sourceIds(tx));
  const check = (where: string, state: string) => {
    if (!states.has(state))
      problems.push(`${STARTER_DISPUTES_FILE}: ${where}: ${state} is not a state in the registry`);
  };
  const cite = (where: string, source: string) => {
    if (!sources.has(source)) problems.push(`${STARTER_DISPUTES_FILE}: ${where}: no source has the id ${source}`);
  };
  for (const dispute of file.disputes) {
    for (const party of dispute.parties) check(`dispute ${dispute.id}`, party.state);
    for (const source of [dispute, ...dispute.incidents, ...(dispute.claims ?? [])].map((fact) => fact.source))
      cite(`dispute ${dispute.id}`, source);
  }
  for (const courtCase of file.cases) {
    check(`case ${courtCase.id}`, courtCase.applicant);
    check(`case ${courtCase.id}`, courtCase.respondent);
    for (const source of [courtCase, ...courtCase.stages].map((fact) => fact.source))
      cite(`case ${courtCase.id}`, source);
  }
  for (const dialogue of file.dialogues) {
    for (const state of dialogue.states) check(`dialogue ${dialogue.id}`, state);
    cite(`dialogue ${dialogue.id}`, dialogue.source);
  }
  if (problems.length > 0) throw new StarterDataError(problems);

  const counts = { disputes: 0, "court cases": 0, dialogues: 0 };
  for (const dispute of file.disputes) {
    if (await repo.disputeExists(tx, dispute.id)) continue;
    const start = partial(dispute.start);
    const end = dispute.end === undefined ? null : partial(dispute.end);
    await repo.insertRecordedDispute(
      tx,
      {
        id: dispute.id,
        midEpisodes: dispute.midNumbers ?? [],
        nameEn: dispute.names.en,
        nameEs: dispute.names.es,
        namePt: dispute.names.pt,
        nameFr: dispute.names.fr,
        summaryEn: dispute.summaries.en,
        summaryEs: dispute.summaries.es,
        summaryPt: dispute.summaries.pt,
        summaryFr: dispute.summaries.fr,
        startsOn: start.date,
        startPrecision: start.precision,
        endsOn: end?.date ?? null,
        endPrecision: end?.precision ?? null,
        active: toDaterange({ since: start.date, until: activeUntil(file, dispute, end) }),
        ongoing: dispute.ongoing ?? false,
        hostility: dispute.hostility ?? null,
        sourceId: dispute.source,
        quote: dispute.quote,
        locator: dispute.locator ?? null,
      },
      dispute.parties.map((party) => ({
        disputeId: dispute.id,
        party: party.state,
        stateCode: party.state,
        side: party.side,
        joined: party.joined ?? false,
        revisionist: party.revisionist ?? false,
        seeks: party.seeks ?? [],
      })),
      dispute.incidents.map((incident) => {
        const date = partial(incident.date);
        return {
          disputeId: dispute.id,
          occurredOn: date.date,
          precision: date.precision,
          titleEn: incident.titles.en,
          titleEs: incident.titles.es,
          titlePt: incident.titles.pt,
          titleFr: incident.titles.fr,
          hostility: incident.hostility ?? null,
          highestAction: incident.highestAction ?? null,
          sourceId: incident.source,
          quote: incident.quote,
          locator: incident.locator ?? null,
        };
      }),
      (dispute.claims ?? []).map((claim) => ({
        disputeId: dispute.id,
        field: claim.field,
        value: claim.value,
        sourceId: claim.source,
        quote: claim.quote,
        locator: claim.locator ?? null,
      })),
    );
    await audit(tx, "dispute", dispute.id, { names: dispute.names, parties: dispute.parties, start: dispute.start });
    counts.disputes += 1;
  }
  for (const courtCase of file.cases) {
    if (await repo.caseExists(tx, courtCase.id)) continue;
    await repo.insertCase(
      tx,
      {
        id: courtCase.id,
        court: courtCase.court,
        titleEn: courtCase.titles.en,
        titleEs: courtCase.titles.es,
        titlePt: courtCase.titles.pt,
        titleFr: courtCase.titles.fr,
        applicant: courtCase.applicant,
        respondent: courtCase.respondent,
        disputeId: courtCase.dispute ?? null,
        basis: courtCase.basis,
        status: courtCase.status,
        sourceId: courtCase.source,
        quote: courtCase.quote,
        locator: courtCase.locator ?? null,
      },
      courtCase.stages.map((stage) => ({
        caseId: courtCase.id,
        stage: stage.stage,
        decidedOn: stage.date,
        summaryEn: stage.summaries.en,
        summaryEs: stage.summaries.es,
        summaryPt: stage.summaries.pt,
        summaryFr: stage.summaries.fr,
        document: stage.document ?? null,
        sourceId: stage.source,
        quote: stage.quote,
        locator: stage.locator ?? null,
      })),
    );
    await audit(tx, "court_case", courtCase.id, {
      court: courtCase.court,
      applicant: courtCase.applicant,
      respondent: courtCase.respondent,
    });
    counts["court cases"] += 1;
  }
  for (const dialogue of file.dialogues) {
    if (await repo.dialogueExists(tx, dialogue.id)) continue;
    const start = partial(dialogue.start);
    const end = dialogue.end === undefined ? null : partial(dialogue.end);
    await repo.insertDialogue(tx, {
      id: dialogue.id,
      kind: dialogue.kind,
      titleEn: dialogue.titles.en,
      titleEs: dialogue.titles.es,
      titlePt: dialogue.titles.pt,
      titleFr: dialogue.titles.fr,
      states: dialogue.states,
      disputeId: dialogue.dispute ?? null,
      startsOn: start.date,
      startPrecision: start.precision,
      endsOn: end?.date ?? null,
      endPrecision: end?.precision ?? null,
      participants: dialogue.participants ?? null,
      outcome: dialogue.outcome ?? null,
      sourceId: dialogue.source,
      quote: dialogue.quote,
      locator: dialogue.locator ?? null,
    });
    await audit(tx, "dialogue", dialogue.id, { kind: dialogue.kind, states: dialogue.states });
    counts.dialogues += 1;
  }
  return counts;
}

/**
 * The first day a recorded dispute is no longer active: the day after its end; none while it is
 * known to go on; otherwise (the sources give no end) the day after its last dated fact — its
 * start, its incidents, its court cases' stages, the dialogue about it — so that "active on a
 * day" never reaches past what the sources say.
 */
function activeUntil(
  file: DisputesStarterFile,
  dispute: DisputesStarterFile["disputes"][number],
  end: PartialDate | null,
): string | null {
  if (end !== null) return dayAfterPartial(end);
  if (dispute.ongoing) return null;
  const facts = [
    dispute.start,
    ...dispute.incidents.map((incident) => incident.date),
    ...file.cases.filter((c) => c.dispute === dispute.id).flatMap((c) => c.stages.map((stage) => stage.date)),
    ...file.dialogues.filter((g) => g.dispute === dispute.id).map((g) => g.end ?? g.start),
  ];
  return facts
    .map((fact) => dayAfterPartial(partial(fact)))
    .sort()
    .at(-1) as string;
}

/** The checksum `imports` keeps of a file: PostgreSQL's md5() of its text. */
const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/** The format has checked every date already. */
function partial(text: string): PartialDate {
  return parsePartialDate(text) as PartialDate;
}

async function audit(
  tx: Transaction,
  objectType: "dispute" | "court_case" | "dialogue",
  objectId: string,
  after: Record<string, unknown>,
) {
  await appendAudit(tx, {
    ...auditActor(IMPORTER),
    action: `${objectType}.create`,
    objectType,
    objectId,
    after,
    details: { file: STARTER_DISPUTES_FILE },
  });
}
