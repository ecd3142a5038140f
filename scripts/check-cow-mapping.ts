/**
 * Checks `data/mappings/cow-iso.json` (Correlates of War state codes → ISO alpha-3) against the
 * COW state system list (`data/cow/cow-states-2016.csv`, see data/README.md) and against
 * `data/countries.json`.
 *
 *   npx tsx scripts/check-cow-mapping.ts [path/to/cow-states-2016.csv]
 *
 * The CSV defaults to the repository's copy. Exits 1 when a ccode in the CSV has no entry, an
 * entry is not in the CSV, an entry has neither `iso` nor `reason`, or an `iso` is not an alpha3
 * in countries.json.
 * Only Node built-ins.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Entry {
  abbrev: string;
  name: string;
  iso: string | null;
  note?: string;
  reason?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const csvPath = process.argv[2] ?? join(root, "data", "cow", "cow-states-2016.csv");
if (!existsSync(csvPath)) {
  console.error(`${csvPath} not found`);
  process.exit(1);
}

const failures: string[] = [];
const warnings: string[] = [];

// The CSV: stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version and, on
// some rows, junk trailing columns (empty, numbers, "#REF!"), which are ignored and counted.
const lines = readFileSync(csvPath, "utf8").split(/\r?\n/);
const header = (lines[0] ?? "").split(",").slice(0, 10).join(",");
if (header !== "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version") {
  failures.push(`${csvPath}: unexpected header "${header}"`);
}
const states = new Map<string, { abbrev: string; name: string }>();
let rows = 0;
let junkRows = 0;
lines.slice(1).forEach((line, index) => {
  if (line.trim() === "") return;
  rows += 1;
  const cells = line.split(",");
  const [abbrev = "", ccode = "", name = ""] = cells;
  if (cells.slice(10).some((cell) => cell.trim() !== "")) junkRows += 1;
  if (!/^\d+$/.test(ccode) || !/^[A-Z]{3}$/.test(abbrev) || name === "") {
    failures.push(`${csvPath} line ${index + 2}: not a state row: ${line}`);
    return;
  }
  const key = String(Number(ccode));
  const seen = states.get(key);
  if (seen && (seen.abbrev !== abbrev || seen.name !== name)) {
    failures.push(`ccode ${key} has two names in the CSV: ${seen.abbrev} ${seen.name} / ${abbrev} ${name}`);
  }
  states.set(key, { abbrev, name });
});

const countries = JSON.parse(readFileSync(join(root, "data", "countries.json"), "utf8")) as {
  alpha3: string;
  names: { en: string };
}[];
const alpha3s = new Map(countries.map((country) => [country.alpha3, country.names.en]));
const mapping = JSON.parse(readFileSync(join(root, "data", "mappings", "cow-iso.json"), "utf8")) as Record<
  string,
  Entry
>;

const keys = Object.keys(mapping);
const sorted = [...keys].sort((a, b) => Number(a) - Number(b));
if (keys.join() !== sorted.join()) failures.push("cow-iso.json keys are not in numeric order");

for (const [ccode, state] of states) {
  if (!(ccode in mapping)) failures.push(`ccode ${ccode} (${state.abbrev} ${state.name}) has no entry`);
}
let mapped = 0;
let unmapped = 0;
for (const [ccode, entry] of Object.entries(mapping)) {
  const where = `cow-iso.json "${ccode}"`;
  const state = states.get(ccode);
  if (!state) failures.push(`${where} is not a ccode in the CSV`);
  else if (entry.abbrev !== state.abbrev || entry.name !== state.name) {
    failures.push(
      `${where}: abbrev/name ${entry.abbrev} "${entry.name}" differ from the CSV's ${state.abbrev} "${state.name}"`,
    );
  }
  const extra = Object.keys(entry).filter((field) => !["abbrev", "name", "iso", "note", "reason"].includes(field));
  if (extra.length > 0) failures.push(`${where}: unknown fields ${extra.join(", ")}`);
  if (typeof entry.iso === "string") {
    mapped += 1;
    if (!alpha3s.has(entry.iso)) failures.push(`${where}: iso ${entry.iso} is not an alpha3 in countries.json`);
    if (entry.reason !== undefined) failures.push(`${where}: has both iso and reason (use note)`);
    if (entry.abbrev !== entry.iso && alpha3s.has(entry.abbrev) && !entry.note?.includes(entry.abbrev)) {
      warnings.push(
        `${where}: COW ${entry.abbrev} is ISO ${entry.abbrev} (${alpha3s.get(entry.abbrev)}) but maps to ${entry.iso}; say so in note`,
      );
    }
  } else if (entry.iso === null && typeof entry.reason === "string" && entry.reason.trim() !== "") {
    unmapped += 1;
  } else {
    failures.push(`${where}: needs an iso code in countries.json or a reason`);
  }
}

console.log(`${csvPath}: ${rows} rows (${junkRows} with junk trailing columns, ignored)`);
console.log(`distinct ccodes: ${states.size}`);
console.log(`mapped to ISO: ${mapped}`);
console.log(`unmapped with reason: ${unmapped}`);
for (const warning of warnings) console.log(`warning: ${warning}`);
if (failures.length > 0) {
  console.error(`FAIL (${failures.length}):\n${failures.map((failure) => `  ${failure}`).join("\n")}`);
  process.exit(1);
}
console.log("OK");
