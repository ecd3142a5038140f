/**
 * The starter data set: read from `data/`, validated whole before anything is written, then
 * written in one transaction, once. A database that has it already is left alone.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { parsePartialDate, type PartialDate } from "../../domain/dates.ts";
import { isValidInterval, toDaterange } from "../../domain/interval.ts";
import { projectRoot } from "../../project-root.ts";
import type { Database } from "../../db/client.ts";
import { importApplied, recordImport } from "../../db/repositories/imports.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor } from "../policies.ts";
import { insertClaims, insertRelation } from "../../db/repositories/registry-writes.ts";
import {
  insertActorPeriods,
  insertActors,
  insertFrameworks,
  insertSources,
  lockStarterData,
} from "../../db/repositories/starter.ts";
import {
  countryFile,
  frameworkFile,
  organizationFile,
  relationFile,
  sourceFile,
  type CountryEntry,
  type FrameworkEntry,
  type OrganizationEntry,
  type RelationEntry,
  type SourceEntry,
} from "./format.ts";

export const defaultDataDir = path.join(projectRoot, "data");

export const STARTER_IMPORT = "starter-data-set";

export type StarterData = {
  countries: CountryEntry[];
  sources: SourceEntry[];
  organizations: OrganizationEntry[];
  frameworks: FrameworkEntry[];
  relations: Array<RelationEntry & { file: string; index: number }>;
  checksum: string;
};

export class StarterDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The starter data set has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  }
}

/** Reads and validates every file; throws one error listing every problem found. */
export async function readStarterData(dataDir = defaultDataDir): Promise<StarterData> {
  const problems: string[] = [];
  const hash = createHash("sha256");

  async function read<T extends z.ZodType>(file: string, fileSchema: T): Promise<z.infer<T> | []> {
    const full = path.join(dataDir, file);
    let text: string;
    try {
      text = await fs.readFile(full, "utf8");
    } catch {
      problems.push(`${file}: cannot be read (is it missing?)`);
      return [];
    }
    hash.update(file).update(text);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: is not valid JSON (${(error as Error).message})`);
      return [];
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        problems.push(`${file} at [${issue.path.join("].[")}]: ${issue.message}`);
      }
      return [];
    }
    return parsed.data;
  }

  const countries = await read("countries.json", countryFile);
  const sources = await read("starter/sources.json", sourceFile);
  const organizations = await read("starter/organizations.json", organizationFile);
  const frameworks = await read("starter/frameworks.json", frameworkFile);
  const relationFiles = (await fs.readdir(path.join(dataDir, "starter/relations")).catch(() => []))
    .filter((file) => file.endsWith(".json"))
    .sort();
  const relations: StarterData["relations"] = [];
  for (const file of relationFiles) {
    const name = `starter/relations/${file}`;
    for (const [index, relation] of (await read(name, relationFile)).entries())
      relations.push({ ...relation, file: name, index });
  }

  const data = { countries, sources, organizations, frameworks, relations, checksum: hash.digest("hex") };
  problems.push(...crossCheck(data));
  if (problems.length > 0) throw new StarterDataError(problems);
  return data;
}

/** References between files, and what the database would refuse, found before any write. */
function crossCheck(data: Omit<StarterData, "checksum">): string[] {
  const problems: string[] = [];
  const duplicates = (label: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${label}: ${key} appears twice`);
      seen.add(key);
    }
  };
  duplicates(
    "countries.json",
    data.countries.map((country) => country.alpha3),
  );
  duplicates(
    "starter/organizations.json",
    data.organizations.map((organization) => organization.code),
  );
  duplicates(
    "starter/sources.json",
    data.sources.map((source) => source.id),
  );
  duplicates(
    "starter/frameworks.json",
    data.frameworks.map((framework) => `${framework.organization}/${framework.slug}`),
  );

  const actors = new Set([
    ...data.countries.map((country) => country.alpha3),
    ...data.organizations.map((organization) => organization.code),
  ]);
  const sources = new Set(data.sources.map((source) => source.id));
  const frameworks = new Set(data.frameworks.map((framework) => `${framework.organization}/${framework.slug}`));

  for (const organization of data.organizations) {
    if (!sources.has(organization.source))
      problems.push(`starter/organizations.json: ${organization.code} cites unknown source "${organization.source}"`);
  }
  for (const framework of data.frameworks) {
    if (!actors.has(framework.organization))
      problems.push(
        `starter/frameworks.json: ${framework.slug} belongs to unknown organisation ${framework.organization}`,
      );
  }

  const intervalsByFact = new Map<string, Array<{ since: string; until: string | null; where: string }>>();
  for (const relation of data.relations) {
    const where = `${relation.file} at [${relation.index}] (${relation.subject} ${relation.kind} ${relation.object})`;
    for (const code of [relation.subject, relation.object]) {
      if (!actors.has(code)) problems.push(`${where}: unknown actor ${code}`);
    }
    if (relation.framework && !frameworks.has(`${relation.object}/${relation.framework}`)) {
      problems.push(`${where}: ${relation.object} has no framework "${relation.framework}"`);
    }
    for (const claim of relation.claims) {
      if (!sources.has(claim.source)) problems.push(`${where}: cites unknown source "${claim.source}"`);
    }
    const since = date(relation.since).date;
    const until = relation.until ? date(relation.until).date : null;
    if (!isValidInterval({ since, until })) {
      problems.push(`${where}: ends (${relation.until}) before it starts (${relation.since})`);
      continue;
    }
    const fact = `${relation.subject}|${relation.object}|${relation.kind}|${relation.designation ?? ""}`;
    const others = intervalsByFact.get(fact) ?? [];
    for (const other of others) {
      if ((other.until === null || since < other.until) && (until === null || other.since < until)) {
        problems.push(`${where}: overlaps ${other.where} — the same relation cannot hold twice at once`);
      }
    }
    others.push({ since, until, where });
    intervalsByFact.set(fact, others);
  }
  return problems;
}

