/**
 * `concord disputes`, `concord dispute <ID>`, `concord cases` and `concord import gml-mid <file>`:
 * disputes from a terminal, through DisputesService and the HTTP API's presenters (so `--json`
 * prints the API's answer; with `--pair`, the pair's summary). The CLI acts as the system
 * principal; the service checks every argument and its refusals name the option.
 */
import fs from "node:fs/promises";
import { inLanguage, presentCase } from "../api/routes/disputes.ts";
import type { Language } from "../domain/languages.ts";
import { t } from "../domain/messages/index.ts";
import type { Runtime } from "../runtime.ts";
import { DISPUTES_PAGE_MAX } from "../services/disputes/disputes.ts";
import { NotGmlFileError } from "../services/disputes/gml-mid.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type DisputeValues = {
  state?: string;
  pair?: string;
  at?: string;
  from?: string;
  to?: string;
  lang?: string;
  json?: boolean;
};

type Work = (runtime: Runtime) => Promise<number>;

/** How many refused or set-aside lines the import prints before "… and N more". */
const LINES_SHOWN = 20;

type Column =
  | "party"
  | "side"
  | "years"
  | "hostility"
  | "relations"
  | "court"
  | "applicant"
  | "respondent"
  | "status"
  | "last_stage"
  | "start"
  | "end"
  | "name";
const column = (lang: Language, name: Column) => t(lang, `disputes.cli.column.${name}`);

const year = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const partial = (date: string | null, precision: "day" | "month" | "year" | null) =>
  date === null || precision === null
    ? "…"
    : precision === "year"
      ? date.slice(0, 4)
      : precision === "month"
        ? date.slice(0, 7)
        : date;

/**
 * `concord disputes [--state A] [--pair A B] [--at DATE] [--from YEAR] [--to YEAR]`: `rest` holds
 * the pair's second state when it is given apart (`--pair COL VEN`); `--pair COL,VEN` works too.
 */
export function disputesCommand(rest: string[], values: DisputeValues): Work {
  const lang = readLang(values);
  const pair =
    values.pair === undefined ? undefined : [...values.pair.split(","), ...rest].filter((code) => code !== "");
  if (pair !== undefined && pair.length !== 2)
    throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: "--pair A B" }));
  if (pair === undefined && rest.length > 0)
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `disputes ${rest.join(" ")}` }));
  return async (runtime) => {
    const answer = await runtime.services.disputes.list(CLI, {
      state: values.state,
      pair: pair as [string, string] | undefined,
      at: values.at,
      from: year(values.from),
      to: year(values.to),
      limit: DISPUTES_PAGE_MAX,
    });
    if (values.json && answer.summary) {
      const { pair: _, ...summary } = answer.summary;
      return printJson(summary);
    }
    if (values.json) return printJson(answer);
    if (answer.summary) {
      const s = answer.summary;
      console.log(
        t(lang, "disputes.cli.pair", {
          pair: s.pair.join("–"),
          disputes: s.disputes,
          first: String(s.firstYear ?? "…"),
          last: String(s.lastYear ?? "…"),
          highest: String(s.highestHostility ?? "…"),
          wars: s.wars.length === 0 ? t(lang, "disputes.cli.none") : s.wars.join(", "),
        }),
      );
    }
    console.log(`${t(lang, "disputes.cli.heading", { total: answer.total, shown: answer.disputes.length })}\n`);
    console.log(
      formatTable(
        [
          "ID",
          "MID",
          "A",
          "B",
          column(lang, "start"),
          column(lang, "end"),
          column(lang, "hostility"),
          column(lang, "name"),
        ],
        answer.disputes.map((row) => [
          row.id,
          row.midNumber === null ? "" : String(row.midNumber),
          row.parties
            .filter((party) => party.side === "A")
            .map((party) => party.party)
            .join(" "),
          row.parties
            .filter((party) => party.side === "B")
            .map((party) => party.party)
            .join(" "),
          partial(row.start, row.startPrecision),
          row.ongoing ? "…" : partial(row.end, row.endPrecision),
          row.hostility === null ? "" : String(row.hostility),
          inLanguage(row.names, lang) ?? "",
        ]),
      ),
    );
    return 0;
  };
}

