/**
 * SQL for decisions (migration 0008): bodies, proposals, members, rounds, positions, notices.
 * Nothing here decides anything; the service does, with the rules in src/domain/procedures.ts.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import type { Procedure, PositionKind } from "../../domain/procedures.ts";

type Executor = Pick<Database, "execute">;

export type BodyRow = {
  id: string;
  actorCode: string;
  actorType: "state" | "organization";
  /** The organisation whose part of Concord the body belongs to (for an organisation's body, itself). */
  organization: string;
  names: Record<"en" | "es" | "pt" | "fr", string>;
  chair: string;
  defaultProcedure: Procedure;
  note: string | null;
};

export type ProposalStatus = "open" | "adopted" | "not-adopted" | "withdrawn";
export type ProposalPurpose = "general" | "request" | "designation" | "revocation";

/** What adoption does to the registry. */
export type Effect =
  | {
      action: "relation.start";
      subject: string;
      object: string;
      kind: "member" | "partner" | "observer" | "associate" | "designation";
      framework?: string;
      designation?: string;
    }
  | { action: "relation.end"; relationId: number };

export type ProposalRow = {
  id: number;
  bodyId: string;
  title: string;
  procedure: Procedure;
  chair: string;
  purpose: ProposalPurpose;
  effect: Effect | null;
  concernsState: string | null;
  openedAt: Date;
  openedBy: string;
  status: ProposalStatus;
  decidedAt: Date | null;
  decidedOn: string | null;
  decidedOnPrecision: "day" | "month" | "year" | null;
  outcomeRule: string | null;
  outcomeExplanation: string | null;
  decidedBy: string | null;
  effectRelationId: number | null;
  decisionSourceId: string | null;
  reconstructed: boolean;
};

export type RoundRow = {
  proposalId: number;
  number: number;
  text: string;
  openedAt: Date;
  deadline: Date | null;
  extensions: Array<{ from: string; to: string; at: string; by: string }>;
};

export type PositionRow = {
  id: number;
  proposalId: number;
  round: number;
  state: string;
  position: PositionKind;
  statement: string | null;
  castBy: string;
  castAt: Date;
};

export type NoticeRow = {
  id: number;
  proposalId: number;
  /** The delegations (states) it went to. */
  recipients: string[];
  kind: "outcome" | "reminder";
  message: Record<string, unknown>;
  issuedAt: Date;
};

const proposalColumns = sql`
  p.id::int AS id, p.body_id AS "bodyId", p.title, p.procedure, p.chair, p.purpose, p.effect,
  p.concerns_state AS "concernsState", p.opened_at AS "openedAt", p.opened_by AS "openedBy", p.status,
  p.decided_at AS "decidedAt", p.decided_on AS "decidedOn", p.decided_on_precision AS "decidedOnPrecision",
  p.outcome_rule AS "outcomeRule", p.outcome_explanation AS "outcomeExplanation", p.decided_by AS "decidedBy",
  p.effect_relation_id::int AS "effectRelationId", p.decision_source_id AS "decisionSourceId", p.reconstructed`;

const bodyColumns = sql`
  b.id, b.actor_code AS "actorCode", a.type AS "actorType", b.organization_code AS organization,
  jsonb_build_object('en', b.name_en, 'es', b.name_es, 'pt', b.name_pt, 'fr', b.name_fr) AS names, b.chair,
  b.default_procedure AS "defaultProcedure", b.note`;

export async function listBodies(db: Executor): Promise<BodyRow[]> {
  return (
    await db.execute(
      sql`SELECT ${bodyColumns} FROM bodies b JOIN actors a ON a.code = b.actor_code ORDER BY b.actor_code, b.id`,
    )
  ).rows as BodyRow[];
}

export async function findBody(db: Executor, id: string): Promise<BodyRow | undefined> {
  return (
    await db.execute(sql`SELECT ${bodyColumns} FROM bodies b JOIN actors a ON a.code = b.actor_code WHERE b.id = ${id}`)
  ).rows[0] as BodyRow | undefined;
}

export type OrganizationRules = {
  organizationCode: string;
  requestBodyId: string | null;
  withdrawalNoticeMonths: number;
  suspensionNoticeMonths: number;
};

