import { describe, expect, it } from "vitest";
import { decide, type Procedure } from "../domain/procedures.ts";
import { explainOutcome, type OutcomeFacts } from "./outcome-explanation.ts";

const deadline = new Date("2026-03-01T12:00:00Z");
const members = ["CAN", "FRA", "NOR"];

/** A proposal decided as the service decides it: by `decide`, its English recorded. */
function decided(procedure: Procedure, casts: Array<[string, "concur" | "object" | "abstain"]>): OutcomeFacts {
  const positions = casts.map(([state, position], index) => ({
    round: 1,
    state,
    position,
    castAt: new Date(deadline.getTime() - (index + 1) * 60_000).toISOString(),
  }));
  const at = new Date(deadline.getTime() + 1000);
  const decision = decide(
    {
      procedure,
      members,
      deadline,
      history: positions.map((cast) => ({ ...cast, at: new Date(cast.castAt) })),
    },
    at,
  );
  if (!decision) throw new Error("the rules should decide this round");
  return {
    proposal: {
      status: decision.outcome,
      outcomeRule: decision.rule,
      outcomeExplanation: decision.explanation,
      reconstructed: false,
      decidedAt: at.toISOString(),
      procedure,
    },
    rounds: [{ number: 1, deadline }],
    members,
    positions,
  };
}

describe("an outcome's explanation", () => {
  it("is given in the reader's language when the rules still say what was recorded", () => {
    const facts = decided({ kind: "silence" }, [["FRA", "object"]]);
    expect(explainOutcome(facts, "en")).toEqual({
      text: "Silence was broken before the deadline by FRA.",
      lang: "en",
    });
    expect(explainOutcome(facts, "es")).toEqual({
      text: "FRA rompió/rompieron el silencio antes del plazo.",
      lang: "es",
    });
    expect(explainOutcome(facts, "fr")).toEqual({ text: "Le silence a été rompu avant le délai par FRA.", lang: "fr" });
  });

  it("counts a majority in the reader's words", () => {
    const majority: Procedure = {
      kind: "majority",
      threshold: { numerator: 2, denominator: 3 },
      base: "present-and-voting",
      quorum: { numerator: 1, denominator: 2 },
      abstentions: "excluded",
    };
    const facts = decided(majority, [
      ["CAN", "concur"],
      ["FRA", "concur"],
      ["NOR", "object"],
    ]);
    expect(explainOutcome(facts, "pt")?.text).toBe(
      "Adotada com pelo menos 2/3 dos presentes e votantes (2 a favor, 1 contra, 0 abstenções, de 3 membros).",
    );
  });

  it("stays as recorded, in English, when the record says more than the rules (or something else)", () => {
    const facts = decided({ kind: "silence" }, []);
    const withProblem = `${facts.proposal.outcomeExplanation} The registry was not changed: NOR is already a partner.`;
    expect(
      explainOutcome({ ...facts, proposal: { ...facts.proposal, outcomeExplanation: withProblem } }, "es"),
    ).toEqual({ text: withProblem, lang: "en" });
    const reconstructed = { ...facts, proposal: { ...facts.proposal, reconstructed: true } };
    expect(explainOutcome(reconstructed, "fr")?.lang).toBe("en");
  });

  it("is a chair's reason as typed, in no language Concord claims", () => {
    const facts = decided({ kind: "consensus" }, [["FRA", "object"]]);
    const closed = {
      ...facts,
      proposal: {
        ...facts.proposal,
        outcomeRule: "chair.closed-without-consensus",
        outcomeExplanation: "Sin acuerdo.",
      },
    };
    expect(explainOutcome(closed, "fr")).toEqual({ text: "Sin acuerdo.", lang: null });
  });
});
