/**
 * The cooperation starter data (data/starter/cooperation/): Colombia's partnership programme as the
 * held source documents describe it, and the partnership menu. No database: the files are read as
 * the loaders read them and checked against their format (src/services/starter/cooperation-format.ts),
 * the held documents they quote (data/sources/, the convention of data/README.md and
 * test/source-locators.test.ts: quotes whitespace-normalised, paragraphs are blocks between blank
 * lines) and each other (every menu code the programme names is on the menu).
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, COOPERATION_AREAS, MENU_CSV_COLUMNS } from "../src/domain/cooperation.ts";
import {
  type CooperationProgrammeFile,
  cooperationProgrammeFile,
  type MenuCsvRow,
  menuCsvRow,
} from "../src/services/starter/cooperation-format.ts";
import { countryFile, frameworkFile, type SourceEntry, sourceFile } from "../src/services/starter/format.ts";
import { parseCsvRows } from "./support/csv.ts";
import { dataFile } from "./support/data-files.ts";

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The document's paragraphs, whitespace-collapsed: blocks of lines between blank (or whitespace-only) lines. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n(?:[^\S\n]*\n)+/)
    .map(collapse)
    .filter((paragraph) => paragraph !== "");
}

/** Why the quote is not where the locator says in the text, or undefined when it is (as test/source-locators.test.ts). */
function quoteProblem(text: string, quote: string, locator: string | undefined): string | undefined {
  const wanted = collapse(quote);
  if (!collapse(text).includes(wanted)) return `the quote "${quote}" is not in the document`;
  if (locator === undefined) return undefined;
  const match = /^paragraph (\d+)$/.exec(locator) ?? /^paragraphs (\d+)–(\d+)$/.exec(locator);
  if (!match) return `the locator "${locator}" is not "paragraph N" or "paragraphs N–M"`;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  const paragraphs = paragraphsOf(text);
  if (first < 1 || (match[2] !== undefined && last <= first) || last > paragraphs.length)
    return `the locator "${locator}" is not a range of the document's ${paragraphs.length} paragraphs`;
  const span = (from: number, to: number) => paragraphs.slice(from - 1, to).join(" ");
  if (!span(first, last).includes(wanted)) return `"${locator}" does not contain the quote`;
  if (last > first && (span(first + 1, last).includes(wanted) || span(first, last - 1).includes(wanted)))
    return `the quote lies within fewer paragraphs than "${locator}"`;
  return undefined;
}

/** Every citation of the programme file: where it is, the source, the quote and its locator. */
type Citation = { where: string; source: string; quote: string; locator?: string };
function citationsOf(programme: CooperationProgrammeFile): Citation[] {
  const citations: Citation[] = [];
  for (const [v, version] of programme.versions.entries()) {
    citations.push({ where: `versions[${v}]`, ...version });
    for (const [o, objective] of version.objectives.entries()) {
      citations.push({ where: `versions[${v}].objectives[${o}] (${objective.ref})`, ...objective });
      for (const [g, goal] of objective.goals.entries()) {
        citations.push({ where: `versions[${v}].objectives[${o}].goals[${g}] (${goal.ref})`, ...goal });
        for (const [a, activity] of goal.activities.entries())
          citations.push({
            where: `versions[${v}].objectives[${o}].goals[${g}].activities[${a}] (${activity.ref})`,
            ...activity,
          });
      }
    }
  }
  for (const [e, event] of programme.events.entries()) citations.push({ where: `events[${e}]`, ...event });
  return citations;
}

/**
 * The menu's titles taken from a source document (illustrative=false), each with the passage of
 * that document it comes from: the title must not be an invention dressed as a citation.
 */
const MENU_TITLE_PASSAGES: Record<string, string> = {
  "NSO-COURSE": "courses at the NATO School in Oberammergau, Germany",
  "NDC-COURSE": "the NATO Defense College in Rome, Italy",
  "DEMINING-COURSE": "Demining, counterinsurgency and counternarcotics courses stand out.",
  "COIN-COURSE": "Demining, counterinsurgency and counternarcotics courses stand out.",
  "CN-COURSE": "Demining, counterinsurgency and counternarcotics courses stand out.",
  "INT-EXPERT-ADVICE":
    "NATO could provide expert advice to help Colombian forces develop the ability to work more closely with allies.",
  "INT-TRAINING-EX":
    "Through training and exercises, they seek to develop the interoperability of their armed forces, in accordance with NATO norms and standards.",
  "HADR-EXERCISE": "U.S. and NATO interagency participation in annual HA/DR exercises is promoted",
  "WPS-WORKSHOP": "promoting the role of women in peace and security",
  "RD-WORKSHOP": "working on research and development",
  "CIED-COL-EXPERIENCE":
    "Colombia also has a lot of experience to offer NATO, including in countering improvised explosive devices",
  "INTEL-COMMITTEES": "NATO committee structure for intelligence sharing",
  "CBM-SEMINAR": "effective confidence-building measures between regional rivals",
  "CIVCONTROL-SEMINAR": "democratisation and civilian control of the armed forces",
  "CIVMIL-WORKSHOP":
    "reform their armed forces and national security establishments and develop good, safe, civil-military relationships",
  "ACADEMIC-PROGRAMME":
    "collaborative academic programmes set up jointly between Think Tanks in NATO countries and Latin American countries",
  "CT-EXPERTISE":
    "expertise on issues such as counter-terrorism, energy security and cyber warfare which it is ready and willing to share",
  "ENERGY-EXPERTISE":
    "expertise on issues such as counter-terrorism, energy security and cyber warfare which it is ready and willing to share",
  "DOCTRINE-TRAINING": "creating ad hoc training programs, to show the evolution of NATO doctrines",
};