/** `concord dispute <ID>`: its facts, parties, pair-years, timeline and cases. */
export function disputeCommand(id: string | undefined, values: DisputeValues): Work {
  const lang = readLang(values);
  if (id === undefined) throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: "<ID>" }));
  return async (runtime) => {
    const view = await runtime.services.disputes.get(CLI, id, { at: values.at });
    if (values.json) return printJson(view);
    const d = view.dispute;
    console.log(`${d.id}${d.midNumber === null ? "" : ` (MID ${d.midNumber}, ${d.datasetVersion})`}`);
    const name = inLanguage(d.names, lang);
    if (name) console.log(name);
    console.log(`${partial(d.start, d.startPrecision)} – ${d.ongoing ? "…" : partial(d.end, d.endPrecision)}`);
    console.log(
      t(lang, "disputes.cli.facts", {
        hostility: String(d.hostility ?? "…"),
        action: String(d.highestAction ?? "…"),
        fatality: String(d.fatality ?? "…"),
      }),
    );
    console.log(`${t(lang, "disputes.cli.source", { source: d.sourceId })}${d.quote ? ` — "${d.quote}"` : ""}\n`);
    console.log(
      formatTable(
        [
          column(lang, "party"),
          column(lang, "side"),
          column(lang, "years"),
          column(lang, "hostility"),
          column(lang, "relations"),
        ],
        view.parties.map((party) => [
          party.name ? `${party.party} ${party.name}` : party.party,
          party.side,
          party.firstYear === null ? "" : `${party.firstYear}–${party.lastYear}`,
          String(party.hostility ?? ""),
          (view.relations.byParty[party.party] ?? []).map((r) => `${r.kind} ${r.organization}`).join(", "),
        ]),
      ),
    );
    if (view.incidents.length > 0) {
      console.log("");
      for (const incident of view.incidents)
        console.log(`${partial(incident.date, incident.precision)}  ${inLanguage(incident.titles, lang) ?? ""}`);
    }
    for (const row of view.cases) console.log(`\n${row.court}: ${inLanguage(row.titles, lang)} (${row.status})`);
    return 0;
  };
}

/** `concord cases [--state A]`. */
export function casesCommand(values: DisputeValues): Work {
  const lang = readLang(values);
  return async (runtime) => {
    const answer = await runtime.services.disputes.cases(CLI, { state: values.state });
    const presented = answer.cases.map((row) => presentCase(row, lang));
    if (values.json) return printJson({ cases: presented, sources: answer.sources });
    if (presented.length === 0) {
      console.log(t(lang, "disputes.cli.no_cases"));
      return 0;
    }
    console.log(
      formatTable(
        [
          "ID",
          column(lang, "court"),
          column(lang, "applicant"),
          column(lang, "respondent"),
          column(lang, "status"),
          column(lang, "last_stage"),
        ],
        presented.map((row) => {
          const last = row.stages.at(-1);
          return [
            row.id,
            row.court,
            row.applicant,
            row.respondent,
            row.status,
            last ? `${last.date} ${last.stage}` : "",
          ];
        }),
      ),
    );
    return 0;
  };
}

/** `concord import gml-mid <file.csv>`: the summary, then the refused lines and the values set aside. */
export function importGmlMidCommand(file: string, values: DisputeValues): Work {
  const lang = readLang(values);
  return async (runtime) => {
    const text = await fs.readFile(file, "utf8");
    const started = performance.now();
    let summary: Awaited<ReturnType<typeof runtime.services.disputes.importGmlMid>>;
    try {
      summary = await runtime.services.disputes.importGmlMid(CLI, text);
    } catch (error) {
      if (error instanceof NotGmlFileError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    if (values.json) return printJson(summary);
    console.log(
      t(lang, "disputes.cli.imported", {
        rows: summary.rows,
        disputes: summary.disputes,
        added: summary.added,
        updated: summary.updated,
        unchanged: summary.unchanged,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
      }),
    );
    if (summary.partiesWithoutRegistryState > 0)
      console.log(t(lang, "disputes.cli.without_state", { count: summary.partiesWithoutRegistryState }));
    for (const [heading, lines] of [
      [t(lang, "disputes.cli.refused", { count: summary.refused.length }), summary.refused],
      [t(lang, "disputes.cli.set_aside", { count: summary.setAside.length }), summary.setAside],
    ] as const) {
      if (lines.length === 0) continue;
      console.log(heading);
      for (const line of lines.slice(0, LINES_SHOWN))
        console.log(t(lang, "disputes.cli.line", { line: line.line, reason: line.reason }));
      if (lines.length > LINES_SHOWN) console.log(t(lang, "disputes.cli.more", { count: lines.length - LINES_SHOWN }));
    }
    return summary.refused.length > 0 ? 1 : 0;
  };
}
