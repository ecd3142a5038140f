/**
 * Disputes, court cases and dialogue (migration 0029): the imports' bulk writes, the starter
 * data's inserts, and the questions users ask — a state's or a pair's disputes with their years,
 * a pair's summary, the disputes active on a day, counts per pair and period, one dispute's
 * timeline, cases. SQL and nothing else: who may read and write is the service's
 * (src/services/disputes/).
 */
import { inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import {
  courtCases,
  courtCaseStages,
  dialogues,
  disputeClaims,
  disputeDyadYears,
  disputeIncidents,
  disputeParties,
  disputes,
} from "../schema.ts";

type Executor = Pick<Database, "execute">;

export type DisputeInsert = typeof disputes.$inferInsert;
export type PartyInsert = typeof disputeParties.$inferInsert;
export type DyadYearInsert = typeof disputeDyadYears.$inferInsert;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 1000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

// ------------------------------------------------------------------------------------ imports

/** The imported disputes already held, by MID number: their id and the digest of what they said. */
export async function importedDigests(tx: Executor): Promise<Map<number, { id: string; digest: string | null }>> {
  const result = await tx.execute(sql`
    SELECT mid_number AS "number", id, imported_digest AS digest FROM disputes WHERE mid_number IS NOT NULL`);
  const rows = z
    .array(z.object({ number: z.number(), id: z.string(), digest: z.string().nullable() }))
    .parse(result.rows);
  return new Map(rows.map((row) => [row.number, { id: row.id, digest: row.digest }]));
}

/** Writes disputes with their parties and pair-years, replacing what those disputes held before. */
export async function writeImportedDisputes(
  tx: Transaction,
  rows: Array<{ dispute: DisputeInsert; parties: PartyInsert[]; dyadYears: DyadYearInsert[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.dispute.id);
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    await tx.delete(disputeParties).where(inArray(disputeParties.disputeId, batch));
    await tx.delete(disputeDyadYears).where(inArray(disputeDyadYears.disputeId, batch));
  }
  await insertInBatches(
    rows.map((row) => row.dispute),
    (batch) =>
      tx
        .insert(disputes)
        .values(batch)
        .onConflictDoUpdate({
          target: disputes.id,
          set: Object.fromEntries(
            IMPORTED_COLUMNS.map((column) => [column, sql.raw(`excluded.${disputes[column].name}`)]),
          ),
        }),
  );
  await insertInBatches(
    rows.flatMap((row) => row.parties),
    (batch) => tx.insert(disputeParties).values(batch),
  );
  await insertInBatches(
    rows.flatMap((row) => row.dyadYears),
    (batch) => tx.insert(disputeDyadYears).values(batch),
  );
}

/** What a re-import may change of a dispute: what the data set says, never what was recorded here. */
const IMPORTED_COLUMNS = [
  "startsOn",
  "startPrecision",
  "endsOn",
  "endPrecision",
  "active",
  "ongoing",
  "hostility",
  "highestAction",
  "fatality",
  "outcome",
  "settlement",
  "minDurationDays",
  "maxDurationDays",
  "sourceId",
  "datasetVersion",
  "importedDigest",
] as const;

// ------------------------------------------------------------------------------ starter data

export async function disputeExists(tx: Executor, id: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT 1 FROM disputes WHERE id = ${id}`);
  return result.rows.length > 0;
}

export async function insertRecordedDispute(
  tx: Transaction,
  dispute: DisputeInsert,
  parties: PartyInsert[],
  incidents: Array<typeof disputeIncidents.$inferInsert>,
  claims: Array<typeof disputeClaims.$inferInsert>,
): Promise<void> {
  await tx.insert(disputes).values(dispute);
  if (parties.length > 0) await tx.insert(disputeParties).values(parties);
  if (incidents.length > 0) await tx.insert(disputeIncidents).values(incidents);
  if (claims.length > 0) await tx.insert(disputeClaims).values(claims);
}

export async function caseExists(tx: Executor, id: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT 1 FROM court_cases WHERE id = ${id}`);
  return result.rows.length > 0;
}

