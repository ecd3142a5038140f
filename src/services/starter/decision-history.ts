/**
 * Historical decisions the sources describe (`data/starter/decisions/history.json`), entered as
 * closed proposals marked `reconstructed`: who could decide is taken from the registry as of the
 * decision date, the outcome and its rule from the sources, and the proposal is linked to the
 * relation the decision started. No individual positions are invented.
 */
import { z } from "zod";
import type { Transaction } from "../../db/client.ts";
import { parsePartialDate } from "../../domain/dates.ts";
import { OUTCOME_STATUSES, PROPOSAL_PURPOSES } from "../../domain/decisions.ts";
import { findBody, memberStatesOn } from "../../db/repositories/decisions.ts";
import {
  findEarliestRelationId,
  insertFirstRound,
  insertProposalMembers,
  insertReconstructedProposal,
} from "../../db/repositories/starter.ts";
import { StarterDataError } from "./load.ts";
import { partialDate, procedureSchema } from "./format.ts";

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "an upper-case actor code");

export const historyFile = z.array(
  z.strictObject({
    body: z.string().min(1),
    title: z.string().min(1).max(300),
    text: z.string().min(1),
    procedure: procedureSchema,
    purpose: z.enum(PROPOSAL_PURPOSES),
    concerns: code.optional(),
    decided: partialDate,
    outcome: z.enum(OUTCOME_STATUSES),
    rule: z.string().min(1),
    explanation: z.string().min(1),
    /** The relation the decision started, found in the registry by these fields. */
    relation: z
      .strictObject({
        subject: code,
        object: code,
        kind: z.string().min(1),
        framework: z.string().optional(),
        designation: z.string().optional(),
      })
      .optional(),
    /** The first is recorded as the decision's source; all are named in the text. */
    sources: z.array(z.string().min(1)).min(1),
  }),
);
export type HistoryEntry = z.infer<typeof historyFile>[number];

export async function loadHistory(tx: Transaction, entries: HistoryEntry[]): Promise<number> {
  const problems: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `history.json[${index}] (${entry.title})`;
    const body = await findBody(tx, entry.body);
    if (!body) {
      problems.push(`${where}: no body has the id ${entry.body}`);
      continue;
    }
    const decided = parsePartialDate(entry.decided);
    if (!decided) throw new Error(`Unvalidated date ${entry.decided}`); // historyFile validated every date already
    const members = await memberStatesOn(tx, body, decided.date);
    let relationId: number | null = null;
    if (entry.relation) {
      const { subject, object, kind, framework, designation } = entry.relation;
      const found = await findEarliestRelationId(tx, {
        subject,
        object,
        kind,
        framework: framework ?? null,
        designation: designation ?? null,
      });
      if (found === undefined)
        problems.push(`${where}: the registry has no ${kind} relation of ${subject} to ${object}`);
      relationId = found ?? null;
    }
    const id = await insertReconstructedProposal(tx, {
      bodyId: body.id,
      title: entry.title,
      procedure: entry.procedure,
      chair: body.chair,
      purpose: entry.purpose,
      concernsState: entry.concerns ?? null,
      decidedOn: decided.date,
      decidedOnPrecision: decided.precision,
      outcome: entry.outcome,
      outcomeRule: entry.rule,
      outcomeExplanation: entry.explanation,
      effectRelationId: relationId,
      decisionSourceId: entry.sources[0] ?? null, // the file names at least one
    });
    await insertProposalMembers(tx, id, members);
    await insertFirstRound(tx, id, entry.text, decided.date);
  }
  if (problems.length > 0) throw new StarterDataError(problems);
  return entries.length;
}
