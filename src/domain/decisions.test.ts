import { describe, expect, it } from "vitest";
import {
  noticeEffectiveOn,
  noticeStage,
  noticeStatus,
  positionNeedsStatement,
  PROPOSAL_STATUSES,
} from "./decisions.ts";
import { POSITION_KINDS } from "./procedures.ts";

describe("positionNeedsStatement", () => {
  it("asks for a statement to object, to propose an amendment and to record a reservation, and for nothing else", () => {
    expect(POSITION_KINDS.filter(positionNeedsStatement)).toEqual(["concur-with-reservation", "object", "amend"]);
  });
});

describe("proposal statuses", () => {
  it("are open, then one of the outcomes", () => {
    expect(PROPOSAL_STATUSES).toEqual(["open", "adopted", "not-adopted", "withdrawn"]);
  });
});

describe("noticeStatus", () => {
  it("is pending until applied; withdrawn wins over both", () => {
    expect(noticeStatus({ appliedAt: null, withdrawnAt: null })).toBe("pending");
    expect(noticeStatus({ appliedAt: new Date(), withdrawnAt: null })).toBe("applied");
    expect(noticeStatus({ appliedAt: null, withdrawnAt: "2025-01-01T00:00:00Z" })).toBe("withdrawn");
  });
});

describe("noticeStage", () => {
  it("awaits acknowledgement, is acknowledged, then in effect; withdrawn wins over all", () => {
    const at = "2025-01-01T00:00:00Z";
    expect(noticeStage({ appliedAt: null, withdrawnAt: null, acknowledgedAt: null })).toBe("awaiting-acknowledgement");
    expect(noticeStage({ appliedAt: null, withdrawnAt: null, acknowledgedAt: at })).toBe("acknowledged");
    // A notice takes effect from notification: unacknowledged or not.
    expect(noticeStage({ appliedAt: at, withdrawnAt: null, acknowledgedAt: null })).toBe("in-effect");
    expect(noticeStage({ appliedAt: null, withdrawnAt: at, acknowledgedAt: at })).toBe("withdrawn");
  });
});

describe("noticeEffectiveOn", () => {
  const periods = { withdrawalNoticeMonths: 6, suspensionNoticeMonths: 0 };
  it("adds the organisation's months of notice for the kind, or none", () => {
    expect(noticeEffectiveOn("withdrawal", "2024-03-15", periods)).toBe("2024-09-15");
    expect(noticeEffectiveOn("suspension", "2024-03-15", periods)).toBe("2024-03-15");
    expect(noticeEffectiveOn("withdrawal", "2024-03-15", undefined)).toBe("2024-03-15");
  });
  it("ends on the last day of a shorter month", () => {
    expect(noticeEffectiveOn("withdrawal", "2024-08-31", periods)).toBe("2025-02-28");
    expect(noticeEffectiveOn("withdrawal", "2023-08-31", { ...periods, withdrawalNoticeMonths: 12 })).toBe(
      "2024-08-31",
    );
  });
});
