/**
 * Reading the Gibler–Miller–Little Militarized Interstate Dispute data in its dyad-year form
 * (`gml-mid-ddy-2.1.1.csv`, data/README.md): each line is one year of one directed pair of
 * states in one dispute, every pair given in both directions. The reader turns the lines into
 * disputes with their parties and their (undirected) pair-years, keeping `-9` as missing and
 * every code as the file gives it. A line that cannot be read, or that contradicts another line
 * of its dispute, is refused with its number and the reason; the rest is read.
 */
import { createHash } from "node:crypto";
import { type Day, dayAfterPartial, type PartialDate } from "../../domain/dates.ts";
import {
  HIGHEST_ACTION,
  orderedPair,
  type RevisionType,
  revisionTypeOfCode,
  type Side,
} from "../../domain/disputes.ts";

/** The columns the reader needs; others (the file has a few more) are ignored. */
export const GML_COLUMNS = [
  "dispnum",
  "ccode1",
  "ccode2",
  "year",
  "sidea1",
  "revstate1",
  "revtype11",
  "revtype12",
  "fatality1",
  "fatality2",
  "hiact1",
  "hiact2",
  "hostlev1",
  "hostlev2",
  "orig1",
  "hiact",
  "hostlev",
  "mindur",
  "maxdur",
  "outcome",
  "settle",
  "fatality",
  "stmon",
  "endmon",
  "ongo2010",
  "version",
] as const;
type Column = (typeof GML_COLUMNS)[number];

/** How a COW code becomes a party: the registry's ISO code when it has one, `COW:<code>` otherwise. */
export type PartyOf = (cowCode: number) => { party: string; stateCode: string | null; name: string | null } | string;

export type GmlParty = {
  party: string;
  stateCode: string | null;
  cowCode: number;
  name: string | null;
  side: Side;
  joined: boolean;
  revisionist: boolean;
  seeks: RevisionType[];
  hostility: number | null;
  highestAction: number | null;
  fatality: number | null;
  firstYear: number;
  lastYear: number;
};

export type GmlDyadYear = {
  party1: string;
  party2: string;
  year: number;
  hostility1: number | null;
  hostility2: number | null;
  action1: number | null;
  action2: number | null;
  fatality1: number | null;
  fatality2: number | null;
};

export type GmlDispute = {
  number: number;
  version: string;
  start: PartialDate;
  end: PartialDate | null;
  /** `[first day, day after the last)`, unbounded while it goes on: what "active on a date" asks. */
  active: { since: Day; until: Day | null };
  ongoing: boolean;
  hostility: number | null;
  highestAction: number | null;
  fatality: number | null;
  outcome: number | null;
  settlement: number | null;
  minDurationDays: number | null;
  maxDurationDays: number | null;
  parties: GmlParty[];
  dyadYears: GmlDyadYear[];
  /** A digest of all of the above: equal digests, equal disputes (a re-run changes nothing). */
  digest: string;
};

export type RefusedLine = { line: number; text: string; reason: string };

/**
 * Lines read with a value kept as missing: an empty cell where a code may be missing, or a month
 * outside 1–12 (dispute 3514's `endmon` is 19 in v2.1.1), which dates the dispute to its year.
 */
export type SetAside = { line: number; column: string; reason: string };

export type GmlFile = {
  rows: number;
  disputes: GmlDispute[];
  refused: RefusedLine[];
  setAside: SetAside[];
  versions: string[];
};

export class NotGmlFileError extends Error {}

const MISSING = -9;

type Range = { min: number; max: number; nullable: boolean };
/** Code ranges the codebook allows (`-9`, missing, is allowed wherever `nullable`). */
const RANGES: Record<Exclude<Column, "version">, Range> = {
  dispnum: { min: 1, max: 99_999, nullable: false },
  ccode1: { min: 1, max: 9_999, nullable: false },
  ccode2: { min: 1, max: 9_999, nullable: false },
  year: { min: 1816, max: 2100, nullable: false },
  sidea1: { min: 0, max: 1, nullable: false },
  revstate1: { min: 0, max: 1, nullable: true },
  revtype11: { min: 0, max: 4, nullable: true },
  revtype12: { min: 0, max: 4, nullable: true },
  fatality1: { min: 0, max: 6, nullable: true },
  fatality2: { min: 0, max: 6, nullable: true },
  hiact1: { min: 0, max: HIGHEST_ACTION, nullable: true },
  hiact2: { min: 0, max: HIGHEST_ACTION, nullable: true },
  hostlev1: { min: 1, max: 5, nullable: true },
  hostlev2: { min: 1, max: 5, nullable: true },
  orig1: { min: 0, max: 1, nullable: true },
  hiact: { min: 0, max: HIGHEST_ACTION, nullable: true },
  hostlev: { min: 1, max: 5, nullable: true },
  mindur: { min: 0, max: 100_000, nullable: true },
  maxdur: { min: 0, max: 100_000, nullable: true },
  outcome: { min: 1, max: 9, nullable: true },
  settle: { min: 1, max: 4, nullable: true },
  fatality: { min: 0, max: 6, nullable: true },
  stmon: { min: 1, max: 12, nullable: true },
  endmon: { min: 1, max: 12, nullable: true },
  ongo2010: { min: 0, max: 1, nullable: true },
};

