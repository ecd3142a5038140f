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
import { progressBar } from "./progress.ts";
import { formatTable } from "./table.ts";

const HELP = `Concord — the partnership registry of an alliance.

Usage:
  concord start                                  start the server (database, starter data, web UI)
  concord members <ORG> [--at DATE] [--kind K] [--framework F] [--lang L] [--json]
                                                 who stood in what relation to an organisation on DATE
  concord relations <CODE> [--at DATE] [--lang L] [--json]
                                                 every relation of a state or organisation on DATE
  concord bodies [--lang L] [--json]             the deciding bodies and their default procedures
  concord proposals [--status open|closed] [--body ID] [--lang L] [--json]
                                                 proposals, newest first: procedure, status or outcome,
                                                 deadline or decision date, positions taken of members
  concord proposal <ID> [--lang L] [--json]      one proposal: procedure, rounds, each member state's
                                                 position, the outcome with its rule and why
  concord position <ID> --state CODE --position P [--statement TEXT] [--json]
                                                 record a position a state gave in writing (e.g. its
                                                 delegation's signed letter); the audit log keeps it as
                                                 recorded by the CLI on the state's behalf
  concord import cow-states <file.csv>           import the Correlates of War state system list
  concord audit verify [--head FILE]             check the audit log's hash chain, and that it still
                                                 holds a head printed by audit head and kept in FILE
  concord audit head                             sign the audit log's current head and print it (JSON)
  concord admin create --email E --organization ORG [--name N]
                                                 create a secretariat administrator; the password
                                                 is read from standard input
  concord admin auditor --email E [--revoke]     make an account a system auditor, who reads every
                                                 organisation's audit log (only here); --revoke makes
                                                 it an analyst of its organisation again
  concord help                                   this text

DATE is YYYY-MM-DD (default: today). K is one of ${RELATION_KINDS.join(", ")}.
P is one of ${POSITION_KINDS.join(", ")}, as the proposal's procedure allows;
${POSITIONS_NEEDING_STATEMENT.slice(0, -1).join(", ")} and ${POSITIONS_NEEDING_STATEMENT.at(-1)} need --statement.
L is one of ${LANGUAGES.join(", ")}. Configuration comes from the environment: PORT, HOST,
CONCORD_DATA_DIR (default ./data), DATABASE_URL (use that PostgreSQL instead of the embedded one).`;

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
} as const;

const parseArguments = (argv: string[]) => parseArgs({ args: argv, options, allowPositionals: true, strict: true });

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") {
    console.log(HELP);
    return 0;
  }

  try {
    switch (command) {
      case "start":
        return await start();
      case "members":
        return await withRuntime((runtime) =>
          members(runtime, requireArgument(rest[0], "the organisation's code, e.g. NATO"), values),
        );
      case "relations":
        return await withRuntime((runtime) =>
          relations(runtime, requireArgument(rest[0], "the state's or organisation's code, e.g. COL"), values),
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
        if (rest[0] === "create") return await withRuntime((runtime) => adminCreate(runtime, values));
        if (rest[0] === "auditor") return await withRuntime((runtime) => adminAuditor(runtime, values));
        throw new UsageError(`Unknown admin command "${rest[0] ?? ""}": use admin create or admin auditor.`);
      case "import":
        if (rest[0] !== "cow-states")
          throw new UsageError(`Unknown import "${rest[0] ?? ""}": the one available is cow-states.`);
        return await importCow(requireArgument(rest[1], "the CSV file to import"));
      case "audit":
        if (rest[0] === "verify")
          return await withRuntime((runtime) => auditVerify(runtime, { headFile: values.head }));
        if (rest[0] === "head") return await withRuntime((runtime) => auditHead(runtime));
        throw new UsageError(`Unknown audit command "${rest[0] ?? ""}": use audit verify or audit head.`);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${HELP}`);
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
  if (!(error instanceof InvalidRequestError) || error.field === undefined) return error.message;
  return Object.hasOwn(options, error.field) ? `--${error.field}: ${error.reason}` : error.message;
}

function requireArgument(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Missing argument: ${what}.`);
  return value;
}

async function withRuntime(work: (runtime: Runtime) => Promise<number>): Promise<number> {
  const env = readEnv();
  const runtime = await startRuntime({ env, role: "cli", mode: "share", log: (line) => console.error(line) });
  // Interrupted: stop the database this command may have started, then leave as interrupted.
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`\n${signal} received: stopping.`);
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
    throw new UsageError(`--at: must be a real calendar date written YYYY-MM-DD (got "${values.at}").`);
  }
  if (values.kind !== undefined && !(RELATION_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError(`--kind: must be one of ${RELATION_KINDS.join(", ")} (got "${values.kind}").`);
  }
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang: must be one of ${LANGUAGES.join(", ")} (got "${values.lang}").`);
  }
  return {
    at: values.at,
    kind: values.kind as RelationKind | undefined,
    framework: values.framework,
    lang: (values.lang ?? "en") as Language,
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
    `${result.organization.names[query.lang]} (${result.organization.code}) as of ${result.at}: ${presented.length} relation(s)\n`,
  );
  console.log(
    formatTable(
      ["Code", "Name", "Kind", "Since", "Until", "Certainty", "Sources"],
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
    `${result.actor.names[query.lang]} (${result.actor.code}) as of ${result.at}: ${presented.length} relation(s)\n`,
  );
  console.log(
    formatTable(
      ["Id", "Subject", "Relation", "Object", "Since", "Until", "Certainty"],
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

async function importCow(file: string): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    console.error(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
    return 1;
  }
  return withRuntime(async (runtime) => {
    const bar = progressBar(process.stderr, "Importing");
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
      `Read ${summary.rows} rows from ${file}: ${summary.loaded} periods loaded, ${summary.unchanged} already present, ${summary.refused.length} refused.`,
    );
    if (summary.junkColumnLines.length > 0) {
      console.log(
        `Ignored values in unnamed trailing columns on ${summary.junkColumnLines.length} line(s): ${summary.junkColumnLines.join(", ")}.`,
      );
    }
    if (summary.refused.length > 0) {
      console.log("\nRefused rows:");
      for (const refusal of summary.refused) console.log(`  line ${refusal.line}: ${refusal.reason}`);
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
