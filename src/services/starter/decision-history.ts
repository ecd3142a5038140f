/**
 * Historical decisions the sources describe (`data/starter/decisions/history.json`), entered as
 * closed proposals marked `reconstructed`: who could decide is taken from the registry as of the
 * decision date, the outcome and its rule from the sources, and the proposal is linked to the
 * relation the decision started. No individual positions are invented.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../../db/client.ts";
import { parsePartialDate } from "../../domain/dates.ts";
import { findBody, memberStatesOn } from "../../db/repositories/decisions.ts";
import { StarterDataError } from "./load.ts";
import { partialDate, procedureSchema } from "./format.ts";

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "an upper-case actor code");

export const historyFile = z.array(
  z.strictObject({
    body: z.string().min(1),
    title: z.string().min(1).max(300),
    text: z.string().min(1),
    procedure: procedureSchema,
    purpose: z.enum(["general", "request", "designation", "revocation"]),
    concerns: code.optional(),
    decided: partialDate,
    outcome: z.enum(["adopted", "not-adopted", "withdrawn"]),
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
    const decided = parsePartialDate(entry.decided)!;
    const members = await memberStatesOn(tx, body, decided.date);
    let relationId: number | null = null;
    if (entry.relation) {
      const { subject, object, kind, framework, designation } = entry.relation;
      const found = (
        await tx.execute(sql`
          SELECT r.id::int AS id FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
          WHERE r.subject_code = ${subject} AND r.object_code = ${object} AND r.kind = ${kind}::relation_kind
            AND f.slug IS NOT DISTINCT FROM ${framework ?? null} AND r.designation IS NOT DISTINCT FROM ${designation ?? null}
          ORDER BY lower(r.valid) LIMIT 1`)
      ).rows[0] as { id: number } | undefined;
      if (!found) problems.push(`${where}: the registry has no ${kind} relation of ${subject} to ${object}`);
      relationId = found?.id ?? null;
    }
    const id = Number(
      (
        (
          await tx.execute(sql`
            INSERT INTO proposals (body_id, title, procedure, chair, purpose, concerns_state, opened_at, opened_by, status,
                                   decided_at, decided_on, decided_on_precision, outcome_rule, outcome_explanation, decided_by,
                                   effect_relation_id, decision_source_id, reconstructed)
            VALUES (${body.id}, ${entry.title}, ${JSON.stringify(entry.procedure)}::jsonb, ${body.chair}, ${entry.purpose}, ${entry.concerns ?? null},
                    ${decided.date}::date, 'starter data', ${entry.outcome}, ${decided.date}::date, ${decided.date}, ${decided.precision},
                    ${entry.rule}, ${entry.explanation}, 'starter data', ${relationId}, ${entry.sources[0]}, true)
            RETURNING id`)
        ).rows[0] as { id: string }
      ).id,
    );
    await tx.execute(
      sql`INSERT INTO proposal_members (proposal_id, state_code) SELECT ${id}, code FROM unnest(${sql.param(members)}::text[]) AS code`,
    );
    await tx.execute(
      sql`INSERT INTO proposal_rounds (proposal_id, number, text, opened_at) VALUES (${id}, 1, ${entry.text}, ${decided.date}::date)`,
    );
  }
  if (problems.length > 0) throw new StarterDataError(problems);
  return entries.length;
}
