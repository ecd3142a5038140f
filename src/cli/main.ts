/**
 * The `concord` command: a thin adapter over the same services the HTTP API uses, so both
 * give the same answers. It works whether or not a server runs on the same data folder.
 */
// First: zod schemas get `.openapi()` only if built after this is loaded, and the API extends
// schemas the services build (src/services/starter/format.ts), which the runtime loads first.
import "@hono/zod-openapi";
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { byName, presentMember, presentRelation } from "../api/presenters.ts";
import { presentSearchHit } from "../api/routes/search.ts";
import { ConfigError, readEnv } from "../config/env.ts";
import { formatPartialDate, isDay, type Precision } from "../domain/dates.ts";
import { POSITIONS_NEEDING_STATEMENT } from "../domain/decisions.ts";
import { LANGUAGES, type Language } from "../domain/languages.ts";
import { POSITION_KINDS } from "../domain/procedures.ts";
import { RELATION_KINDS, type RelationKind } from "../domain/registry.ts";
import { DataFolderLockedError, startRuntime, type Runtime } from "../runtime.ts";
import { AppError, InvalidRequestError } from "../services/errors.ts";
import { CLI } from "../services/policies.ts";
import type { ImportSummary } from "../services/imports/cow-states.ts";
import { StarterDataError } from "../services/starter/load.ts";
import { startServer } from "../server.ts";
import { auditHead, auditVerify } from "./audit.ts";
import { adminAuditor, adminCreate, CliUsageError } from "./admin.ts";
import { bodiesCommand, positionCommand, proposalCommand, proposalsCommand } from "./decisions.ts";
import { importMenuCommand, menuCommand } from "./cooperation-menu.ts";
import { programmeCommand, programmesCommand } from "./cooperation-programmes.ts";
import { casesCommand, disputeCommand, disputesCommand, importGmlMidCommand } from "./disputes.ts";
import { documentsCommand, labelCommand } from "./documents.ts";
import { exchangesCommand, returnCommand } from "./exchanges.ts";
import { progressBar } from "./progress.ts";
import { formatTable } from "./table.ts";
import { t } from "../domain/messages/index.ts";
import { cliLanguage } from "./language.ts";

/** `concord help`, in the language asked for: the commands as typed, what they do in the reader's words. */
const help = (lang: Language) =>
  t(lang, "cli.help", {
    kinds: RELATION_KINDS.join(", "),
    positions: POSITION_KINDS.join(", "),
    statements: POSITIONS_NEEDING_STATEMENT.slice(0, -1).join(", "),
    last: POSITIONS_NEEDING_STATEMENT.at(-1) ?? "",
    languages: LANGUAGES.join(", "),
  }) +
  t(lang, "cli.help_menu") +
  t(lang, "cli.help_programmes") +
  t(lang, "cli.help_disputes") +
  t(lang, "cli.help_exchanges") +
  t(lang, "cli.help_documents");

/** The language of a command line that could not be read: its `--lang`, if it names one, else the environment's. */
function languageOfArguments(argv: string[]): Language {
  const at = argv.indexOf("--lang");
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith("--lang="))?.slice("--lang=".length);
  return cliLanguage({ lang: given });
}

class UsageError extends Error {}

const options = {
  at: { type: "string" },
  kind: { type: "string" },
  framework: { type: "string" },
  lang: { type: "string" },
  json: { type: "boolean", default: false },
  email: { type: "string" },
  organization: { type: "string" },
  name: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  head: { type: "string" },
  status: { type: "string" },
  body: { type: "string" },
  state: { type: "string" },
  position: { type: "string" },
  statement: { type: "string" },
  revoke: { type: "boolean", default: false },
  area: { type: "string" },
  partner: { type: "string" },
  iati: { type: "boolean", default: false },
  pair: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  file: { type: "string" },
} as const;

