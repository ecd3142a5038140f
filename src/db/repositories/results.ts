/**
 * Cooperation results in IATI 2.03's model (indicators of a programme's goals, their reporters,
 * reporting periods with targets, updates with their approval, each person's daily digest): SQL
 * and nothing else. A programme's whole results page is four statements however many updates it
 * has: its programme, its indicators with their reporters, its periods with every figure the
 * page shows aggregated in SQL (the approved values' sum, the approved numerators' and
 * denominators' sums, the latest approved value and narrative, the updates counted by status),
 * and its updates waiting for approval.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { MEASURES, type Measure, UPDATE_STATUSES, type UpdateStatus } from "../../domain/cooperation.ts";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

/** A `numeric` arrives as text from a bare statement (exact), a number once Drizzle maps it. */
const numeric = z
  .union([z.number(), z.string()])
  .nullable()
  .transform((value) => (value === null ? null : Number(value)));
/** A `bigint` count or id arrives as text. */
const whole = z.union([z.number(), z.string()]).transform((value) => Number(value));
/** An instant, written by PostgreSQL as ISO 8601 in UTC (`iso` below). */
const instant = z.string();
/** A `timestamptz` column as ISO 8601 in UTC, to the millisecond: `2024-03-29T10:00:00.123Z`. */
const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const idRow = z.object({ id: whole });
const countRow = z.object({ n: whole });
const day = z.string();
const names = z.object({ en: z.string(), es: z.string(), pt: z.string(), fr: z.string() });
const titles = z.object({
  en: z.string(),
  es: z.string().nullable(),
  pt: z.string().nullable(),
  fr: z.string().nullable(),
});
export type Titles = z.output<typeof titles>;

// ------------------------------------------------------------------------------ programmes

const programmeRow = z.object({
  id: whole,
  organization: z.string(),
  partner: z.string(),
  kind: z.string(),
  start: day,
  end: day,
  reconstructed: z.boolean(),
  partnerIso2: z.string().nullable(),
  partnerNames: names,
  organizationNames: names,
  /** The latest version's status, and the version reported publicly (in force, else the latest). */
  latestStatus: z.string().nullable(),
  reportedVersion: z.number().nullable(),
  /** The first day any version was in force (the activity's actual start), if one ever was. */
  inForceSince: day.nullable(),
  inForceNow: z.boolean(),
});
export type ResultsProgrammeRow = z.output<typeof programmeRow>;

/** What results need of a programme: whose it is, its period (inclusive end), names for the IATI export. */
export async function findProgramme(db: Executor, id: number): Promise<ResultsProgrammeRow | undefined> {
  const { rows } = await db.execute(sql`
    SELECT p.id, p.organization_code AS organization, p.partner_code AS partner, p.kind,
           lower(p.period) AS start, (upper(p.period) - 1) AS "end", p.reconstructed,
           pa.iso_alpha2 AS "partnerIso2",
           json_build_object('en', pa.name_en, 'es', pa.name_es, 'pt', pa.name_pt, 'fr', pa.name_fr) AS "partnerNames",
           json_build_object('en', o.name_en, 'es', o.name_es, 'pt', o.name_pt, 'fr', o.name_fr) AS "organizationNames",
           (SELECT v.status::text FROM programme_versions v WHERE v.programme_id = p.id ORDER BY v.number DESC LIMIT 1) AS "latestStatus",
           COALESCE((SELECT v.number FROM programme_versions v WHERE v.programme_id = p.id AND v.status = 'in-force'),
                    (SELECT max(v.number) FROM programme_versions v WHERE v.programme_id = p.id)) AS "reportedVersion",
           (SELECT min(v.in_force_from) FROM programme_versions v WHERE v.programme_id = p.id) AS "inForceSince",
           EXISTS (SELECT 1 FROM programme_versions v WHERE v.programme_id = p.id AND v.status = 'in-force') AS "inForceNow"
    FROM programmes p
    JOIN actors pa ON pa.code = p.partner_code
    JOIN actors o ON o.code = p.organization_code
    WHERE p.id = ${id}`);
  const row = rows[0];
  return row === undefined ? undefined : programmeRow.parse(row);
}