export async function findOrganizationRules(
  db: Executor,
  organization: string,
): Promise<OrganizationRules | undefined> {
  return (
    await db.execute(sql`
      SELECT organization_code AS "organizationCode", request_body_id AS "requestBodyId",
             withdrawal_notice_months AS "withdrawalNoticeMonths", suspension_notice_months AS "suspensionNoticeMonths"
      FROM organization_rules WHERE organization_code = ${organization}`)
  ).rows[0] as OrganizationRules | undefined;
}

/** The member states of an organisation on a day, from the registry, less suspended ones (a state body: itself). */
export async function memberStatesOn(db: Executor, body: BodyRow, day: string): Promise<string[]> {
  if (body.actorType === "state") return [body.actorCode];
  const rows = (
    await db.execute(sql`
      SELECT DISTINCT r.subject_code AS code FROM relations r JOIN actors a ON a.code = r.subject_code
      WHERE r.object_code = ${body.actorCode} AND r.kind = 'member' AND r.valid @> ${day}::date AND a.type = 'state'
        -- Only what the organisation's own process recorded, or Concord's own data: never another organisation's or a curator's.
        AND (r.recorded_by IS NULL OR r.recorded_by = ${body.organization})
        -- A state whose participation is suspended does not take part in decisions.
        AND NOT EXISTS (SELECT 1 FROM relations s WHERE s.subject_code = r.subject_code AND s.object_code = r.object_code
                          AND s.kind = 'suspended' AND s.valid @> ${day}::date
                          AND (s.recorded_by IS NULL OR s.recorded_by = ${body.organization}))
      ORDER BY 1`)
  ).rows as Array<{ code: string }>;
  return rows.map((row) => row.code);
}

export type NewProposal = {
  bodyId: string;
  title: string;
  procedure: Procedure;
  chair: string;
  purpose: ProposalPurpose;
  effect: Effect | null;
  concernsState: string | null;
  openedBy: string;
  members: string[];
  text: string;
  deadline: Date | null;
};

export async function insertProposal(tx: Executor, proposal: NewProposal): Promise<number> {
  const id = Number(
    (
      (
        await tx.execute(sql`
          INSERT INTO proposals (body_id, title, procedure, chair, purpose, effect, concerns_state, opened_by)
          VALUES (${proposal.bodyId}, ${proposal.title}, ${JSON.stringify(proposal.procedure)}::jsonb, ${proposal.chair},
                  ${proposal.purpose}, ${proposal.effect === null ? null : JSON.stringify(proposal.effect)}::jsonb,
                  ${proposal.concernsState}, ${proposal.openedBy})
          RETURNING id`)
      ).rows[0] as { id: string }
    ).id,
  );
  await tx.execute(sql`
    INSERT INTO proposal_members (proposal_id, state_code)
    SELECT ${id}, code FROM unnest(${sql.param(proposal.members)}::text[]) AS code`);
  await insertRound(tx, id, 1, proposal.text, proposal.deadline);
  return id;
}

