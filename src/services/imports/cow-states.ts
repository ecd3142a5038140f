/**
 * Import of the Correlates of War state system membership list (v2016): each row is a period
 * during which a state was in the international system. Rows become actor periods of the
 * state's ISO code; rows that cannot be represented are refused, each with its reason.
 * Running the same file twice changes nothing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { addDays, isDay } from "../../domain/dates.ts";
import { toDaterange } from "../../domain/interval.ts";
import type { Database } from "../../db/client.ts";
import { defaultDataDir } from "../starter/load.ts";

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
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === "") return;
    result.rows += 1;
    const cells = raw.split(",");
    if (cells.slice(COLUMNS.length).some((cell) => cell.trim() !== "")) result.junkColumnLines.push(line);
    const refuse = (reason: string) => result.refused.push({ line, text: raw.slice(0, 80), reason });
    if (cells.length < COLUMNS.length) return refuse(`has ${cells.length} columns; the list has ${COLUMNS.length}`);

    const [abbrev, ccodeText, name, ...numbers] = cells.map((cell) => cell.trim()) as string[];
    const [styear, stmonth, stday, endyear, endmonth, endday, version] = numbers.slice(0, 7).map(Number) as number[];
    const ccode = Number(ccodeText);
    if (!Number.isInteger(ccode) || ccode <= 0) return refuse(`ccode "${ccodeText}" is not a COW country code`);
    const start = dayOf(styear!, stmonth!, stday!);
    const end = dayOf(endyear!, endmonth!, endday!);
    if (!start) return refuse(`start ${numbers.slice(0, 3).join("-")} is not a calendar date`);
    if (!end) return refuse(`end ${numbers.slice(3, 6).join("-")} is not a calendar date`);
    if (end < start) return refuse(`ends (${end}) before it starts (${start})`);
    if (!Number.isInteger(version)) return refuse(`version "${numbers[6]}" is not a year`);

    const mapped = mapping[String(ccode)];
    if (!mapped) return refuse(`COW code ${ccode} (${abbrev}) has no entry in data/mappings/cow-iso.json`);
    if (!mapped.iso)
      return refuse(`${name} (COW ${ccode}) has no ISO 3166 code: ${mapped.reason ?? "no reason recorded"}`);

    result.periods.push({
      line,
      ccode,
      abbrev: abbrev!,
      name: name!,
      iso: mapped.iso,
      since: start,
      // COW gives the last day in the system; Concord's intervals end on the first day after.
      until: end === OPEN_END_DAY(version!) ? null : addDays(end, 1),
    });
  });
  return result;
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
 * contradicts a present period (overlaps it) is refused with both named.
 */
export async function importCowStates(
  db: Database,
  text: string,
  options: { mapping?: CowMapping; onProgress?: (done: number, total: number) => void } = {},
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
    await tx.execute(sql`
      INSERT INTO sources (id, title, publisher, published, published_precision, url, citation)
      VALUES (${COW_SOURCE.id}, ${COW_SOURCE.title}, ${COW_SOURCE.publisher}, ${COW_SOURCE.published},
              ${COW_SOURCE.publishedPrecision}, ${COW_SOURCE.url}, ${COW_SOURCE.citation})
      ON CONFLICT (id) DO NOTHING`);
    const known = new Set(
      ((await tx.execute(sql`SELECT code FROM actors WHERE type = 'state'`)).rows as Array<{ code: string }>).map(
        (row) => row.code,
      ),
    );

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
      const overlapping = (
        await tx.execute(sql`
          SELECT valid::text AS valid, source_id AS "sourceId", cow_code AS "cowCode"
          FROM actor_periods WHERE actor_code = ${period.iso} AND valid && ${valid}::daterange`)
      ).rows as Array<{ valid: string; sourceId: string; cowCode: number | null }>;
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
      await tx.execute(sql`
        INSERT INTO actor_periods (actor_code, valid, since_precision, until_precision, source_id, cow_code)
        VALUES (${period.iso}, ${valid}::daterange, 'day', ${period.until === null ? null : "day"}, ${COW_SOURCE.id}, ${period.ccode})`);
      summary.loaded += 1;
    }

    // Each state's COW code and abbreviation are those of its latest period in the list.
    const latest = (
      await tx.execute(sql`
        SELECT DISTINCT ON (actor_code) actor_code AS code, cow_code AS "cowCode"
        FROM actor_periods WHERE source_id = ${COW_SOURCE.id} AND cow_code IS NOT NULL
        ORDER BY actor_code, lower(valid) DESC`)
    ).rows as Array<{ code: string; cowCode: number }>;
    for (const state of latest) {
      const abbrev = mapping[String(state.cowCode)]?.abbrev ?? null;
      await tx.execute(sql`
        UPDATE actors SET cow_code = ${state.cowCode}, cow_abbrev = ${abbrev}
        WHERE code = ${state.code} AND (cow_code IS DISTINCT FROM ${state.cowCode} OR cow_abbrev IS DISTINCT FROM ${abbrev})`);
    }

    await tx.execute(sql`
      INSERT INTO imports (name, checksum, summary) VALUES ('cow-states', md5(${text}), ${JSON.stringify({ ...summary, refused: summary.refused.length })}::jsonb)
      ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, summary = EXCLUDED.summary, applied_at = now()
      WHERE imports.checksum <> EXCLUDED.checksum`);
  });
  summary.refused.sort((a, b) => a.line - b.line);
  return summary;
}