export async function insertCase(
  tx: Transaction,
  courtCase: typeof courtCases.$inferInsert,
  stages: Array<typeof courtCaseStages.$inferInsert>,
): Promise<void> {
  await tx.insert(courtCases).values(courtCase);
  if (stages.length > 0) await tx.insert(courtCaseStages).values(stages);
}

export async function dialogueExists(tx: Executor, id: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT 1 FROM dialogues WHERE id = ${id}`);
  return result.rows.length > 0;
}

export async function insertDialogue(tx: Transaction, dialogue: typeof dialogues.$inferInsert): Promise<void> {
  await tx.insert(dialogues).values(dialogue);
}

// ------------------------------------------------------------------------------------ reads

const precision = z.enum(["day", "month", "year"]);
/** Where a fact comes from: its source, the quote and where in the source. */
const cited = { sourceId: z.string(), quote: z.string().nullable(), locator: z.string().nullable() };
const names = {
  en: z.string().nullable(),
  es: z.string().nullable(),
  pt: z.string().nullable(),
  fr: z.string().nullable(),
};

const partyRow = z.object({
  party: z.string(),
  stateCode: z.string().nullable(),
  cowCode: z.number().nullable(),
  name: z.string().nullable(),
  side: z.enum(["A", "B"]),
  joined: z.boolean(),
  revisionist: z.boolean(),
  seeks: z.array(z.string()),
  hostility: z.number().nullable(),
  highestAction: z.number().nullable(),
  fatality: z.number().nullable(),
  firstYear: z.number().nullable(),
  lastYear: z.number().nullable(),
});
export type DisputePartyRow = z.output<typeof partyRow>;

const listRow = z.object({
  id: z.string(),
  midNumber: z.number().nullable(),
  names: z.object(names),
  start: z.string(),
  startPrecision: precision,
  end: z.string().nullable(),
  endPrecision: precision.nullable(),
  ongoing: z.boolean(),
  hostility: z.number().nullable(),
  fatality: z.number().nullable(),
  datasetVersion: z.string().nullable(),
  parties: z.array(z.object({ party: z.string(), name: z.string().nullable(), side: z.enum(["A", "B"]) })),
});
export type DisputeListRow = z.output<typeof listRow>;

export type DisputeFilter = {
  /** Disputes this party took part in. */
  party?: string;
  /** Disputes in which both took part, on opposite sides or not (the pair's years exist). */
  pair?: [string, string];
  /** Disputes active on this day. */
  activeOn?: string;
  /** Disputes of these years (any overlap). */
  fromYear?: number;
  toYear?: number;
  limit: number;
  offset: number;
};

function filterConditions(filter: Omit<DisputeFilter, "limit" | "offset">): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.party !== undefined)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id AND p.party = ${filter.party})`,
    );
  if (filter.pair !== undefined) {
    const [one, two] = filter.pair;
    conditions.push(sql`EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id AND p.party = ${one})`);
    conditions.push(sql`EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id AND p.party = ${two})`);
  }
  if (filter.activeOn !== undefined) conditions.push(sql`d.active @> ${filter.activeOn}::date`);
  if (filter.fromYear !== undefined || filter.toYear !== undefined)
    conditions.push(
      sql`d.active && daterange(make_date(${filter.fromYear ?? 1}, 1, 1), make_date(${filter.toYear ?? 9999}, 12, 31), '[]')`,
    );
  return sql.join(conditions, sql` AND `);
}

/** What a list shows of a dispute (DisputeListRow), its parties included; `d` is the dispute. */
const BRIEF_COLUMNS = sql`
  d.id, d.mid_number AS "midNumber",
  json_build_object('en', d.name_en, 'es', d.name_es, 'pt', d.name_pt, 'fr', d.name_fr) AS names,
  d.starts_on::text AS start, d.start_precision AS "startPrecision",
  d.ends_on::text AS "end", d.end_precision AS "endPrecision", d.ongoing, d.hostility, d.fatality,
  d.dataset_version AS "datasetVersion",
  (SELECT coalesce(json_agg(json_build_object('party', p.party, 'name', p.name, 'side', p.side)
                            ORDER BY p.side, p.party), '[]')
     FROM dispute_parties p WHERE p.dispute_id = d.id) AS parties`;

