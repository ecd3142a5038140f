/**
 * `concord menu`, `concord menu search <WORDS>` and `concord import menu <file.csv>`: the
 * partnership menu from a terminal, through the same MenuService and presenters as the HTTP API
 * (so `--json` prints the API's answer). The CLI acts as the system principal: it reads any
 * organisation's menu (NATO's unless told) and imports into it.
 */
import fs from "node:fs/promises";
import { presentImportReport, presentMenuItem } from "../api/routes/menu.ts";
import { COOPERATION_AREAS } from "../domain/cooperation.ts";
import { activityTypeName, areaName } from "../domain/cooperation-names.ts";
import { t } from "../domain/messages/index.ts";
import type { Runtime } from "../runtime.ts";
import { MENU_MAX_LIMIT } from "../services/cooperation/menu.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type MenuValues = { area?: string; organization?: string; lang?: string; json?: boolean };

type Work = (runtime: Runtime) => Promise<number>;

/** The most items `concord menu search` shows, best first. */
const SEARCH_SHOWN = 50;

/** `concord menu [--area A]` and `concord menu search <WORDS>`: `rest` is what follows `menu`. */
export function menuCommand(rest: string[], values: MenuValues): Work {
  const lang = readLang(values);
  if (values.area !== undefined && !(COOPERATION_AREAS as readonly string[]).includes(values.area))
    throw new CliUsageError(
      t(lang, "cli.usage.one_of", { option: "--area", options: COOPERATION_AREAS.join(", "), got: values.area }),
    );
  const searching = rest[0] === "search";
  if (!searching && rest.length > 0)
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `menu ${rest.join(" ")}` }));
  const q = searching ? rest.slice(1).join(" ").trim() : undefined;
  if (searching && !q)
    throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: t(lang, "menu.cli.search_words") }));

  return async (runtime) => {
    const list = await runtime.services.menu.list(CLI, {
      organization: values.organization,
      area: values.area,
      q,
      lang,
      limit: searching ? SEARCH_SHOWN : MENU_MAX_LIMIT,
    });
    const items = list.items.map((item) => presentMenuItem(item, lang));
    if (values.json) return printJson({ organization: list.organization, at: list.at, total: list.total, items });
    if (q !== undefined && items.length === 0) {
      console.log(t(lang, "menu.cli.nothing_found", { q }));
      return 0;
    }
    const heading =
      q === undefined
        ? t(lang, "menu.cli.heading", {
            organization: list.organization,
            at: list.at,
            total: list.total,
            shown: items.length,
          })
        : t(lang, "menu.cli.search_heading", {
            q,
            organization: list.organization,
            total: list.total,
            shown: items.length,
          });
    console.log(`${heading}\n`);
    console.log(
      formatTable(
        [
          t(lang, "cli.column.code"),
          t(lang, "menu.cli.column.area"),
          t(lang, "menu.cli.column.type"),
          t(lang, "cli.column.title"),
          t(lang, "menu.cli.column.provider"),
          t(lang, "menu.cli.column.languages"),
        ],
        items.map((item) => [
          item.code,
          areaName(item.area, lang),
          activityTypeName(item.type, lang),
          item.title,
          item.provider,
          item.languages.join(", "),
        ]),
      ),
    );
    return 0;
  };
}

/** `concord import menu <file.csv> [--organization O]`: the report, refused rows and why; exit 0 whatever was refused. */
export function importMenuCommand(file: string, values: MenuValues): Work {
  const lang = readLang(values);
  return async (runtime) => {
    let text: string;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (error) {
      console.error(
        t(lang, "cli.cannot_read", {
          file,
          reason:
            (error as NodeJS.ErrnoException).code === "ENOENT" ? t(lang, "cli.no_such_file") : (error as Error).message,
        }),
      );
      return 1;
    }
    const report = presentImportReport(await runtime.services.menu.importCsv(CLI, values.organization, text), lang);
    if (values.json) return printJson(report);
    console.log(
      t(lang, "menu.cli.import_summary", {
        file,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        refused: report.refused.length,
      }),
    );
    if (report.refused.length > 0) {
      console.log(`\n${t(lang, "menu.cli.import_refused")}`);
      for (const refusal of report.refused)
        console.log(
          t(lang, "menu.cli.import_line", {
            row: refusal.row,
            code: refusal.code ?? "",
            field: refusal.field,
            message: refusal.message,
          }),
        );
    }
    return 0;
  };
}
