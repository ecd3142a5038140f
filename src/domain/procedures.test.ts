import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { render } from "./messages/index.ts";
import {
  deadlinePassed,
  decide,
  procedureProblem,
  type CastPosition,
  type Fraction,
  type MajorityRule,
  type PositionKind,
  type Procedure,
  type Round,
} from "./procedures.ts";

// ---------------------------------------------------------------------------------------------
// Arbitraries and helpers shared by every procedure.
// ---------------------------------------------------------------------------------------------

/** Every round in these tests closes at this instant (when it has a deadline at all). */
const DEADLINE = new Date("2025-06-30T12:00:00.000Z");
const DAY = 86_400_000;

/** `ms` milliseconds after the deadline (before it when negative). */
const at = (ms: number) => new Date(DEADLINE.getTime() + ms);

/**
 * An offset from the deadline in milliseconds. Half the time it is within a few milliseconds of
 * it, so the boundary itself (offset 0, "at the deadline") and its neighbours come up often;
 * otherwise anywhere within three days either side.
 */
const offset = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3 * DAY, max: 3 * DAY }));

/** A moment around the deadline. */
const moment = offset.map(at);

/** A moment at or after the deadline: the round is closed. */
const closedMoment = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * DAY })).map(at);

/** A moment strictly before the deadline: the round is still open. */
const openMoment = fc.oneof(fc.constant(-1), fc.integer({ min: -3 * DAY, max: -1 })).map(at);

/** A state code such as "FRA". */
const stateCode = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), minLength: 3, maxLength: 3 });

/**
 * The members of a body (1 to 40 distinct codes) and a few outsiders: codes that are not members,
 * whose positions must never count.
 */
const body = fc
  .uniqueArray(stateCode, { minLength: 1, maxLength: 45 })
  .chain((codes) =>
    fc
      .integer({ min: 1, max: Math.min(40, codes.length) })
      .map((count) => ({ members: codes.slice(0, count), outsiders: codes.slice(count) })),
  );

type Body = { members: string[]; outsiders: string[] };

/**
 * A history of positions cast by members (and now and then an outsider), drawn from `kinds`,
 * at moments around the deadline. It is sorted by time, as the service records positions in the
 * order cast; the sort is stable, so positions cast at the same millisecond keep their order.
 */
function historyOf(who: Body, kinds: readonly PositionKind[], maxLength = 60): fc.Arbitrary<CastPosition[]> {
  const state =
    who.outsiders.length === 0
      ? fc.constantFrom(...who.members)
      : fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...who.members) },
          { weight: 1, arbitrary: fc.constantFrom(...who.outsiders) },
        );
  const cast = fc.record({ state, position: fc.constantFrom(...kinds), at: moment });
  return fc.array(cast, { maxLength }).map((casts) => [...casts].sort((a, b) => a.at.getTime() - b.at.getTime()));
}

/**
 * The model of "a member's position": the last one it cast strictly before the deadline (or the
 * last one at all when there is no deadline). Written independently of currentPositions.
 */
function latestBefore(
  history: readonly CastPosition[],
  state: string,
  deadline: Date | null,
): PositionKind | undefined {
  for (let index = history.length - 1; index >= 0; index--) {
    const cast = history[index]!;
    if (cast.state !== state) continue;
    if (deadline !== null && !(cast.at.getTime() < deadline.getTime())) continue;
    return cast.position;
  }
  return undefined;
}

const round = (
  procedure: Procedure,
  members: string[],
  history: CastPosition[],
  deadline: Date | null = DEADLINE,
): Round => ({
  procedure,
  members,
  history,
  deadline,
});

/** A position cast `ms` milliseconds after the deadline. */
const cast = (state: string, position: PositionKind, ms = -DAY): CastPosition => ({ state, position, at: at(ms) });

// ---------------------------------------------------------------------------------------------
// deadlinePassed: the service refuses positions once this is true, so its boundary is the close.
// ---------------------------------------------------------------------------------------------