const parseArguments = (argv: string[]) => parseArgs({ args: argv, options, allowPositionals: true, strict: true });

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help(languageOfArguments(argv))}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  speaking = cliLanguage(values);
  if (values.help || command === undefined || command === "help") {
    console.log(help(speaking));
    return 0;
  }

  try {
    switch (command) {
      case "start":
        return await start();
      case "members":
        return await withRuntime((runtime) =>
          members(runtime, requireArgument(rest[0], t(speaking, "cli.usage.organization_code")), values),
        );
      case "relations":
        return await withRuntime((runtime) =>
          relations(runtime, requireArgument(rest[0], t(speaking, "cli.usage.actor_code")), values),
        );
      case "search":
        return await withRuntime((runtime) =>
          search(runtime, requireArgument(rest.join(" ").trim(), t(speaking, "cli.usage.search_text")), values),
        );
      case "bodies":
        return await withRuntime(bodiesCommand(values));
      case "proposals":
        return await withRuntime(proposalsCommand(values));
      case "proposal":
        return await withRuntime(proposalCommand(rest[0], values));
      case "position":
        return await withRuntime(positionCommand(rest[0], values));
      case "admin":
        // The first administrator may be made before the first start: it creates the database.
        if (rest[0] === "create")
          return await withRuntime((runtime) => adminCreate(runtime, values), { initialise: true });
        if (rest[0] === "auditor") return await withRuntime((runtime) => adminAuditor(runtime, values));
        throw new UsageError(t(speaking, "cli.usage.unknown_admin", { command: rest[0] ?? "" }));
      case "programmes":
        return await withRuntime(programmesCommand(values));
      case "programme":
        return await withRuntime(programmeCommand(rest[0], values));
      case "menu":
        return await withRuntime(menuCommand(rest, values));
      case "disputes":
        return await withRuntime(disputesCommand(rest, values));
      case "dispute":
        return await withRuntime(disputeCommand(rest[0], values));
      case "cases":
        return await withRuntime(casesCommand(values));
      case "exchanges":
        return await withRuntime(exchangesCommand(rest, values));
      case "return":
        return await withRuntime(returnCommand(rest, values));
      case "documents":
        return await withRuntime(documentsCommand(rest, values));
      case "label":
        return await withRuntime(labelCommand(rest, values));
      case "import":
        if (rest[0] === "menu")
          return await withRuntime(
            importMenuCommand(requireArgument(rest[1], t(speaking, "cli.usage.csv_file")), values),
          );
        if (rest[0] === "gml-mid")
          return await withRuntime(
            importGmlMidCommand(requireArgument(rest[1], t(speaking, "cli.usage.csv_file")), values),
          );
        if (rest[0] !== "cow-states")
          throw new UsageError(t(speaking, "cli.usage.unknown_import", { name: rest[0] ?? "" }));
        return await importCow(requireArgument(rest[1], t(speaking, "cli.usage.csv_file")));
      case "audit":
        if (rest[0] === "verify")
          return await withRuntime((runtime) => auditVerify(runtime, { headFile: values.head }));
        if (rest[0] === "head") return await withRuntime((runtime) => auditHead(runtime));
        throw new UsageError(t(speaking, "cli.usage.unknown_audit", { command: rest[0] ?? "" }));
      default:
        throw new UsageError(t(speaking, "cli.usage.unknown_command", { command }));
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${help(speaking)}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(inCliWords(error));
      return 1;
    }
    if (error instanceof ConfigError || error instanceof DataFolderLockedError || error instanceof StarterDataError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/**
 * A service names a field in the domain's words (`state: …`); here, the option that carried it
 * (`--state: …`), where the command has one.
 */
function inCliWords(error: AppError): string {
  if (!(error instanceof InvalidRequestError) || error.field === undefined) return error.messageIn(speaking);
  return Object.hasOwn(options, error.field)
    ? `--${error.field}: ${error.reasonIn(speaking)}`
    : error.messageIn(speaking);
}

/** The language this run speaks (src/cli/language.ts): set from --lang, CONCORD_LANG or LANG as it starts. */
let speaking: Language = "en";

function requireArgument(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(t(speaking, "cli.usage.missing_argument", { what }));
  return value;
}

/**
 * Runs a command over the database. Only `initialise` commands create a database in a data folder
 * that has none; the others refuse it (NoDatabaseError), as CONCORD_DATA_DIR then most likely names
 * the wrong folder.
 */
async function withRuntime(
  work: (runtime: Runtime) => Promise<number>,
  { initialise = false }: { initialise?: boolean } = {},
): Promise<number> {
  const env = readEnv();
  const runtime = await startRuntime({
    env,
    role: "cli",
    mode: "share",
    initialise,
    log: (line) => console.error(line),
  });
  // Interrupted: stop the database this command may have started, then leave as interrupted.
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`\n${t(speaking, "cli.signal_stopping", { signal })}`);
    void runtime.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    return await work(runtime);
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await runtime.close();
  }
}

type Values = { at?: string; kind?: string; framework?: string; lang?: string; json?: boolean };

function readQuery(values: Values) {
  if (values.at !== undefined && !isDay(values.at)) {
    throw new UsageError(t(speaking, "cli.usage.date", { option: "--at", got: values.at }));
  }
  if (values.kind !== undefined && !(RELATION_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError(
      t(speaking, "cli.usage.one_of", { option: "--kind", options: RELATION_KINDS.join(", "), got: values.kind }),
    );
  }
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new UsageError(
      t(speaking, "cli.usage.one_of", { option: "--lang", options: LANGUAGES.join(", "), got: values.lang }),
    );
  }
  return {
    at: values.at,
    kind: values.kind as RelationKind | undefined,
    framework: values.framework,
    lang: cliLanguage(values),
  };
}

const dated = (date: string | null, precision: Precision | null) =>
  date === null ? "" : formatPartialDate({ date, precision: precision ?? "day" });