/** The dispute-level columns: every line of a dispute must give the same values. */
const DISPUTE_COLUMNS = [
  "hiact",
  "hostlev",
  "mindur",
  "maxdur",
  "outcome",
  "settle",
  "fatality",
  "stmon",
  "endmon",
  "ongo2010",
  "version",
] as const;

type Line = { line: number; raw: string; values: Record<Exclude<Column, "version">, number | null>; version: string };

/** Columns whose impossible values are set aside as missing (with a warning) rather than refusing the line. */
const SET_ASIDE_WHEN_IMPOSSIBLE = new Set<Column>(["stmon", "endmon"]);

/** Reads the file's text; throws NotGmlFileError if its header lacks a needed column. */
export function parseGmlDyadYears(text: string, partyOf: PartyOf): GmlFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  const missing = GML_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new NotGmlFileError(
      `This is not the GML MID dyad-year file: its first line lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    );
  const at = Object.fromEntries(GML_COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<
    Column,
    number
  >;

  const refused: RefusedLine[] = [];
  const setAside: SetAside[] = [];
  const byDispute = new Map<number, Line[]>();
  let rows = 0;
  for (const [index, raw] of lines.slice(1).entries()) {
    if (raw.trim() === "") continue;
    rows += 1;
    const line = index + 2;
    const read = readLine(raw, at, header.length, (column, reason) => setAside.push({ line, column, reason }));
    if (typeof read === "string") {
      refused.push({ line, text: raw.slice(0, 100), reason: read });
      continue;
    }
    const dispute = read.values.dispnum as number;
    const list = byDispute.get(dispute) ?? [];
    list.push({ line, raw, ...read });
    byDispute.set(dispute, list);
  }

  const disputes: GmlDispute[] = [];
  for (const [number, disputeLines] of [...byDispute.entries()].sort(([a], [b]) => a - b)) {
    const dispute = assemble(number, disputeLines, partyOf, refused);
    if (dispute) disputes.push(dispute);
  }
  refused.sort((a, b) => a.line - b.line);
  return { rows, disputes, refused, setAside, versions: [...new Set(disputes.map((dispute) => dispute.version))] };
}

function readLine(
  raw: string,
  at: Record<Column, number>,
  width: number,
  setAside: (column: Column, reason: string) => void,
): Omit<Line, "line" | "raw"> | string {
  const cells = raw.split(",").map((cell) => cell.trim());
  if (cells.length !== width) return `has ${cells.length} columns; the header has ${width}`;
  const values = {} as Line["values"];
  for (const [column, range] of Object.entries(RANGES) as Array<[Exclude<Column, "version">, Range]>) {
    const cell = cells[at[column]] ?? "";
    if (cell === "" && range.nullable) {
      setAside(column, `${column} is empty: kept as missing`);
      values[column] = null;
      continue;
    }
    const value = /^-?\d+$/.test(cell) ? Number(cell) : Number.NaN;
    if (Number.isNaN(value)) return `${column} "${cell}" is not a whole number`;
    if (value === MISSING && range.nullable) values[column] = null;
    else if (value < range.min || value > range.max) {
      const allowed = `${range.min}–${range.max}${range.nullable ? " (or -9, missing)" : ""}`;
      if (!SET_ASIDE_WHEN_IMPOSSIBLE.has(column)) return `${column} ${value} is outside ${allowed}`;
      setAside(column, `${column} ${value} is outside ${allowed}: kept as missing, the date to its year`);
      values[column] = null;
    } else values[column] = value;
  }
  if (values.ccode1 === values.ccode2) return `ccode1 and ccode2 are both ${values.ccode1}`;
  const version = cells[at.version] ?? "";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(version)) return `version "${version}" is not a data set version`;
  return { values, version };
}

/** One dispute from its lines, refusing those that contradict the first; undefined if none is left. */
function assemble(number: number, lines: Line[], partyOf: PartyOf, refused: RefusedLine[]): GmlDispute | undefined {
  const first = lines[0] as Line;
  const parties = new Map<number, Line[]>();
  const dyads = new Map<string, { line: Line; row: GmlDyadYear }>();
  const partyKeys = new Map<number, { party: string; stateCode: string | null; name: string | null }>();
  const refuse = (line: Line, reason: string) =>
    refused.push({ line: line.line, text: line.raw.slice(0, 100), reason });

  const kept: Line[] = [];
  reading: for (const line of lines) {
    for (const column of DISPUTE_COLUMNS) {
      const value = column === "version" ? line.version : line.values[column];
      const expected = column === "version" ? first.version : first.values[column];
      if (value !== expected) {
        refuse(line, `dispute ${number}: ${column} is ${value ?? -9} here but ${expected ?? -9} on line ${first.line}`);
        continue reading;
      }
    }
    for (const code of [line.values.ccode1, line.values.ccode2] as number[]) {
      if (partyKeys.has(code)) continue;
      const mapped = partyOf(code);
      if (typeof mapped === "string") {
        refuse(line, mapped);
        continue reading;
      }
      partyKeys.set(code, mapped);
    }
    const state = line.values.ccode1 as number;
    const known = parties.get(state);
    const row = dyadYearOf(line, partyKeys);
    const key = `${row.party1}|${row.party2}|${row.year}`;
    const twin = dyads.get(key);
    if (twin && JSON.stringify(twin.row) !== JSON.stringify(row)) {
      refuse(line, `dispute ${number}: the pair's year ${row.year} says otherwise on line ${twin.line.line}`);
      continue;
    }
    if (!twin) dyads.set(key, { line, row });
    if (known) known.push(line);
    else parties.set(state, [line]);
    kept.push(line);
  }
  if (kept.length === 0) return undefined;

  const years = kept.map((line) => line.values.year as number);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const ongoing = first.values.ongo2010 === 1;
  const start = partialOf(firstYear, first.values.stmon);
  const end = ongoing ? null : partialOf(lastYear, first.values.endmon);
  const dispute: Omit<GmlDispute, "digest"> = {
    number,
    version: first.version,
    start,
    end,
    active: { since: start.date, until: end === null ? null : dayAfterPartial(end) },
    ongoing,
    hostility: first.values.hostlev,
    highestAction: first.values.hiact,
    fatality: first.values.fatality,
    outcome: first.values.outcome,
    settlement: first.values.settle,
    minDurationDays: first.values.mindur,
    maxDurationDays: first.values.maxdur,
    parties: [...parties.entries()]
      .map(([cowCode, own]) => partyFromLines(cowCode, own, partyKeys))
      .sort((a, b) => (a.party < b.party ? -1 : 1)),
    dyadYears: [...dyads.values()]
      .map(({ row }) => row)
      .sort((a, b) => a.party1.localeCompare(b.party1) || a.party2.localeCompare(b.party2) || a.year - b.year),
  };
  return { ...dispute, digest: createHash("sha256").update(JSON.stringify(dispute)).digest("base64url") };
}

