/**
 * The starter data set's programmes (`data/starter/cooperation/*-programme.json`, format in
 * ./cooperation-format.ts): a partner's programme reconstructed from the source documents, with
 * its versions as they were in force (each citing the document that records it, not a decision
 * of Concord's, so no proposal) and every objective, goal and activity citing a source with a
 * short quote. Loaded after the registry and the menu (whose sources and items it names); a
 * programme already there (same organisation, partner and first day) is left as it is, so a
 * restart changes nothing. The events of the same files are the events' loader's.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Database, Transaction } from "../../db/client.ts";
import * as repo from "../../db/repositories/programmes.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor, type Principal } from "../policies.ts";
import {
  type CooperationActivityEntry,
  type CooperationProgrammeFile,
  cooperationProgrammeFile,
  type CooperationVersionEntry,
} from "./cooperation-format.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";

export const STARTER_PROGRAMMES_FOLDER = path.join("starter", "cooperation");
const PROGRAMME_FILE = /-programme\.json$/;

/** The programme files of the data folder, read and checked; none when it has no cooperation folder. */
export async function readStarterProgrammes(
  dataDir: string = defaultDataDir,
): Promise<Array<{ file: string; programme: CooperationProgrammeFile }>> {
  const folder = path.join(dataDir, STARTER_PROGRAMMES_FOLDER);
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((name) => PROGRAMME_FILE.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const problems: string[] = [];
  const files: Array<{ file: string; programme: CooperationProgrammeFile }> = [];
  for (const file of names) {
    let value: unknown;
    try {
      value = JSON.parse(await fs.readFile(path.join(folder, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const parsed = cooperationProgrammeFile.safeParse(value);
    if (parsed.success) files.push({ file, programme: parsed.data });
    else
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  if (problems.length > 0) throw new StarterDataError(problems);
  return files;
}

/**
 * Loads the starter programmes in `tx`: each programme not there yet, with its versions and
 * their trees. Throws StarterDataError naming what the files refer to and the database lacks
 * (a menu item, a source, a partner), or a programme overlapping another cycle of its partner.
 */
export async function loadStarterProgrammes(
  tx: Transaction,
  dataDir: string = defaultDataDir,
): Promise<{ programmes: number; versions: number; activities: number }> {
  const files = await readStarterProgrammes(dataDir);
  const counts = { programmes: 0, versions: 0, activities: 0 };
  for (const { file, programme } of files) {
    if (await repo.programmeStartingOn(tx, programme)) continue;
    const importer: Principal = { kind: "system", name: "importer", organization: programme.organization };
    const problems = await problemsOf(tx, file, programme);
    if (problems.length > 0) throw new StarterDataError(problems);
    const menu = await repo.menuItemsByCode(tx, programme.organization, menuCodes(programme));
    const overlapping = await repo.overlappingProgramme(tx, programme);
    if (overlapping)
      throw new StarterDataError([
        `${file}: the programme overlaps programme ${overlapping.id} of ${programme.partner} (${overlapping.start} to ${overlapping.end})`,
      ]);
    const id = await repo.insertProgramme(tx, {
      organization: programme.organization,
      partner: programme.partner,
      kind: programme.kind,
      start: programme.start,
      end: programme.end,
      reconstructed: true,
      createdBy: auditActor(importer).actor,
    });
    for (const version of [...programme.versions].sort((a, b) => a.number - b.number)) {
      await repo.insertVersion(tx, {
        programmeId: id,
        number: version.number,
        status: version.status,
        summary: version.summary,
        createdBy: auditActor(importer).actor,
        sourceId: version.source,
        inForceFrom: version.inForceFrom,
        inForceUntil: version.inForceUntil ?? null,
      });
      await repo.replaceTree(tx, id, version.number, treeOf(version, menu));
      counts.versions += 1;
      counts.activities += version.objectives.flatMap((o) => o.goals.flatMap((g) => g.activities)).length;
    }
    counts.programmes += 1;
    await appendAudit(tx, {
      ...auditActor(importer),
      organization: programme.organization,
      action: "programme.create",
      objectType: "programme",
      objectId: id,
      after: {
        organization: programme.organization,
        partner: programme.partner,
        kind: programme.kind,
        start: programme.start,
        end: programme.end,
        reconstructed: true,
        versions: programme.versions.map((version) => ({
          number: version.number,
          status: version.status,
          inForceFrom: version.inForceFrom,
          inForceUntil: version.inForceUntil ?? null,
          source: version.source,
          quote: version.quote,
          locator: version.locator ?? null,
        })),
      },
      details: { file: path.join(STARTER_PROGRAMMES_FOLDER, file), note: programme.note },
    });
  }
  return counts;
}

/**
 * Loads the starter programmes in a transaction of their own, after the menu's: on every start
 * (a programme already there is skipped), two instances taking turns.
 */
export async function loadStarterProgrammesOnce(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const files = await readStarterProgrammes(dataDir);
  if (files.length === 0) return { loaded: false, counts: {} };
  const missing = [];
  for (const { programme } of files) if (!(await repo.programmeStartingOn(db, programme))) missing.push(programme);
  if (missing.length === 0) return { loaded: false, counts: {} };
  return db.transaction(async (tx) => {
    await repo.lockStarterProgrammes(tx);
    const counts = await loadStarterProgrammes(tx, dataDir);
    return { loaded: counts.programmes > 0, counts };
  });
}

function menuCodes(programme: CooperationProgrammeFile): string[] {
  return [
    ...new Set(
      programme.versions.flatMap((version) =>
        version.objectives.flatMap((objective) =>
          objective.goals.flatMap((goal) =>
            goal.activities.flatMap((activity) => (activity.menuItem === undefined ? [] : [activity.menuItem])),
          ),
        ),
      ),
    ),
  ];
}

/** What the file names and the database lacks: its partner, its menu items, its sources. */
async function problemsOf(tx: Transaction, file: string, programme: CooperationProgrammeFile): Promise<string[]> {
  const problems: string[] = [];
  if (!(await repo.isState(tx, programme.partner)))
    problems.push(`${file}: partner: ${programme.partner} is not a state in the registry`);
  const codes = menuCodes(programme);
  const menu = await repo.menuItemsByCode(tx, programme.organization, codes);
  for (const code of codes)
    if (!menu.has(code)) problems.push(`${file}: ${programme.organization}'s menu has no item ${code}`);
  const cited = new Set<string>();
  for (const version of programme.versions) {
    cited.add(version.source);
    for (const objective of version.objectives) {
      cited.add(objective.source);
      for (const goal of objective.goals) {
        cited.add(goal.source);
        for (const activity of goal.activities) cited.add(activity.source);
      }
    }
  }
  const known = await repo.existingSources(tx, [...cited]);
  for (const source of cited) if (!known.has(source)) problems.push(`${file}: no source has the id ${source}`);
  return problems;
}

const titlesOf = (titles: { en: string; es: string; pt: string; fr: string }): repo.StoredTitles => ({ ...titles });

function activityOf(activity: CooperationActivityEntry, menu: ReadonlyMap<string, number>): repo.NewActivity {
  return {
    ref: activity.ref,
    menuItemId: activity.menuItem === undefined ? null : (menu.get(activity.menuItem) ?? null),
    titles: activity.titles ? titlesOf(activity.titles) : { en: null, es: null, pt: null, fr: null },
    description: activity.description ?? null,
    year: activity.year,
    sourceId: activity.source,
    quote: activity.quote,
  };
}

function treeOf(version: CooperationVersionEntry, menu: ReadonlyMap<string, number>): repo.NewObjective[] {
  return version.objectives.map((objective) => ({
    ref: objective.ref,
    area: objective.area,
    titles: titlesOf(objective.titles),
    description: objective.description ?? null,
    sourceId: objective.source,
    quote: objective.quote,
    goals: objective.goals.map((goal) => ({
      ref: goal.ref,
      titles: titlesOf(goal.titles),
      description: goal.description ?? null,
      sourceId: goal.source,
      quote: goal.quote,
      activities: goal.activities.map((activity) => activityOf(activity, menu)),
    })),
  }));
}
