/**
 * `concord bodies`, `concord proposals`, `concord proposal <ID>` and `concord position <ID> …`:
 * the decision machinery from a terminal, through the same DecisionsService and presenters as
 * the HTTP API (so `--json` prints the API's answer). The CLI acts as the system principal; a
 * position it records is one a state gave in writing, and the audit log keeps it as recorded by
 * the CLI on that state's behalf.
 */
import { presentBody, presentProposal, presentProposalSummary } from "../api/decision-presenters.ts";
import { isPlainText } from "../api/decision-schemas.ts";
import { formatPartialDate, type Precision } from "../domain/dates.ts";
import type { Language } from "../domain/languages.ts";
import { CATALOGUES, type MessageKey, type Messages, msg, t } from "../domain/messages/index.ts";
import {
  baseName,
  formatFraction,
  POSITION_KINDS,
  type PositionKind,
  type Procedure,
  thresholdName,
} from "../domain/procedures.ts";
import type { Runtime } from "../runtime.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type DecisionValues = {
  status?: string;
  body?: string;
  lang?: string;
  json?: boolean;
  state?: string;
  position?: string;
  statement?: string;
};

type Work = (runtime: Runtime) => Promise<number>;

// ---------------------------------------------------------------- commands

/** `concord bodies`: the deciding bodies and how each decides by default. */
export function bodiesCommand(values: DecisionValues): Work {
  const lang = readLang(values);
  return async (runtime) => {
    const bodies = (await runtime.services.decisions.bodies(CLI)).map((body) => presentBody(body, lang));
    if (values.json) return printJson({ bodies });
    console.log(`${t(lang, "cli.bodies", { count: bodies.length })}\n`);
    console.log(
      formatTable(
        columns(lang, ["id", "of", "name", "chair", "default_procedure"]),
        bodies.map((body) => [
          body.id,
          body.actor,
          body.name,
          body.chair,
          describeProcedure(body.defaultProcedure, lang, "short"),
        ]),
      ),
    );
    return 0;
  };
}

/** `concord proposals`: newest first, open or closed, in one body or all. */
export function proposalsCommand(values: DecisionValues): Work {
  const lang = readLang(values);
  if (values.status !== undefined && values.status !== "open" && values.status !== "closed") {
    throw new CliUsageError(t(lang, "cli.usage.status", { got: values.status }));
  }
  const status = values.status as "open" | "closed" | undefined;
  return async (runtime) => {
    const rows = await runtime.services.decisions.list(CLI, { status, body: values.body });
    const bodies = await runtime.services.decisions.bodiesOf(rows);
    const proposals = rows.map((row) => presentProposalSummary(row, bodies, lang));
    if (values.json) return printJson({ proposals });
    console.log(
      `${t(lang, "cli.proposals", { count: proposals.length, status: status ?? "", body: values.body ?? "" })}\n`,
    );
    console.log(
      formatTable(
        columns(lang, ["id", "body", "title", "procedure", "status", "deadline_or_decided", "positions"]),
        proposals.map((proposal) => [
          String(proposal.id),
          proposal.body.id,
          proposal.title,
          describeProcedure(proposal.procedure, lang, "short"),
          statusIn(lang, proposal.status) + (proposal.reconstructed ? t(lang, "cli.reconstructed") : ""),
          proposal.status === "open"
            ? proposal.deadline === null
              ? t(lang, "cli.no_deadline")
              : formatInstant(proposal.deadline)
            : decidedOn(proposal),
          // A reconstructed decision records no individual positions: say so rather than "0".
          `${proposal.reconstructed && proposal.positionsTaken === 0 ? "-" : proposal.positionsTaken}/${proposal.members}`,
        ]),
      ),
    );
    return 0;
  };
}

/** `concord proposal <ID>`: the procedure, rounds, every member's position, and the outcome with its rule. */
export function proposalCommand(idArgument: string | undefined, values: DecisionValues): Work {
  const lang = readLang(values);
  const id = readId(idArgument, lang);
  return async (runtime) => {
    const proposal = presentProposal(await runtime.services.decisions.get(CLI, id), lang);
    if (values.json) return printJson({ proposal });
    printProposal(proposal, lang);
    return 0;
  };
}

/**
 * `concord position <ID> --state CODE --position P [--statement TEXT]`: records a position a
 * state gave in writing. The service checks everything the API checks (membership, the
 * positions the procedure accepts, the statement an objection needs, the deadline) and decides
 * the outcome if the position makes it certain.
 */