/**
 * A state's part in a dispute, gathered over its lines: what it sought, did and lost is given per
 * pair (a state may seek territory from one and policy from another), so it is revisionist if it
 * is towards anyone, seeks everything it sought, and reached the highest action, hostility and
 * fatality band of any line; an originator if any line says so. A state may change sides in a
 * long dispute (France in dispute 258, 1939–1945): its side is the one of its first year.
 */
function partyFromLines(
  cowCode: number,
  lines: Line[],
  keys: Map<number, { party: string; stateCode: string | null; name: string | null }>,
): GmlParty {
  const key = keys.get(cowCode) as { party: string; stateCode: string | null; name: string | null };
  const all = (column: Exclude<Column, "version">) => lines.map((line) => line.values[column]);
  const highest = (column: Exclude<Column, "version">) => {
    const known = all(column).filter((value): value is number => value !== null);
    return known.length === 0 ? null : Math.max(...known);
  };
  const seeks = [...all("revtype11"), ...all("revtype12")]
    .map((code) => (code === null ? undefined : revisionTypeOfCode(code)))
    .filter((type): type is RevisionType => type !== undefined);
  const years = all("year") as number[];
  return {
    ...key,
    cowCode,
    side: earliest(lines).values.sidea1 === 1 ? "A" : "B",
    joined: !all("orig1").includes(1),
    revisionist: all("revstate1").includes(1),
    seeks: [...new Set(seeks)].sort(),
    hostility: highest("hostlev1"),
    highestAction: highest("hiact1"),
    fatality: highest("fatality1"),
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
}

function earliest(lines: Line[]): Line {
  return lines.reduce((first, line) => ((line.values.year as number) < (first.values.year as number) ? line : first));
}

/** The line's pair-year, ordered as the database keeps pairs (the first party's levels first). */
function dyadYearOf(line: Line, keys: Map<number, { party: string }>): GmlDyadYear {
  const v = line.values;
  const one = (keys.get(v.ccode1 as number) as { party: string }).party;
  const two = (keys.get(v.ccode2 as number) as { party: string }).party;
  const [party1, party2] = orderedPair(one, two);
  const inOrder = party1 === one;
  const first = inOrder ? 1 : 2;
  const second = inOrder ? 2 : 1;
  return {
    party1,
    party2,
    year: v.year as number,
    hostility1: v[`hostlev${first}`],
    hostility2: v[`hostlev${second}`],
    action1: v[`hiact${first}`],
    action2: v[`hiact${second}`],
    fatality1: v[`fatality${first}`],
    fatality2: v[`fatality${second}`],
  };
}

function partialOf(year: number, month: number | null): PartialDate {
  return month === null
    ? { date: `${year}-01-01`, precision: "year" }
    : { date: `${year}-${String(month).padStart(2, "0")}-01`, precision: "month" };
}
