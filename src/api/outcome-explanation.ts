/**
 * An outcome's explanation in the reader's language. Concord records the rule that decided and
 * its explanation in English; the facts the explanation rests on are the proposal's own (its
 * procedure, members, the positions of its last round, its deadline and when it was decided), so
 * the rules are asked again (`decide`) for the reason as a message of the catalogue. It is given
 * in the reader's language only when the rules still give the rule and the very words recorded;
 * otherwise (a chair's reason, a decision reconstructed from the sources, a rule since changed)
 * the explanation stays as recorded.
 */
import type { Language } from "../domain/languages.ts";
import { render } from "../domain/messages/index.ts";
import { decide } from "../domain/procedures.ts";
import type { PositionRow, ProposalRow, RoundRow } from "../db/repositories/decisions.ts";

export type Explained = {
  text: string;
  /** The language it is written in: the reader's, or English as Concord recorded it; null when a person wrote it. */
  lang: Language | null;
};

/** What the explanation rests on: a proposal's detail (ProposalDetail), or as much of it. */
export type OutcomeFacts = {
  proposal: Pick<
    ProposalRow,
    "status" | "outcomeRule" | "outcomeExplanation" | "reconstructed" | "decidedAt" | "procedure"
  >;
  rounds: Array<Pick<RoundRow, "number" | "deadline">>;
  members: string[];
  positions: Array<Pick<PositionRow, "round" | "state" | "position" | "castAt">>;
};

export function explainOutcome(detail: OutcomeFacts, lang: Language): Explained | null {
  const { proposal, rounds, members, positions } = detail;
  const recorded = proposal.outcomeExplanation;
  if (proposal.status === "open" || recorded === null) return null;
  // Concord writes its own explanations (and the starter data's) in English; a chair's reason is as typed.
  const machine = !/^(withdrawn|chair)\./.test(proposal.outcomeRule ?? "");
  const asRecorded: Explained = { text: recorded, lang: machine ? "en" : null };
  if (!machine || lang === "en" || proposal.reconstructed || proposal.decidedAt === null) return asRecorded;
  const current = rounds.at(-1);
  if (!current) return asRecorded;
  const decided = decide(
    {
      procedure: proposal.procedure,
      members,
      history: positions
        .filter((cast) => cast.round === current.number)
        .map((cast) => ({ state: cast.state, position: cast.position, at: new Date(cast.castAt) })),
      deadline: current.deadline === null ? null : new Date(current.deadline),
    },
    new Date(proposal.decidedAt),
  );
  if (!decided || decided.rule !== proposal.outcomeRule || !recorded.startsWith(decided.explanation)) return asRecorded;
  // What follows the rules' words (the registry could not be changed: …) is a service's, in English still.
  const rest = recorded.slice(decided.explanation.length);
  return rest === "" ? { text: render(lang, decided.reason), lang } : asRecorded;
}