export function positionCommand(idArgument: string | undefined, values: DecisionValues): Work {
  const lang = readLang(values);
  const id = readId(idArgument, lang);
  if (!values.state) throw new CliUsageError(t(lang, "cli.usage.state_required"));
  if (!/^[A-Z][A-Z0-9]{1,15}$/.test(values.state))
    throw new CliUsageError(t(lang, "cli.usage.state_code", { got: values.state }));
  if (!values.position)
    throw new CliUsageError(t(lang, "cli.usage.position_required", { options: POSITION_KINDS.join(", ") }));
  if (!(POSITION_KINDS as readonly string[]).includes(values.position)) {
    throw new CliUsageError(
      t(lang, "cli.usage.one_of", { option: "--position", options: POSITION_KINDS.join(", "), got: values.position }),
    );
  }
  const statement = values.statement === undefined ? undefined : readStatement(values.statement, lang);
  const input = { state: values.state, position: values.position as PositionKind, statement };
  return async (runtime) => {
    const detail = await runtime.services.decisions.recordPosition(CLI, id, input);
    const proposal = presentProposal(detail, lang);
    if (values.json) return printJson({ proposal });
    const state = proposal.grid.find((row) => row.state === input.state);
    console.log(
      t(lang, "cli.position_recorded", {
        name: state?.name ?? input.state,
        state: input.state,
        id: proposal.id,
        position: input.position,
      }),
    );
    if (proposal.outcome) {
      console.log(
        t(lang, "cli.proposal_now", {
          id: proposal.id,
          status: statusIn(lang, proposal.outcome.status),
          rule: proposal.outcome.rule,
          explanation: proposal.outcome.explanation,
        }),
      );
      if (proposal.outcome.relationId !== null)
        console.log(
          t(lang, "cli.registry_relation", {
            relation: proposal.outcome.relationId,
            source: String(proposal.outcome.sourceId),
          }),
        );
    } else {
      console.log(
        t(lang, "cli.proposal_stays_open", {
          id: proposal.id,
          taken: proposal.positionsTaken,
          members: proposal.members,
          round: proposal.round,
          deadline: proposal.deadline === null ? "" : formatInstant(proposal.deadline),
        }),
      );
    }
    return 0;
  };
}

// ---------------------------------------------------------------- one proposal, in words

type Presented = ReturnType<typeof presentProposal>;

function printProposal(proposal: Presented, lang: Language): void {
  const lines: string[] = [];
  const field = (label: MessageKey & `cli.field.${string}`, value: string) =>
    lines.push(`${`${t(lang, label as "cli.field.body")}:`.padEnd(12)} ${value}`);
  lines.push(t(lang, "cli.proposal_heading", { id: proposal.id, title: proposal.title }), "");
  field(
    "cli.field.body",
    t(lang, "cli.body_line", {
      name: proposal.body.name,
      id: proposal.body.id,
      actor: proposal.body.actor,
      chair: proposal.chair,
    }),
  );
  field("cli.field.procedure", describeProcedure(proposal.procedure, lang));
  field("cli.field.purpose", t(lang, "cli.purpose", { purpose: proposal.purpose, concerns: proposal.concerns ?? "" }));
  field(
    "cli.field.status",
    statusIn(lang, proposal.status) + (proposal.reconstructed ? t(lang, "cli.reconstructed_long") : ""),
  );
  field("cli.field.opened", proposal.reconstructed ? decidedOn(proposal) : formatInstant(proposal.openedAt));
  field(
    "cli.field.round",
    t(lang, "cli.round_of", { round: proposal.round, rounds: proposal.rounds.length }) +
      (proposal.status === "open"
        ? t(lang, "cli.round_deadline", {
            deadline: proposal.deadline === null ? t(lang, "cli.none") : formatInstant(proposal.deadline),
          })
        : ""),
  );
  field(
    "cli.field.positions",
    t(lang, "cli.positions_in_round", {
      taken: proposal.positionsTaken,
      members: proposal.members,
      round: proposal.round,
    }),
  );

  if (proposal.rounds.length > 1 || proposal.rounds.some((round) => round.extensions.length > 0)) {
    lines.push("", t(lang, "cli.rounds"));
    lines.push(
      indent(
        formatTable(
          columns(lang, ["round", "opened", "deadline", "extensions"]),
          proposal.rounds.map((round) => [
            String(round.number),
            formatInstant(round.openedAt),
            round.deadline === null ? t(lang, "cli.none") : formatInstant(round.deadline),
            round.extensions
              .map((extension) =>
                t(lang, "cli.extension", {
                  from: formatInstant(extension.from),
                  to: formatInstant(extension.to),
                  by: extension.by,
                }),
              )
              .join("; "),
          ]),
        ),
      ),
    );
  }

  lines.push("", t(lang, "cli.text_of_round", { round: proposal.round }), indent(proposal.text));

  // Who recorded each current position: a delegation head's account, or "cli" for one received in writing.
  const current = new Map(
    proposal.positions.filter((cast) => cast.round === proposal.round).map((cast) => [cast.state, cast]),
  );
  lines.push("", t(lang, "cli.members", { count: proposal.members }));
  if (proposal.reconstructed && proposal.positions.length === 0) {
    lines.push(`  ${proposal.grid.map((row) => row.state).join(", ")}`, `  ${t(lang, "cli.positions_not_recorded")}`);
  } else
    lines.push(
      indent(
        formatTable(
          columns(lang, ["state", "name", "position", "cast_at", "recorded_by"]),
          proposal.grid.map((row) => [
            row.state,
            row.name,
            (row.position ?? "-") + (row.brokeSilence ? t(lang, "cli.broke_silence") : ""),
            row.castAt === null ? "" : formatInstant(row.castAt),
            current.get(row.state)?.castBy ?? "",
          ]),
        ),
      ),
    );
  const statements = proposal.grid.filter((row) => row.statement !== null);
  if (statements.length > 0) {
    lines.push("", t(lang, "cli.statements"));
    for (const row of statements)
      lines.push(`  ${row.state} (${row.position}): ${(row.statement ?? "").replace(/\n/g, "\n    ")}`);
  }
  const currentIds = new Set([...current.values()].map((cast) => cast.id));
  const earlier = proposal.positions.filter((cast) => !currentIds.has(cast.id));
  if (earlier.length > 0) {
    lines.push("", t(lang, "cli.earlier_positions"));
    lines.push(
      indent(
        formatTable(
          columns(lang, ["round", "state", "position", "cast_at", "recorded_by"]),
          earlier.map((cast) => [
            String(cast.round),
            cast.state,
            cast.position,
            formatInstant(cast.castAt),
            cast.castBy,
          ]),
        ),
      ),
    );
  }
  if (proposal.attachments.length > 0) {
    lines.push("", t(lang, "cli.attachments"));
    for (const attachment of proposal.attachments)
      lines.push(
        `  ${t(lang, "cli.attachment", { id: attachment.id, name: attachment.name, mediaType: attachment.mediaType, size: attachment.size })}`,
      );
  }

  lines.push("");
  if (proposal.outcome === null) {
    lines.push(
      proposal.deadline === null
        ? t(lang, "cli.outcome_pending")
        : t(lang, "cli.outcome_pending_deadline", { deadline: formatInstant(proposal.deadline) }),
    );
  } else {
    const outcome = proposal.outcome;
    const on =
      outcome.decidedOn === null
        ? ""
        : formatPartialDate({ date: outcome.decidedOn, precision: outcome.decidedOnPrecision ?? "day" });
    lines.push(t(lang, "cli.outcome", { status: statusIn(lang, outcome.status), on, by: outcome.decidedBy ?? "" }));
    lines.push(t(lang, "cli.rule", { rule: outcome.rule }));
    lines.push(t(lang, "cli.why", { explanation: outcome.explanation }));
    if (outcome.relationId !== null || outcome.sourceId !== null) {
      lines.push(
        t(lang, "cli.registry", {
          relation: outcome.relationId === null ? "" : String(outcome.relationId),
          source: outcome.sourceId ?? "",
        }),
      );
    }
    if (proposal.noticesIssued > 0) lines.push(t(lang, "cli.notices", { count: proposal.noticesIssued }));
  }
  console.log(lines.join("\n"));
}

