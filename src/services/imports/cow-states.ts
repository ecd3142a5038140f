/**
 * Import of the Correlates of War state system membership list (v2016): each row is a period
 * during which a state was in the international system. Rows become actor periods of the
 * state's ISO code; rows that cannot be represented are refused, each with its reason.
 * Running the same file twice changes nothing.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { addDays, isDay } from "../../domain/dates.ts";
import { toDaterange } from "../../domain/interval.ts";
import type { Database } from "../../db/client.ts";
import {
  ensureSource,
  insertCowPeriod,
  latestCowCodes,
  periodsOverlapping,
  recordDataSetImport,
  setActorCowCode,
  stateCodes,
} from "../../db/repositories/imports.ts";
import { defaultDataDir } from "../starter/load.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor, type Principal } from "../policies.ts";

/** Who runs an import when nobody says: Concord's importer. */
const IMPORTER: Principal = { kind: "system", name: "importer" };

export const COW_SOURCE = {
  id: "cow-state-system-2016",
  title: "State System Membership List, v2016",
  publisher: "Correlates of War Project",
  published: "2017-01-01",
  publishedPrecision: "year",
  url: "https://correlatesofwar.org/data-sets/state-system-membership/",
  citation:
    'Correlates of War Project (2017), "State System Membership List, v2016". Free for public and academic use with citation.',
} as const;

const COLUMNS = [
  "stateabb",
  "ccode",
  "statenme",
  "styear",
  "stmonth",
  "stday",
  "endyear",
  "endmonth",
  "endday",
  "version",
] as const;

/** The dataset's last day: a period ending on it had not ended when the list was made. */
const OPEN_END_DAY = (version: number) => `${version}-12-31`;

const mappingFile = z.record(
  z.string().regex(/^\d+$/),
  z.object({
    abbrev: z.string(),
    name: z.string(),
    iso: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    reason: z.string().optional(),
    note: z.string().optional(),
  }),
);
export type CowMapping = z.infer<typeof mappingFile>;

export type CandidatePeriod = {
  line: number;
  ccode: number;
  abbrev: string;
  name: string;
  iso: string;
  since: string;
  until: string | null;
};
export type Refusal = { line: number; text: string; reason: string };
export type ParsedFile = { periods: CandidatePeriod[]; refused: Refusal[]; junkColumnLines: number[]; rows: number };

export async function readCowMapping(dataDir = defaultDataDir): Promise<CowMapping> {
  const file = path.join(dataDir, "mappings/cow-iso.json");
  return mappingFile.parse(JSON.parse(await fs.readFile(file, "utf8")));
}

/**
 * Reads the CSV as it is published: a header naming the ten columns, then one row a period.
 * Unnamed trailing columns (spreadsheet debris such as `#REF!`) are ignored and their lines
 * reported, never read as data.
 */
export function parseCowStates(text: string, mapping: CowMapping): ParsedFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim());
  const missing = COLUMNS.filter((column, index) => header[index] !== column);
  if (missing.length > 0) {
    throw new Error(
      `This is not the COW state system list: the first line must start with the columns ${COLUMNS.join(",")} (found ${header.slice(0, 10).join(",")})`,
    );
  }

  const result: ParsedFile = { periods: [], refused: [], junkColumnLines: [], rows: 0 };
  for (const [index, raw] of lines.slice(1).entries()) {
    const line = index + 2;
    if (raw.trim() === "") continue;
    result.rows += 1;
    const cells = raw.split(",");
    if (cells.slice(COLUMNS.length).some((cell) => cell.trim() !== "")) result.junkColumnLines.push(line);
    const period = readPeriod(cells, mapping, line);
    if (typeof period === "string") result.refused.push({ line, text: raw.slice(0, 80), reason: period });
    else result.periods.push(period);
  }
  return result;
}