/** A page of disputes, newest first, with the number of all that match. */
export async function listDisputes(
  db: Executor,
  filter: DisputeFilter,
): Promise<{ rows: DisputeListRow[]; total: number }> {
  const where = filterConditions(filter);
  const result = await db.execute(sql`
    SELECT ${BRIEF_COLUMNS}
    FROM disputes d
    WHERE ${where}
    ORDER BY d.starts_on DESC, d.id
    LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  const counted = await db.execute(sql`SELECT count(*)::int AS total FROM disputes d WHERE ${where}`);
  return {
    rows: z.array(listRow).parse(result.rows),
    total: z.object({ total: z.number() }).parse(counted.rows[0]).total,
  };
}

const yearRow = z.object({
  disputeId: z.string(),
  year: z.number(),
  hostility: z.number().nullable(),
});

/**
 * The years of each of these disputes in which `party` (and `other`, if given) took part, with
 * the highest hostility of its pairs that year: "its incidents by year".
 */
export async function yearsOf(
  db: Executor,
  disputeIds: string[],
  party: string,
  other?: string,
): Promise<Array<z.output<typeof yearRow>>> {
  if (disputeIds.length === 0) return [];
  const mine = other === undefined ? sql`(y.party_1 = ${party} OR y.party_2 = ${party})` : pairCondition(party, other);
  const result = await db.execute(sql`
    SELECT y.dispute_id AS "disputeId", y.year,
           max(greatest(y.hostility_1, y.hostility_2))::int AS hostility
    FROM dispute_dyad_years y
    WHERE y.dispute_id = ANY(${textArray(disputeIds)}) AND ${mine}
    GROUP BY y.dispute_id, y.year
    ORDER BY y.dispute_id, y.year`);
  return z.array(yearRow).parse(result.rows);
}

function pairCondition(one: string, two: string): SQL {
  const [first, second] = one < two ? [one, two] : [two, one];
  return sql`(y.party_1 = ${first} AND y.party_2 = ${second})`;
}

const summaryRow = z.object({
  disputes: z.number(),
  firstYear: z.number().nullable(),
  lastYear: z.number().nullable(),
  highestHostility: z.number().nullable(),
  wars: z.array(z.number()).nullable(),
});

/**
 * A pair's summary over its pair-years: how many disputes, the first and last year, the highest
 * hostility either reached towards the other (the higher of the two levels, in any year), and
 * the MID numbers of the disputes in which that reached war (5).
 */
export async function pairSummary(db: Executor, one: string, two: string): Promise<z.output<typeof summaryRow>> {
  const result = await db.execute(sql`
    SELECT count(DISTINCT y.dispute_id)::int AS disputes, min(y.year) AS "firstYear", max(y.year) AS "lastYear",
           max(greatest(y.hostility_1, y.hostility_2))::int AS "highestHostility",
           array_agg(DISTINCT d.mid_number ORDER BY d.mid_number)
             FILTER (WHERE greatest(y.hostility_1, y.hostility_2) = 5 AND d.mid_number IS NOT NULL) AS wars
    FROM dispute_dyad_years y JOIN disputes d ON d.id = y.dispute_id
    WHERE ${pairCondition(one, two)}`);
  return summaryRow.parse(result.rows[0]);
}

const pairCountRow = z.object({
  party1: z.string(),
  party2: z.string(),
  disputes: z.number(),
  firstYear: z.number(),
  lastYear: z.number(),
  highestHostility: z.number().nullable(),
});
export type PairCountRow = z.output<typeof pairCountRow>;

/** Every pair with disputes in the years given (of `party`, if given): how many, and the highest hostility. */
export async function pairCounts(
  db: Executor,
  filter: { party?: string; fromYear?: number; toYear?: number; limit: number },
): Promise<PairCountRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.party !== undefined) conditions.push(sql`(y.party_1 = ${filter.party} OR y.party_2 = ${filter.party})`);
  if (filter.fromYear !== undefined) conditions.push(sql`y.year >= ${filter.fromYear}`);
  if (filter.toYear !== undefined) conditions.push(sql`y.year <= ${filter.toYear}`);
  const result = await db.execute(sql`
    SELECT y.party_1 AS "party1", y.party_2 AS "party2", count(DISTINCT y.dispute_id)::int AS disputes,
           min(y.year) AS "firstYear", max(y.year) AS "lastYear",
           max(greatest(y.hostility_1, y.hostility_2))::int AS "highestHostility"
    FROM dispute_dyad_years y
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY y.party_1, y.party_2
    ORDER BY disputes DESC, y.party_1, y.party_2
    LIMIT ${filter.limit}`);
  return z.array(pairCountRow).parse(result.rows);
}

const disputeRow = z.object({
  id: z.string(),
  midNumber: z.number().nullable(),
  midEpisodes: z.array(z.number()),
  names: z.object(names),
  summaries: z.object(names),
  start: z.string(),
  startPrecision: precision,
  end: z.string().nullable(),
  endPrecision: precision.nullable(),
  ongoing: z.boolean(),
  hostility: z.number().nullable(),
  highestAction: z.number().nullable(),
  fatality: z.number().nullable(),
  outcome: z.number().nullable(),
  settlement: z.number().nullable(),
  minDurationDays: z.number().nullable(),
  maxDurationDays: z.number().nullable(),
  ...cited,
  datasetVersion: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type DisputeRow = z.output<typeof disputeRow>;

export async function findDispute(db: Executor, id: string): Promise<DisputeRow | undefined> {
  const result = await db.execute(sql`
    SELECT id, mid_number AS "midNumber", mid_episodes AS "midEpisodes",
           json_build_object('en', name_en, 'es', name_es, 'pt', name_pt, 'fr', name_fr) AS names,
           json_build_object('en', summary_en, 'es', summary_es, 'pt', summary_pt, 'fr', summary_fr) AS summaries,
           starts_on::text AS start, start_precision AS "startPrecision", ends_on::text AS "end",
           end_precision AS "endPrecision", ongoing, hostility, highest_action AS "highestAction", fatality,
           outcome, settlement, min_duration_days AS "minDurationDays", max_duration_days AS "maxDurationDays",
           source_id AS "sourceId", quote, locator, dataset_version AS "datasetVersion", recorded_by AS "recordedBy"
    FROM disputes WHERE id = ${id}`);
  const row = result.rows[0];
  return row === undefined ? undefined : disputeRow.parse(row);
}

/** The id of the dispute with this MID number, if imported. */
export async function disputeIdOfMidNumber(db: Executor, number: number): Promise<string | undefined> {
  const result = await db.execute(sql`SELECT id FROM disputes WHERE mid_number = ${number}`);
  return (result.rows[0] as { id: string } | undefined)?.id;
}

export async function partiesOf(db: Executor, disputeId: string): Promise<DisputePartyRow[]> {
  const result = await db.execute(sql`
    SELECT party, state_code AS "stateCode", cow_code AS "cowCode", name, side, joined, revisionist,
           seeks::text[] AS seeks, hostility, highest_action AS "highestAction", fatality,
           first_year AS "firstYear", last_year AS "lastYear"
    FROM dispute_parties WHERE dispute_id = ${disputeId} ORDER BY side, party`);
  return z.array(partyRow).parse(result.rows);
}

const dyadYearRow = z.object({
  party1: z.string(),
  party2: z.string(),
  year: z.number(),
  hostility1: z.number().nullable(),
  hostility2: z.number().nullable(),
  action1: z.number().nullable(),
  action2: z.number().nullable(),
  fatality1: z.number().nullable(),
  fatality2: z.number().nullable(),
});
export type DyadYearRow = z.output<typeof dyadYearRow>;

export async function dyadYearsOf(
  db: Executor,
  disputeIds: string[],
): Promise<Array<DyadYearRow & { disputeId: string }>> {
  if (disputeIds.length === 0) return [];
  const result = await db.execute(sql`
    SELECT dispute_id AS "disputeId", party_1 AS "party1", party_2 AS "party2", year,
           hostility_1 AS "hostility1", hostility_2 AS "hostility2", action_1 AS "action1", action_2 AS "action2",
           fatality_1 AS "fatality1", fatality_2 AS "fatality2"
    FROM dispute_dyad_years WHERE dispute_id = ANY(${textArray(disputeIds)})
    ORDER BY year, party_1, party_2`);
  return z.array(dyadYearRow.extend({ disputeId: z.string() })).parse(result.rows);
}

const incidentRow = z.object({
  id: z.number(),
  date: z.string(),
  precision: precision,
  titles: z.object(names),
  hostility: z.number().nullable(),
  highestAction: z.number().nullable(),
  ...cited,
});
export type IncidentRow = z.output<typeof incidentRow>;

export async function incidentsOf(db: Executor, disputeId: string): Promise<IncidentRow[]> {
  const result = await db.execute(sql`
    SELECT id::int, occurred_on::text AS date, precision,
           json_build_object('en', title_en, 'es', title_es, 'pt', title_pt, 'fr', title_fr) AS titles,
           hostility, highest_action AS "highestAction", source_id AS "sourceId", quote, locator
    FROM dispute_incidents WHERE dispute_id = ${disputeId} ORDER BY occurred_on, id`);
  return z.array(incidentRow).parse(result.rows);
}

const claimRow = z.object({
  field: z.string(),
  value: z.string(),
  ...cited,
});

export async function claimsOf(db: Executor, disputeId: string): Promise<Array<z.output<typeof claimRow>>> {
  const result = await db.execute(sql`
    SELECT field, value, source_id AS "sourceId", quote, locator FROM dispute_claims
    WHERE dispute_id = ${disputeId} ORDER BY field, id`);
  return z.array(claimRow).parse(result.rows);
}

/** The MID disputes that are episodes of a recorded dispute, by their numbers. */
export async function episodesOf(db: Executor, numbers: number[]): Promise<DisputeListRow[]> {
  if (numbers.length === 0) return [];
  const result = await db.execute(sql`
    SELECT ${BRIEF_COLUMNS}
    FROM disputes d WHERE d.mid_number = ANY(${`{${numbers.join(",")}}`}::int[])
    ORDER BY d.starts_on`);
  return z.array(listRow).parse(result.rows);
}

const caseRow = z.object({
  id: z.string(),
  court: z.string(),
  titles: z.object(names),
  applicant: z.string(),
  respondent: z.string(),
  disputeId: z.string().nullable(),
  basis: z.string(),
  status: z.enum(["pending", "decided", "discontinued"]),
  ...cited,
  stages: z.array(
    z.object({
      stage: z.string(),
      date: z.string(),
      summaries: z.object(names),
      document: z.string().nullable(),
      ...cited,
    }),
  ),
});
export type CaseRow = z.output<typeof caseRow>;

/** Cases, with their stages in order: of a state (as either party), of a dispute, or one by id. */
export async function listCases(
  db: Executor,
  filter: { state?: string; disputeId?: string; id?: string },
): Promise<CaseRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.state !== undefined)
    conditions.push(sql`(c.applicant = ${filter.state} OR c.respondent = ${filter.state})`);
  if (filter.disputeId !== undefined) conditions.push(sql`c.dispute_id = ${filter.disputeId}`);
  if (filter.id !== undefined) conditions.push(sql`c.id = ${filter.id}`);
  const result = await db.execute(sql`
    SELECT c.id, c.court, json_build_object('en', c.title_en, 'es', c.title_es, 'pt', c.title_pt, 'fr', c.title_fr) AS titles,
           c.applicant, c.respondent, c.dispute_id AS "disputeId", c.basis, c.status, c.source_id AS "sourceId",
           c.quote, c.locator,
           (SELECT coalesce(json_agg(json_build_object(
                      'stage', s.stage, 'date', s.decided_on::text,
                      'summaries', json_build_object('en', s.summary_en, 'es', s.summary_es, 'pt', s.summary_pt, 'fr', s.summary_fr),
                      'document', s.document, 'sourceId', s.source_id, 'quote', s.quote, 'locator', s.locator)
                    ORDER BY s.decided_on, s.id), '[]')
              FROM court_case_stages s WHERE s.case_id = c.id) AS stages
    FROM court_cases c
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY (SELECT min(s.decided_on) FROM court_case_stages s WHERE s.case_id = c.id) DESC NULLS LAST, c.id`);
  return z.array(caseRow).parse(result.rows);
}

const dialogueRow = z.object({
  id: z.string(),
  kind: z.string(),
  titles: z.object(names),
  states: z.array(z.string()),
  disputeId: z.string().nullable(),
  start: z.string(),
  startPrecision: precision,
  end: z.string().nullable(),
  endPrecision: precision.nullable(),
  participants: z.string().nullable(),
  outcome: z.string().nullable(),
  ...cited,
});
export type DialogueRow = z.output<typeof dialogueRow>;

/** Dialogue of a dispute, or between states (every one of `states` among its states). */
export async function listDialogues(
  db: Executor,
  filter: { disputeId?: string; states?: string[] },
): Promise<DialogueRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.disputeId !== undefined) conditions.push(sql`g.dispute_id = ${filter.disputeId}`);
  if (filter.states !== undefined) conditions.push(sql`g.states @> ${textArray(filter.states)}`);
  const result = await db.execute(sql`
    SELECT g.id, g.kind, json_build_object('en', g.title_en, 'es', g.title_es, 'pt', g.title_pt, 'fr', g.title_fr) AS titles,
           g.states, g.dispute_id AS "disputeId", g.starts_on::text AS start, g.start_precision AS "startPrecision",
           g.ends_on::text AS "end", g.end_precision AS "endPrecision", g.participants, g.outcome,
           g.source_id AS "sourceId", g.quote, g.locator
    FROM dialogues g WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY g.starts_on, g.id`);
  return z.array(dialogueRow).parse(result.rows);
}

/** A text[] parameter (ids and codes here hold no commas, quotes or braces: the tables' checks). */
function textArray(values: string[]): SQL {
  return sql`${`{${values.join(",")}}`}::text[]`;
}

const relationOnRow = z.object({
  party: z.string(),
  organization: z.string(),
  kind: z.string(),
  designation: z.string().nullable(),
});

/** What the registry says each party was on the day: its relations towards others (organisations, designating states). */
export async function relationsOn(
  db: Executor,
  parties: string[],
  day: string,
): Promise<Record<string, Array<{ organization: string; kind: string; designation: string | null }>>> {
  const byParty: Record<string, Array<{ organization: string; kind: string; designation: string | null }>> = {};
  for (const party of parties) byParty[party] = [];
  const states = parties.filter((party) => /^[A-Z]{3}$/.test(party));
  if (states.length === 0) return byParty;
  const result = await db.execute(sql`
    SELECT r.subject_code AS party, r.object_code AS organization, r.kind::text AS kind, r.designation
    FROM relations r
    WHERE r.subject_code = ANY(${textArray(states)}) AND r.valid @> ${day}::date
    ORDER BY r.subject_code, r.object_code, r.kind`);
  for (const row of z.array(relationOnRow).parse(result.rows))
    byParty[row.party]?.push({ organization: row.organization, kind: row.kind, designation: row.designation });
  return byParty;
}

const sourceRow = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  published: z.string().nullable(),
  publishedPrecision: precision.nullable(),
  url: z.string().nullable(),
  archive: z.string().nullable(),
});
export type DisputeSourceRow = z.output<typeof sourceRow>;

/** The sources of these ids, for citing them beside the facts that name them. */
export async function sourcesByIds(db: Executor, ids: string[]): Promise<DisputeSourceRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    SELECT id, title, publisher, published::text AS published, published_precision AS "publishedPrecision", url, archive
    FROM sources WHERE id = ANY(${textArray(ids)}) ORDER BY id`);
  return z.array(sourceRow).parse(result.rows);
}
