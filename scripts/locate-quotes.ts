/**
 * Writes where each quote of a held source document stands, so that a reader can find it:
 *
 *   npx tsx scripts/locate-quotes.ts          # writes the locators and archive references
 *   npx tsx scripts/locate-quotes.ts --check  # writes nothing; exits 1 if anything would change
 *
 * For every claim in `data/starter/relations/*.json` that quotes a source whose text is held
 * (`file` in `data/starter/sources.json`, the text in `data/sources/`), it finds the quote in the
 * text, whitespace-normalised, and sets the claim's `locator` to "paragraph N" or, for a quote that
 * runs across blocks, "paragraphs N–M". A paragraph is a block of lines separated from the next by
 * one or more blank lines (empty or only whitespace), counted from 1 at the top of the file,
 * headings and navigation lines included (the convention is in data/README.md).
 *
 * Every held source also gets an `archive` reference naming the held copy and its SHA-256, since
 * none of them has a known public address; an archive reference that does not start with
 * "Held copy:" is someone's own and is left alone.
 *
 * Exits 1, writing nothing, when a quote is not in its document. Re-runnable: a file is written
 * only when a locator or archive reference in it changes (and then as JSON.stringify writes it,
 * two-space indented). test/source-locators.test.ts checks the result.
 * Only Node built-ins.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type Json = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const starterDir = join(root, "data", "starter");
const check = process.argv.includes("--check");

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text's paragraphs, whitespace-collapsed, with where each starts in their join by single spaces. */
function paragraphs(text: string): { joined: string; starts: number[] } {
  const blocks: string[] = [];
  let block: string[] = [];
  for (const line of [...text.split("\n"), ""]) {
    if (line.trim() !== "") block.push(line);
    else if (block.length > 0) {
      blocks.push(collapse(block.join(" ")));
      block = [];
    }
  }
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + 1;
  }
  return { joined: blocks.join(" "), starts };
}

/** "paragraph N" or "paragraphs N–M" for the first occurrence of the quote; undefined if it is not there. */
function locate(text: string, quote: string): { locator: string; occurrences: number } | undefined {
  const { joined, starts } = paragraphs(text);
  const wanted = collapse(quote);
  const at = joined.indexOf(wanted);
  if (at < 0 || wanted === "") return undefined;
  const paragraphAt = (offset: number) => starts.filter((start) => start <= offset).length;
  const first = paragraphAt(at);
  const last = paragraphAt(at + wanted.length - 1);
  const occurrences = joined.split(wanted).length - 1;
  return { locator: first === last ? `paragraph ${first}` : `paragraphs ${first}–${last}`, occurrences };
}

/** A copy of the claim with `locator` right after `quote`, keeping the other keys in order. */
function withLocator(claim: Json, locator: string): Json {
  const entries = Object.entries(claim).filter(([key]) => key !== "locator");
  const after = entries.findIndex(([key]) => key === "quote") + 1;
  entries.splice(after, 0, ["locator", locator]);
  return Object.fromEntries(entries);
}

const format = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const writes = new Map<string, string>();
const problems: string[] = [];
const warnings: string[] = [];

// Sources: the held copy as the archive reference of each held source.
const sourcesPath = join(starterDir, "sources.json");
const sources = JSON.parse(readFileSync(sourcesPath, "utf8")) as Json[];
const texts = new Map<string, string>();
let archives = 0;
let sourcesChanged = false;
for (const source of sources) {
  if (typeof source.file !== "string") continue;
  const bytes = readFileSync(join(root, "data", "sources", source.file));
  texts.set(source.id as string, bytes.toString("utf8"));
  const archive = `Held copy: data/sources/${source.file} (sha256 ${createHash("sha256").update(bytes).digest("hex")})`;
  if (typeof source.archive === "string" && !source.archive.startsWith("Held copy:")) {
    warnings.push(`${source.id}: keeps its own archive reference "${source.archive}"`);
    continue;
  }
  if (source.archive !== archive) sourcesChanged = true;
  source.archive = archive;
  archives += 1;
}
if (sourcesChanged) writes.set(sourcesPath, format(sources));

// Claims: the paragraph of each quote of a held source.
let locators = 0;
const relationsDir = join(starterDir, "relations");
for (const name of readdirSync(relationsDir)
  .filter((file) => file.endsWith(".json"))
  .sort()) {
  const path = join(relationsDir, name);
  const relations = JSON.parse(readFileSync(path, "utf8")) as Array<Json & { claims: Json[] }>;
  let fileChanged = false;
  relations.forEach((relation, index) => {
    relation.claims = relation.claims.map((claim) => {
      const text = texts.get(claim.source as string);
      if (text === undefined || typeof claim.quote !== "string") return claim;
      const found = locate(text, claim.quote);
      if (!found) {
        problems.push(`relations/${name}[${index}]: "${claim.quote}" is not in ${claim.source}`);
        return claim;
      }
      if (found.occurrences > 1)
        warnings.push(
          `relations/${name}[${index}]: "${claim.quote}" occurs ${found.occurrences} times; located at the first`,
        );
      locators += 1;
      if (claim.locator !== found.locator) fileChanged = true;
      return withLocator(claim, found.locator);
    });
  });
  if (fileChanged) writes.set(path, format(relations));
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} quote(s) not found; nothing written.`);
  process.exit(1);
}
const changed = [...writes.keys()].map((path) => path.slice(root.length + 1));
if (check) {
  if (changed.length > 0) {
    console.error(`Out of date (run npx tsx scripts/locate-quotes.ts): ${changed.join(", ")}`);
    process.exit(1);
  }
  console.log(`${locators} locators and ${archives} archive references are up to date.`);
} else {
  for (const [path, content] of writes) writeFileSync(path, content);
  console.log(
    `${locators} locators, ${archives} archive references; ${changed.length > 0 ? `wrote ${changed.join(", ")}` : "nothing to change"}.`,
  );
}