/** The period one line of the list describes, or why it is refused. */
function readPeriod(cells: string[], mapping: CowMapping, line: number): CandidatePeriod | string {
  if (cells.length < COLUMNS.length) return `has ${cells.length} columns; the list has ${COLUMNS.length}`;

  // The line has all ten columns (checked above): these defaults are never used.
  const [abbrev = "", ccodeText = "", name = "", ...numbers] = cells.map((cell) => cell.trim());
  const [styear = NaN, stmonth = NaN, stday = NaN, endyear = NaN, endmonth = NaN, endday = NaN, version = NaN] = numbers
    .slice(0, 7)
    .map(Number);
  const ccode = Number(ccodeText);
  if (!Number.isInteger(ccode) || ccode <= 0) return `ccode "${ccodeText}" is not a COW country code`;
  const start = dayOf(styear, stmonth, stday);
  const end = dayOf(endyear, endmonth, endday);
  if (!start) return `start ${numbers.slice(0, 3).join("-")} is not a calendar date`;
  if (!end) return `end ${numbers.slice(3, 6).join("-")} is not a calendar date`;
  if (end < start) return `ends (${end}) before it starts (${start})`;
  if (!Number.isInteger(version)) return `version "${numbers[6]}" is not a year`;

  const mapped = mapping[String(ccode)];
  if (!mapped) return `COW code ${ccode} (${abbrev}) has no entry in data/mappings/cow-iso.json`;
  if (!mapped.iso) return `${name} (COW ${ccode}) has no ISO 3166 code: ${mapped.reason ?? "no reason recorded"}`;

  return {
    line,
    ccode,
    abbrev,
    name,
    iso: mapped.iso,
    since: start,
    // COW gives the last day in the system; Concord's intervals end on the first day after.
    until: end === OPEN_END_DAY(version) ? null : addDays(end, 1),
  };
}

function dayOf(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && isDay(text) ? text : undefined;
}

export type ImportSummary = {
  rows: number;
  loaded: number;
  unchanged: number;
  refused: Refusal[];
  junkColumnLines: number[];
};

/**
 * Writes the periods in one transaction: a period already present is left as it is, one that
 * contradicts a present period (overlaps it) is refused with both named. The run is audited in
 * the same transaction (`import.apply`, by `principal`: the command line's operator).
 */
export async function importCowStates(
  db: Database,
  text: string,
  options: { mapping?: CowMapping; onProgress?: (done: number, total: number) => void; principal?: Principal } = {},
): Promise<ImportSummary> {
  const mapping = options.mapping ?? (await readCowMapping());
  const parsed = parseCowStates(text, mapping);
  const summary: ImportSummary = {
    rows: parsed.rows,
    loaded: 0,
    unchanged: 0,
    refused: [...parsed.refused],
    junkColumnLines: parsed.junkColumnLines,
  };

  await db.transaction(async (tx) => {
    await ensureSource(tx, COW_SOURCE);
    const known = new Set(await stateCodes(tx));

    let done = 0;
    for (const period of parsed.periods) {
      options.onProgress?.(++done, parsed.periods.length);
      if (!known.has(period.iso)) {
        summary.refused.push({
          line: period.line,
          text: `${period.abbrev},${period.ccode},${period.name}`,
          reason: `ISO code ${period.iso} is not a state in the registry`,
        });
        continue;
      }
      const valid = toDaterange({ since: period.since, until: period.until });
      const overlapping = await periodsOverlapping(tx, period.iso, valid);
      const same = overlapping.find(
        (row) => row.valid === valid && row.sourceId === COW_SOURCE.id && row.cowCode === period.ccode,
      );
      if (same && overlapping.length === 1) {
        summary.unchanged += 1;
        continue;
      }
      if (overlapping.length > 0) {
        const clash = overlapping.map((row) => `${row.valid} from ${row.sourceId}`).join(", ");
        summary.refused.push({
          line: period.line,
          text: `${period.abbrev},${period.ccode},${period.name}`,
          reason: `${period.iso} ${valid} overlaps the period ${clash} already in the registry`,
        });
        continue;
      }
      await insertCowPeriod(tx, {
        actorCode: period.iso,
        valid,
        ended: period.until !== null,
        sourceId: COW_SOURCE.id,
        cowCode: period.ccode,
      });
      summary.loaded += 1;
    }

    // Each state's COW code and abbreviation are those of its latest period in the list.
    const latest = await latestCowCodes(tx, COW_SOURCE.id);
    for (const state of latest) {
      const abbrev = mapping[String(state.cowCode)]?.abbrev ?? null;
      await setActorCowCode(tx, state.code, { code: state.cowCode, abbrev });
    }

    await recordDataSetImport(tx, "cow-states", text, { ...summary, refused: summary.refused.length });
    await appendAudit(tx, {
      ...auditActor(options.principal ?? IMPORTER),
      action: "import.apply",
      objectType: "import",
      objectId: "cow-states",
      details: {
        source: COW_SOURCE.id,
        sha256: createHash("sha256").update(text).digest("hex"),
        rows: summary.rows,
        loaded: summary.loaded,
        unchanged: summary.unchanged,
        refused: summary.refused.length,
      },
    });
  });
  summary.refused.sort((a, b) => a.line - b.line);
  return summary;
}
