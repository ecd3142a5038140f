import { describe, expect, it } from "vitest";
import {
  byDeadline,
  positionConfirmation,
  shownStatus,
  silenceBreak,
  silenceMeansAgreement,
} from "./proposal-states.ts";
import type { PositionKind, Proposal } from "./types.ts";

type Cast = { round?: number; state: string; position: PositionKind; statement?: string; at: string };

/** A proposal as the API gives it, with only what these rules read. */
function proposal(options: {
  kind?: Proposal["procedure"]["kind"];
  status?: Proposal["status"];
  round?: number;
  deadline?: string | null;
  members?: string[];
  casts?: Cast[];
}): Proposal {
  const members = options.members ?? ["DEU", "FRA", "ITA"];
  const names: Record<string, string> = { DEU: "Germany", FRA: "France", ITA: "Italy" };
  return {
    procedure: { kind: options.kind ?? "silence" },
    status: options.status ?? "open",
    round: options.round ?? 1,
    deadline: options.deadline === undefined ? "2026-12-10T12:00:00.000Z" : options.deadline,
    reconstructed: false,
    outcome: null,
    grid: members.map((state) => ({
      state,
      name: names[state] ?? state,
      position: null,
      statement: null,
      castAt: null,
      brokeSilence: false,
    })),
    positions: (options.casts ?? []).map((cast, index) => ({
      id: index + 1,
      round: cast.round ?? 1,
      state: cast.state,
      position: cast.position,
      statement: cast.statement ?? null,
      castBy: "someone",
      castAt: cast.at,
    })),
  } as unknown as Proposal;
}

describe("silenceBreak", () => {
  it("names the first member to object or amend before the deadline, when, and in what words", () => {
    const broken = silenceBreak(
      proposal({
        casts: [
          { state: "FRA", position: "concur", at: "2026-12-06T09:00:00.000Z" },
          { state: "DEU", position: "amend", statement: "Replace goal 4.", at: "2026-12-06T10:00:00.000Z" },
          { state: "ITA", position: "object", statement: "No.", at: "2026-12-07T10:00:00.000Z" },
          { state: "DEU", position: "object", statement: "Still no.", at: "2026-12-08T10:00:00.000Z" },
        ],
      }),
    );
    expect(broken).toEqual({
      state: "DEU",
      name: "Germany",
      at: "2026-12-06T10:00:00.000Z",
      position: "amend",
      statement: "Replace goal 4.",
      others: ["Italy"],
    });
  });

  it("stands when the breaker concurs afterwards, as the rules count it", () => {
    const broken = silenceBreak(
      proposal({
        casts: [
          { state: "DEU", position: "object", statement: "No.", at: "2026-12-06T10:00:00.000Z" },
          { state: "DEU", position: "concur", at: "2026-12-07T10:00:00.000Z" },
        ],
      }),
    );
    expect(broken?.state).toBe("DEU");
  });

  it("is null while silence holds, for a concurrence or a reservation, and for a position at or after the deadline", () => {
    expect(silenceBreak(proposal({}))).toBeNull();
    expect(
      silenceBreak(
        proposal({
          casts: [
            { state: "FRA", position: "concur", at: "2026-12-06T09:00:00.000Z" },
            { state: "ITA", position: "concur-with-reservation", statement: "r", at: "2026-12-06T09:00:00.000Z" },
            { state: "DEU", position: "object", statement: "late", at: "2026-12-10T12:00:00.000Z" },
          ],
        }),
      ),
    ).toBeNull();
  });

  it("looks at the current round only: a recirculated text starts silence afresh", () => {
    const casts: Cast[] = [
      { round: 1, state: "DEU", position: "amend", statement: "x", at: "2026-12-06T10:00:00.000Z" },
    ];
    expect(silenceBreak(proposal({ round: 2, casts }))).toBeNull();
    expect(silenceBreak(proposal({ round: 1, casts }))?.state).toBe("DEU");
  });

  it("is null under another procedure, and for a withdrawn proposal (the withdrawal is what happened)", () => {
    const casts: Cast[] = [{ state: "DEU", position: "object", statement: "x", at: "2026-12-06T10:00:00.000Z" }];
    expect(silenceBreak(proposal({ kind: "consensus", casts }))).toBeNull();
    expect(silenceBreak(proposal({ status: "withdrawn", casts }))).toBeNull();
    expect(silenceBreak(proposal({ status: "not-adopted", casts }))?.state).toBe("DEU");
  });

  it("ignores a position from a state that is not a member", () => {
    const casts: Cast[] = [{ state: "USA", position: "object", statement: "x", at: "2026-12-06T10:00:00.000Z" }];
    expect(silenceBreak(proposal({ casts }))).toBeNull();
  });
});

describe("shownStatus and silenceMeansAgreement", () => {
  const broken: Cast[] = [{ state: "DEU", position: "object", statement: "x", at: "2026-12-06T10:00:00.000Z" }];

  it("says an open proposal's silence was broken rather than that it is open", () => {
    expect(shownStatus(proposal({ casts: broken }))).toBe("silence-broken");
    expect(shownStatus(proposal({}))).toBe("open");
    expect(shownStatus(proposal({ status: "not-adopted", casts: broken }))).toBe("not-adopted");
    expect(shownStatus(proposal({ kind: "consensus", casts: broken }))).toBe("open");
  });

  it("counts silence as agreement under a silence procedure, open or decided, but not once withdrawn", () => {
    expect(silenceMeansAgreement({ procedure: { kind: "silence" }, status: "open" })).toBe(true);
    expect(silenceMeansAgreement({ procedure: { kind: "silence" }, status: "adopted" })).toBe(true);
    expect(silenceMeansAgreement({ procedure: { kind: "silence" }, status: "not-adopted" })).toBe(true);
    expect(silenceMeansAgreement({ procedure: { kind: "silence" }, status: "withdrawn" })).toBe(false);
    expect(silenceMeansAgreement({ procedure: { kind: "consensus" }, status: "open" })).toBe(false);
  });
});

describe("positionConfirmation", () => {
  it("asks before breaking silence, and before a unilateral decision, and only then", () => {
    expect(positionConfirmation("silence", "object")).toBe("break-silence");
    expect(positionConfirmation("silence", "amend")).toBe("break-silence");
    expect(positionConfirmation("silence", "concur")).toBeNull();
    expect(positionConfirmation("silence", "concur-with-reservation")).toBeNull();
    expect(positionConfirmation("unilateral", "concur")).toBe("adopt");
    expect(positionConfirmation("unilateral", "object")).toBe("decline");
    expect(positionConfirmation("consensus", "object")).toBeNull();
    expect(positionConfirmation("majority", "object")).toBeNull();
  });
});

describe("byDeadline", () => {
  it("puts the nearest deadline first and those without one last, newest first among equals", () => {
    const sorted = byDeadline([
      { id: 1, deadline: null },
      { id: 2, deadline: "2026-12-20T10:00:00.000Z" },
      { id: 3, deadline: "2026-12-08T10:00:00.000Z" },
      { id: 4, deadline: null },
      { id: 5, deadline: "2026-12-08T10:00:00.000Z" },
    ]);
    expect(sorted.map((p) => p.id)).toEqual([5, 3, 2, 4, 1]);
  });

  it("leaves the list it was given alone", () => {
    const list = [
      { id: 1, deadline: "2026-12-20T10:00:00.000Z" },
      { id: 2, deadline: "2026-12-08T10:00:00.000Z" },
    ];
    byDeadline(list);
    expect(list.map((p) => p.id)).toEqual([1, 2]);
  });
});
