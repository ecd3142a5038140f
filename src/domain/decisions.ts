/**
 * The vocabulary of decisions around the procedures' rules (`procedures.ts`): what a proposal is
 * for, where it stands, what its adoption does to the registry, which positions must be stated
 * in writing, and the notices a state gives. The database enumerates the statuses and purposes
 * too (migration 0008; `src/db/vocabulary.test.ts` checks they agree). Pure: the web app imports
 * this module too.
 */
import { addMonths } from "./dates.ts";
import type { PositionKind } from "./procedures.ts";
import type { RelationKind } from "./registry.ts";

/** How a proposal ended. */
export const OUTCOME_STATUSES = ["adopted", "not-adopted", "withdrawn"] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** Where a proposal stands: open, or how it ended. */
export const PROPOSAL_STATUSES = ["open", ...OUTCOME_STATUSES] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * How a proposal is closed by hand, without adoption: not adopted (the chair, when consensus
 * was not reached) or withdrawn (the chair, or the state that requested it).
 */
export const CLOSE_STATUSES = ["not-adopted", "withdrawn"] as const satisfies readonly OutcomeStatus[];
export type CloseStatus = (typeof CLOSE_STATUSES)[number];

/**
 * What a proposal is for: a body's general business, a state's request for a status, or a
 * designation and its revocation (decided by the designating state alone).
 */
export const PROPOSAL_PURPOSES = ["general", "request", "designation", "revocation", "programme"] as const;
export type ProposalPurpose = (typeof PROPOSAL_PURPOSES)[number];

/** The statuses a state may request in an organisation. A partnership names its framework. */
export const REQUESTABLE_KINDS = [
  "member",
  "partner",
  "observer",
  "associate",
] as const satisfies readonly RelationKind[];
export type RequestableKind = (typeof REQUESTABLE_KINDS)[number];

/** The relations an adopted proposal can start: a requested status, or a designation. */
export const EFFECT_KINDS = [...REQUESTABLE_KINDS, "designation"] as const satisfies readonly RelationKind[];
export type EffectKind = (typeof EFFECT_KINDS)[number];

/**
 * What adoption does: start a relation in the registry (today, citing the decision), end one, or
 * bring a cooperation programme's proposed version into force (citing the decision).
 */
export type Effect =
  | {
      action: "relation.start";
      subject: string;
      object: string;
      kind: EffectKind;
      framework?: string;
      designation?: string;
    }
  | { action: "relation.end"; relationId: number }
  | { action: "programme.agree"; programmeId: number; version: number };

/** The positions that must be stated in writing: an objection, a proposed amendment, a reservation. */
export const POSITIONS_NEEDING_STATEMENT = [
  "object",
  "amend",
  "concur-with-reservation",
] as const satisfies readonly PositionKind[];

export function positionNeedsStatement(position: PositionKind): boolean {
  return (POSITIONS_NEEDING_STATEMENT as readonly PositionKind[]).includes(position);
}

/** What Concord tells each member delegation about a proposal: its outcome, or that its deadline nears. */
export const DELEGATION_NOTICE_KINDS = ["outcome", "reminder"] as const;
export type DelegationNoticeKind = (typeof DELEGATION_NOTICE_KINDS)[number];

/** The notices a state gives an organisation, applied on their effective date. */
export const NOTICE_KINDS = ["suspension", "withdrawal"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Where a notice stands: pending until its effective date, then applied; or withdrawn before it by the state that gave it. */
export const NOTICE_STATUSES = ["pending", "applied", "withdrawn"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export function noticeStatus(notice: {
  appliedAt: Date | string | null;
  withdrawnAt: Date | string | null;
}): NoticeStatus {
  return notice.withdrawnAt !== null ? "withdrawn" : notice.appliedAt !== null ? "applied" : "pending";
}

/**
 * Where a notice stands as its readers meet it: notified and awaiting the depositary's (the
 * secretariat's) acknowledgement, acknowledged, withdrawn by the state that gave it, or in
 * effect. A notice takes effect from notification (on its effective date), acknowledged or not:
 * the acknowledgement is the depositary's record, not a condition.
 */
export const NOTICE_STAGES = ["awaiting-acknowledgement", "acknowledged", "withdrawn", "in-effect"] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

export function noticeStage(notice: {
  appliedAt: Date | string | null;
  withdrawnAt: Date | string | null;
  acknowledgedAt: Date | string | null;
}): NoticeStage {
  if (notice.withdrawnAt !== null) return "withdrawn";
  if (notice.appliedAt !== null) return "in-effect";
  return notice.acknowledgedAt !== null ? "acknowledged" : "awaiting-acknowledgement";
}

/** A notice's statement: required (a state says in writing what it gives notice of), at most this long. */
export const NOTICE_STATEMENT_MAX = 20_000;

/** The months of notice an organisation's rules set for each kind (none unless they say). */
export type NoticePeriods = { withdrawalNoticeMonths: number; suspensionNoticeMonths: number };

/**
 * The day a notice filed on `filedOn` takes effect: the same day `months` later (the last day of a
 * shorter month), or at once when the rules set no period.
 */
export function noticeEffectiveOn(kind: NoticeKind, filedOn: string, periods: NoticePeriods | undefined): string {
  return addMonths(filedOn, noticeMonths(kind, periods));
}

/** How many months' notice the rules set for `kind`. */
export function noticeMonths(kind: NoticeKind, periods: NoticePeriods | undefined): number {
  return kind === "withdrawal" ? (periods?.withdrawalNoticeMonths ?? 0) : (periods?.suspensionNoticeMonths ?? 0);
}
