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
import { LANGUAGES, type Language } from "../domain/languages.ts";
import { formatFraction, POSITION_KINDS, type PositionKind, type Procedure } from "../domain/procedures.ts";
import type { Runtime } from "../runtime.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
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
    console.log(`${bodies.length} deciding bod${bodies.length === 1 ? "y" : "ies"}\n`);
    console.log(
      formatTable(
        ["Id", "Of", "Name", "Chair", "Default procedure"],
        bodies.map((body) => [
          body.id,
          body.actor,
          body.name,
          body.chair,
          describeProcedure(body.defaultProcedure, "short"),
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
    throw new CliUsageError(`--status: must be open or closed (got "${values.status}").`);
  }
  const status = values.status as "open" | "closed" | undefined;
  return async (runtime) => {
    const rows = await runtime.services.decisions.list(CLI, { status, body: values.body });
    const bodies = await runtime.services.decisions.bodiesOf(rows);
    const proposals = rows.map((row) => presentProposalSummary(row, bodies, lang));
    if (values.json) return printJson({ proposals });
    const filters = [status, values.body === undefined ? undefined : `in ${values.body}`].filter(Boolean).join(" ");
    console.log(`${proposals.length} ${filters ? `${filters} ` : ""}proposal(s), newest first\n`);
    console.log(
      formatTable(
        ["Id", "Body", "Title", "Procedure", "Status", "Deadline / decided", "Positions"],
        proposals.map((proposal) => [
          String(proposal.id),
          proposal.body.id,
          proposal.title,
          describeProcedure(proposal.procedure, "short"),
          proposal.status + (proposal.reconstructed ? " (reconstructed)" : ""),
          proposal.status === "open"
            ? proposal.deadline === null
              ? "no deadline"
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
  const id = readId(idArgument);
  const lang = readLang(values);
  return async (runtime) => {
    const proposal = presentProposal(await runtime.services.decisions.get(CLI, id), lang);
    if (values.json) return printJson({ proposal });
    printProposal(proposal);
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
  const id = readId(idArgument);
  const lang = readLang(values);
  if (!values.state)
    throw new CliUsageError("--state is required: the member state whose position this is (e.g. COL).");
  if (!/^[A-Z][A-Z0-9]{1,15}$/.test(values.state))
    throw new CliUsageError(`--state: must be an upper-case code such as COL or NATO (got "${values.state}").`);
  if (!values.position) throw new CliUsageError(`--position is required: one of ${POSITION_KINDS.join(", ")}.`);
  if (!(POSITION_KINDS as readonly string[]).includes(values.position)) {
    throw new CliUsageError(`--position: must be one of ${POSITION_KINDS.join(", ")} (got "${values.position}").`);
  }
  const statement = values.statement === undefined ? undefined : readStatement(values.statement);
  const input = { state: values.state, position: values.position as PositionKind, statement };
  return async (runtime) => {
    const detail = await runtime.services.decisions.recordPosition(CLI, id, input);
    const proposal = presentProposal(detail, lang);
    if (values.json) return printJson({ proposal });
    const state = proposal.grid.find((row) => row.state === input.state);
    console.log(
      `Recorded the position of ${state?.name ?? input.state} (${input.state}) on proposal ${proposal.id}: ${input.position} (by the CLI, on its behalf).`,
    );
    if (proposal.outcome) {
      console.log(
        `Proposal ${proposal.id} is now ${proposal.outcome.status} (${proposal.outcome.rule}): ${proposal.outcome.explanation}`,
      );
      if (proposal.outcome.relationId !== null)
        console.log(`Registry: relation ${proposal.outcome.relationId}, citing source ${proposal.outcome.sourceId}.`);
    } else {
      console.log(
        `Proposal ${proposal.id} stays open: ${proposal.positionsTaken} of ${proposal.members} members have taken a position in round ${proposal.round}` +
          (proposal.deadline === null ? "." : `; deadline ${formatInstant(proposal.deadline)}.`),
      );
    }
    return 0;
  };
}

// ---------------------------------------------------------------- one proposal, in words

type Presented = ReturnType<typeof presentProposal>;

function printProposal(proposal: Presented): void {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(12)} ${value}`);
  lines.push(`Proposal ${proposal.id}: ${proposal.title}`, "");
  field("Body", `${proposal.body.name} (${proposal.body.id}, ${proposal.body.actor}); chair: ${proposal.chair}`);
  field("Procedure", describeProcedure(proposal.procedure));
  field("Purpose", proposal.purpose + (proposal.concerns ? `, concerning ${proposal.concerns}` : ""));
  field(
    "Status",
    proposal.status +
      (proposal.reconstructed ? " (reconstructed from the sources; individual positions are not recorded)" : ""),
  );
  field("Opened", proposal.reconstructed ? decidedOn(proposal) : formatInstant(proposal.openedAt));
  field(
    "Round",
    `${proposal.round} of ${proposal.rounds.length}` +
      (proposal.status === "open"
        ? `, deadline ${proposal.deadline === null ? "none" : formatInstant(proposal.deadline)}`
        : ""),
  );
  field("Positions", `${proposal.positionsTaken} of ${proposal.members} members in round ${proposal.round}`);

  if (proposal.rounds.length > 1 || proposal.rounds.some((round) => round.extensions.length > 0)) {
    lines.push("", "Rounds:");
    lines.push(
      indent(
        formatTable(
          ["Round", "Opened", "Deadline", "Extensions"],
          proposal.rounds.map((round) => [
            String(round.number),
            formatInstant(round.openedAt),
            round.deadline === null ? "none" : formatInstant(round.deadline),
            round.extensions
              .map(
                (extension) => `${formatInstant(extension.from)} -> ${formatInstant(extension.to)} by ${extension.by}`,
              )
              .join("; "),
          ]),
        ),
      ),
    );
  }

  lines.push("", `Text (round ${proposal.round}):`, indent(proposal.text));

  // Who recorded each current position: a delegation head's account, or "cli" for one received in writing.
  const current = new Map(
    proposal.positions.filter((cast) => cast.round === proposal.round).map((cast) => [cast.state, cast]),
  );
  lines.push("", `Members (${proposal.members}):`);
  if (proposal.reconstructed && proposal.positions.length === 0) {
    lines.push(
      `  ${proposal.grid.map((row) => row.state).join(", ")}`,
      "  (their individual positions are not recorded)",
    );
  } else
    lines.push(
      indent(
        formatTable(
          ["State", "Name", "Position", "Cast at", "Recorded by"],
          proposal.grid.map((row) => [
            row.state,
            row.name,
            (row.position ?? "-") + (row.brokeSilence ? " (broke silence)" : ""),
            row.castAt === null ? "" : formatInstant(row.castAt),
            current.get(row.state)?.castBy ?? "",
          ]),
        ),
      ),
    );
  const statements = proposal.grid.filter((row) => row.statement !== null);
  if (statements.length > 0) {
    lines.push("", "Statements:");
    for (const row of statements)
      lines.push(`  ${row.state} (${row.position}): ${(row.statement ?? "").replace(/\n/g, "\n    ")}`);
  }
  const currentIds = new Set([...current.values()].map((cast) => cast.id));
  const earlier = proposal.positions.filter((cast) => !currentIds.has(cast.id));
  if (earlier.length > 0) {
    lines.push("", "Earlier positions (changed since, or in an earlier round):");
    lines.push(
      indent(
        formatTable(
          ["Round", "State", "Position", "Cast at", "Recorded by"],
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
    lines.push("", "Attachments:");
    for (const attachment of proposal.attachments)
      lines.push(`  ${attachment.id}. ${attachment.name} (${attachment.mediaType}, ${attachment.size} bytes)`);
  }

  lines.push("");
  if (proposal.outcome === null) {
    lines.push(
      proposal.deadline === null
        ? "Outcome: not yet decided; Concord records it as soon as the rules make it certain."
        : `Outcome: not yet decided; Concord records it as soon as the rules make it certain, at the latest at the deadline (${formatInstant(proposal.deadline)}).`,
    );
  } else {
    const outcome = proposal.outcome;
    const on =
      outcome.decidedOn === null
        ? ""
        : ` on ${formatPartialDate({ date: outcome.decidedOn, precision: outcome.decidedOnPrecision ?? "day" })}`;
    lines.push(`Outcome:    ${outcome.status}${on}${outcome.decidedBy ? `, recorded by ${outcome.decidedBy}` : ""}`);
    lines.push(`Rule:       ${outcome.rule}`);
    lines.push(`Why:        ${outcome.explanation}`);
    if (outcome.relationId !== null || outcome.sourceId !== null) {
      lines.push(
        `Registry:   ${outcome.relationId === null ? "no relation changed" : `relation ${outcome.relationId}`}${outcome.sourceId ? `, source ${outcome.sourceId}` : ""}`,
      );
    }
    if (proposal.noticesIssued > 0)
      lines.push(`Notices:    ${proposal.noticesIssued} outcome notice(s) sent to member delegations`);
  }
  console.log(lines.join("\n"));
}

// ---------------------------------------------------------------- helpers

function printJson(value: unknown): number {
  console.log(JSON.stringify(value, null, 2));
  return 0;
}

function readLang(values: DecisionValues): Language {
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new CliUsageError(`--lang: must be one of ${LANGUAGES.join(", ")} (got "${values.lang}").`);
  }
  return (values.lang ?? "en") as Language;
}

function readId(value: string | undefined): number {
  if (!value) throw new CliUsageError("Missing argument: the proposal's id (concord proposals lists them).");
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliUsageError(`The proposal's id must be a positive whole number (got "${value}").`);
  }
  return Number(value);
}

/** The API's rules for a statement: not empty, not too long, no control characters. */
function readStatement(value: string): string {
  const text = value.trim();
  if (text.length === 0) throw new CliUsageError("--statement: must not be empty.");
  if (text.length > 20_000) throw new CliUsageError("--statement: must be at most 20000 characters.");
  if (!isPlainText(text)) throw new CliUsageError("--statement: must not contain control characters.");
  return text;
}

function describeProcedure(procedure: Procedure, style: "short" | "long" = "long"): string {
  if (procedure.kind !== "majority") return procedure.kind;
  const threshold = procedure.threshold === "simple" ? "more than half" : formatFraction(procedure.threshold);
  const base =
    procedure.base === "all-members"
      ? "of all members"
      : procedure.abstentions === "counted"
        ? "of those present"
        : "of those present and voting";
  if (style === "short") return `majority (${threshold} ${base})`;
  return `majority: ${threshold} ${base}, quorum ${formatFraction(procedure.quorum)} of members, abstentions ${procedure.abstentions === "counted" ? "counted" : "excluded from the count"}`;
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
