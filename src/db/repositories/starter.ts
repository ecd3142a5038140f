/**
 * SQL of the starter data set's loaders (src/services/starter/): the registry's rows, the
 * deciding bodies and organisation rules, and the historical decisions entered as reconstructed
 * proposals. SQL and nothing else: reading and checking the files is the service's. Whether a
 * data set was loaded, and the record that it was, are in ./imports.ts.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../client.ts";
import * as schema from "../schema.ts";
import type { Precision } from "../../domain/dates.ts";
import type { OutcomeStatus, ProposalPurpose } from "../../domain/decisions.ts";
import type { Procedure } from "../../domain/procedures.ts";

/**
 * Waits for, then holds until the transaction ends, the lock that serialises loading the
 * registry's starter data: a second instance starting on the same new database waits here.
 */
export async function lockStarterData(tx: Transaction): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7100002)`);
}

/** As lockStarterData, for the decision-making part of the starter data set. */
export async function lockStarterDecisions(tx: Transaction): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7100003)`);
}

export type NewSource = typeof schema.sources.$inferInsert;
export type NewActor = typeof schema.actors.$inferInsert;
export type NewActorPeriod = typeof schema.actorPeriods.$inferInsert;
export type NewFramework = typeof schema.frameworks.$inferInsert;

export async function insertSources(tx: Transaction, sources: NewSource[]): Promise<void> {
  await tx.insert(schema.sources).values(sources);
}

export async function insertActors(tx: Transaction, actors: NewActor[]): Promise<void> {
  await tx.insert(schema.actors).values(actors);
}

export async function insertActorPeriods(tx: Transaction, periods: NewActorPeriod[]): Promise<void> {
  await tx.insert(schema.actorPeriods).values(periods);
}

export async function insertFrameworks(tx: Transaction, frameworks: NewFramework[]): Promise<void> {
  await tx.insert(schema.frameworks).values(frameworks);
}

/** A deciding body as the starter data describes it. */
export type NewBody = {
  id: string;
  actorCode: string;
  /** The organisation whose part of Concord the body belongs to. */
  organizationCode: string;
  names: Record<"en" | "es" | "pt" | "fr", string>;
  chair: string;
  defaultProcedure: Procedure;
  note: string | null;
};

export async function insertBody(tx: Transaction, body: NewBody): Promise<void> {
  await tx.execute(sql`
        INSERT INTO bodies (id, actor_code, organization_code, name_en, name_es, name_pt, name_fr, chair, default_procedure, note)
        VALUES (${body.id}, ${body.actorCode}, ${body.organizationCode}, ${body.names.en}, ${body.names.es}, ${body.names.pt}, ${body.names.fr}, ${body.chair},
                ${JSON.stringify(body.defaultProcedure)}::jsonb, ${body.note})`);
}

const idRow = z.object({ id: z.string() });

/** The ids of the bodies that belong to something other than an organisation (a state), in id order. */
export async function bodiesNotOfOrganizations(tx: Transaction): Promise<string[]> {
  const result = await tx.execute(
    sql`SELECT b.id FROM bodies b JOIN actors o ON o.code = b.organization_code WHERE o.type <> 'organization' ORDER BY b.id`,
  );
  return z
    .array(idRow)
    .parse(result.rows)
    .map((row) => row.id);
}

/** An organisation's rules for requests and notices. */
export type NewOrganizationRule = {
  organizationCode: string;
  requestBodyId: string;
  withdrawalNoticeMonths: number;
  suspensionNoticeMonths: number;
  sourceId: string;
  note: string | null;
};

export async function insertOrganizationRule(tx: Transaction, rule: NewOrganizationRule): Promise<void> {
  await tx.execute(sql`
        INSERT INTO organization_rules (organization_code, request_body_id, withdrawal_notice_months, suspension_notice_months, source_id, note)
        VALUES (${rule.organizationCode}, ${rule.requestBodyId}, ${rule.withdrawalNoticeMonths}, ${rule.suspensionNoticeMonths}, ${rule.sourceId}, ${rule.note})`);
}

const relationIdRow = z.object({ id: z.number() });

/**
 * The id of the earliest relation of `subject` to `object` of this kind, framework (its slug)
 * and designation (none when null), if the registry has one.
 */
export async function findEarliestRelationId(
  tx: Transaction,
  relation: { subject: string; object: string; kind: string; framework: string | null; designation: string | null },
): Promise<number | undefined> {
  const { subject, object, kind, framework, designation } = relation;
  const result = await tx.execute(sql`
          SELECT r.id::int AS id FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
          WHERE r.subject_code = ${subject} AND r.object_code = ${object} AND r.kind = ${kind}::relation_kind
            AND f.slug IS NOT DISTINCT FROM ${framework} AND r.designation IS NOT DISTINCT FROM ${designation}
          ORDER BY lower(r.valid) LIMIT 1`);
  return relationIdRow.optional().parse(result.rows[0])?.id;
}

/** A decision of the past, as the sources describe it: a closed proposal marked reconstructed. */
export type ReconstructedProposal = {
  bodyId: string;
  title: string;
  procedure: Procedure;
  chair: string;
  purpose: ProposalPurpose;
  concernsState: string | null;
  /** The day it was decided (and, for want of better, opened): YYYY-MM-DD. */
  decidedOn: string;
  decidedOnPrecision: Precision;
  outcome: OutcomeStatus;
  outcomeRule: string;
  outcomeExplanation: string;
  effectRelationId: number | null;
  decisionSourceId: string | null;
};

const proposalIdRow = z.object({ id: z.string() });

/** Inserts the proposal, opened and decided by 'starter data', and returns its id. */
export async function insertReconstructedProposal(tx: Transaction, proposal: ReconstructedProposal): Promise<number> {
  const result = await tx.execute(sql`
            INSERT INTO proposals (body_id, title, procedure, chair, purpose, concerns_state, opened_at, opened_by, status,
                                   decided_at, decided_on, decided_on_precision, outcome_rule, outcome_explanation, decided_by,
                                   effect_relation_id, decision_source_id, reconstructed)
            VALUES (${proposal.bodyId}, ${proposal.title}, ${JSON.stringify(proposal.procedure)}::jsonb, ${proposal.chair}, ${proposal.purpose}, ${proposal.concernsState},
                    ${proposal.decidedOn}::date, 'starter data', ${proposal.outcome}, ${proposal.decidedOn}::date, ${proposal.decidedOn}, ${proposal.decidedOnPrecision},
                    ${proposal.outcomeRule}, ${proposal.outcomeExplanation}, 'starter data', ${proposal.effectRelationId}, ${proposal.decisionSourceId}, true)
            RETURNING id`);
  return Number(proposalIdRow.parse(result.rows[0]).id);
}

/** Records who could decide the proposal: these member states. */
export async function insertProposalMembers(tx: Transaction, proposalId: number, states: string[]): Promise<void> {
  await tx.execute(
    sql`INSERT INTO proposal_members (proposal_id, state_code) SELECT ${proposalId}, code FROM unnest(${sql.param(states)}::text[]) AS code`,
  );
}

/** The proposal's one round: its text, opened on the given day (YYYY-MM-DD). */
export async function insertFirstRound(
  tx: Transaction,
  proposalId: number,
  text: string,
  openedOn: string,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO proposal_rounds (proposal_id, number, text, opened_at) VALUES (${proposalId}, 1, ${text}, ${openedOn}::date)`,
  );
}