function date(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`Unvalidated date ${text}`); // format.ts validated every date already
  return parsed;
}

export type LoadResult = { loaded: boolean; counts: Record<string, number> };

/** Loads the starter data set unless this database has it already. */
export async function loadStarterData(db: Database, dataDir = defaultDataDir): Promise<LoadResult> {
  // Every start and every CLI command comes here: do not read and validate the files for nothing.
  if (await alreadyLoaded(db)) return { loaded: false, counts: {} };
  const data = await readStarterData(dataDir);
  return db.transaction(async (tx) => {
    // Serialise two instances starting on one new database: the second waits, then sees the row.
    await lockStarterData(tx);
    // Checked again under the lock: another instance may have loaded it meanwhile.
    if (await alreadyLoaded(tx)) return { loaded: false, counts: {} };

    await insertSources(
      tx,
      data.sources.map((source) => {
        const published = source.published ? date(source.published) : undefined;
        return {
          id: source.id,
          title: source.title,
          publisher: source.publisher,
          published: published?.date ?? null,
          publishedPrecision: published?.precision ?? null,
          url: source.url ?? null,
          perspective: source.perspective ?? null,
          file: source.file ?? null,
          citation: source.citation ?? null,
          archive: source.archive ?? null,
        };
      }),
    );

    await insertActors(tx, [
      ...data.countries.map((country) => ({
        code: country.alpha3,
        type: "state" as const,
        isoAlpha2: country.alpha2,
        isoNumeric: country.numeric,
        nameEn: country.names.en,
        nameEs: country.names.es,
        namePt: country.names.pt,
        nameFr: country.names.fr,
        note: country.former ? "Former state (ISO 3166-3)." : null,
      })),
      ...data.organizations.map((organization) => ({
        code: organization.code,
        type: "organization" as const,
        nameEn: organization.names.en,
        nameEs: organization.names.es,
        namePt: organization.names.pt,
        nameFr: organization.names.fr,
        abbreviationEn: organization.abbreviations.en,
        abbreviationEs: organization.abbreviations.es,
        abbreviationPt: organization.abbreviations.pt,
        abbreviationFr: organization.abbreviations.fr,
        note: organization.note ?? null,
      })),
    ]);

    await insertActorPeriods(
      tx,
      data.organizations.map((organization) => {
        const founded = date(organization.founded);
        const dissolved = organization.dissolved ? date(organization.dissolved) : undefined;
        return {
          actorCode: organization.code,
          valid: toDaterange({ since: founded.date, until: dissolved?.date ?? null }),
          sincePrecision: founded.precision,
          untilPrecision: dissolved?.precision ?? null,
          sourceId: organization.source,
        };
      }),
    );

    await insertFrameworks(
      tx,
      data.frameworks.map((framework) => {
        const since = framework.since ? date(framework.since) : undefined;
        return {
          organizationCode: framework.organization,
          slug: framework.slug,
          nameEn: framework.names.en,
          nameEs: framework.names.es,
          namePt: framework.names.pt,
          nameFr: framework.names.fr,
          since: since?.date ?? null,
          sincePrecision: since?.precision ?? null,
          note: framework.note ?? null,
        };
      }),
    );

    let claimCount = 0;
    for (const relation of data.relations) {
      const id = await insertRelation(tx, relation);
      await insertClaims(tx, id, relation.claims);
      claimCount += relation.claims.length;
    }

    const counts = {
      countries: data.countries.length,
      organizations: data.organizations.length,
      sources: data.sources.length,
      frameworks: data.frameworks.length,
      relations: data.relations.length,
      claims: claimCount,
    };
    await recordImport(tx, { name: STARTER_IMPORT, checksum: data.checksum, summary: counts });
    await appendAudit(tx, {
      ...auditActor({ kind: "system", name: "importer" }),
      action: "import.apply",
      objectType: "import",
      objectId: STARTER_IMPORT,
      details: { checksum: data.checksum, ...counts },
    });
    return { loaded: true, counts };
  });
}

async function alreadyLoaded(db: Pick<Database, "select">): Promise<boolean> {
  return importApplied(db, STARTER_IMPORT);
}
