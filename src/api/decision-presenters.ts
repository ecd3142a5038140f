/** What leaves the server about bodies, proposals and notices; shared by the API and the CLI. */
import type { z } from "@hono/zod-openapi";
import type { BodyRow, ProposalRow, ProposalSummaryRow } from "../db/repositories/decisions.ts";
import { noticeStage, noticeStatus } from "../domain/decisions.ts";
import type { Language } from "../domain/languages.ts";
import { BREAKS_SILENCE, currentPositions } from "../domain/procedures.ts";
import type { ProposalDetail } from "../services/decisions/decisions.ts";
import type { StatusNoticeRow } from "../services/decisions/status-notices.ts";
import { present } from "../services/errors.ts";
import type { WebhookRow } from "../services/webhooks.ts";
import type {
  Body,
  DelegationNotice,
  Outcome,
  PendingNotice,
  Proposal,
  ProposalSummary,
  StatusNotice,
  Webhook,
} from "./schemas.ts";
import type { NoticeRow } from "../db/repositories/decisions.ts";
import { chairLabel } from "../domain/messages/index.ts";
import { type Explained, explainOutcome } from "./outcome-explanation.ts";

const iso = (value: Date | string | null): string | null => (value === null ? null : instant(value));
/** A time the row always has (a NOT NULL column). */
const instant = (value: Date | string): string => new Date(value).toISOString();

export function presentBody(body: BodyRow, lang: Language): z.infer<typeof Body> {
  return {
    id: body.id,
    actor: body.actorCode,
    actorType: body.actorType,
    name: body.names[lang],
    chair: chairLabel(body.chair, lang),
    defaultProcedure: body.defaultProcedure,
    note: body.note,
  };
}

function presentOutcome(proposal: ProposalRow, explained: Explained | null): z.infer<typeof Outcome> | null {
  if (proposal.status === "open") return null;
  return {
    status: proposal.status,
    rule: present(proposal.outcomeRule, `the outcome rule of decided proposal ${proposal.id}`),
    explanation: present(explained, `the explanation of decided proposal ${proposal.id}`).text,
    explanationLang: explained?.lang ?? null,
    decidedAt: iso(proposal.decidedAt),
    decidedOn: proposal.decidedOn,
    decidedOnPrecision: proposal.decidedOnPrecision,
    decidedBy: proposal.decidedBy,
    relationId: proposal.effectRelationId,
    sourceId: proposal.decisionSourceId,
  };
}

function summaryFields(proposal: ProposalRow, body: { id: string; name: string; actor: string }) {
  return {
    id: proposal.id,
    body,
    title: proposal.title,
    procedure: proposal.procedure,
    purpose: proposal.purpose,
    concerns: proposal.concernsState,
    status: proposal.status,
    openedAt: instant(proposal.openedAt),
    decidedAt: iso(proposal.decidedAt),
    decidedOn: proposal.decidedOn,
    decidedOnPrecision: proposal.decidedOnPrecision,
    reconstructed: proposal.reconstructed,
  };
}

export function presentProposalSummary(
  row: ProposalSummaryRow,
  bodies: Map<string, BodyRow>,
  lang: Language,
): z.infer<typeof ProposalSummary> {
  const body = present(bodies.get(row.bodyId), `body ${row.bodyId} of proposal ${row.id}`);
  return {
    ...summaryFields(row, { id: body.id, name: body.names[lang], actor: body.actorCode }),
    round: row.round,
    deadline: iso(row.deadline),
    members: row.memberCount,
    positionsTaken: row.positionCount,
    needsPosition: row.needsPosition,
    silenceBrokenBy: row.silenceBrokenBy,
  };
}