const goalRow = z.object({ ref: z.string(), titles, description: z.string().nullable() });
export type ResultsGoalRow = z.output<typeof goalRow>;

/**
 * The programme's partnership goals by reference, each as its latest version has it, in the
 * tree's order (objective, then goal): results belong to the programme and follow a goal's
 * reference across versions.
 */
export async function goalsOf(db: Executor, programmeId: number): Promise<ResultsGoalRow[]> {
  const { rows } = await db.execute(sql`
    SELECT ref, titles, description FROM (
      SELECT DISTINCT ON (g.ref) g.ref,
             json_build_object('en', g.title_en, 'es', g.title_es, 'pt', g.title_pt, 'fr', g.title_fr) AS titles,
             g.description, o.position AS objective_position, o.id AS objective_id, g.position, g.id
      FROM programme_goals g JOIN programme_objectives o ON o.id = g.objective_id
      WHERE g.programme_id = ${programmeId}
      ORDER BY g.ref, g.version DESC) latest
    ORDER BY objective_position, objective_id, position, id`);
  return rows.map((row) => goalRow.parse(row));
}

export async function goalExists(db: Executor, programmeId: number, goalRef: string): Promise<boolean> {
  const { rows } = await db.execute(
    sql`SELECT 1 FROM programme_goals WHERE programme_id = ${programmeId} AND ref = ${goalRef} LIMIT 1`,
  );
  return rows.length > 0;
}

// ------------------------------------------------------------------------------ indicators