async function members(runtime: Runtime, code: string, values: Values): Promise<number> {
  const query = readQuery(values);
  const result = await runtime.services.registry.members(code, query, CLI);
  const presented = result.members
    .map((member) => presentMember(member, query.lang))
    .sort(byName(query.lang, (member) => member.name));
  if (values.json) {
    console.log(JSON.stringify({ organization: result.organization.code, at: result.at, members: presented }, null, 2));
    return 0;
  }
  console.log(
    `${t(query.lang, "cli.as_of", { name: result.organization.names[query.lang], code: result.organization.code, at: result.at, count: presented.length })}\n`,
  );
  console.log(
    formatTable(
      (["code", "name", "kind", "since", "until", "certainty", "sources"] as const).map((column) =>
        t(query.lang, `cli.column.${column}`),
      ),
      presented.map((member) => [
        member.code,
        member.name,
        member.framework ? `${member.kind} (${member.framework})` : member.kind,
        dated(member.since, member.sincePrecision),
        dated(member.until, member.untilPrecision),
        member.certainty,
        member.sources.map((source) => source.id).join(", "),
      ]),
    ),
  );
  return 0;
}

async function relations(runtime: Runtime, code: string, values: Values): Promise<number> {
  const query = readQuery(values);
  const result = await runtime.services.registry.relationsOf(code, query, CLI);
  const presented = result.relations.map((relation) => presentRelation(relation, query.lang));
  if (values.json) {
    console.log(JSON.stringify({ actor: result.actor.code, at: result.at, relations: presented }, null, 2));
    return 0;
  }
  console.log(
    `${t(query.lang, "cli.as_of", { name: result.actor.names[query.lang], code: result.actor.code, at: result.at, count: presented.length })}\n`,
  );
  console.log(
    formatTable(
      (["id", "subject", "relation", "object", "since", "until", "certainty"] as const).map((column) =>
        t(query.lang, `cli.column.${column}`),
      ),
      presented.map((relation) => [
        String(relation.id),
        relation.subject,
        relation.designation ?? (relation.framework ? `${relation.kind} (${relation.framework})` : relation.kind),
        relation.object,
        dated(relation.since, relation.sincePrecision),
        dated(relation.until, relation.untilPrecision),
        relation.certainty,
      ]),
    ),
  );
  return 0;
}

async function search(runtime: Runtime, text: string, values: Values): Promise<number> {
  const { lang } = readQuery({ lang: values.lang });
  const { q, results } = await runtime.services.search.search(CLI, { q: text, lang });
  const presented = results.map((hit) => presentSearchHit(hit, lang));
  if (values.json) {
    console.log(JSON.stringify({ q, lang, results: presented }, null, 2));
    return 0;
  }
  if (presented.length === 0) {
    console.log(t(lang, "cli.nothing_found", { q }));
    return 0;
  }
  console.log(
    formatTable(
      (["kind", "id", "name", "detail"] as const).map((column) => t(lang, `cli.column.${column}`)),
      presented.map((result) => [t(lang, `cli.search_kind.${result.kind}`), result.id, result.name, result.detail]),
    ),
  );
  return 0;
}

async function importCow(file: string): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    console.error(
      t(speaking, "cli.cannot_read", {
        file,
        reason:
          (error as NodeJS.ErrnoException).code === "ENOENT"
            ? t(speaking, "cli.no_such_file")
            : (error as Error).message,
      }),
    );
    return 1;
  }
  return withRuntime(async (runtime) => {
    const bar = progressBar(process.stderr, t(speaking, "cli.importing"));
    let summary: ImportSummary;
    try {
      summary = await runtime.services.imports.cowStates(CLI, text, { onProgress: bar.update });
    } catch (error) {
      bar.finish();
      if (error instanceof Error && error.message.startsWith("This is not the COW")) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    bar.finish();
    console.log(
      t(speaking, "cli.import_summary", {
        rows: summary.rows,
        file,
        loaded: summary.loaded,
        unchanged: summary.unchanged,
        refused: summary.refused.length,
      }),
    );
    if (summary.junkColumnLines.length > 0) {
      console.log(
        t(speaking, "cli.import_junk", {
          count: summary.junkColumnLines.length,
          lines: summary.junkColumnLines.join(", "),
        }),
      );
    }
    if (summary.refused.length > 0) {
      console.log(`\n${t(speaking, "cli.import_refused")}`);
      for (const refusal of summary.refused)
        console.log(t(speaking, "cli.import_line", { line: refusal.line, reason: refusal.reason }));
    }
    return 0;
  });
}

async function start(): Promise<number> {
  const env = readEnv();
  // Listen for signals before starting: one that arrives during start-up stops the server as
  // soon as it is up, instead of killing the process with the database half-started.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  const server = await startServer(env);
  const signal = await signalled;
  console.error(`${signal} received: stopping the server and the database.`);
  await server.stop();
  return 0;
}
