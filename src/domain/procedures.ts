/**
 * The decision rules of a body, as pure functions: given who may decide, the positions they have
 * taken in the current round, the deadline and the time, is the outcome certain yet, and which
 * rule decides it? Nothing here reads a clock or a database, so every rule can be tested at its
 * boundaries (see procedures.test.ts), and the service records exactly what this returns.
 */
import { type Message, msg, render } from "./messages/index.ts";

export const PROCEDURE_KINDS = ["consensus", "silence", "majority", "unilateral"] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const POSITION_KINDS = ["concur", "concur-with-reservation", "object", "amend", "abstain"] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** What a majority's threshold is measured against. */
export const MAJORITY_BASES = ["present-and-voting", "all-members"] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

/** `excluded`: abstentions count towards the quorum only. `counted`: they also join the base. */
export const ABSTENTION_RULES = ["excluded", "counted"] as const;
export type AbstentionRule = (typeof ABSTENTION_RULES)[number];

/** A fraction of a count, e.g. 2/3. */
export type Fraction = { numerator: number; denominator: number };

export type MajorityRule = {
  /**
   * `simple`: more than half of the base. A fraction (qualified majority): at least that fraction
   * of the base, e.g. 2/3.
   */
  threshold: "simple" | Fraction;
  /** What the threshold is measured against. */
  base: MajorityBase;
  /** The share of members that must take part (any position, abstention included). */
  quorum: Fraction;
  /** `excluded`: abstentions count towards the quorum only. `counted`: they also join the base. */
  abstentions: AbstentionRule;
};

export type Procedure =
  | { kind: "consensus" }
  | { kind: "silence" }
  | ({ kind: "majority" } & MajorityRule)
  | { kind: "unilateral" };

export type CastPosition = { state: string; position: PositionKind; at: Date };

export type Outcome = "adopted" | "not-adopted";

/**
 * Why an outcome is what it is: a stable code, the facts it rests on (`reason`, a message of the
 * catalogue, rendered in the reader's language), and the sentence in English that is recorded.
 */
export type Decision = { outcome: Outcome; rule: DecisionRule; reason: Message; explanation: string };

/** A decision whose explanation is its reason's English. */
function decision(outcome: Outcome, rule: DecisionRule, reason: Message): Decision {
  return { outcome, rule, reason, explanation: render("en", reason) };
}

export type DecisionRule =
  | "consensus.all-concurred"
  | "consensus.deadline-passed-without-consensus"
  | "silence.deadline-passed-unbroken"
  | "silence.deadline-passed-broken"
  | "majority.threshold-met"
  | "majority.threshold-not-met"
  | "majority.quorum-not-met"
  | "unilateral.designating-state-concurred"
  | "unilateral.designating-state-declined";

/** Everything that decides the current round. */
export type Round = {
  procedure: Procedure;
  /** The states that may decide, fixed when the proposal opened. */
  members: readonly string[];
  /** Every position cast in this round, in the order cast (changes included). */
  history: readonly CastPosition[];
  /** When the round closes by itself; required for silence and majority. */
  deadline: Date | null;
};

/** The positions each procedure accepts. */
export const ALLOWED_POSITIONS: Record<ProcedureKind, readonly PositionKind[]> = {
  consensus: ["concur", "concur-with-reservation", "object"],
  // Silence is kept by saying nothing; a member may say it concurs, or break silence in writing.
  silence: ["concur", "concur-with-reservation", "object", "amend"],
  majority: ["concur", "object", "abstain"],
  unilateral: ["concur", "object"],
};

/** Positions that break silence: an objection or a proposed amendment, stated in writing. */
export const BREAKS_SILENCE: ReadonlySet<PositionKind> = new Set(["object", "amend"]);

const CONCURS: ReadonlySet<PositionKind> = new Set(["concur", "concur-with-reservation"]);
const concurs = (position: PositionKind | undefined) => position !== undefined && CONCURS.has(position);