const indicatorRow = z.object({
  id: whole,
  programmeId: whole,
  goalRef: z.string(),
  ref: z.string(),
  position: z.number(),
  titles,
  description: z.string().nullable(),
  measure: z.enum(MEASURES),
  ascending: z.boolean(),
  baselineYear: z.number().nullable(),
  baselineValue: numeric,
  baselineNumerator: numeric,
  baselineDenominator: numeric,
  baselineComment: z.string().nullable(),
  reporters: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type IndicatorRow = z.output<typeof indicatorRow>;

const indicatorColumns = sql`
  i.id, i.programme_id AS "programmeId", i.goal_ref AS "goalRef", i.ref, i.position,
  json_build_object('en', i.title_en, 'es', i.title_es, 'pt', i.title_pt, 'fr', i.title_fr) AS titles,
  i.description, i.measure, i.ascending, i.baseline_year AS "baselineYear", i.baseline_value AS "baselineValue",
  i.baseline_numerator AS "baselineNumerator", i.baseline_denominator AS "baselineDenominator",
  i.baseline_comment AS "baselineComment",
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.display_name) ORDER BY a.display_name, a.id)
            FROM indicator_reporters r JOIN accounts a ON a.id = r.account_id
            WHERE r.indicator_id = i.id), '[]'::json) AS reporters`;

/** A programme's indicators in order, each with its reporters. */
export async function indicatorsOf(db: Executor, programmeId: number): Promise<IndicatorRow[]> {
  return indicatorsOfProgrammes(db, [programmeId]);
}

/** The indicators of several programmes (a list's progress), by programme, each in order. */
export async function indicatorsOfProgrammes(db: Executor, programmeIds: readonly number[]): Promise<IndicatorRow[]> {
  if (programmeIds.length === 0) return [];
  const { rows } = await db.execute(sql`
    SELECT ${indicatorColumns} FROM indicators i
    WHERE i.programme_id = ANY(${sql.param([...programmeIds])}::bigint[])
    ORDER BY i.programme_id, i.position, i.id`);
  return rows.map((row) => indicatorRow.parse(row));
}

export async function findIndicator(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<IndicatorRow | undefined> {
  const { rows } = await db.execute(
    sql`SELECT ${indicatorColumns} FROM indicators i WHERE i.id = ${id} ${options.lock ? sql`FOR UPDATE OF i` : sql``}`,
  );
  const row = rows[0];
  return row === undefined ? undefined : indicatorRow.parse(row);
}

export type IndicatorFields = {
  goalRef: string;
  ref: string;
  titles: Titles;
  description: string | null;
  measure: Measure;
  ascending: boolean;
  baselineYear: number | null;
  baselineValue: number | null;
  baselineNumerator: number | null;
  baselineDenominator: number | null;
  baselineComment: string | null;
};

/** Whether another indicator of the programme has this reference. */
export async function indicatorRefTaken(
  db: Executor,
  programmeId: number,
  ref: string,
  exceptId: number | null,
): Promise<boolean> {
  const { rows } = await db.execute(sql`
    SELECT 1 FROM indicators WHERE programme_id = ${programmeId} AND ref = ${ref}
      AND (${exceptId}::bigint IS NULL OR id <> ${exceptId}::bigint) LIMIT 1`);
  return rows.length > 0;
}

/** Adds an indicator at the end of its programme's list; its id. */
export async function insertIndicator(db: Executor, programmeId: number, fields: IndicatorFields): Promise<number> {
  const { rows } = await db.execute(sql`
    INSERT INTO indicators (programme_id, goal_ref, ref, position, title_en, title_es, title_pt, title_fr, description,
                            measure, ascending, baseline_year, baseline_value, baseline_numerator,
                            baseline_denominator, baseline_comment)
    VALUES (${programmeId}, ${fields.goalRef}, ${fields.ref},
            (SELECT COALESCE(max(position) + 1, 0) FROM indicators WHERE programme_id = ${programmeId}),
            ${fields.titles.en}, ${fields.titles.es}, ${fields.titles.pt}, ${fields.titles.fr}, ${fields.description},
            ${fields.measure}::indicator_measure, ${fields.ascending}, ${fields.baselineYear},
            ${fields.baselineValue}::numeric, ${fields.baselineNumerator}::numeric,
            ${fields.baselineDenominator}::numeric, ${fields.baselineComment})
    RETURNING id`);
  return idRow.parse(rows[0]).id;
}

export async function updateIndicator(db: Executor, id: number, fields: IndicatorFields): Promise<void> {
  await db.execute(sql`
    UPDATE indicators SET goal_ref = ${fields.goalRef}, ref = ${fields.ref}, title_en = ${fields.titles.en},
      title_es = ${fields.titles.es}, title_pt = ${fields.titles.pt}, title_fr = ${fields.titles.fr},
      description = ${fields.description}, measure = ${fields.measure}::indicator_measure,
      ascending = ${fields.ascending}, baseline_year = ${fields.baselineYear},
      baseline_value = ${fields.baselineValue}::numeric, baseline_numerator = ${fields.baselineNumerator}::numeric,
      baseline_denominator = ${fields.baselineDenominator}::numeric, baseline_comment = ${fields.baselineComment}
    WHERE id = ${id}`);
}

/** How many updates an indicator has had, whatever their status. */
export async function countUpdatesOfIndicator(db: Executor, indicatorId: number): Promise<number> {
  const { rows } = await db.execute(sql`
    SELECT count(*) AS n FROM indicator_updates u JOIN indicator_periods p ON p.id = u.period_id
    WHERE p.indicator_id = ${indicatorId}`);
  return countRow.parse(rows[0]).n;
}

// ------------------------------------------------------------------------------ reporters

const accountRow = z.object({ id: z.string(), organization: z.string(), name: z.string() });

/** The accounts of these ids that exist (ids that are not a UUID match none). */
export async function accountsByIds(db: Executor, ids: readonly string[]): Promise<Array<z.output<typeof accountRow>>> {
  if (ids.length === 0) return [];
  const { rows } = await db.execute(sql`
    SELECT a.id, a.organization_code AS organization, a.display_name AS name FROM accounts a
    WHERE a.id::text = ANY (${sql.param([...ids])}::text[])`);
  return rows.map((row) => accountRow.parse(row));
}

/** The indicator's reporters become exactly these accounts. */
export async function replaceReporters(
  db: Executor,
  indicatorId: number,
  accountIds: readonly string[],
): Promise<void> {
  await db.execute(sql`DELETE FROM indicator_reporters WHERE indicator_id = ${indicatorId}`);
  if (accountIds.length === 0) return;
  await db.execute(sql`
    INSERT INTO indicator_reporters (indicator_id, account_id)
    SELECT ${indicatorId}, id FROM unnest(${sql.param([...accountIds])}::uuid[]) AS id ON CONFLICT DO NOTHING`);
}

// ------------------------------------------------------------------------------ periods

const periodRow = z.object({
  id: whole,
  indicatorId: whole,
  start: day,
  end: day,
  targetValue: numeric,
  targetNumerator: numeric,
  targetDenominator: numeric,
  targetComment: z.string().nullable(),
  lockedAt: instant.nullable(),
  lockedBy: z.string().nullable(),
});
export type PeriodRow = z.output<typeof periodRow>;

const periodColumns = sql`
  p.id, p.indicator_id AS "indicatorId", p.starts_on AS start, p.ends_on AS "end",
  p.target_value AS "targetValue", p.target_numerator AS "targetNumerator",
  p.target_denominator AS "targetDenominator", p.target_comment AS "targetComment",
  ${iso("p.locked_at")} AS "lockedAt", p.locked_by AS "lockedBy"`;

const aggregatedPeriodRow = periodRow.extend({
  drafts: whole,
  pending: whole,
  approved: whole,
  returned: whole,
  approvedValueSum: numeric,
  approvedNumeratorSum: numeric,
  approvedDenominatorSum: numeric,
  latestValue: numeric,
  latestNarrative: z.string().nullable(),
});
/** A period with its updates aggregated (only approved ones count towards the actual). */
export type AggregatedPeriodRow = z.output<typeof aggregatedPeriodRow>;

/**
 * The periods of a programme's indicators, in each indicator's order, with everything the
 * results page shows of their updates computed by PostgreSQL: counts per status; the sum of the
 * approved values; the sums of the approved numerators and denominators (of the updates that
 * have both, as `periodActual` pools them); the latest approved value and narrative (latest by
 * approval, then by id). The updates are read through (period_id, status) only.
 */
export async function aggregatedPeriodsOf(db: Executor, programmeId: number): Promise<AggregatedPeriodRow[]> {
  return aggregatedPeriodsOfProgrammes(db, [programmeId]);
}

/** The periods of several programmes' indicators with their updates counted and summed, as aggregatedPeriodsOf. */
export async function aggregatedPeriodsOfProgrammes(
  db: Executor,
  programmeIds: readonly number[],
): Promise<AggregatedPeriodRow[]> {
  if (programmeIds.length === 0) return [];
  const { rows } = await db.execute(sql`
    SELECT ${periodColumns}, a.*
    FROM indicators i
    JOIN indicator_periods p ON p.indicator_id = i.id
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE u.status = 'draft') AS drafts,
             count(*) FILTER (WHERE u.status = 'pending-approval') AS pending,
             count(*) FILTER (WHERE u.status = 'approved') AS approved,
             count(*) FILTER (WHERE u.status = 'returned') AS returned,
             sum(u.value) FILTER (WHERE u.status = 'approved') AS "approvedValueSum",
             sum(u.numerator) FILTER (WHERE u.status = 'approved' AND u.numerator IS NOT NULL AND u.denominator IS NOT NULL)
               AS "approvedNumeratorSum",
             sum(u.denominator) FILTER (WHERE u.status = 'approved' AND u.numerator IS NOT NULL AND u.denominator IS NOT NULL)
               AS "approvedDenominatorSum",
             (array_agg(u.value ORDER BY u.reviewed_at DESC, u.id DESC) FILTER (WHERE u.status = 'approved'))[1]
               AS "latestValue",
             (array_agg(u.narrative ORDER BY u.reviewed_at DESC, u.id DESC) FILTER (WHERE u.status = 'approved'))[1]
               AS "latestNarrative"
      FROM indicator_updates u WHERE u.period_id = p.id) a
    WHERE i.programme_id = ANY(${sql.param([...programmeIds])}::bigint[])
    ORDER BY i.programme_id, i.position, i.id, p.starts_on, p.id`);
  return rows.map((row) => aggregatedPeriodRow.parse(row));
}

export async function periodsOfIndicator(db: Executor, indicatorId: number): Promise<PeriodRow[]> {
  const { rows } = await db.execute(
    sql`SELECT ${periodColumns} FROM indicator_periods p WHERE p.indicator_id = ${indicatorId} ORDER BY p.starts_on`,
  );
  return rows.map((row) => periodRow.parse(row));
}

export type PeriodFields = {
  start: string;
  end: string;
  targetValue: number | null;
  targetNumerator: number | null;
  targetDenominator: number | null;
  targetComment: string | null;
};

export async function insertPeriod(db: Executor, indicatorId: number, fields: PeriodFields): Promise<PeriodRow> {
  const { rows } = await db.execute(sql`
    INSERT INTO indicator_periods AS p (indicator_id, starts_on, ends_on, target_value, target_numerator,
                                        target_denominator, target_comment)
    VALUES (${indicatorId}, ${fields.start}::date, ${fields.end}::date, ${fields.targetValue}::numeric,
            ${fields.targetNumerator}::numeric, ${fields.targetDenominator}::numeric, ${fields.targetComment})
    RETURNING ${periodColumns}`);
  return periodRow.parse(rows[0]);
}

const periodContextRow = periodRow.extend({
  programmeId: whole,
  measure: z.enum(MEASURES),
  indicatorRef: z.string(),
  reporters: z.array(z.string()),
});
/** A period with what deciding on it takes: its indicator's programme, measure and reporters. */
export type PeriodContextRow = z.output<typeof periodContextRow>;

/** A period and its indicator, the period's row locked (`share`: against a lock; `update`: to lock it). */
export async function findPeriodContext(
  db: Executor,
  id: number,
  options: { lock?: "share" | "update" } = {},
): Promise<PeriodContextRow | undefined> {
  const lock =
    options.lock === "update" ? sql`FOR UPDATE OF p` : options.lock === "share" ? sql`FOR SHARE OF p` : sql``;
  const { rows } = await db.execute(sql`
    SELECT ${periodColumns}, i.programme_id AS "programmeId", i.measure, i.ref AS "indicatorRef",
           COALESCE(ARRAY(SELECT r.account_id::text FROM indicator_reporters r WHERE r.indicator_id = i.id), '{}') AS reporters
    FROM indicator_periods p JOIN indicators i ON i.id = p.indicator_id
    WHERE p.id = ${id} ${lock}`);
  const row = rows[0];
  return row === undefined ? undefined : periodContextRow.parse(row);
}

/** Locks an open period (now, by the database's clock); false if it was locked already. */
export async function lockPeriod(db: Executor, id: number, by: string): Promise<boolean> {
  const { rows } = await db.execute(sql`
    UPDATE indicator_periods SET locked_at = clock_timestamp(), locked_by = ${by}
    WHERE id = ${id} AND locked_at IS NULL RETURNING id`);
  return rows.length > 0;
}

// ------------------------------------------------------------------------------ updates

const updateRow = z.object({
  id: whole,
  periodId: whole,
  indicatorId: whole,
  value: numeric,
  numerator: numeric,
  denominator: numeric,
  narrative: z.string().nullable(),
  status: z.enum(UPDATE_STATUSES),
  reviewComment: z.string().nullable(),
  createdBy: z.string(),
  createdAt: instant,
  submittedAt: instant.nullable(),
  reviewedAt: instant.nullable(),
  reviewedBy: z.string().nullable(),
});
export type UpdateRow = z.output<typeof updateRow>;

const updateColumns = sql`
  u.id, u.period_id AS "periodId", p.indicator_id AS "indicatorId", u.value, u.numerator, u.denominator,
  u.narrative, u.status, u.review_comment AS "reviewComment", u.created_by AS "createdBy",
  ${iso("u.created_at")} AS "createdAt", ${iso("u.submitted_at")} AS "submittedAt",
  ${iso("u.reviewed_at")} AS "reviewedAt", u.reviewed_by AS "reviewedBy"`;

/** A programme's updates, oldest first. */
export async function updatesOf(db: Executor, programmeId: number): Promise<UpdateRow[]> {
  const { rows } = await db.execute(sql`
    SELECT ${updateColumns}
    FROM indicators i JOIN indicator_periods p ON p.indicator_id = i.id JOIN indicator_updates u ON u.period_id = p.id
    WHERE i.programme_id = ${programmeId}
    ORDER BY u.id`);
  return rows.map((row) => updateRow.parse(row));
}

/** A programme's updates waiting for approval, the longest waiting first. */
export async function updatesInStatusOf(
  db: Executor,
  programmeId: number,
  status: "pending-approval" | "returned",
): Promise<UpdateRow[]> {
  const { rows } = await db.execute(sql`
    SELECT ${updateColumns}
    FROM indicators i JOIN indicator_periods p ON p.indicator_id = i.id JOIN indicator_updates u ON u.period_id = p.id
    WHERE i.programme_id = ${programmeId} AND u.status = ${status}
    ORDER BY u.submitted_at, u.id`);
  return rows.map((row) => updateRow.parse(row));
}

export type UpdateValues = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
};

export async function insertUpdate(
  db: Executor,
  periodId: number,
  values: UpdateValues,
  createdBy: string,
): Promise<UpdateRow> {
  const { rows } = await db.execute(sql`
    WITH u AS (
      INSERT INTO indicator_updates (period_id, value, numerator, denominator, narrative, created_by)
      VALUES (${periodId}, ${values.value}::numeric, ${values.numerator}::numeric, ${values.denominator}::numeric,
              ${values.narrative}, ${createdBy})
      RETURNING *)
    SELECT ${updateColumns} FROM u JOIN indicator_periods p ON p.id = u.period_id`);
  return updateRow.parse(rows[0]);
}

const updateContextRow = updateRow.extend({
  programmeId: whole,
  measure: z.enum(MEASURES),
  reporters: z.array(z.string()),
  periodStart: day,
  periodEnd: day,
  periodLocked: z.boolean(),
});
/** An update with its period (dates, lock) and indicator (programme, measure, reporters). */
export type UpdateContextRow = z.output<typeof updateContextRow>;

/** An update with its period and indicator; with `lock`, the update's row is locked and the period's shared. */
export async function findUpdateContext(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<UpdateContextRow | undefined> {
  const { rows } = await db.execute(sql`
    SELECT ${updateColumns}, i.programme_id AS "programmeId", i.measure,
           COALESCE(ARRAY(SELECT r.account_id::text FROM indicator_reporters r WHERE r.indicator_id = i.id), '{}') AS reporters,
           p.starts_on AS "periodStart", p.ends_on AS "periodEnd", p.locked_at IS NOT NULL AS "periodLocked"
    FROM indicator_updates u JOIN indicator_periods p ON p.id = u.period_id JOIN indicators i ON i.id = p.indicator_id
    WHERE u.id = ${id} ${options.lock ? sql`FOR UPDATE OF u FOR SHARE OF p` : sql``}`);
  const row = rows[0];
  return row === undefined ? undefined : updateContextRow.parse(row);
}

/** Sends an update for approval (with its revised values): pending, submitted now, its last review cleared. */
export async function submitUpdate(db: Executor, id: number, values: UpdateValues): Promise<void> {
  await db.execute(sql`
    UPDATE indicator_updates SET status = 'pending-approval', submitted_at = clock_timestamp(),
      reviewed_at = NULL, reviewed_by = NULL, value = ${values.value}::numeric,
      numerator = ${values.numerator}::numeric, denominator = ${values.denominator}::numeric,
      narrative = ${values.narrative}
    WHERE id = ${id}`);
}

/** Approves an update, or returns it for revision with a comment: reviewed now, by `by`. */
export async function reviewUpdate(
  db: Executor,
  id: number,
  review: { status: Extract<UpdateStatus, "approved" | "returned">; by: string; comment: string | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE indicator_updates SET status = ${review.status}::indicator_update_status, reviewed_at = clock_timestamp(),
      reviewed_by = ${review.by},
      review_comment = CASE WHEN ${review.status} = 'returned' THEN ${review.comment} ELSE review_comment END
    WHERE id = ${id}`);
}

export async function findUpdate(db: Executor, id: number): Promise<UpdateRow | undefined> {
  const { rows } = await db.execute(sql`
    SELECT ${updateColumns} FROM indicator_updates u JOIN indicator_periods p ON p.id = u.period_id WHERE u.id = ${id}`);
  const row = rows[0];
  return row === undefined ? undefined : updateRow.parse(row);
}

// ------------------------------------------------------------------------------ the overview and digests

/** A digest's entries kept in its list (the count says how many there were in all). */
export const DIGEST_MAX_ITEMS = 500;

/**
 * Writes the digests of `day`: for each person, one row listing what needs them, whatever the
 * number of entries — to the reporters of an indicator, its open periods ending by `day` +
 * `withinDays` that have no approved or pending update (`missing`), and those already ended
 * without an approved one (`late`); to the organisation's secretariat, the updates waiting for
 * approval (`awaiting-approval`) and the late periods; to an update's author, their updates
 * returned for revision (`returned`). Only for `accounts` when given (the others' digests stay
 * as they are); a person with nothing left gets an empty digest where one was written that day.
 * Returns how many digests now list something.
 */
export async function writeDigests(
  db: Executor,
  input: { day: string; withinDays: number; accounts?: readonly string[] },
): Promise<number> {
  const only = input.accounts ? sql`WHERE e.account_id::text = ANY (${sql.param([...input.accounts])}::text[])` : sql``;
  const horizon = sql`(${input.day}::date + ${input.withinDays}::integer)`;
  const { rows } = await db.execute(sql`
    WITH open_periods AS (
      SELECT p.id AS period_id, p.starts_on, p.ends_on, i.id AS indicator_id, i.ref AS indicator_ref, i.goal_ref,
             pr.id AS programme_id, pr.organization_code, pr.partner_code,
             EXISTS (SELECT 1 FROM indicator_updates u WHERE u.period_id = p.id AND u.status = 'approved') AS has_approved,
             EXISTS (SELECT 1 FROM indicator_updates u WHERE u.period_id = p.id AND u.status = 'pending-approval') AS has_pending
      FROM indicator_periods p JOIN indicators i ON i.id = p.indicator_id JOIN programmes pr ON pr.id = i.programme_id
      WHERE p.locked_at IS NULL AND p.ends_on <= ${horizon}),
    due AS (
      SELECT *, CASE WHEN ends_on < ${input.day}::date AND NOT has_approved THEN 'late'
                     WHEN NOT has_approved AND NOT has_pending THEN 'missing' END AS kind
      FROM open_periods),
    entries AS (
      SELECT r.account_id, d.kind, d.programme_id, d.partner_code, d.indicator_id, d.indicator_ref, d.goal_ref,
             d.period_id, d.starts_on, d.ends_on, NULL::bigint AS update_id
      FROM due d JOIN indicator_reporters r ON r.indicator_id = d.indicator_id
      WHERE d.kind IS NOT NULL
      UNION ALL
      SELECT a.id, d.kind, d.programme_id, d.partner_code, d.indicator_id, d.indicator_ref, d.goal_ref,
             d.period_id, d.starts_on, d.ends_on, NULL::bigint
      FROM due d JOIN accounts a ON a.organization_code = d.organization_code
        AND a.role IN ('secretariat-admin', 'secretariat-staff') AND a.disabled_at IS NULL
      WHERE d.kind = 'late'
        AND NOT EXISTS (SELECT 1 FROM indicator_reporters r WHERE r.indicator_id = d.indicator_id AND r.account_id = a.id)
      UNION ALL
      SELECT a.id, 'awaiting-approval', pr.id, pr.partner_code, i.id, i.ref, i.goal_ref, p.id, p.starts_on, p.ends_on, u.id
      FROM indicator_updates u JOIN indicator_periods p ON p.id = u.period_id JOIN indicators i ON i.id = p.indicator_id
      JOIN programmes pr ON pr.id = i.programme_id
      JOIN accounts a ON a.organization_code = pr.organization_code
        AND a.role IN ('secretariat-admin', 'secretariat-staff') AND a.disabled_at IS NULL
      WHERE u.status = 'pending-approval'
      UNION ALL
      SELECT a.id, 'returned', pr.id, pr.partner_code, i.id, i.ref, i.goal_ref, p.id, p.starts_on, p.ends_on, u.id
      FROM indicator_updates u JOIN indicator_periods p ON p.id = u.period_id JOIN indicators i ON i.id = p.indicator_id
      JOIN programmes pr ON pr.id = i.programme_id JOIN accounts a ON a.id::text = u.created_by
      WHERE u.status = 'returned' AND p.locked_at IS NULL),
    chosen AS (SELECT e.* FROM entries e ${only}),
    ranked AS (
      SELECT c.*, row_number() OVER (PARTITION BY c.account_id
                                     ORDER BY CASE c.kind WHEN 'late' THEN 0 WHEN 'returned' THEN 1
                                                          WHEN 'awaiting-approval' THEN 2 ELSE 3 END,
                                              c.ends_on, c.period_id, c.update_id) AS n,
             count(*) OVER (PARTITION BY c.account_id) AS total
      FROM chosen c),
    grouped AS (
      SELECT account_id, max(total)::integer AS total,
             jsonb_agg(jsonb_build_object(
               'key', kind || ':' || COALESCE('update:' || update_id, 'period:' || period_id),
               'kind', kind, 'programmeId', programme_id, 'partner', partner_code, 'indicatorId', indicator_id,
               'indicatorRef', indicator_ref, 'goalRef', goal_ref, 'periodId', period_id,
               'start', starts_on, 'end', ends_on, 'updateId', update_id) ORDER BY n)
               FILTER (WHERE n <= ${DIGEST_MAX_ITEMS}) AS items
      FROM ranked GROUP BY account_id),
    written AS (
      INSERT INTO digests (account_id, day, items, total)
      SELECT account_id, ${input.day}::date, COALESCE(items, '[]'::jsonb), total FROM grouped
      ON CONFLICT (account_id, day) DO UPDATE
        SET items = EXCLUDED.items, total = EXCLUDED.total, updated_at = clock_timestamp()
      RETURNING account_id),
    emptied AS (
      UPDATE digests d SET items = '[]'::jsonb, total = 0, updated_at = clock_timestamp()
      WHERE d.day = ${input.day}::date AND d.total > 0
        AND NOT EXISTS (SELECT 1 FROM grouped g WHERE g.account_id = d.account_id)
        ${input.accounts ? sql`AND d.account_id::text = ANY (${sql.param([...input.accounts])}::text[])` : sql``}
      RETURNING d.account_id)
    SELECT (SELECT count(*) FROM written) AS written, (SELECT count(*) FROM emptied) AS emptied`);
  return z.object({ written: whole }).parse(rows[0]).written;
}

const digestRow = z.object({
  day,
  total: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["missing", "late", "awaiting-approval", "returned"]),
      programmeId: z.number(),
      partner: z.string(),
      indicatorId: z.number(),
      indicatorRef: z.string(),
      goalRef: z.string(),
      periodId: z.number(),
      start: day,
      end: day,
      updateId: z.number().nullable(),
    }),
  ),
  updatedAt: instant,
});
export type DigestRow = z.output<typeof digestRow>;

/** A person's latest digests, newest first. */
export async function digestsOf(db: Executor, accountId: string, limit: number): Promise<DigestRow[]> {
  const { rows } = await db.execute(sql`
    SELECT day, total, items, ${iso("updated_at")} AS "updatedAt" FROM digests
    WHERE account_id = ${accountId} ORDER BY day DESC LIMIT ${limit}`);
  return rows.map((row) => digestRow.parse(row));
}

/** How many digests each person has for `day` (tests and the digest's own checks read it). */
export async function digestCountsOn(db: Executor, day: string): Promise<Array<{ accountId: string; count: number }>> {
  const { rows } = await db.execute(sql`
    SELECT account_id AS "accountId", count(*)::integer AS count FROM digests WHERE day = ${day}::date
    GROUP BY account_id`);
  return rows.map((row) => z.object({ accountId: z.string(), count: z.number() }).parse(row));
}
