/**
 * Every quote of a held source document (data/sources/, see data/README.md) is in that document,
 * whitespace-normalised, and its locator points at the paragraph or paragraphs that hold it: a
 * wrong or invented quote, or a locator that points elsewhere, fails here. Locators are written by
 * scripts/locate-quotes.ts; this test counts paragraphs on its own, by the convention in
 * data/README.md (blocks of lines separated by blank lines, counted from 1).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readStarterDisputes } from "../src/services/starter/disputes.ts";
import { readStarterData, type StarterData } from "../src/services/starter/load.ts";
import { dataFile } from "./support/data-files.ts";

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The document's paragraphs, whitespace-collapsed: blocks of lines between blank (or whitespace-only) lines. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n(?:[^\S\n]*\n)+/)
    .map(collapse)
    .filter((paragraph) => paragraph !== "");
}

/** Why the locator does not point at the quote in the text, or undefined when it does. */
function locatorProblem(text: string, quote: string, locator: string | undefined): string | undefined {
  const wanted = collapse(quote);
  if (!collapse(text).includes(wanted)) return `the quote "${quote}" is not in the document`;
  if (!locator) return "the claim has no locator";
  const match = /^paragraph (\d+)$/.exec(locator) ?? /^paragraphs (\d+)–(\d+)$/.exec(locator);
  if (!match) return `the locator "${locator}" is not "paragraph N" or "paragraphs N–M"`;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  const paragraphs = paragraphsOf(text);
  const badRange = match[2] !== undefined && last <= first;
  if (first < 1 || badRange || last > paragraphs.length)
    return `the locator "${locator}" is not a range of the document's ${paragraphs.length} paragraphs`;
  const span = (from: number, to: number) => paragraphs.slice(from - 1, to).join(" ");
  if (!span(first, last).includes(wanted)) return `"${locator}" does not contain the quote`;
  // A range must be the smallest that holds the quote: it starts in the first and ends in the last.
  if (last > first && (span(first + 1, last).includes(wanted) || span(first, last - 1).includes(wanted)))
    return `the quote lies within fewer paragraphs than "${locator}"`;
  return undefined;
}

let data: StarterData;
let held: Map<string, string>;
beforeAll(async () => {
  data = await readStarterData();
  held = new Map(
    data.sources.flatMap((source) =>
      source.file ? [[source.id, fs.readFileSync(dataFile("sources", source.file), "utf8")] as const] : [],
    ),
  );
});

describe("quotes of the held source documents", () => {
  it("are in their documents, each with a locator pointing at its paragraph", () => {
    expect(held.size).toBe(5);
    const problems: string[] = [];
    let located = 0;
    for (const relation of data.relations) {
      for (const claim of relation.claims) {
        const text = held.get(claim.source);
        if (text === undefined) continue;
        const where = `${relation.file}[${relation.index}] (${claim.source})`;
        if (!claim.quote) {
          problems.push(`${where}: cites a held document without a quote`);
          continue;
        }
        const problem = locatorProblem(text, claim.quote, claim.locator);
        if (problem) problems.push(`${where}: ${problem}`);
        else located += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(located).toBeGreaterThanOrEqual(82);
  });

  it("hold for the disputes, court cases and dialogue of the starter data too", async () => {
    const file = await readStarterDisputes();
    if (!file) throw new Error("data/starter/disputes/disputes.json is missing");
    const facts = [
      ...file.disputes.flatMap((dispute) => [
        { where: `dispute ${dispute.id}`, ...dispute },
        ...dispute.incidents.map((incident) => ({
          where: `dispute ${dispute.id}, incident ${incident.date}`,
          ...incident,
        })),
        ...(dispute.claims ?? []).map((claim) => ({
          where: `dispute ${dispute.id}, claim on ${claim.field}`,
          ...claim,
        })),
      ]),
      ...file.cases.flatMap((courtCase) => [
        { where: `case ${courtCase.id}`, ...courtCase },
        ...courtCase.stages.map((stage) => ({ where: `case ${courtCase.id}, ${stage.stage}`, ...stage })),
      ]),
      ...file.dialogues.map((dialogue) => ({ where: `dialogue ${dialogue.id}`, ...dialogue })),
    ];
    const problems: string[] = [];
    let located = 0;
    for (const fact of facts) {
      const text = held.get(fact.source);
      if (text === undefined) continue;
      const problem = locatorProblem(text, fact.quote, fact.locator);
      if (problem) problems.push(`${fact.where} (${fact.source}): ${problem}`);
      else located += 1;
    }
    expect(problems).toEqual([]);
    expect(located).toBeGreaterThanOrEqual(15);
  });

  it("fail the check when the quote is invented or altered, or the locator points elsewhere", () => {
    const text = held.get("dialogo-2020-gottemoeller")!;
    const quote = "Founded in 1949 with 12 members, NATO now counts 29 member nations in Europe and North America.";
    expect(locatorProblem(text, quote, "paragraph 8")).toBeUndefined();
    expect(locatorProblem(text, quote.replace("29", "32"), "paragraph 8")).toMatch(/is not in the document/);
    expect(locatorProblem(text, "NATO welcomes every Latin American state as a member.", "paragraph 8")).toMatch(
      /is not in the document/,
    );
    expect(locatorProblem(text, quote, "paragraph 9")).toMatch(/does not contain the quote/);
    expect(locatorProblem(text, quote, "paragraphs 7–8")).toMatch(/within fewer paragraphs/);
    expect(locatorProblem(text, quote, "paragraph 900")).toMatch(/not a range/);
    expect(locatorProblem(text, quote, "p. 3")).toMatch(/is not "paragraph N"/);
    expect(locatorProblem(text, quote, undefined)).toMatch(/no locator/);

    // A quote that runs across the 2022 brief's blocks (a PDF extraction: a blank line after every line).
    const brief = held.get("brief-2022-nato-latin-america")!;
    const across = "Colombia (2022-subject to US Congress approval)";
    expect(locatorProblem(brief, across, "paragraphs 37–38")).toBeUndefined();
    expect(locatorProblem(brief, across, "paragraph 37")).toMatch(/does not contain the quote/);
  });

  it("come from sources whose archive reference names the held copy and its checksum", () => {
    for (const source of data.sources.filter((entry) => entry.file)) {
      const sha256 = createHash("sha256")
        .update(fs.readFileSync(dataFile("sources", source.file!)))
        .digest("hex");
      expect(source.archive, source.id).toBe(`Held copy: data/sources/${source.file} (sha256 ${sha256})`);
    }
  });
});