// ---------------------------------------------------------------- helpers

function readId(value: string | undefined, lang: Language): number {
  if (!value) throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: msg("cli.usage.proposal_id") }));
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliUsageError(t(lang, "cli.usage.proposal_id_number", { got: value }));
  }
  return Number(value);
}

/** The API's rules for a statement: not empty, not too long, no control characters. */
function readStatement(value: string, lang: Language): string {
  const text = value.trim();
  if (text.length === 0) throw new CliUsageError(t(lang, "cli.usage.statement_empty"));
  if (text.length > 20_000) throw new CliUsageError(t(lang, "cli.usage.statement_long"));
  if (!isPlainText(text)) throw new CliUsageError(t(lang, "cli.usage.statement_control"));
  return text;
}

type Column = keyof Messages extends infer K ? (K extends `cli.column.${infer C}` ? C : never) : never;

/** A table's headings in `lang`. */
function columns(lang: Language, names: Column[]): string[] {
  return names.map((name) => t(lang, `cli.column.${name}`));
}

/** A proposal's status in `lang`. */
function statusIn(lang: Language, status: string): string {
  const key = `cli.status.${status}`;
  return key in CATALOGUES.en ? t(lang, key as "cli.status.open") : status;
}

function describeProcedure(procedure: Procedure, lang: Language, style: "short" | "long" = "long"): string {
  if (procedure.kind !== "majority") return t(lang, `cli.procedure.${procedure.kind}`);
  const facts = { threshold: thresholdName(procedure), base: baseName(procedure) };
  if (style === "short") return t(lang, "cli.procedure.majority_short", facts);
  return t(lang, "cli.procedure.majority_long", {
    ...facts,
    quorum: formatFraction(procedure.quorum),
    abstentions: procedure.abstentions,
  });
}

function decidedOn(proposal: { decidedOn: string | null; decidedOnPrecision: Precision | null }): string {
  return proposal.decidedOn === null
    ? ""
    : formatPartialDate({ date: proposal.decidedOn, precision: proposal.decidedOnPrecision ?? "day" });
}

/** An instant to the minute, in UTC: 2026-12-01 12:00 UTC. */
function formatInstant(value: string): string {
  return `${new Date(value).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}