describe("deadlinePassed: the round closes at its deadline, not after it", () => {
  it("is true exactly at the deadline and false one millisecond before", () => {
    expect(deadlinePassed({ deadline: DEADLINE }, at(0))).toBe(true);
    expect(deadlinePassed({ deadline: DEADLINE }, at(-1))).toBe(false);
    expect(deadlinePassed({ deadline: DEADLINE }, at(1))).toBe(true);
  });

  it("is true iff now is at or after the deadline", () => {
    fc.assert(
      fc.property(offset, (ms) => {
        expect(deadlinePassed({ deadline: DEADLINE }, at(ms))).toBe(ms >= 0);
      }),
    );
  });

  it("never passes without a deadline", () => {
    fc.assert(
      fc.property(moment, (now) => {
        expect(deadlinePassed({ deadline: null }, now)).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Consensus: adopted once every member concurs; positions change until the close, latest counts.
// ---------------------------------------------------------------------------------------------

describe("consensus", () => {
  const consensus: Procedure = { kind: "consensus" };
  const kinds: readonly PositionKind[] = ["concur", "concur-with-reservation", "object"];
  /** Mostly concurring positions, so that full concurrence is not vanishingly rare with many members. */
  const leaning: readonly PositionKind[] = [
    "concur",
    "concur",
    "concur",
    "concur",
    "concur-with-reservation",
    "object",
  ];
  /**
   * Random positions, then every member's last word within a few milliseconds of the deadline
   * (mostly concur and mostly in time; ignored when cast at or after it): large bodies reach consensus too.
   */
  const lastWord = fc.oneof(
    { weight: 12, arbitrary: fc.constant<PositionKind>("concur") },
    { weight: 2, arbitrary: fc.constant<PositionKind>("concur-with-reservation") },
    { weight: 1, arbitrary: fc.constant<PositionKind>("object") },
  );
  const lastMoment = fc
    .oneof({ weight: 19, arbitrary: fc.constantFrom(-2, -1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) })
    .map(at);
  const lastWords = (who: Body) =>
    fc
      .tuple(
        historyOf(who, kinds),
        fc.tuple(
          ...who.members.map((state) => fc.record({ state: fc.constant(state), position: lastWord, at: lastMoment })),
        ),
      )
      .map(([history, last]) => [...history, ...last].sort((a, b) => a.at.getTime() - b.at.getTime()));
  const consensusRound = body.chain((who) =>
    fc.record({
      members: fc.constant(who.members),
      history: fc.oneof(historyOf(who, kinds), historyOf(who, leaning, 120), lastWords(who)),
      deadline: fc.constantFrom<Date | null>(DEADLINE, DEADLINE, DEADLINE, null),
      now: moment,
    }),
  );

  const allConcurred = (members: readonly string[], history: readonly CastPosition[], deadline: Date | null) =>
    members.every((state) => {
      const position = latestBefore(history, state, deadline);
      return position === "concur" || position === "concur-with-reservation";
    });

  it("is adopted iff every member's latest position before the deadline concurs; otherwise open until, and not adopted from, the deadline", () => {
    fc.assert(
      fc.property(consensusRound, ({ members, history, deadline, now }) => {
        const decision = decide(round(consensus, members, history, deadline), now);
        if (allConcurred(members, history, deadline)) {
          expect(decision?.outcome).toBe("adopted");
          expect(decision?.rule).toBe("consensus.all-concurred");
        } else if (deadline !== null && now.getTime() >= deadline.getTime()) {
          expect(decision?.outcome).toBe("not-adopted");
          expect(decision?.rule).toBe("consensus.deadline-passed-without-consensus");
        } else {
          expect(decision).toBeUndefined();
        }
      }),
    );
  });

  it("counts a member who objected and then concurred (before the deadline) as concurring", () => {
    // Every member objects first and concurs later, in some order; all before the deadline.
    const changedMinds = body.chain(({ members }) =>
      fc.record({
        members: fc.constant(members),
        objections: fc.array(fc.integer({ min: -3 * DAY, max: -DAY }), {
          minLength: members.length,
          maxLength: members.length,
        }),
        concurrences: fc.array(fc.integer({ min: -DAY + 1, max: -1 }), {
          minLength: members.length,
          maxLength: members.length,
        }),
        withReservation: fc.array(fc.boolean(), { minLength: members.length, maxLength: members.length }),
        now: moment,
      }),
    );
    fc.assert(
      fc.property(changedMinds, ({ members, objections, concurrences, withReservation, now }) => {
        const history = members
          .flatMap((state, index) => [
            cast(state, "object", objections[index]!),
            cast(state, withReservation[index] ? "concur-with-reservation" : "concur", concurrences[index]!),
          ])
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        expect(decide(round(consensus, members, history), now)?.outcome).toBe("adopted");
      }),
    );
  });

  it("ignores a concurrence cast at or after the deadline", () => {
    const members = ["AAA", "BBB"];
    const late = [cast("AAA", "concur"), cast("BBB", "object"), cast("BBB", "concur", 0)];
    expect(decide(round(consensus, members, late), at(0))?.outcome).toBe("not-adopted");
    const justInTime = [cast("AAA", "concur"), cast("BBB", "object"), cast("BBB", "concur", -1)];
    expect(decide(round(consensus, members, justInTime), at(0))?.outcome).toBe("adopted");
  });

  it("is decided before the deadline once everyone concurs, and not before", () => {
    const members = ["AAA", "BBB", "CCC"];
    const twoOfThree = [cast("AAA", "concur"), cast("BBB", "concur-with-reservation")];
    expect(decide(round(consensus, members, twoOfThree), at(-1))).toBeUndefined();
    expect(decide(round(consensus, members, twoOfThree), at(0))?.outcome).toBe("not-adopted");
    const all = [...twoOfThree, cast("CCC", "concur")];
    expect(decide(round(consensus, members, all), at(-DAY / 2))?.outcome).toBe("adopted");
  });

  it("is not carried by an outsider's concurrence", () => {
    const history = [cast("AAA", "concur"), cast("ZZZ", "concur")];
    expect(decide(round(consensus, ["AAA", "BBB"], history), at(0))?.outcome).toBe("not-adopted");
  });
});

// ---------------------------------------------------------------------------------------------
// Silence: adopted at the deadline unless a member broke silence (object or amend) before it.
// ---------------------------------------------------------------------------------------------

describe("silence", () => {
  const silence: Procedure = { kind: "silence" };
  const kinds: readonly PositionKind[] = ["concur", "concur-with-reservation", "object", "amend"];
  /** Histories are short and lean towards concurring, so that unbroken silence comes up as well. */
  const quiet: readonly PositionKind[] = ["concur", "concur", "concur-with-reservation", "concur", "object", "amend"];
  const silenceRound = body.chain((who) =>
    fc.record({ who: fc.constant(who), history: fc.oneof(historyOf(who, kinds, 10), historyOf(who, quiet, 30)) }),
  );

  /** The model: some member cast object or amend strictly before the deadline (even if it later concurred). */
  const broken = (members: readonly string[], history: readonly CastPosition[]) =>
    history.some(
      (cast) =>
        members.includes(cast.state) &&
        (cast.position === "object" || cast.position === "amend") &&
        cast.at.getTime() < DEADLINE.getTime(),
    );

  it("is adopted at the deadline iff no member objected or proposed an amendment before it", () => {
    fc.assert(
      fc.property(silenceRound, closedMoment, ({ who, history }, now) => {
        const decision = decide(round(silence, who.members, history), now);
        if (broken(who.members, history)) {
          expect(decision?.outcome).toBe("not-adopted");
          expect(decision?.rule).toBe("silence.deadline-passed-broken");
        } else {
          expect(decision?.outcome).toBe("adopted");
          expect(decision?.rule).toBe("silence.deadline-passed-unbroken");
        }
      }),
    );
  });

  it("is undecided before the deadline whatever was cast", () => {
    fc.assert(
      fc.property(silenceRound, openMoment, ({ who, history }, now) => {
        expect(decide(round(silence, who.members, history), now)).toBeUndefined();
      }),
    );
  });

  it("ignores positions cast at or after the deadline", () => {
    // Adding any number of late positions, from anyone, changes nothing.
    const withLate = silenceRound.chain(({ who, history }) =>
      fc.record({
        who: fc.constant(who),
        history: fc.constant(history),
        late: fc.array(
          fc.record({
            state: fc.constantFrom(...who.members, ...who.outsiders),
            position: fc.constantFrom(...kinds),
            at: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: DAY })).map(at),
          }),
          { minLength: 1, maxLength: 10 },
        ),
      }),
    );
    fc.assert(
      fc.property(withLate, closedMoment, ({ who, history, late }, now) => {
        const before = history.filter((cast) => cast.at.getTime() < DEADLINE.getTime());
        const later = [...history, ...late].sort((a, b) => a.at.getTime() - b.at.getTime());
        expect(decide(round(silence, who.members, later), now)).toEqual(
          decide(round(silence, who.members, before), now),
        );
      }),
    );
  });

  it("is never broken by a non-member", () => {
    const outsidersOnly = body
      .filter((who) => who.outsiders.length > 0)
      .chain((who) =>
        fc.record({ who: fc.constant(who), history: historyOf({ members: who.outsiders, outsiders: [] }, kinds) }),
      );
    fc.assert(
      fc.property(outsidersOnly, closedMoment, ({ who, history }, now) => {
        expect(decide(round(silence, who.members, history), now)?.outcome).toBe("adopted");
      }),
    );
  });

  it("boundaries: an objection one millisecond before the deadline breaks silence, one at the deadline does not", () => {
    const members = ["AAA", "BBB"];
    expect(decide(round(silence, members, [cast("AAA", "object", -1)]), at(0))?.outcome).toBe("not-adopted");
    expect(decide(round(silence, members, [cast("AAA", "amend", 0)]), at(0))?.outcome).toBe("adopted");
    expect(decide(round(silence, members, []), at(-1))).toBeUndefined();
    expect(decide(round(silence, members, []), at(0))?.outcome).toBe("adopted");
  });

  it("stays broken when the member later concurs: silence, once broken, is broken", () => {
    const history = [cast("AAA", "object", -DAY), cast("AAA", "concur", -1)];
    expect(decide(round(silence, ["AAA", "BBB"], history), at(0))?.outcome).toBe("not-adopted");
  });
});

// ---------------------------------------------------------------------------------------------
// Majority: decided at the deadline against an independent model in exact (BigInt) arithmetic.
// ---------------------------------------------------------------------------------------------

describe("majority", () => {
  const kinds: readonly PositionKind[] = ["concur", "object", "abstain"];

  /** A valid fraction n/d with 0 ≤ n ≤ d, d ≤ 12 (the common ones, 1/2, 2/3, 3/5, …, among them). */
  const fraction: fc.Arbitrary<Fraction> = fc
    .integer({ min: 1, max: 12 })
    .chain((denominator) => fc.integer({ min: 0, max: denominator }).map((numerator) => ({ numerator, denominator })));

  const majorityRule: fc.Arbitrary<MajorityRule> = fc.record({
    threshold: fc.oneof(fc.constant("simple" as const), fraction),
    base: fc.constantFrom("present-and-voting" as const, "all-members" as const),
    quorum: fraction,
    abstentions: fc.constantFrom("excluded" as const, "counted" as const),
  });

  const majorityRound = body.chain((who) =>
    fc.record({ rule: majorityRule, members: fc.constant(who.members), history: historyOf(who, kinds, 80) }),
  );

  /** count/of ≥ n/d, in BigInt so that no rounding can hide a boundary. */
  const atLeast = (count: number, of: number, { numerator, denominator }: Fraction) =>
    BigInt(count) * BigInt(denominator) >= BigInt(numerator) * BigInt(of);

  /** The model of a majority vote at its deadline, from the members' latest positions before it. */
  function model(rule: MajorityRule, members: readonly string[], history: readonly CastPosition[]) {
    const positions = members.map((state) => latestBefore(history, state, DEADLINE));
    const concur = positions.filter((p) => p === "concur").length;
    const object = positions.filter((p) => p === "object").length;
    const abstain = positions.filter((p) => p === "abstain").length;
    const takingPart = concur + object + abstain;
    if (!atLeast(takingPart, members.length, rule.quorum)) return "majority.quorum-not-met";
    const base =
      rule.base === "all-members" ? members.length : concur + object + (rule.abstentions === "counted" ? abstain : 0);
    // Nobody in the base: nothing can have been carried, whatever the threshold.
    if (base === 0) return "majority.threshold-not-met";
    const met =
      rule.threshold === "simple" ? BigInt(concur) * 2n > BigInt(base) : atLeast(concur, base, rule.threshold);
    return met ? "majority.threshold-met" : "majority.threshold-not-met";
  }

  it("agrees with the model at and after the deadline", () => {
    fc.assert(
      fc.property(majorityRound, closedMoment, ({ rule, members, history }, now) => {
        const expected = model(rule, members, history);
        const decision = decide(round({ kind: "majority", ...rule }, members, history), now);
        expect(decision?.rule).toBe(expected);
        expect(decision?.outcome).toBe(expected === "majority.threshold-met" ? "adopted" : "not-adopted");
      }),
    );
  });

  it("is undecided before the deadline, however the votes stand", () => {
    fc.assert(
      fc.property(majorityRound, openMoment, ({ rule, members, history }, now) => {
        expect(decide(round({ kind: "majority", ...rule }, members, history), now)).toBeUndefined();
      }),
    );
  });

  /** A vote of `members` states where the first `concur` concur, the next `object` object, then `abstain` abstain. */
  function vote(rule: MajorityRule, members: number, concur: number, object: number, abstain = 0) {
    const states = Array.from({ length: members }, (_, index) => `S${String(index).padStart(2, "0")}`);
    const positions: PositionKind[] = [
      ...Array<PositionKind>(concur).fill("concur"),
      ...Array<PositionKind>(object).fill("object"),
      ...Array<PositionKind>(abstain).fill("abstain"),
    ];
    const history = positions.map((position, index) => cast(states[index]!, position));
    return decide(round({ kind: "majority", ...rule }, states, history), at(0));
  }

  const all: Fraction = { numerator: 1, denominator: 1 };
  const none: Fraction = { numerator: 0, denominator: 1 };
  const twoThirds: Fraction = { numerator: 2, denominator: 3 };
  const simple: MajorityRule = {
    threshold: "simple",
    base: "present-and-voting",
    quorum: none,
    abstentions: "excluded",
  };
  const qualified: MajorityRule = { ...simple, threshold: twoThirds };

  it("qualified 2/3: exactly two thirds adopts, one fewer does not", () => {
    expect(vote(qualified, 9, 6, 3)?.rule).toBe("majority.threshold-met");
    expect(vote(qualified, 9, 5, 4)?.rule).toBe("majority.threshold-not-met");
    expect(vote(qualified, 3, 2, 1)?.outcome).toBe("adopted");
    expect(vote(qualified, 3, 1, 2)?.outcome).toBe("not-adopted");
    // Of all members: 6 of 9 needed however many vote.
    expect(vote({ ...qualified, base: "all-members" }, 9, 6, 0)?.outcome).toBe("adopted");
    expect(vote({ ...qualified, base: "all-members" }, 9, 5, 0)?.outcome).toBe("not-adopted");
  });

  it("simple: exactly half does not adopt, one more than half does", () => {
    expect(vote(simple, 10, 5, 5)?.rule).toBe("majority.threshold-not-met");
    expect(vote(simple, 10, 6, 4)?.rule).toBe("majority.threshold-met");
    expect(vote(simple, 2, 1, 1)?.outcome).toBe("not-adopted");
    expect(vote(simple, 1, 1, 0)?.outcome).toBe("adopted");
  });

  it("abstentions: excluded from the base they help a measure; counted they weigh against it", () => {
    // 3 for, 2 against, 2 abstaining: 3/5 > 1/2 when excluded, 3/7 is not when counted.
    expect(vote(simple, 7, 3, 2, 2)?.outcome).toBe("adopted");
    expect(vote({ ...simple, abstentions: "counted" }, 7, 3, 2, 2)?.outcome).toBe("not-adopted");
  });

  it("quorum exactly met counts the vote; one short is not quorate", () => {
    const quorate: MajorityRule = { ...simple, quorum: twoThirds };
    // 6 of 9 take part (abstentions included): quorum met, 4 for of 5 voting carries it.
    expect(vote(quorate, 9, 4, 1, 1)?.rule).toBe("majority.threshold-met");
    // 5 of 9 take part: not quorate, however they voted.
    expect(vote(quorate, 9, 5, 0, 0)?.rule).toBe("majority.quorum-not-met");
    expect(vote({ ...simple, quorum: all }, 4, 4, 0)?.rule).toBe("majority.threshold-met");
    expect(vote({ ...simple, quorum: all }, 4, 3, 0)?.rule).toBe("majority.quorum-not-met");
  });

  it("an empty base adopts nothing: everyone abstains with abstentions excluded", () => {
    expect(vote(simple, 5, 0, 0, 5)?.rule).toBe("majority.threshold-not-met");
    // Even a zero threshold cannot carry a vote nobody cast.
    expect(vote({ ...simple, threshold: none }, 5, 0, 0, 5)?.outcome).toBe("not-adopted");
  });

  it("counts only members, and only their latest position before the deadline", () => {
    const rule = simple;
    const members = ["AAA", "BBB", "CCC"];
    const history = [
      cast("AAA", "object", -DAY),
      cast("AAA", "concur", -1), // changed mind in time
      cast("BBB", "concur", -DAY),
      cast("BBB", "object", 0), // too late: still concurs
      cast("CCC", "object", -DAY),
      cast("ZZZ", "object", -DAY), // not a member
      cast("YYY", "object", -DAY),
    ];
    expect(decide(round({ kind: "majority", ...rule }, members, history), at(0))?.outcome).toBe("adopted");
  });
});

// ---------------------------------------------------------------------------------------------
// Unilateral: the one designating state decides, as soon as it says concur or object.
// ---------------------------------------------------------------------------------------------

describe("unilateral", () => {
  const unilateral: Procedure = { kind: "unilateral" };
  const oneState = body.map(({ members, outsiders }) => ({
    members: members.slice(0, 1),
    outsiders: [...members.slice(1), ...outsiders],
  }));
  const unilateralRound = oneState.chain((who) =>
    fc.record({
      members: fc.constant(who.members),
      history: historyOf(who, ["concur", "object"], 8),
      deadline: fc.constantFrom<Date | null>(DEADLINE, null),
      now: moment,
    }),
  );

  it("is adopted on concur, not adopted on object, undecided with no position, whenever it is asked", () => {
    fc.assert(
      fc.property(unilateralRound, ({ members, history, deadline, now }) => {
        const position = latestBefore(history, members[0]!, deadline);
        const decision = decide(round(unilateral, members, history, deadline), now);
        if (position === "concur") expect(decision?.rule).toBe("unilateral.designating-state-concurred");
        else if (position === "object") expect(decision?.rule).toBe("unilateral.designating-state-declined");
        else expect(decision).toBeUndefined();
      }),
    );
  });

  it("examples: decided at once, long before any deadline; others cannot decide for it", () => {
    expect(decide(round(unilateral, ["AAA"], [cast("AAA", "concur", -DAY)]), at(-DAY))?.outcome).toBe("adopted");
    expect(decide(round(unilateral, ["AAA"], [cast("AAA", "object", -DAY)], null), at(-DAY))?.outcome).toBe(
      "not-adopted",
    );
    expect(decide(round(unilateral, ["AAA"], [], null), at(DAY))).toBeUndefined();
    expect(decide(round(unilateral, ["AAA"], [cast("BBB", "concur")], null), at(0))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// procedureProblem: a procedure that could never decide is refused when it is set up.
// ---------------------------------------------------------------------------------------------

describe("procedureProblem", () => {
  /** The problem as the API says it in English (procedureProblem gives a message of the catalogue). */
  const problemIn = (...args: Parameters<typeof procedureProblem>) => {
    const problem = procedureProblem(...args);
    return problem && render("en", problem);
  };
  const half: Fraction = { numerator: 1, denominator: 2 };
  const majority = (quorum: Fraction, threshold: "simple" | Fraction = "simple"): Procedure => ({
    kind: "majority",
    threshold,
    base: "present-and-voting",
    quorum,
    abstentions: "excluded",
  });

  it("requires a deadline for silence and majority, not for consensus or unilateral", () => {
    expect(problemIn({ kind: "silence" }, null, 5)).toMatch(/deadline/);
    expect(problemIn(majority(half), null, 5)).toMatch(/deadline/);
    expect(problemIn({ kind: "silence" }, DEADLINE, 5)).toBeUndefined();
    expect(problemIn(majority(half), DEADLINE, 5)).toBeUndefined();
    expect(problemIn({ kind: "consensus" }, null, 5)).toBeUndefined();
    expect(problemIn({ kind: "unilateral" }, null, 1)).toBeUndefined();
  });

  it("requires exactly one state for a unilateral decision", () => {
    expect(problemIn({ kind: "unilateral" }, null, 0)).toMatch(/exactly one/);
    expect(problemIn({ kind: "unilateral" }, null, 2)).toMatch(/exactly one/);
  });

  it("refuses a body with no members, whatever the procedure", () => {
    expect(problemIn({ kind: "consensus" }, null, 0)).toMatch(/no member/);
    expect(problemIn({ kind: "silence" }, DEADLINE, 0)).toMatch(/no member/);
    expect(problemIn(majority(half), DEADLINE, 0)).toMatch(/no member/);
  });

  it("accepts the edges of the valid range: 0/1 (quorum only), 1/12, 1/1, 2/2, 2/3", () => {
    const edges: Fraction[] = [
      { numerator: 1, denominator: 12 },
      { numerator: 1, denominator: 1 },
      { numerator: 2, denominator: 2 },
      { numerator: 2, denominator: 3 },
    ];
    for (const fraction of edges) {
      expect(problemIn(majority(fraction), DEADLINE, 5)).toBeUndefined();
      expect(problemIn(majority(half, fraction), DEADLINE, 5)).toBeUndefined();
    }
    expect(problemIn(majority({ numerator: 0, denominator: 1 }), DEADLINE, 5)).toBeUndefined();
  });

  it("refuses a threshold of 0, which would adopt a proposal nobody voted for", () => {
    for (const zero of [
      { numerator: 0, denominator: 1 },
      { numerator: 0, denominator: 5 },
    ]) {
      expect(problemIn(majority(half, zero), DEADLINE, 5)).toMatch(
        /threshold must be more than 0, got 0\/\d: nobody would need to vote/,
      );
    }
  });

  it("refuses fractions outside 0/1 … 1/1 and non-integer terms, for quorum and threshold", () => {
    const bad: Fraction[] = [
      { numerator: 3, denominator: 2 },
      { numerator: -1, denominator: 2 },
      { numerator: 0, denominator: 0 },
      { numerator: 1, denominator: -2 },
      { numerator: 0.5, denominator: 1 },
      { numerator: 1, denominator: 2.5 },
      { numerator: Number.NaN, denominator: 1 },
    ];
    for (const fraction of bad) {
      expect(problemIn(majority(fraction), DEADLINE, 5)).toMatch(/quorum/);
      expect(problemIn(majority(half, fraction), DEADLINE, 5)).toMatch(/threshold/);
    }
  });

  it("accepts every fraction n/d with integers 0 ≤ n ≤ d, d ≥ 1 (0 < n for a threshold), and refuses every other integer pair", () => {
    // Half the pairs sit on or next to an edge of the valid range: n = d, n = d + 1, n = 0, n = -1.
    const term = fc.integer({ min: -20, max: 20 });
    const nearEdge = fc
      .tuple(term, fc.constantFrom(0, 1))
      .chain(([denominator, shift]) =>
        fc.constantFrom(denominator + shift, -shift).map((numerator) => ({ numerator, denominator })),
      );
    const pair = fc.oneof(fc.record({ numerator: term, denominator: term }), nearEdge);
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 40 }), (fraction, members) => {
        const valid =
          fraction.denominator >= 1 && fraction.numerator >= 0 && fraction.numerator <= fraction.denominator;
        const asQuorum = problemIn(majority(fraction), DEADLINE, members);
        const asThreshold = problemIn(majority(half, fraction), DEADLINE, members);
        if (valid) expect(asQuorum).toBeUndefined();
        else expect(asQuorum).toMatch(/quorum/);
        // A threshold must also be above 0.
        if (valid && fraction.numerator > 0) expect(asThreshold).toBeUndefined();
        else expect(asThreshold).toMatch(/threshold/);
      }),
    );
  });
});