export async function insertRound(
  tx: Executor,
  proposalId: number,
  number: number,
  text: string,
  deadline: Date | null,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO proposal_rounds (proposal_id, number, text, deadline)
    VALUES (${proposalId}, ${number}, ${text}, ${deadline?.toISOString() ?? null}::timestamptz)`);
}

export async function findProposal(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<ProposalRow | undefined> {
  const lock = options.lock ? sql`FOR UPDATE` : sql``;
  return (await db.execute(sql`SELECT ${proposalColumns} FROM proposals p WHERE p.id = ${id} ${lock}`)).rows[0] as
    | ProposalRow
    | undefined;
}

/** Several proposals, in id order (the order their locks are taken in, everywhere, so two batches never deadlock). */
export async function findProposals(
  db: Executor,
  ids: readonly number[],
  options: { lock?: boolean } = {},
): Promise<ProposalRow[]> {
  const lock = options.lock ? sql`FOR UPDATE` : sql``;
  return (
    await db.execute(
      sql`SELECT ${proposalColumns} FROM proposals p WHERE p.id = ANY (${sql.param([...ids])}::bigint[]) ORDER BY p.id ${lock}`,
    )
  ).rows as ProposalRow[];
}

export async function proposalMembers(db: Executor, id: number): Promise<string[]> {
  return (await membersOf(db, [id])).get(id) ?? [];
}

/** The member states of each proposal, in code order. */
export async function membersOf(db: Executor, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = (
    await db.execute(sql`
      SELECT proposal_id::int AS "proposalId", array_agg(state_code ORDER BY state_code) AS codes
      FROM proposal_members WHERE proposal_id = ANY (${sql.param([...ids])}::bigint[]) GROUP BY proposal_id`)
  ).rows as Array<{ proposalId: number; codes: string[] }>;
  return new Map(rows.map((row) => [row.proposalId, row.codes]));
}

/** Each proposal's latest round, with the positions taken in it (in the order they were taken). */
export async function currentRounds(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { round: RoundRow; positions: PositionRow[] }>> {
  const rows = (
    await db.execute(sql`
      SELECT r.proposal_id::int AS "proposalId", r.number, r.text, r.opened_at AS "openedAt", r.deadline, r.extensions,
             coalesce((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'proposalId', c.proposal_id, 'round', c.round, 'state', c.state_code,
                                                           'position', c.position, 'statement', c.statement, 'castBy', c.cast_by, 'castAt', c.cast_at) ORDER BY c.id)
                       FROM positions c WHERE c.proposal_id = r.proposal_id AND c.round = r.number), '[]') AS positions
      FROM (SELECT DISTINCT ON (proposal_id) * FROM proposal_rounds
            WHERE proposal_id = ANY (${sql.param([...ids])}::bigint[]) ORDER BY proposal_id, number DESC) r`)
  ).rows as Array<RoundRow & { positions: Array<PositionRow & { castAt: string }> }>;
  return new Map(
    rows.map(({ positions, ...round }) => [
      round.proposalId,
      {
        round: { ...round, deadline: round.deadline === null ? null : new Date(round.deadline) },
        positions: positions.map((cast) => ({
          ...cast,
          id: Number(cast.id),
          proposalId: Number(cast.proposalId),
          castAt: new Date(cast.castAt),
        })),
      },
    ]),
  );
}

export async function proposalRounds(db: Executor, id: number): Promise<RoundRow[]> {
  return (
    await db.execute(sql`
      SELECT proposal_id::int AS "proposalId", number, text, opened_at AS "openedAt", deadline, extensions
      FROM proposal_rounds WHERE proposal_id = ${id} ORDER BY number`)
  ).rows as RoundRow[];
}

export async function proposalPositions(db: Executor, id: number): Promise<PositionRow[]> {
  return (
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", round, state_code AS state, position, statement,
             cast_by AS "castBy", cast_at AS "castAt"
      FROM positions WHERE proposal_id = ${id} ORDER BY id`)
  ).rows as PositionRow[];
}

export async function insertPosition(
  tx: Executor,
  position: {
    proposalId: number;
    round: number;
    state: string;
    position: PositionKind;
    statement: string | null;
    castBy: string;
  },
): Promise<PositionRow> {
  return (
    await tx.execute(sql`
      INSERT INTO positions (proposal_id, round, state_code, position, statement, cast_by)
      VALUES (${position.proposalId}, ${position.round}, ${position.state}, ${position.position}, ${position.statement}, ${position.castBy})
      RETURNING id::int AS id, proposal_id::int AS "proposalId", round, state_code AS state, position, statement,
                cast_by AS "castBy", cast_at AS "castAt"`)
  ).rows[0] as PositionRow;
}

export async function extendRoundDeadline(
  tx: Executor,
  proposalId: number,
  round: number,
  deadline: Date,
  extension: RoundRow["extensions"][number],
): Promise<void> {
  await tx.execute(sql`
    UPDATE proposal_rounds SET deadline = ${deadline.toISOString()}::timestamptz,
           extensions = extensions || ${JSON.stringify([extension])}::jsonb
    WHERE proposal_id = ${proposalId} AND number = ${round}`);
}

export type OutcomeToRecord = {
  id: number;
  status: Exclude<ProposalStatus, "open">;
  rule: string;
  explanation: string;
  decidedBy: string;
};

