/**
 * `concord exchanges`, `concord exchanges compliance <REGIME> <YEAR>`, `concord return show` and
 * `concord return submit`: the information exchanges from a terminal, through ExchangesService.
 * The CLI acts as the system principal: an operator records a return a state gave in writing
 * (`return submit --file values.json`: saved as the draft, then submitted; refused, with every
 * field named, while the form refuses it).
 */
import fs from "node:fs/promises";
import type { Language } from "../domain/languages.ts";
import { render, t } from "../domain/messages/index.ts";
import type { Runtime } from "../runtime.ts";
import { returnErrorMessage } from "../services/exchanges/exchanges.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type ExchangeValues = { at?: string; lang?: string; json?: boolean; file?: string };
type Work = (runtime: Runtime) => Promise<number>;

type Status = "on-time" | "late" | "missing" | "not-yet-due" | "participants";
const column = (lang: Language, name: "state" | "status" | "submitted" | "regime" | "forms" | "year" | "due") =>
  t(lang, `exchanges.cli.column.${name}`);

const need = (lang: Language, value: string | undefined, what: string): string => {
  if (value === undefined) throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what }));
  return value;
};

/** `concord exchanges [compliance <REGIME> <YEAR>]`. */
export function exchangesCommand(rest: string[], values: ExchangeValues): Work {
  const lang = readLang(values);
  if (rest[0] === "compliance") {
    const regime = need(lang, rest[1], "<REGIME>");
    const year = Number(need(lang, rest[2], "<YEAR>"));
    return async (runtime) => {
      const answer = await runtime.services.exchanges.compliance(CLI, regime, year, values.at);
      if (values.json) return printJson(answer);
      console.log(`${answer.regime} ${answer.year}: ${answer.deadline} (${answer.at})`);
      console.log(
        Object.entries(answer.summary)
          .map(([status, count]) => `${t(lang, `exchanges.status.${status as Status}`)} ${count}`)
          .join(", "),
      );
      console.log(
        formatTable(
          [column(lang, "state"), column(lang, "status"), column(lang, "submitted")],
          answer.states.map((entry) => [
            entry.state,
            t(lang, `exchanges.status.${entry.status}`),
            entry.submitted ?? "",
          ]),
        ),
      );
      return 0;
    };
  }
  if (rest.length > 0)
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `exchanges ${rest.join(" ")}` }));
  return async (runtime) => {
    const regimes = await runtime.services.exchanges.regimes(CLI);
    if (values.json) return printJson({ regimes });
    console.log(
      formatTable(
        [column(lang, "regime"), column(lang, "forms"), column(lang, "year"), column(lang, "due")],
        regimes.map((view) => [
          `${view.regime.code} ${view.regime.names[lang] ?? view.regime.names.en}`,
          view.forms.map((form) => `${form.code} v${form.version}`).join(", "),
          String(view.latestYear),
          view.deadline,
        ]),
      ),
    );
    return 0;
  };
}

/** `concord return show|submit <REGIME> <STATE> <YEAR> [--file values.json]`. */
export function returnCommand(rest: string[], values: ExchangeValues): Work {
  const lang = readLang(values);
  const [action, regimeArg, stateArg, yearArg] = rest;
  if (action !== "show" && action !== "submit")
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `return ${rest.join(" ")}` }));
  const regime = need(lang, regimeArg, "<REGIME>");
  const state = need(lang, stateArg, "<STATE>");
  const year = Number(need(lang, yearArg, "<YEAR>"));
  if (action === "show")
    return async (runtime) => {
      const answer = await runtime.services.exchanges.returnOf(CLI, regime, state, year);
      if (values.json) return printJson(answer);
      console.log(`${answer.regime} ${answer.state} ${answer.year} (${answer.deadline})`);
      for (const version of answer.versions)
        console.log(`  #${version.id} ${version.status} ${version.submittedAt ?? version.createdAt}`);
      return 0;
    };
  const file = need(lang, values.file, "--file values.json");
  return async (runtime) => {
    const parsed: unknown = JSON.parse(await fs.readFile(file, "utf8"));
    const saved = await runtime.services.exchanges.saveDraft(CLI, regime, state, year, parsed);
    if (saved.errors.length > 0) {
      for (const error of saved.errors) console.error(`${error.field}: ${render(lang, returnErrorMessage(error))}`);
      return 1;
    }
    const submitted = await runtime.services.exchanges.submit(CLI, regime, state, year);
    if (values.json) return printJson(submitted);
    console.log(
      `#${submitted.return.id} ${submitted.return.status}${submitted.corrects ? ` (corrects #${submitted.corrects})` : ""}`,
    );
    return 0;
  };
}
