/**
 * `concord programmes` and `concord programme <ID>`: individual partnership programmes from a
 * terminal, through the same ProgrammesService and presenters as the HTTP API (so `--json`
 * prints the API's answer). The CLI acts as the system principal: it reads every organisation's
 * programmes whole. `--iati` prints the programme as IATI 2.03 activity XML, written by the
 * results service.
 */
import { presentProgrammeDetail, presentProgrammeSummary } from "../api/routes/programmes.ts";
import type { Language } from "../domain/languages.ts";
import { msg, t } from "../domain/messages/index.ts";
import type { Runtime } from "../runtime.ts";
import { PROGRAMMES_PAGE_MAX } from "../services/cooperation/programmes.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type ProgrammeValues = {
  partner?: string;
  organization?: string;
  lang?: string;
  json?: boolean;
  iati?: boolean;
};

type Work = (runtime: Runtime) => Promise<number>;

const column = (lang: Language, name: "partner" | "kind" | "period" | "status" | "in_force") =>
  t(lang, `cli.programme_column.${name}`);

/** `concord programmes [--partner CODE] [--organization ORG]`: by partner and newest cycle first. */
export function programmesCommand(values: ProgrammeValues): Work {
  const lang = readLang(values);
  return async (runtime) => {
    const page = await runtime.services.programmes.list(CLI, {
      organization: values.organization,
      partner: values.partner,
      limit: PROGRAMMES_PAGE_MAX,
    });
    const programmes = page.programmes.map((view) => presentProgrammeSummary(view, lang));
    if (values.json) return printJson({ total: page.total, programmes });
    console.log(`${t(lang, "cli.programmes", { count: programmes.length })}\n`);
    console.log(
      formatTable(
        [
          t(lang, "cli.column.id"),
          t(lang, "cli.column.of"),
          column(lang, "partner"),
          column(lang, "kind"),
          column(lang, "period"),
          column(lang, "status"),
          column(lang, "in_force"),
        ],
        programmes.map((programme) => [
          String(programme.id),
          programme.organization,
          `${programme.partnerNames[lang]} (${programme.partner})`,
          programme.kind + (programme.reconstructed ? t(lang, "cli.programme_reconstructed") : ""),
          `${programme.period.start} – ${programme.period.end}`,
          programme.status,
          programme.inForce === null ? "-" : String(programme.inForce),
        ]),
      ),
    );
    return 0;
  };
}

/** `concord programme <ID> [--json] [--iati]`: its versions and the version in force (else the latest) as a tree. */
export function programmeCommand(idArgument: string | undefined, values: ProgrammeValues): Work {
  const lang = readLang(values);
  if (!idArgument)
    throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: msg("cli.usage.programme_id") }));
  if (!/^[1-9][0-9]{0,15}$/.test(idArgument) || !Number.isSafeInteger(Number(idArgument)))
    throw new CliUsageError(t(lang, "cli.usage.programme_id_number", { got: idArgument }));
  const id = Number(idArgument);
  return async (runtime) => {
    if (values.iati) {
      console.log(await runtime.services.results.iatiXml(CLI, id));
      return 0;
    }
    const programme = presentProgrammeDetail(await runtime.services.programmes.get(CLI, id), lang);
    if (values.json) return printJson({ programme });
    console.log(
      t(lang, "cli.programme_heading", {
        id: programme.id,
        kind: programme.kind,
        partner: `${programme.partnerNames[lang]} (${programme.partner})`,
        organization: programme.organization,
      }) + (programme.reconstructed ? t(lang, "cli.programme_reconstructed") : ""),
    );
    console.log(`${column(lang, "period")}: ${programme.period.start} – ${programme.period.end}\n`);
    console.log(
      formatTable(
        (["version", "status", "from", "until", "decision"] as const).map((name) =>
          t(lang, `cli.programme_column.${name}`),
        ),
        programme.versions.map((version) => [
          String(version.number),
          version.status,
          version.inForceFrom ?? "",
          version.inForceUntil ?? "",
          version.sourceId ?? (version.proposalId === null ? "" : `proposal ${version.proposalId}`),
        ]),
      ),
    );
    console.log(
      `\n${t(lang, "cli.programme_version", { number: programme.version.number, status: programme.version.status })}`,
    );
    if (programme.version.summary) console.log(`  ${programme.version.summary}`);
    if (programme.tree === null) {
      console.log(t(lang, "cli.programme_summary_only"));
      return 0;
    }
    if (programme.tree.length === 0) console.log(`  ${t(lang, "cli.programme_no_tree")}`);
    for (const objective of programme.tree) {
      console.log(`  ${objective.ref}  ${objective.title}${objective.area ? ` [${objective.area}]` : ""}`);
      for (const goal of objective.goals) {
        const progress =
          goal.progress === null
            ? ""
            : ` (${t(lang, "cli.programme_progress", { percent: Math.round(goal.progress * 100) })})`;
        console.log(`    ${goal.ref}  ${goal.title}${progress}`);
        for (const activity of goal.activities)
          console.log(
            `      ${activity.ref}  ${activity.year}  ${activity.title}${activity.menuItem ? ` [${activity.menuItem.code}]` : ""}`,
          );
      }
    }
    return 0;
  };
}