/** Closes each still-open proposal with its outcome, in one statement; returns the proposals as they are now. */
export async function recordOutcomes(tx: Executor, outcomes: readonly OutcomeToRecord[]): Promise<ProposalRow[]> {
  if (outcomes.length === 0) return [];
  const column = <K extends keyof OutcomeToRecord>(key: K) => sql.param(outcomes.map((outcome) => outcome[key]));
  return (
    await tx.execute(sql`
      UPDATE proposals p SET status = o.status::proposal_status, outcome_rule = o.rule, outcome_explanation = o.explanation,
             decided_by = o.decided_by, decided_at = clock_timestamp(),
             decided_on = (clock_timestamp() AT TIME ZONE 'UTC')::date, decided_on_precision = 'day'
      FROM unnest(${column("id")}::bigint[], ${column("status")}::text[], ${column("rule")}::text[],
                  ${column("explanation")}::text[], ${column("decidedBy")}::text[]) AS o(id, status, rule, explanation, decided_by)
      WHERE p.id = o.id AND p.status = 'open'
      RETURNING ${proposalColumns}`)
  ).rows as ProposalRow[];
}

export async function updateOutcomeExplanation(tx: Executor, id: number, explanation: string): Promise<void> {
  await tx.execute(sql`UPDATE proposals SET outcome_explanation = ${explanation} WHERE id = ${id}`);
}

export async function recordEffect(
  tx: Executor,
  id: number,
  effect: { relationId: number | null; sourceId: string | null },
): Promise<void> {
  await tx.execute(
    sql`UPDATE proposals SET effect_relation_id = ${effect.relationId}, decision_source_id = ${effect.sourceId} WHERE id = ${id}`,
  );
}

export type NoticeToIssue = {
  proposalId: number;
  kind: "outcome" | "reminder";
  recipients: string[];
  message: Record<string, unknown>;
};

/** Issues notices, one row each, however many delegations each goes to. */
export async function insertNotices(tx: Executor, notices: readonly NoticeToIssue[]): Promise<void> {
  const issued = notices.filter((notice) => notice.recipients.length > 0);
  if (issued.length === 0) return;
  await tx.execute(sql`
    INSERT INTO notices (proposal_id, kind, recipients, message)
    SELECT proposal_id, kind, ARRAY(SELECT jsonb_array_elements_text(recipients)), message
    FROM unnest(${sql.param(issued.map((notice) => notice.proposalId))}::bigint[], ${sql.param(issued.map((notice) => notice.kind))}::text[],
                ${sql.param(issued.map((notice) => JSON.stringify(notice.recipients)))}::jsonb[], ${sql.param(issued.map((notice) => JSON.stringify(notice.message)))}::jsonb[])
           WITH ORDINALITY AS n(proposal_id, kind, recipients, message, position)
    ORDER BY position`);
}