/** Each member's latest position cast before `until` (all of them when until is null). */
export function currentPositions(
  history: readonly CastPosition[],
  until: Date | null = null,
): Map<string, PositionKind> {
  const latest = new Map<string, PositionKind>();
  for (const cast of history) {
    if (until !== null && cast.at.getTime() >= until.getTime()) continue;
    latest.set(cast.state, cast.position);
  }
  return latest;
}

/** The members who broke silence before the deadline, in the order they first did. */
export function silenceBreakers(round: Pick<Round, "history" | "deadline" | "members">): string[] {
  const members = new Set(round.members);
  const breakers: string[] = [];
  for (const cast of round.history) {
    if (round.deadline !== null && cast.at.getTime() >= round.deadline.getTime()) continue;
    if (members.has(cast.state) && BREAKS_SILENCE.has(cast.position) && !breakers.includes(cast.state))
      breakers.push(cast.state);
  }
  return breakers;
}

/** The round is closed to new positions once its deadline has come. */
export function deadlinePassed(round: Pick<Round, "deadline">, now: Date): boolean {
  return round.deadline !== null && now.getTime() >= round.deadline.getTime();
}

/**
 * The outcome, if it is certain at `now`; undefined while it is not. Positions may change until
 * the procedure closes, so only these are certain before a deadline: consensus once every member
 * concurs, and a unilateral decision once the designating state has spoken. Silence and majority
 * are decided at their deadline.
 */
export function decide(round: Round, now: Date): Decision | undefined {
  const passed = deadlinePassed(round, now);
  const positions = currentPositions(round.history, round.deadline);
  const members = round.members;
  switch (round.procedure.kind) {
    case "consensus": {
      if (members.length > 0 && members.every((state) => concurs(positions.get(state)))) {
        const reservations = members.filter((state) => positions.get(state) === "concur-with-reservation");
        return decision(
          "adopted",
          "consensus.all-concurred",
          msg("outcome.consensus.all-concurred", { count: members.length, reservations: reservations.join(", ") }),
        );
      }
      if (!passed) return undefined;
      const objecting = members.filter((state) => positions.get(state) === "object");
      const silent = members.filter((state) => !positions.has(state));
      return decision(
        "not-adopted",
        "consensus.deadline-passed-without-consensus",
        msg("outcome.consensus.deadline-passed-without-consensus", {
          objecting: objecting.join(", "),
          silent: silent.length,
        }),
      );
    }
    case "silence": {
      if (!passed) return undefined;
      const breakers = silenceBreakers(round);
      if (breakers.length === 0) {
        return decision("adopted", "silence.deadline-passed-unbroken", msg("outcome.silence.deadline-passed-unbroken"));
      }
      return decision(
        "not-adopted",
        "silence.deadline-passed-broken",
        msg("outcome.silence.deadline-passed-broken", { breakers: breakers.join(", ") }),
      );
    }
    case "majority": {
      if (!passed) return undefined;
      return decideMajority(round.procedure, members, positions);
    }
    case "unilateral": {
      const [designating] = members;
      const position = designating === undefined ? undefined : positions.get(designating);
      if (position === "concur") {
        return decision(
          "adopted",
          "unilateral.designating-state-concurred",
          msg("outcome.unilateral.designating-state-concurred", { state: String(designating) }),
        );
      }
      if (position === "object") {
        return decision(
          "not-adopted",
          "unilateral.designating-state-declined",
          msg("outcome.unilateral.designating-state-declined", { state: String(designating) }),
        );
      }
      return undefined;
    }
  }
}

/** The counts a majority vote is decided on. */
export function tally(members: readonly string[], positions: ReadonlyMap<string, PositionKind>) {
  let concur = 0;
  let object = 0;
  let abstain = 0;
  for (const state of members) {
    const position = positions.get(state);
    if (position === undefined) continue;
    if (CONCURS.has(position)) concur++;
    else if (position === "abstain") abstain++;
    else object++;
  }
  return { members: members.length, concur, object, abstain, takingPart: concur + object + abstain };
}

