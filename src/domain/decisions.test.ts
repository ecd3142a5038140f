import { describe, expect, it } from "vitest";
import { noticeStatus, positionNeedsStatement, PROPOSAL_STATUSES } from "./decisions.ts";
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
