/**
 * SQL for decisions (migration 0008): bodies, proposals, members, rounds, positions, notices.
 * Nothing here decides anything; the service does, with the rules in src/domain/procedures.ts.
 */
import { and, asc, eq, isNull, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "../client.ts";
import type { Precision } from "../../domain/dates.ts";
import type { DelegationNoticeKind, Effect, ProposalPurpose, ProposalStatus } from "../../domain/decisions.ts";
import type { Names } from "../../domain/languages.ts";
import { BREAKS_SILENCE, PROCEDURE_KINDS, type Procedure, type PositionKind } from "../../domain/procedures.ts";
import type { ActorType } from "../../domain/registry.ts";
import {
  actorType,
  actors,
  datePrecision,
  notices,
  organizationRules,
  positionKind,
  proposalAttachments as attachments,
  proposalPurpose,
  proposalStatus,
  proposals,
  relations,
  type RoundExtension,
} from "../schema.ts";
import { namesValue } from "./registry.ts";

/**
 * What reads that run on any executor take. `DecisionsService.get` reads inside its caller's
 * transaction through `execute` alone, so those reads cannot use the query builder: their rows
 * are validated against the schemas below instead of cast.
 */
type Executor = Pick<Database, "execute">;

export type BodyRow = {
  id: string;
  actorCode: string;
  actorType: ActorType;
  /** The organisation whose part of Concord the body belongs to (for an organisation's body, itself). */
  organization: string;
  names: Names;
  chair: string;
  defaultProcedure: Procedure;
  note: string | null;
};

export type ProposalRow = {
  id: number;
  bodyId: string;
  title: string;
  procedure: Procedure;
  chair: string;
  purpose: ProposalPurpose;
  effect: Effect | null;
  concernsState: string | null;
  /** Instants as PostgreSQL writes them (`2024-03-29 10:00:00.123+00`). */
  openedAt: string;
  openedBy: string;
  status: ProposalStatus;
  decidedAt: string | null;
  decidedOn: string | null;
  decidedOnPrecision: Precision | null;
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
  openedAt: string;
  /** A Date: what the rules compute with. */
  deadline: Date | null;
  extensions: RoundExtension[];
};

export type PositionRow = {
  id: number;
  proposalId: number;
  round: number;
  state: string;
  position: PositionKind;
  statement: string | null;
  castBy: string;
  /** As PostgreSQL writes it, or (in currentRounds) as JSON does: `2024-03-29T10:00:00.123+00:00`. */
  castAt: string;
};

export type NoticeRow = {
  id: number;
  proposalId: number;
  /** The delegations (states) it went to. */
  recipients: string[];
  kind: DelegationNoticeKind;
  message: Record<string, unknown>;
  issuedAt: string;
};

// -------------------------------------------------------------------------------------------
// The shapes rows arrive in. JSON values are checked and kept as they came (the same object,
// its keys in the same order); every other column is checked for its type.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const procedure = z.custom<Procedure>(
  (value) => isRecord(value) && PROCEDURE_KINDS.some((kind) => kind === value.kind),
  "a procedure",
);
const effect = z.custom<Effect>(
  (value) =>
    isRecord(value) &&
    (value.action === "relation.start" || value.action === "relation.end" || value.action === "programme.agree"),
  "an effect",
);
const message = z.custom<Record<string, unknown>>(isRecord, "a message");
const extensions = z.custom<RoundExtension[]>(
  (value) =>
    Array.isArray(value) &&
    value.every(
      (extension) =>
        isRecord(extension) && ["from", "to", "at", "by"].every((key) => typeof extension[key] === "string"),
    ),
  "deadline extensions",
);
const instant = z.string();
const toDate = (value: string | null) => (value === null ? null : new Date(value));

const bodyRow = z.object({
  id: z.string(),
  actorCode: z.string(),
  actorType: z.enum(actorType.enumValues),
  organization: z.string(),
  names: namesValue,
  chair: z.string(),
  defaultProcedure: procedure,
  note: z.string().nullable(),
}) satisfies z.ZodType<BodyRow>;