/** Whether `count` reaches `fraction` of `of`, in integers: count/of ≥ n/d. */
function reaches(count: number, of: number, fraction: Fraction): boolean {
  return count * fraction.denominator >= fraction.numerator * of;
}

function decideMajority(
  rule: MajorityRule,
  members: readonly string[],
  positions: ReadonlyMap<string, PositionKind>,
): Decision {
  const counts = tally(members, positions);
  const counted = { concur: counts.concur, object: counts.object, abstain: counts.abstain, members: counts.members };
  if (!reaches(counts.takingPart, counts.members, rule.quorum)) {
    return decision(
      "not-adopted",
      "majority.quorum-not-met",
      msg("outcome.majority.quorum-not-met", {
        ...counted,
        takingPart: counts.takingPart,
        quorum: formatFraction(rule.quorum),
      }),
    );
  }
  const base =
    rule.base === "all-members"
      ? counts.members
      : counts.concur + counts.object + (rule.abstentions === "counted" ? counts.abstain : 0);
  const met =
    base > 0 && (rule.threshold === "simple" ? counts.concur * 2 > base : reaches(counts.concur, base, rule.threshold));
  const facts = { ...counted, threshold: thresholdName(rule), base: baseName(rule) };
  return met
    ? decision("adopted", "majority.threshold-met", msg("outcome.majority.threshold-met", facts))
    : decision("not-adopted", "majority.threshold-not-met", msg("outcome.majority.threshold-not-met", facts));
}

/** A majority's threshold as the catalogue names it: `simple`, or the fraction (`2/3`). */
export function thresholdName(rule: Pick<MajorityRule, "threshold">): string {
  return rule.threshold === "simple" ? "simple" : formatFraction(rule.threshold);
}

/** What a majority is counted among, as the catalogue names it. */
export function baseName(
  rule: Pick<MajorityRule, "base" | "abstentions">,
): "all-members" | "present" | "present-and-voting" {
  return rule.base === "all-members"
    ? "all-members"
    : rule.abstentions === "counted"
      ? "present"
      : "present-and-voting";
}

export function formatFraction(fraction: Fraction): string {
  return `${fraction.numerator}/${fraction.denominator}`;
}

/** Silence and majority are decided at their deadline, so they cannot do without one. */
export function procedureNeedsDeadline(kind: ProcedureKind): boolean {
  return kind === "silence" || kind === "majority";
}

/** Checks a procedure's own consistency; returns what is wrong, as a message of the catalogue, or undefined. */
export function procedureProblem(
  procedure: Procedure,
  deadline: Date | null,
  memberCount: number,
): Message | undefined {
  if (procedureNeedsDeadline(procedure.kind) && deadline === null) {
    return msg("procedure.needs_deadline", { procedure: procedure.kind });
  }
  if (procedure.kind === "unilateral" && memberCount !== 1) return msg("procedure.unilateral_one_state");
  if (memberCount === 0) return msg("procedure.no_members");
  if (procedure.kind === "majority") {
    for (const [name, fraction] of [
      ["quorum", procedure.quorum],
      ["threshold", procedure.threshold],
    ] as const) {
      if (fraction === "simple") continue;
      const { numerator, denominator } = fraction;
      if (
        !Number.isInteger(numerator) ||
        !Number.isInteger(denominator) ||
        denominator < 1 ||
        numerator < 0 ||
        numerator > denominator
      ) {
        return msg("procedure.fraction", { name, got: `${numerator}/${denominator}` });
      }
    }
    // A quorum of 0 means none; a threshold of 0 would adopt what nobody voted for.
    if (procedure.threshold !== "simple" && procedure.threshold.numerator === 0) {
      return msg("procedure.threshold_zero", { got: formatFraction(procedure.threshold) });
    }
  }
  return undefined;
}