let programme: CooperationProgrammeFile;
let sources: Map<string, SourceEntry>;
let held: Map<string, string>;
let menuText: string;
let menuRecords: string[][];
let menu: Map<string, MenuCsvRow>;
let menuProblems: string[];

beforeAll(() => {
  programme = cooperationProgrammeFile.parse(
    JSON.parse(fs.readFileSync(dataFile("starter", "cooperation", "colombia-programme.json"), "utf8")),
  );
  sources = new Map(
    sourceFile
      .parse(JSON.parse(fs.readFileSync(dataFile("starter", "sources.json"), "utf8")))
      .map((source) => [source.id, source]),
  );
  held = new Map(
    [...sources.values()].flatMap((source) =>
      source.file ? [[source.id, fs.readFileSync(dataFile("sources", source.file), "utf8")] as const] : [],
    ),
  );
  // Read as bytes and decoded strictly: a byte sequence that is not UTF-8 fails here.
  menuText = new TextDecoder("utf-8", { fatal: true }).decode(
    fs.readFileSync(dataFile("starter", "cooperation", "menu.csv")),
  );
  menuRecords = parse(menuText, {
    bom: false,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: "\r\n",
  });
  const [, ...rows] = menuRecords;
  menu = new Map();
  menuProblems = [];
  for (const [index, record] of rows.entries()) {
    const read = menuCsvRow.safeParse(Object.fromEntries(MENU_CSV_COLUMNS.map((column, i) => [column, record[i]])));
    if (read.success) menu.set(read.data.code, read.data);
    else
      for (const issue of read.error.issues)
        menuProblems.push(`row ${index + 2} (${record[0]}): ${issue.path.join(".")}: ${issue.message}`);
  }
});