export async function noticesFor(
  db: Executor,
  options: {
    state?: string;
    organization?: string;
    proposalId?: number;
    kind?: "outcome" | "reminder";
    limit?: number;
  },
): Promise<NoticeRow[]> {
  const state = options.state === undefined ? sql`` : sql`AND recipients @> ARRAY[${options.state}::text]`;
  const organization =
    options.organization === undefined
      ? sql``
      : sql`AND proposal_id IN (SELECT p.id FROM proposals p JOIN bodies b ON b.id = p.body_id WHERE b.organization_code = ${options.organization})`;
  const kind = options.kind === undefined ? sql`` : sql`AND kind = ${options.kind}`;
  const proposal = options.proposalId === undefined ? sql`` : sql`AND proposal_id = ${options.proposalId}`;
  return (
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", recipients, kind, message, issued_at AS "issuedAt"
      FROM notices WHERE true ${state} ${organization} ${proposal} ${kind} ORDER BY id DESC LIMIT ${options.limit ?? 1000}`)
  ).rows as NoticeRow[];
}

export type ProposalSummaryRow = ProposalRow & {
  round: number;
  deadline: Date | null;
  memberCount: number;
  positionCount: number;
  /** For the asking delegation: whether its state is a member still without a position this round. */
  needsPosition: boolean;
};

export type ProposalFilter = {
  status?: "open" | "closed";
  bodyIds?: string[] | "all";
  /** The asking delegation's state: computes needsPosition, and with needsPositionOnly keeps only those. */
  state?: string;
  needsPositionOnly?: boolean;
  /** Proposals concerning this state are visible to it whatever the body. */
  /** Also the proposals of these bodies that concern this state. */
  alsoConcerning?: { state: string; bodyIds: string[] };
  limit: number;
  beforeId?: number;
};

export async function listProposals(db: Executor, filter: ProposalFilter): Promise<ProposalSummaryRow[]> {
  const status =
    filter.status === "open"
      ? sql`AND p.status = 'open'`
      : filter.status === "closed"
        ? sql`AND p.status <> 'open'`
        : sql``;
  const bodies =
    filter.bodyIds === "all" || filter.bodyIds === undefined
      ? sql``
      : sql`AND (p.body_id = ANY (${sql.param(filter.bodyIds)}::text[]) ${filter.alsoConcerning ? sql`OR (p.concerns_state = ${filter.alsoConcerning.state} AND p.body_id = ANY (${sql.param(filter.alsoConcerning.bodyIds)}::text[]))` : sql``})`;
  const before = filter.beforeId === undefined ? sql`` : sql`AND p.id < ${filter.beforeId}`;
  const state = filter.state ?? null;
  const needs = sql`(p.status = 'open' AND EXISTS (SELECT 1 FROM proposal_members m WHERE m.proposal_id = p.id AND m.state_code = ${state})
                     AND NOT EXISTS (SELECT 1 FROM positions x WHERE x.proposal_id = p.id AND x.round = r.number AND x.state_code = ${state}))`;
  const onlyNeeds = filter.needsPositionOnly ? sql`AND ${needs}` : sql``;
  return (
    await db.execute(sql`
      SELECT ${proposalColumns}, r.number AS round, r.deadline,
             (SELECT count(*)::int FROM proposal_members m WHERE m.proposal_id = p.id) AS "memberCount",
             (SELECT count(DISTINCT x.state_code)::int FROM positions x WHERE x.proposal_id = p.id AND x.round = r.number) AS "positionCount",
             ${needs} AS "needsPosition"
      FROM proposals p
      JOIN LATERAL (SELECT number, deadline FROM proposal_rounds WHERE proposal_id = p.id ORDER BY number DESC LIMIT 1) r ON true
      WHERE true ${status} ${bodies} ${before} ${onlyNeeds}
      ORDER BY p.id DESC LIMIT ${filter.limit}`)
  ).rows as ProposalSummaryRow[];
}

export type Names = Record<"en" | "es" | "pt" | "fr", string>;

/** The names of actors, by code, in every language. */
export async function actorNames(db: Executor, codes: string[]): Promise<Map<string, Names>> {
  if (codes.length === 0) return new Map();
  const rows = (
    await db.execute(sql`
      SELECT code, jsonb_build_object('en', name_en, 'es', name_es, 'pt', name_pt, 'fr', name_fr) AS names
      FROM actors WHERE code = ANY (${sql.param(codes)}::text[])`)
  ).rows as Array<{ code: string; names: Names }>;
  return new Map(rows.map((row) => [row.code, row.names]));
}

export type AttachmentRow = {
  id: number;
  proposalId: number;
  name: string;
  mediaType: string;
  size: number;
  addedBy: string;
  addedAt: Date;
};

export async function proposalAttachments(db: Executor, proposalId: number): Promise<AttachmentRow[]> {
  return (
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", name, media_type AS "mediaType", octet_length(content) AS size,
             added_by AS "addedBy", added_at AS "addedAt"
      FROM proposal_attachments WHERE proposal_id = ${proposalId} ORDER BY id`)
  ).rows as AttachmentRow[];
}

export async function insertAttachment(
  tx: Executor,
  attachment: { proposalId: number; name: string; mediaType: string; content: Buffer; addedBy: string },
): Promise<number> {
  const row = (
    await tx.execute(sql`
      INSERT INTO proposal_attachments (proposal_id, name, media_type, content, added_by)
      VALUES (${attachment.proposalId}, ${attachment.name}, ${attachment.mediaType}, ${attachment.content}, ${attachment.addedBy}) RETURNING id::int AS id`)
  ).rows[0] as { id: number };
  return row.id;
}

export async function attachmentContent(
  db: Executor,
  proposalId: number,
  id: number,
): Promise<{ name: string; mediaType: string; content: Buffer } | undefined> {
  return (
    await db.execute(
      sql`SELECT name, media_type AS "mediaType", content FROM proposal_attachments WHERE proposal_id = ${proposalId} AND id = ${id}`,
    )
  ).rows[0] as { name: string; mediaType: string; content: Buffer } | undefined;
}