const proposalRow = z.object({
  id: z.number(),
  bodyId: z.string(),
  title: z.string(),
  procedure,
  chair: z.string(),
  purpose: z.enum(proposalPurpose.enumValues),
  effect: effect.nullable(),
  concernsState: z.string().nullable(),
  openedAt: instant,
  openedBy: z.string(),
  status: z.enum(proposalStatus.enumValues),
  decidedAt: instant.nullable(),
  decidedOn: z.string().nullable(),
  decidedOnPrecision: z.enum(datePrecision.enumValues).nullable(),
  outcomeRule: z.string().nullable(),
  outcomeExplanation: z.string().nullable(),
  decidedBy: z.string().nullable(),
  effectRelationId: z.number().nullable(),
  decisionSourceId: z.string().nullable(),
  reconstructed: z.boolean(),
}) satisfies z.ZodType<ProposalRow>;

const roundRow = z.object({
  proposalId: z.number(),
  number: z.number(),
  text: z.string(),
  openedAt: instant,
  deadline: instant.nullable().transform(toDate),
  extensions,
}) satisfies z.ZodType<RoundRow>;

const positionRow = z.object({
  id: z.number(),
  proposalId: z.number(),
  round: z.number(),
  state: z.string(),
  position: z.enum(positionKind.enumValues),
  statement: z.string().nullable(),
  castBy: z.string(),
  castAt: instant,
}) satisfies z.ZodType<PositionRow>;

const noticeRow = z.object({
  id: z.number(),
  proposalId: z.number(),
  recipients: z.array(z.string()),
  kind: z.enum(notices.kind.enumValues),
  message,
  issuedAt: instant,
}) satisfies z.ZodType<NoticeRow>;

/** The rows of a result, each checked against `row`. */
function parseRows<T>(row: z.ZodType<T>, result: { rows: unknown[] }): T[] {
  return result.rows.map((value) => row.parse(value));
}

/** The first row of a result, checked against `row`; undefined when there is none. */
function parseFirst<T>(row: z.ZodType<T>, result: { rows: unknown[] }): T | undefined {
  const [first] = result.rows;
  return first === undefined ? undefined : row.parse(first);
}

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
  return parseRows(
    bodyRow,
    await db.execute(
      sql`SELECT ${bodyColumns} FROM bodies b JOIN actors a ON a.code = b.actor_code ORDER BY b.actor_code, b.id`,
    ),
  );
}

export async function findBody(db: Executor, id: string): Promise<BodyRow | undefined> {
  return parseFirst(
    bodyRow,
    await db.execute(
      sql`SELECT ${bodyColumns} FROM bodies b JOIN actors a ON a.code = b.actor_code WHERE b.id = ${id}`,
    ),
  );
}

export type OrganizationRules = {
  organizationCode: string;
  requestBodyId: string | null;
  withdrawalNoticeMonths: number;
  suspensionNoticeMonths: number;
};

export async function findOrganizationRules(
  db: Pick<Database, "select">,
  organization: string,
): Promise<OrganizationRules | undefined> {
  const [row] = await db
    .select({
      organizationCode: organizationRules.organizationCode,
      requestBodyId: organizationRules.requestBodyId,
      withdrawalNoticeMonths: organizationRules.withdrawalNoticeMonths,
      suspensionNoticeMonths: organizationRules.suspensionNoticeMonths,
    })
    .from(organizationRules)
    .where(eq(organizationRules.organizationCode, organization));
  return row;
}

/** A suspension of the same state in the same organisation, beside the membership it suspends. */
const suspension = alias(relations, "s");