describe("Colombia's programme (data/starter/cooperation/colombia-programme.json)", () => {
  it("follows the format and is marked as reconstructed", () => {
    expect(programme.reconstructed).toBe(true);
    expect(programme).toMatchObject({ organization: "NATO", partner: "COL", kind: "IPCP" });
    expect(programme.note).toMatch(/reconstructed/i);
  });

  it("cites held documents only, each quote short and verbatim in its document, at the paragraph its locator names", () => {
    const citations = citationsOf(programme);
    expect(citations.length).toBeGreaterThanOrEqual(40);
    const problems: string[] = [];
    for (const citation of citations) {
      const text = held.get(citation.source);
      if (text === undefined) {
        problems.push(`${citation.where}: ${citation.source} is not a held source document`);
        continue;
      }
      if (citation.quote.length > 200) problems.push(`${citation.where}: the quote is longer than 200 characters`);
      if (citation.locator === undefined) problems.push(`${citation.where}: no locator`);
      const problem = quoteProblem(text, citation.quote, citation.locator);
      if (problem) problems.push(`${citation.where}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps each node's ref across versions, and its versions follow each other without a gap", () => {
    const first = programme.versions[0]!;
    const second = programme.versions[1]!;
    expect(first).toMatchObject({ number: 1, status: "superseded", inForceFrom: programme.start });
    expect(second).toMatchObject({ number: 2, status: "in-force" });
    const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(dayAfter(first.inForceUntil ?? "")).toBe(second.inForceFrom);
    expect(second.inForceFrom <= programme.end).toBe(true);
    // An objective or goal in both versions keeps its ref, so versions compare node by node.
    const refs = (version: typeof first) =>
      new Set(version.objectives.flatMap((objective) => [objective.ref, ...objective.goals.map((goal) => goal.ref)]));
    const kept = [...refs(first)].filter((ref) => refs(second).has(ref));
    expect(kept).toEqual(expect.arrayContaining(["O-BI", "G-BI-1", "O-EDU", "G-EDU-1", "O-DEM", "O-CYB", "O-INT"]));
  });

  it("holds the facts the sources give", () => {
    const [first, second] = programme.versions;
    const areas = (version: typeof first) => version?.objectives.map((objective) => objective.area) ?? [];
    // The IPCP's priority areas (2022 brief), in the version in force.
    expect(areas(second)).toEqual(
      expect.arrayContaining([
        "cyber-defence",
        "maritime-security",
        "counter-terrorism",
        "human-security",
        "interoperability",
      ]),
    );
    const quotes = citationsOf(programme).map((citation) => citation.quote);
    const cites = (words: string) => quotes.some((quote) => quote.includes(words));
    expect(cites("Since our cooperation began in 2013")).toBe(true); // cooperation since 2013, Building Integrity
    expect(cites("NATO’s Building Integrity initiative")).toBe(true);
    expect(cites("NATO School in Oberammergau")).toBe(true);
    expect(cites("NATO Defense College in Rome")).toBe(true);
    expect(cites("International Demining Center joined a NATO network")).toBe(true);
    expect(second?.quote).toMatch(/^December 2021: Meeting .* to update cooperation\.$/);
    expect(areas(first)).toContain("building-integrity");
    // The demining centre's year and the Ocean Shield contribution's, as the source gives them.
    const demining = first?.objectives
      .flatMap((objective) => objective.goals.flatMap((goal) => goal.activities))
      .find((activity) => activity.quote.includes("Demining Center joined"));
    expect(demining?.year).toBe(2019);
    expect(programme.events).toEqual([
      expect.objectContaining({ startsOn: "2015-01-01", endsOn: "2015-12-31", status: "held", provider: "NATO" }),
    ]);
    expect(programme.events[0]?.quote).toContain(
      "In 2015, Colombia contributed a vessel to NATO’s operation Ocean Shield",
    );
  });

  it("names menu items that are on the menu, and on it in the year the activity is planned", () => {
    const problems: string[] = [];
    const named: string[] = [];
    for (const [v, version] of programme.versions.entries())
      for (const objective of version.objectives)
        for (const goal of objective.goals)
          for (const activity of goal.activities) {
            if (activity.menuItem === undefined) continue;
            named.push(activity.menuItem);
            const item = menu.get(activity.menuItem);
            if (!item) problems.push(`versions[${v}] ${activity.ref}: ${activity.menuItem} is not on the menu`);
            else if (
              item.since > `${activity.year}-12-31` ||
              (item.until !== null && item.until < `${activity.year}-01-01`)
            )
              problems.push(
                `versions[${v}] ${activity.ref}: ${activity.menuItem} is not on the menu in ${activity.year}`,
              );
          }
    for (const event of programme.events)
      if (event.menuItem !== undefined && !menu.has(event.menuItem)) problems.push(`event: ${event.menuItem} unknown`);
    expect(problems).toEqual([]);
    expect(named.length).toBeGreaterThanOrEqual(8);
  });

  it("is refused when a quote is altered, a ref is malformed, a year falls outside the period or an area is unknown", () => {
    const text = held.get("dialogo-2020-gottemoeller") ?? "";
    const quote = "Earlier this year [2019], Colombia’s International Demining Center joined a NATO network";
    expect(quoteProblem(text, quote, "paragraph 14")).toBeUndefined();
    expect(quoteProblem(text, quote.replace("2019", "2018"), "paragraph 14")).toMatch(/not in the document/);
    expect(quoteProblem(text, quote, "paragraph 15")).toMatch(/does not contain the quote/);

    const copy = (): CooperationProgrammeFile => structuredClone(programme);
    const paths = (value: unknown) =>
      (cooperationProgrammeFile.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join("."));
    const badRef = copy();
    badRef.versions[0]!.objectives[0]!.ref = "a ref with spaces and far too long";
    expect(paths(badRef)).toContain("versions.0.objectives.0.ref");
    const badYear = copy();
    badYear.versions[0]!.objectives[0]!.goals[0]!.activities[0]!.year = 2012;
    expect(paths(badYear)).toContain("versions.0.objectives.0.goals.0.activities.0.year");
    const badArea = copy();
    Object.assign(badArea.versions[0]!.objectives[0]!, { area: "space-tourism" });
    expect(paths(badArea)).toContain("versions.0.objectives.0.area");
    const longTitle = copy();
    longTitle.versions[1]!.objectives[0]!.titles.fr = "x".repeat(301);
    expect(paths(longTitle)).toContain("versions.1.objectives.0.titles.fr");
  });
});

describe("the partnership menu (data/starter/cooperation/menu.csv)", () => {
  it("is well-formed RFC 4180 CSV in UTF-8 with exactly the import's columns", () => {
    expect(menuText.startsWith("\uFEFF")).toBe(false);
    expect(menuText.endsWith("\r\n")).toBe(true);
    expect(menuText.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends CRLF, no bare newline
    expect(menuRecords[0]).toEqual([...MENU_CSV_COLUMNS]);
    // The project's own RFC 4180 reader reads the same rows as csv-parse.
    expect(parseCsvRows(menuText)).toEqual(menuRecords);
    for (const record of menuRecords) expect(record).toHaveLength(MENU_CSV_COLUMNS.length);
  });

  it("has at least 60 items with unique codes, each row following the format, covering every area and every type", () => {
    expect(menuProblems).toEqual([]);
    expect(menuRecords.length - 1).toBe(menu.size); // codes are unique
    expect(menu.size).toBeGreaterThanOrEqual(60);
    const rows = [...menu.values()];
    expect(new Set(rows.map((row) => row.area))).toEqual(new Set(COOPERATION_AREAS));
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(ACTIVITY_TYPES));
    for (const row of rows) {
      expect(row.title_es && row.title_pt && row.title_fr, row.code).toBeTruthy();
      expect(
        row.description_en && row.description_es && row.description_pt && row.description_fr,
        row.code,
      ).toBeTruthy();
    }
  });

  it("names real frameworks, states and languages, and valid times", () => {
    const frameworks = frameworkFile.parse(JSON.parse(fs.readFileSync(dataFile("starter", "frameworks.json"), "utf8")));
    const slugs = new Set(frameworks.filter((f) => f.organization === "NATO").map((f) => f.slug));
    const states = new Set(
      countryFile.parse(JSON.parse(fs.readFileSync(dataFile("countries.json"), "utf8"))).map((c) => c.alpha3),
    );
    const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
    const problems: string[] = [];
    for (const row of menu.values()) {
      const { eligibility } = row;
      if (eligibility.kind === "framework" && !slugs.has(eligibility.framework))
        problems.push(`${row.code}: no NATO framework ${eligibility.framework}`);
      if (eligibility.kind === "states")
        for (const state of eligibility.states) if (!states.has(state)) problems.push(`${row.code}: no state ${state}`);
      if (row.languages.length === 0) problems.push(`${row.code}: no language`);
      for (const language of row.languages)
        if (languageNames.of(language) === language) problems.push(`${row.code}: ${language} is not an ISO 639-1 code`);
      if (row.until !== null && row.until <= row.since) problems.push(`${row.code}: until is not after since`);
    }
    expect(problems).toEqual([]);
    const kinds = new Set([...menu.values()].map((row) => row.eligibility.kind));
    expect(kinds).toEqual(new Set(["all-partners", "framework", "states"]));
    expect([...menu.values()].some((row) => row.until !== null)).toBe(true); // items are retired too
  });

  it("cites a source for every title taken from one, and marks every other title illustrative", () => {
    const problems: string[] = [];
    for (const row of menu.values()) {
      if (row.illustrative) {
        if (row.source !== null) problems.push(`${row.code}: illustrative yet cites ${row.source}`);
        if (MENU_TITLE_PASSAGES[row.code]) problems.push(`${row.code}: has a passage yet is marked illustrative`);
        continue;
      }
      if (row.source === null) {
        problems.push(`${row.code}: taken from a source but cites none`);
        continue;
      }
      if (!sources.has(row.source)) problems.push(`${row.code}: unknown source ${row.source}`);
      const passage = MENU_TITLE_PASSAGES[row.code];
      const text = held.get(row.source);
      if (passage === undefined) problems.push(`${row.code}: no passage of ${row.source} supports its title`);
      else if (text === undefined) problems.push(`${row.code}: ${row.source} is not held`);
      else {
        const problem = quoteProblem(text, passage, undefined);
        if (problem) problems.push(`${row.code}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    const cited = [...menu.values()].filter((row) => !row.illustrative);
    expect(cited.length).toBe(Object.keys(MENU_TITLE_PASSAGES).length);
  });

  it("refuses a row with an unknown area, a bad eligibility or a malformed date", () => {
    const [, first] = menuRecords;
    const record = Object.fromEntries(MENU_CSV_COLUMNS.map((column, i) => [column, first?.[i]]));
    expect(menuCsvRow.safeParse(record).success).toBe(true);
    const fieldsOf = (change: Record<string, string>) =>
      (menuCsvRow.safeParse({ ...record, ...change }).error?.issues ?? []).map((issue) => issue.path.join("."));
    expect(fieldsOf({ area: "space-tourism" })).toEqual(["area"]);
    expect(fieldsOf({ type: "lecture" })).toEqual(["type"]);
    expect(fieldsOf({ eligibility: "states:col" })).toEqual(["eligibility"]);
    expect(fieldsOf({ languages: "english" })).toEqual(["languages"]);
    expect(fieldsOf({ since: "2019-02-30" })).toContain("since");
    expect(fieldsOf({ duration_days: "400" })).toEqual(["duration_days"]);
  });
});