export function presentProposal(detail: ProposalDetail, lang: Language): z.infer<typeof Proposal> {
  const { proposal, body, rounds, members, positions } = detail;
  const current = present(rounds.at(-1), `the current round of proposal ${proposal.id}`);
  const deadline = current.deadline === null ? null : new Date(current.deadline);
  const inRound = positions.filter((cast) => cast.round === current.number);
  const latest = new Map(inRound.map((cast) => [cast.state, cast]));
  const counted = currentPositions(
    inRound.map((cast) => ({ state: cast.state, position: cast.position, at: new Date(cast.castAt) })),
    deadline,
  );
  const breakers = new Set(
    proposal.procedure.kind === "silence"
      ? inRound
          .filter(
            (cast) => BREAKS_SILENCE.has(cast.position) && (deadline === null || new Date(cast.castAt) < deadline),
          )
          .map((cast) => cast.state)
      : [],
  );
  return {
    ...summaryFields(proposal, { id: body.id, name: body.names[lang], actor: body.actorCode }),
    round: current.number,
    deadline: iso(current.deadline),
    members: members.length,
    positionsTaken: counted.size,
    needsPosition: detail.abilities.speakFor !== null && !latest.has(detail.abilities.speakFor),
    silenceBrokenBy: [...breakers].sort(),
    chair: chairLabel(proposal.chair, lang),
    text: current.text,
    rounds: rounds.map((round) => ({
      number: round.number,
      text: round.text,
      openedAt: instant(round.openedAt),
      deadline: iso(round.deadline),
      extensions: round.extensions,
    })),
    grid: members.map((state) => {
      const cast = latest.get(state);
      return {
        state,
        name: detail.names.get(state)?.[lang] ?? state,
        position: cast?.position ?? null,
        statement: cast?.statement ?? null,
        castAt: iso(cast?.castAt ?? null),
        brokeSilence: breakers.has(state),
      };
    }),
    positions: positions.map((cast) => ({
      id: cast.id,
      round: cast.round,
      state: cast.state,
      position: cast.position,
      statement: cast.statement,
      castBy: cast.castBy,
      castAt: instant(cast.castAt),
    })),
    outcome: presentOutcome(proposal, explainOutcome(detail, lang)),
    effect: proposal.effect,
    attachments: detail.attachments.map((attachment) => ({
      id: attachment.id,
      name: attachment.name,
      mediaType: attachment.mediaType,
      size: attachment.size,
      addedAt: instant(attachment.addedAt),
      document: attachment.documentId,
    })),
    noticesIssued: detail.notices.reduce((sum, notice) => sum + notice.recipients.length, 0),
    now: detail.now.toISOString(),
    abilities: detail.abilities,
  };
}

/** A notice as its recipient `state` reads it. */
export function presentDelegationNotice(notice: NoticeRow & { state: string }): z.infer<typeof DelegationNotice> {
  return {
    id: notice.id,
    proposalId: notice.proposalId,
    state: notice.state,
    kind: notice.kind,
    message: notice.message,
    issuedAt: instant(notice.issuedAt),
  };
}

/** What a notice is, in both its shapes (`StatusNotice` and the public `PendingNotice`). */
function noticeFacts(notice: StatusNoticeRow) {
  return {
    id: notice.id,
    kind: notice.kind,
    state: notice.state,
    organization: notice.organization,
    relationId: notice.relationId,
    filedOn: notice.filedOn,
    effectiveOn: notice.effectiveOn,
    sourceId: notice.sourceId,
  };
}

export function presentStatusNotice(
  notice: StatusNoticeRow & { abilities?: { acknowledge: boolean; withdraw: boolean } },
): z.infer<typeof StatusNotice> {
  const { abilities } = notice;
  return {
    ...noticeFacts(notice),
    applied: notice.appliedAt !== null,
    statement: notice.statement,
    status: noticeStatus(notice),
    withdrawnAt: notice.withdrawnAt === null ? null : new Date(notice.withdrawnAt).toISOString(),
    withdrawalStatement: notice.withdrawalStatement,
    acknowledgedAt: notice.acknowledgedAt === null ? null : new Date(notice.acknowledgedAt).toISOString(),
    stage: noticeStage(notice),
    ...(abilities ? { abilities } : {}),
  };
}

/** A pending notice as the public registry shows it. */
export function presentPendingNotice(notice: StatusNoticeRow): z.infer<typeof PendingNotice> {
  return {
    ...noticeFacts(notice),
    acknowledged: notice.acknowledgedAt !== null,
  };
}

export function presentWebhook(webhook: WebhookRow): z.infer<typeof Webhook> {
  const last = webhook.lastDelivery;
  return {
    id: webhook.id,
    organization: webhook.organization,
    url: webhook.url,
    events: webhook.events,
    createdAt: instant(webhook.createdAt),
    disabled: webhook.disabledAt !== null,
    lastDelivery: last ? { ...last, deliveredAt: iso(last.deliveredAt) } : null,
  };
}
