/**
 * The annual information exchanges (migration 0030): regimes and their versioned forms as data,
 * returns (a draft, the submitted one, the versions a correction superseded), publications, and
 * who takes part on a day (the registry's members of an organisation, or every state). SQL and
 * nothing else: who may read and write, and what a valid return is, are the service's and the
 * domain's (src/services/exchanges/, src/domain/exchanges.ts).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import { exchangeForms, exchangeNotices, exchangePublications, exchangeRegimes, exchangeReturns } from "../schema.ts";

type Executor = Pick<Database, "execute" | "select" | "insert" | "update">;

export type RegimeRow = typeof exchangeRegimes.$inferSelect;
export type FormRow = typeof exchangeForms.$inferSelect;
export type ReturnRow = typeof exchangeReturns.$inferSelect;
export type PublicationRow = typeof exchangePublications.$inferSelect;

// ------------------------------------------------------------------------------ definitions

/** Writes a regime's definition, or writes it again (a corrected deadline rule). */
export async function upsertRegime(tx: Transaction, regime: typeof exchangeRegimes.$inferInsert): Promise<void> {
  await tx
    .insert(exchangeRegimes)
    .values(regime)
    .onConflictDoUpdate({
      target: exchangeRegimes.code,
      set: {
        definition: regime.definition,
        organizationCode: regime.organizationCode,
        restricted: regime.restricted,
        firstYear: regime.firstYear,
      },
    });
}

export async function findForm(db: Executor, code: string, version: number): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeForms)
    .where(and(eq(exchangeForms.code, code), eq(exchangeForms.version, version)));
  return row;
}

export async function insertForm(tx: Transaction, form: typeof exchangeForms.$inferInsert): Promise<void> {
  await tx.insert(exchangeForms).values(form);
}

export async function listRegimes(db: Executor): Promise<RegimeRow[]> {
  return db.select().from(exchangeRegimes).orderBy(asc(exchangeRegimes.code));
}

export async function findRegime(db: Executor, code: string): Promise<RegimeRow | undefined> {
  const [row] = await db.select().from(exchangeRegimes).where(eq(exchangeRegimes.code, code));
  return row;
}

export async function formsOf(db: Executor, regimeCode?: string): Promise<FormRow[]> {
  const query = db.select().from(exchangeForms);
  return (regimeCode === undefined ? query : query.where(eq(exchangeForms.regimeCode, regimeCode))).orderBy(
    asc(exchangeForms.code),
    asc(exchangeForms.version),
  );
}

export async function publicationExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exchangePublications.id })
    .from(exchangePublications)
    .where(eq(exchangePublications.id, id));
  return row !== undefined;
}

export async function insertPublication(
  tx: Transaction,
  publication: typeof exchangePublications.$inferInsert,
): Promise<void> {
  await tx.insert(exchangePublications).values(publication);
}

export async function publicationsOf(db: Executor, regimeCode: string): Promise<PublicationRow[]> {
  return db
    .select()
    .from(exchangePublications)
    .where(eq(exchangePublications.regimeCode, regimeCode))
    .orderBy(asc(exchangePublications.id));
}

// --------------------------------------------------------------------------------- returns

export async function findReturn(db: Executor, id: number): Promise<ReturnRow | undefined> {
  const [row] = await db.select().from(exchangeReturns).where(eq(exchangeReturns.id, id));
  return row;
}

/** Every version of a state's return for a year, the newest first (a draft, the submitted one, superseded ones). */
export async function versionsOf(db: Executor, regimeCode: string, state: string, year: number): Promise<ReturnRow[]> {
  return db
    .select()
    .from(exchangeReturns)
    .where(
      and(
        eq(exchangeReturns.regimeCode, regimeCode),
        eq(exchangeReturns.stateCode, state),
        eq(exchangeReturns.year, year),
      ),
    )
    .orderBy(sql`${exchangeReturns.id} DESC`);
}

