/**
 * What a proposal's page and list say happened, from the proposal as the API gives it and the
 * procedures' own rules (`src/domain/procedures.ts`, never copied here): who broke silence and
 * when, what a silent member's silence means, which actions end a procedure and so are confirmed
 * first, and the order of the proposals waiting for a delegation.
 */
import { BREAKS_SILENCE, type PositionKind, silenceBreakers } from "../../../src/domain/procedures.ts";
import type { Proposal, ProposalSummary } from "./types.ts";

/** The break of a silence procedure in the current round: the first breaker, and any after it. */
export interface SilenceBreak {
  state: string;
  /** The state's name in the reader's language, as the grid gives it. */
  name: string;
  /** When it first broke silence in this round (ISO 8601). */
  at: string;
  position: PositionKind;
  statement: string | null;
  /** The other members who broke silence too, in the order they did, by name. */
  others: string[];
}

type ProposalFacts = Pick<
  Proposal,
  "procedure" | "status" | "round" | "deadline" | "grid" | "positions" | "outcome" | "reconstructed"
>;

/**
 * The current round's break of silence, or null: none under this procedure, none yet, or a
 * proposal withdrawn (its withdrawal, not the break, is what happened). Only positions cast before
 * the deadline count, as the rules count them.
 */
export function silenceBreak(proposal: ProposalFacts): SilenceBreak | null {
  if (proposal.procedure.kind !== "silence" || proposal.status === "withdrawn" || proposal.status === "adopted")
    return null;
  const inRound = proposal.positions.filter((cast) => cast.round === proposal.round);
  const deadline = proposal.deadline === null ? null : new Date(proposal.deadline);
  const breakers = silenceBreakers({
    members: proposal.grid.map((row) => row.state),
    deadline,
    history: inRound.map((cast) => ({ state: cast.state, position: cast.position, at: new Date(cast.castAt) })),
  });
  const [first, ...others] = breakers;
  if (first === undefined) return null;
  const cast = inRound.find(
    (c) =>
      c.state === first &&
      BREAKS_SILENCE.has(c.position) &&
      (deadline === null || Date.parse(c.castAt) < deadline.getTime()),
  );
  if (!cast) return null;
  const names = new Map(proposal.grid.map((row) => [row.state, row.name]));
  return {
    state: first,
    name: names.get(first) ?? first,
    at: cast.castAt,
    position: cast.position,
    statement: cast.statement,
    others: others.map((state) => names.get(state) ?? state),
  };
}

/**
 * Whether a member that took no position is counted as agreeing: under a silence procedure,
 * while it runs and once decided (a withdrawn proposal decided nothing).
 */
export function silenceMeansAgreement(proposal: Pick<Proposal, "procedure" | "status">): boolean {
  return proposal.procedure.kind === "silence" && proposal.status !== "withdrawn";
}

/** What the status label says: an open proposal whose silence was broken says so. */
export type ShownStatus = Proposal["status"] | "silence-broken";

export function shownStatus(proposal: ProposalFacts): ShownStatus {
  if (proposal.status === "open" && silenceBreak(proposal) !== null) return "silence-broken";
  return proposal.status;
}

/**
 * Which confirmation taking `position` needs before it is sent, if any: breaking silence (the
 * round can no longer be adopted, whatever comes after), or a unilateral decision (it is final:
 * the procedure ends, and on adoption the registry changes).
 */
export function positionConfirmation(
  procedure: Proposal["procedure"]["kind"],
  position: PositionKind,
): "break-silence" | "adopt" | "decline" | null {
  if (procedure === "silence" && BREAKS_SILENCE.has(position)) return "break-silence";
  if (procedure === "unilateral") return position === "concur" ? "adopt" : position === "object" ? "decline" : null;
  return null;
}

/** Deadlines first, the nearest first; those without one after, the newest first. */
export function byDeadline<T extends Pick<ProposalSummary, "id" | "deadline">>(proposals: readonly T[]): T[] {
  return [...proposals].sort((a, b) => {
    const da = a.deadline === null ? Number.POSITIVE_INFINITY : Date.parse(a.deadline);
    const db = b.deadline === null ? Number.POSITIVE_INFINITY : Date.parse(b.deadline);
    if (da !== db) return da < db ? -1 : 1;
    return b.id - a.id;
  });
}