/** The member states of an organisation on a day, from the registry, less suspended ones (a state body: itself). */
export async function memberStatesOn(
  db: Pick<Database, "select" | "selectDistinct">,
  body: BodyRow,
  day: string,
): Promise<string[]> {
  if (body.actorType === "state") return [body.actorCode];
  const rows = await db
    .selectDistinct({ code: relations.subjectCode })
    .from(relations)
    .innerJoin(actors, eq(actors.code, relations.subjectCode))
    .where(
      and(
        eq(relations.objectCode, body.actorCode),
        eq(relations.kind, "member"),
        sql`${relations.valid} @> ${day}::date`,
        eq(actors.type, "state"),
        // Only what the organisation's own process recorded, or Concord's own data: never another organisation's or a curator's.
        or(isNull(relations.recordedBy), eq(relations.recordedBy, body.organization)),
        // A state whose participation is suspended does not take part in decisions.
        notExists(
          db
            .select({ one: sql`1` })
            .from(suspension)
            .where(
              and(
                eq(suspension.subjectCode, relations.subjectCode),
                eq(suspension.objectCode, relations.objectCode),
                eq(suspension.kind, "suspended"),
                sql`${suspension.valid} @> ${day}::date`,
                or(isNull(suspension.recordedBy), eq(suspension.recordedBy, body.organization)),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(relations.subjectCode));
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

export async function insertProposal(tx: Pick<Database, "execute" | "insert">, proposal: NewProposal): Promise<number> {
  const [inserted] = await tx
    .insert(proposals)
    .values({
      bodyId: proposal.bodyId,
      title: proposal.title,
      procedure: proposal.procedure,
      chair: proposal.chair,
      purpose: proposal.purpose,
      effect: proposal.effect,
      concernsState: proposal.concernsState,
      openedBy: proposal.openedBy,
    })
    .returning({ id: proposals.id });
  if (!inserted) throw new Error("INSERT … RETURNING gave no proposal");
  const id = inserted.id;
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
  return parseFirst(
    proposalRow,
    await db.execute(sql`SELECT ${proposalColumns} FROM proposals p WHERE p.id = ${id} ${lock}`),
  );
}

/** Several proposals, in id order (the order their locks are taken in, everywhere, so two batches never deadlock). */
export async function findProposals(
  db: Executor,
  ids: readonly number[],
  options: { lock?: boolean } = {},
): Promise<ProposalRow[]> {
  const lock = options.lock ? sql`FOR UPDATE` : sql``;
  return parseRows(
    proposalRow,
    await db.execute(
      sql`SELECT ${proposalColumns} FROM proposals p WHERE p.id = ANY (${sql.param([...ids])}::bigint[]) ORDER BY p.id ${lock}`,
    ),
  );
}

export async function proposalMembers(db: Executor, id: number): Promise<string[]> {
  return (await membersOf(db, [id])).get(id) ?? [];
}

const membersRow = z.object({ proposalId: z.number(), codes: z.array(z.string()) });

/** The member states of each proposal, in code order. */
export async function membersOf(db: Executor, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = parseRows(
    membersRow,
    await db.execute(sql`
      SELECT proposal_id::int AS "proposalId", array_agg(state_code ORDER BY state_code) AS codes
      FROM proposal_members WHERE proposal_id = ANY (${sql.param([...ids])}::bigint[]) GROUP BY proposal_id`),
  );
  return new Map(rows.map((row) => [row.proposalId, row.codes]));
}

const currentRoundRow = roundRow.extend({ positions: z.array(positionRow) });

/** Each proposal's latest round, with the positions taken in it (in the order they were taken). */
export async function currentRounds(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { round: RoundRow; positions: PositionRow[] }>> {
  const rows = parseRows(
    currentRoundRow,
    await db.execute(sql`
      SELECT r.proposal_id::int AS "proposalId", r.number, r.text, r.opened_at AS "openedAt", r.deadline, r.extensions,
             coalesce((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'proposalId', c.proposal_id, 'round', c.round, 'state', c.state_code,
                                                           'position', c.position, 'statement', c.statement, 'castBy', c.cast_by, 'castAt', c.cast_at) ORDER BY c.id)
                       FROM positions c WHERE c.proposal_id = r.proposal_id AND c.round = r.number), '[]') AS positions
      FROM (SELECT DISTINCT ON (proposal_id) * FROM proposal_rounds
            WHERE proposal_id = ANY (${sql.param([...ids])}::bigint[]) ORDER BY proposal_id, number DESC) r`),
  );
  return new Map(rows.map(({ positions, ...round }) => [round.proposalId, { round, positions }]));
}

export async function proposalRounds(db: Executor, id: number): Promise<RoundRow[]> {
  return parseRows(
    roundRow,
    await db.execute(sql`
      SELECT proposal_id::int AS "proposalId", number, text, opened_at AS "openedAt", deadline, extensions
      FROM proposal_rounds WHERE proposal_id = ${id} ORDER BY number`),
  );
}

export async function proposalPositions(db: Executor, id: number): Promise<PositionRow[]> {
  return parseRows(
    positionRow,
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", round, state_code AS state, position, statement,
             cast_by AS "castBy", cast_at AS "castAt"
      FROM positions WHERE proposal_id = ${id} ORDER BY id`),
  );
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
  const row = parseFirst(
    positionRow,
    await tx.execute(sql`
      INSERT INTO positions (proposal_id, round, state_code, position, statement, cast_by)
      VALUES (${position.proposalId}, ${position.round}, ${position.state}, ${position.position}, ${position.statement}, ${position.castBy})
      RETURNING id::int AS id, proposal_id::int AS "proposalId", round, state_code AS state, position, statement,
                cast_by AS "castBy", cast_at AS "castAt"`),
  );
  if (!row) throw new Error("INSERT … RETURNING gave no position");
  return row;
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
  return parseRows(
    proposalRow,
    await tx.execute(sql`
      UPDATE proposals p SET status = o.status::proposal_status, outcome_rule = o.rule, outcome_explanation = o.explanation,
             decided_by = o.decided_by, decided_at = clock_timestamp(),
             decided_on = (clock_timestamp() AT TIME ZONE 'UTC')::date, decided_on_precision = 'day'
      FROM unnest(${column("id")}::bigint[], ${column("status")}::text[], ${column("rule")}::text[],
                  ${column("explanation")}::text[], ${column("decidedBy")}::text[]) AS o(id, status, rule, explanation, decided_by)
      WHERE p.id = o.id AND p.status = 'open'
      RETURNING ${proposalColumns}`),
  );
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
  kind: DelegationNoticeKind;
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
    kind?: DelegationNoticeKind;
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
  return parseRows(
    noticeRow,
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", recipients, kind, message, issued_at AS "issuedAt"
      FROM notices WHERE true ${state} ${organization} ${proposal} ${kind} ORDER BY id DESC LIMIT ${options.limit ?? 1000}`),
  );
}

export type ProposalSummaryRow = ProposalRow & {
  round: number;
  /** As PostgreSQL writes it. */
  deadline: string | null;
  memberCount: number;
  positionCount: number;
  /** For the asking delegation: whether its state is a member still without a position this round. */
  needsPosition: boolean;
  /** Under a silence procedure: the members that broke silence in this round before its deadline. */
  silenceBrokenBy: string[];
};

const proposalSummaryRow = proposalRow.extend({
  round: z.number(),
  deadline: instant.nullable(),
  memberCount: z.number(),
  positionCount: z.number(),
  needsPosition: z.boolean(),
  silenceBrokenBy: z.array(z.string()),
}) satisfies z.ZodType<ProposalSummaryRow>;

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
  return parseRows(
    proposalSummaryRow,
    await db.execute(sql`
      SELECT ${proposalColumns}, r.number AS round, r.deadline,
             (SELECT count(*)::int FROM proposal_members m WHERE m.proposal_id = p.id) AS "memberCount",
             (SELECT count(DISTINCT x.state_code)::int FROM positions x WHERE x.proposal_id = p.id AND x.round = r.number) AS "positionCount",
             ${needs} AS "needsPosition",
             -- The same rule as silenceBreakers in src/domain/procedures.ts: a breaking position by a
             -- member, in this round, before its deadline.
             (SELECT coalesce(array_agg(DISTINCT x.state_code ORDER BY x.state_code), '{}')
                FROM positions x
                JOIN proposal_members m ON m.proposal_id = x.proposal_id AND m.state_code = x.state_code
               WHERE p.procedure->>'kind' = 'silence' AND x.proposal_id = p.id AND x.round = r.number
                 AND x.position::text = ANY (${sql.param([...BREAKS_SILENCE])}::text[])
                 AND (r.deadline IS NULL OR x.cast_at < r.deadline)) AS "silenceBrokenBy"
      FROM proposals p
      JOIN LATERAL (SELECT number, deadline FROM proposal_rounds WHERE proposal_id = p.id ORDER BY number DESC LIMIT 1) r ON true
      WHERE true ${status} ${bodies} ${before} ${onlyNeeds}
      ORDER BY p.id DESC LIMIT ${filter.limit}`),
  );
}

/** The names of actors, by code, in every language. */
export async function actorNames(db: Executor, codes: string[]): Promise<Map<string, Names>> {
  if (codes.length === 0) return new Map();
  const rows = parseRows(
    z.object({ code: z.string(), names: namesValue }),
    await db.execute(sql`
      SELECT code, jsonb_build_object('en', name_en, 'es', name_es, 'pt', name_pt, 'fr', name_fr) AS names
      FROM actors WHERE code = ANY (${sql.param(codes)}::text[])`),
  );
  return new Map(rows.map((row) => [row.code, row.names]));
}

export type AttachmentRow = {
  id: number;
  proposalId: number;
  name: string;
  mediaType: string;
  size: number;
  addedBy: string;
  /** As PostgreSQL writes it. */
  addedAt: string;
  /** The labelled document it became, once labelled (documents.label-existing). */
  documentId: number | null;
};

const attachmentRow = z.object({
  id: z.number(),
  proposalId: z.number(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  addedBy: z.string(),
  addedAt: instant,
  documentId: z.coerce.number().int().nullable(),
}) satisfies z.ZodType<AttachmentRow>;

export async function proposalAttachments(db: Executor, proposalId: number): Promise<AttachmentRow[]> {
  return parseRows(
    attachmentRow,
    await db.execute(sql`
      SELECT id::int AS id, proposal_id::int AS "proposalId", name, media_type AS "mediaType", octet_length(content) AS size,
             added_by AS "addedBy", added_at AS "addedAt", document_id AS "documentId"
      FROM proposal_attachments WHERE proposal_id = ${proposalId} ORDER BY id`),
  );
}

export async function insertAttachment(
  tx: Pick<Database, "insert">,
  attachment: { proposalId: number; name: string; mediaType: string; content: Buffer; addedBy: string },
): Promise<number> {
  const [row] = await tx
    .insert(attachments)
    .values({
      proposalId: attachment.proposalId,
      name: attachment.name,
      mediaType: attachment.mediaType,
      content: attachment.content,
      addedBy: attachment.addedBy,
    })
    .returning({ id: attachments.id });
  if (!row) throw new Error("INSERT … RETURNING gave no attachment");
  return row.id;
}

export async function attachmentContent(
  db: Pick<Database, "select">,
  proposalId: number,
  id: number,
): Promise<{ name: string; mediaType: string; content: Buffer; documentId: number | null } | undefined> {
  const [row] = await db
    .select({
      name: attachments.name,
      mediaType: attachments.mediaType,
      content: attachments.content,
      documentId: attachments.documentId,
    })
    .from(attachments)
    .where(and(eq(attachments.proposalId, proposalId), eq(attachments.id, id)));
  return row;
}

/** Attachments not yet kept as labelled documents, oldest first, with whose library they belong in. */
export async function unlabelledAttachments(db: Pick<Database, "execute">, limit: number) {
  return parseRows(
    z.object({
      id: z.number(),
      proposalId: z.number(),
      name: z.string(),
      mediaType: z.string(),
      content: z.instanceof(Buffer),
      addedBy: z.string(),
      organization: z.string(),
      concernsState: z.string().nullable(),
    }),
    await db.execute(sql`
      SELECT a.id::int AS id, a.proposal_id::int AS "proposalId", a.name, a.media_type AS "mediaType", a.content,
             a.added_by AS "addedBy", b.organization_code AS organization, p.concerns_state AS "concernsState"
      FROM proposal_attachments a JOIN proposals p ON p.id = a.proposal_id JOIN bodies b ON b.id = p.body_id
      WHERE a.document_id IS NULL
      ORDER BY a.id LIMIT ${limit}
      -- Two transactions labelling at once each take their own: none is kept twice.
      FOR UPDATE OF a SKIP LOCKED`),
  );
}

export async function linkAttachment(tx: Pick<Database, "update">, id: number, documentId: number): Promise<void> {
  await tx.update(attachments).set({ documentId }).where(eq(attachments.id, id));
}