/** Locks the state's returns for the year (another submission waits), and answers them. */
export async function lockVersions(tx: Transaction, regimeCode: string, state: string, year: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`exchange:${regimeCode}:${state}:${year}`}))`);
  return versionsOf(tx, regimeCode, state, year);
}

export async function insertReturn(tx: Transaction, row: typeof exchangeReturns.$inferInsert): Promise<ReturnRow> {
  const [inserted] = await tx.insert(exchangeReturns).values(row).returning();
  if (!inserted) throw new Error("a return just inserted was not returned");
  return inserted;
}

export async function updateDraft(
  tx: Transaction,
  id: number,
  change: { values: Record<string, unknown>; formCode: string; formVersion: number },
): Promise<ReturnRow> {
  const [row] = await tx.update(exchangeReturns).set(change).where(eq(exchangeReturns.id, id)).returning();
  if (!row) throw new Error(`draft ${id} vanished under its lock`);
  return row;
}

/** A draft becomes the submitted return; the one it corrects, if any, superseded first. */
export async function submitDraft(
  tx: Transaction,
  draft: { id: number; supersedes: number | null; firstSubmittedAt: string | null; by: string },
): Promise<ReturnRow> {
  if (draft.supersedes !== null)
    await tx.update(exchangeReturns).set({ status: "superseded" }).where(eq(exchangeReturns.id, draft.supersedes));
  const [row] = await tx
    .update(exchangeReturns)
    .set({
      status: "submitted",
      supersedes: draft.supersedes,
      submittedAt: sql`clock_timestamp()`,
      submittedBy: draft.by,
      firstSubmittedAt: draft.firstSubmittedAt === null ? sql`clock_timestamp()` : draft.firstSubmittedAt,
    })
    .where(eq(exchangeReturns.id, draft.id))
    .returning();
  if (!row) throw new Error(`draft ${draft.id} vanished under its lock`);
  return row;
}

/** The submitted (current) returns of a regime's year: what compliance and comparisons read. */
export async function submittedReturns(
  db: Executor,
  regimeCode: string,
  years: { from: number; to: number },
): Promise<ReturnRow[]> {
  return db
    .select()
    .from(exchangeReturns)
    .where(
      and(
        eq(exchangeReturns.regimeCode, regimeCode),
        eq(exchangeReturns.status, "submitted"),
        sql`${exchangeReturns.year} BETWEEN ${years.from} AND ${years.to}`,
      ),
    )
    .orderBy(asc(exchangeReturns.year), asc(exchangeReturns.stateCode));
}

// ---------------------------------------------------------------------------- participants

/** The members of an organisation on a day, by the registry's relations. */
export async function membersOn(db: Pick<Database, "execute">, organization: string, day: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT r.subject_code AS code FROM relations r JOIN actors a ON a.code = r.subject_code
    WHERE r.object_code = ${organization} AND r.kind = 'member' AND a.type = 'state' AND r.valid @> ${day}::date
    ORDER BY 1`);
  return z
    .array(z.object({ code: z.string() }))
    .parse(result.rows)
    .map((row) => row.code);
}

/** Every state of the registry (the UN report is open to all). */
export async function allStates(db: Pick<Database, "execute">): Promise<string[]> {
  const result = await db.execute(sql`SELECT code FROM actors WHERE type = 'state' ORDER BY code`);
  return z
    .array(z.object({ code: z.string() }))
    .parse(result.rows)
    .map((row) => row.code);
}

// ---------------------------------------------------------------------------------- notices

export type NoticeRow = typeof exchangeNotices.$inferSelect;

/** Says it to each state once (a second run of the job adds nothing); answers the states newly told. */
export async function insertNotices(
  tx: Transaction,
  notice: { regimeCode: string; year: number; kind: string; daysBefore: number; due: string },
  states: readonly string[],
): Promise<string[]> {
  if (states.length === 0) return [];
  const rows = await tx
    .insert(exchangeNotices)
    .values(states.map((stateCode) => ({ ...notice, stateCode })))
    .onConflictDoNothing()
    .returning({ state: exchangeNotices.stateCode });
  return rows.map((row) => row.state);
}

/** The states that had submitted a return for the year by the end of `day` (UTC). */
export async function submittedBy(db: Executor, regimeCode: string, year: number, day: string): Promise<Set<string>> {
  const result = await db.execute(sql`
    SELECT DISTINCT state_code AS state FROM exchange_returns
    WHERE regime_code = ${regimeCode} AND year = ${year} AND status <> 'draft'
      AND first_submitted_at < (${day}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return new Set(
    z
      .array(z.object({ state: z.string() }))
      .parse(result.rows)
      .map((row) => row.state),
  );
}

/** A state's notices, the newest first. */
export async function noticesOf(db: Executor, state: string, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(exchangeNotices)
    .where(eq(exchangeNotices.stateCode, state))
    .orderBy(sql`${exchangeNotices.issuedAt} DESC`)
    .limit(limit);
}

/** Returns of an organisation's regime not yet kept as labelled documents (drafts are not kept), oldest first. */
export async function unlabelledReturns(db: Pick<Database, "execute">, limit: number) {
  const result = await db.execute(sql`
    SELECT r.id::int AS id, r.regime_code AS "regimeCode", r.state_code AS "stateCode", r.year, r.values,
           r.status::text AS status, r.form_code AS "formCode", r.form_version AS "formVersion",
           g.organization_code AS organization
    FROM exchange_returns r JOIN exchange_regimes g ON g.code = r.regime_code
    WHERE r.document_id IS NULL AND r.status <> 'draft' AND g.organization_code IS NOT NULL
    ORDER BY r.id LIMIT ${limit}
    FOR UPDATE OF r SKIP LOCKED`);
  return z
    .array(
      z.object({
        id: z.number(),
        regimeCode: z.string(),
        stateCode: z.string(),
        year: z.number(),
        values: z.record(z.string(), z.unknown()),
        status: z.string(),
        formCode: z.string(),
        formVersion: z.number(),
        organization: z.string(),
      }),
    )
    .parse(result.rows);
}

export async function linkReturn(tx: Pick<Database, "update">, id: number, documentId: number): Promise<void> {
  await tx.update(exchangeReturns).set({ documentId }).where(eq(exchangeReturns.id, id));
}
