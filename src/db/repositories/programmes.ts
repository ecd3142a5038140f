/**
 * Individual cooperation programmes: SQL and nothing else. A programme (one per partner,
 * organisation and cycle; the database refuses overlapping cycles of one partner), its versions,
 * and each version's tree of objectives → goals → activities. A version's tree is read in three
 * indexed statements whatever its size (each table by its (programme_id, version, ref) key), and
 * written or copied in three more; deciding who may see or change what is the service's
 * (src/services/cooperation/programmes.ts).
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ActivityType, CooperationArea, VersionStatus } from "../../domain/cooperation.ts";
import type { Names } from "../../domain/languages.ts";
import type { Database, Transaction } from "../client.ts";
import {
  actors,
  menuItems,
  programmeActivities,
  programmeGoals,
  programmeObjectives,
  programmes,
  programmeVersions,
  sources,
} from "../schema.ts";

type Reader = Pick<Database, "select">;

/** A title in the four languages: English always, the others where translated. */
export type StoredTitles = { en: string; es: string | null; pt: string | null; fr: string | null };

export type ProgrammeRow = {
  id: number;
  organization: string;
  partner: string;
  partnerNames: Names;
  kind: string;
  /** The first and the last day of the programme's cycle (both included). */
  start: string;
  end: string;
  reconstructed: boolean;
  /** As PostgreSQL writes it. */
  createdAt: string;
  createdBy: string;
};

export type VersionRow = {
  programmeId: number;
  number: number;
  status: VersionStatus;
  summary: string | null;
  proposalId: number | null;
  sourceId: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  createdAt: string;
  createdBy: string;
};

export type SourceRef = { id: string; title: string } | null;

export type ObjectiveRow = {
  id: number;
  ref: string;
  position: number;
  area: CooperationArea | null;
  titles: StoredTitles;
  description: string | null;
  source: SourceRef;
  quote: string | null;
};

export type GoalRow = Omit<ObjectiveRow, "area"> & { objectiveId: number };

export type ActivityRow = {
  id: number;
  goalId: number;
  ref: string;
  position: number;
  /** Its own titles (a bespoke activity's, or a menu item's retitled); null in English when it takes the menu item's. */
  titles: { en: string | null; es: string | null; pt: string | null; fr: string | null };
  description: string | null;
  year: number;
  menuItem: { id: number; code: string; type: ActivityType; area: CooperationArea; titles: StoredTitles } | null;
  source: SourceRef;
  quote: string | null;
};

export type TreeRows = { objectives: ObjectiveRow[]; goals: GoalRow[]; activities: ActivityRow[] };

/** A version's tree as it is written: positions are the order given. */
export type NewActivity = {
  ref: string;
  menuItemId: number | null;
  titles: { en: string | null; es: string | null; pt: string | null; fr: string | null };
  description: string | null;
  year: number;
  sourceId: string | null;
  quote: string | null;
};
export type NewGoal = {
  ref: string;
  titles: StoredTitles;
  description: string | null;
  sourceId: string | null;
  quote: string | null;
  activities: NewActivity[];
};
export type NewObjective = {
  ref: string;
  area: CooperationArea | null;
  titles: StoredTitles;
  description: string | null;
  sourceId: string | null;
  quote: string | null;
  goals: NewGoal[];
};

// ------------------------------------------------------------------------------ programmes

const programmeColumns = {
  id: programmes.id,
  organization: programmes.organizationCode,
  partner: programmes.partnerCode,
  kind: programmes.kind,
  start: sql`lower(${programmes.period})::text`.mapWith(String),
  end: sql`(upper(${programmes.period}) - 1)::text`.mapWith(String),
  reconstructed: programmes.reconstructed,
  createdAt: programmes.createdAt,
  createdBy: programmes.createdBy,
  nameEn: actors.nameEn,
  nameEs: actors.nameEs,
  namePt: actors.namePt,
  nameFr: actors.nameFr,
};

type ProgrammeSelected = {
  id: number;
  organization: string;
  partner: string;
  kind: string;
  start: string;
  end: string;
  reconstructed: boolean;
  createdAt: string;
  createdBy: string;
  nameEn: string;
  nameEs: string;
  namePt: string;
  nameFr: string;
};

function programmeOf({ nameEn, nameEs, namePt, nameFr, ...row }: ProgrammeSelected): ProgrammeRow {
  return { ...row, partnerNames: { en: nameEn, es: nameEs, pt: namePt, fr: nameFr } };
}

/** One programme; `lock` holds its row (FOR UPDATE) until the transaction ends, so changes to it take turns. */
export async function findProgramme(
  db: Reader,
  id: number,
  options: { lock?: boolean } = {},
): Promise<ProgrammeRow | undefined> {
  const query = db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(actors, eq(actors.code, programmes.partnerCode))
    .where(eq(programmes.id, id));
  const [row] = await (options.lock ? query.for("update", { of: programmes }) : query);
  return row && programmeOf(row);
}

export type ProgrammeFilter = { organization?: string; partner?: string; partners?: readonly string[]; kind?: string };

function programmeConditions(filter: ProgrammeFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.organization !== undefined) conditions.push(eq(programmes.organizationCode, filter.organization));
  if (filter.partner !== undefined) conditions.push(eq(programmes.partnerCode, filter.partner));
  if (filter.partners !== undefined) conditions.push(inArray(programmes.partnerCode, [...filter.partners]));
  if (filter.kind !== undefined) conditions.push(eq(programmes.kind, filter.kind));
  return and(...conditions);
}

/**
 * A page of programmes by organisation, partner and kind (each optional), by organisation, partner
 * and then newest cycle first. `partners` keeps to those partners' programmes (what a partner's
 * delegation may see).
 */
export async function listProgrammes(
  db: Reader,
  filter: ProgrammeFilter & { limit: number; offset: number },
): Promise<ProgrammeRow[]> {
  const rows = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(actors, eq(actors.code, programmes.partnerCode))
    .where(programmeConditions(filter))
    .orderBy(
      asc(programmes.organizationCode),
      asc(programmes.partnerCode),
      desc(sql`lower(${programmes.period})`),
      asc(programmes.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map(programmeOf);
}

/** How many programmes listProgrammes would give without its page. */
export async function countProgrammes(db: Reader, filter: ProgrammeFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(programmes).where(programmeConditions(filter));
  return row?.n ?? 0;
}

/** Another programme of the same partner and organisation whose cycle shares a day with start–end (both included). */
export async function overlappingProgramme(
  db: Reader,
  programme: { organization: string; partner: string; start: string; end: string },
): Promise<{ id: number; start: string; end: string } | undefined> {
  const [row] = await db
    .select({ id: programmeColumns.id, start: programmeColumns.start, end: programmeColumns.end })
    .from(programmes)
    .where(
      and(
        eq(programmes.organizationCode, programme.organization),
        eq(programmes.partnerCode, programme.partner),
        sql`${programmes.period} && daterange(${programme.start}::date, ${programme.end}::date, '[]')`,
      ),
    )
    .limit(1);
  return row;
}

/** The programme of this partner and organisation starting on this day, if there is one (the starter data's idempotence). */
export async function programmeStartingOn(
  db: Reader,
  programme: { organization: string; partner: string; start: string },
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(
      and(
        eq(programmes.organizationCode, programme.organization),
        eq(programmes.partnerCode, programme.partner),
        sql`lower(${programmes.period}) = ${programme.start}::date`,
      ),
    );
  return row?.id;
}

/** A new programme; the database refuses one overlapping another cycle of the same partner (SQLSTATE 23P01). */
export async function insertProgramme(
  tx: Transaction,
  programme: {
    organization: string;
    partner: string;
    kind: string;
    start: string;
    end: string;
    reconstructed: boolean;
    createdBy: string;
  },
): Promise<number> {
  const [row] = await tx
    .insert(programmes)
    .values({
      organizationCode: programme.organization,
      partnerCode: programme.partner,
      kind: programme.kind,
      period: sql`daterange(${programme.start}::date, ${programme.end}::date, '[]')`,
      reconstructed: programme.reconstructed,
      createdBy: programme.createdBy,
    })
    .returning({ id: programmes.id });
  if (!row) throw new Error("A programme was inserted, yet no id returned."); // cannot happen
  return row.id;
}

// -------------------------------------------------------------------------------- versions

const versionColumns = {
  programmeId: programmeVersions.programmeId,
  number: programmeVersions.number,
  status: programmeVersions.status,
  summary: programmeVersions.summary,
  proposalId: programmeVersions.proposalId,
  sourceId: programmeVersions.sourceId,
  inForceFrom: programmeVersions.inForceFrom,
  inForceUntil: programmeVersions.inForceUntil,
  createdAt: programmeVersions.createdAt,
  createdBy: programmeVersions.createdBy,
};

/** The versions of these programmes, by programme and number. */
export async function listVersions(db: Reader, programmeIds: readonly number[]): Promise<VersionRow[]> {
  if (programmeIds.length === 0) return [];
  return (
    db
      .select(versionColumns)
      .from(programmeVersions)
      // One array parameter, however many programmes (a list of 10,000 stays one short statement).
      .where(sql`${programmeVersions.programmeId} = ANY (${sql.param([...programmeIds])}::bigint[])`)
      .orderBy(asc(programmeVersions.programmeId), asc(programmeVersions.number))
  );
}

export async function insertVersion(
  tx: Transaction,
  version: {
    programmeId: number;
    number: number;
    status: VersionStatus;
    summary: string | null;
    createdBy: string;
    sourceId?: string | null;
    inForceFrom?: string | null;
    inForceUntil?: string | null;
  },
): Promise<void> {
  await tx.insert(programmeVersions).values({
    programmeId: version.programmeId,
    number: version.number,
    status: version.status,
    summary: version.summary,
    createdBy: version.createdBy,
    sourceId: version.sourceId ?? null,
    inForceFrom: version.inForceFrom ?? null,
    inForceUntil: version.inForceUntil ?? null,
  });
}

export async function setVersionSummary(
  tx: Transaction,
  programmeId: number,
  number: number,
  summary: string | null,
): Promise<void> {
  await tx
    .update(programmeVersions)
    .set({ summary })
    .where(and(eq(programmeVersions.programmeId, programmeId), eq(programmeVersions.number, number)));
}

/** A version's next status, with what each status records (the table's checks hold them together). */
export type VersionStatusChange =
  | { status: "proposed"; proposalId: number }
  | { status: "in-force"; inForceFrom: string; sourceId: string }
  | { status: "superseded"; inForceUntil: string }
  | { status: "not-agreed" };

export async function setVersionStatus(
  tx: Transaction,
  programmeId: number,
  number: number,
  change: VersionStatusChange,
): Promise<void> {
  const set =
    change.status === "proposed"
      ? { status: change.status, proposalId: change.proposalId }
      : change.status === "in-force"
        ? { status: change.status, inForceFrom: change.inForceFrom, inForceUntil: null, sourceId: change.sourceId }
        : change.status === "superseded"
          ? { status: change.status, inForceUntil: change.inForceUntil }
          : { status: change.status };
  await tx
    .update(programmeVersions)
    .set(set)
    .where(and(eq(programmeVersions.programmeId, programmeId), eq(programmeVersions.number, number)));
}

// ------------------------------------------------------------------------------------ trees

const titleColumns = <T extends typeof programmeObjectives | typeof programmeGoals>(table: T) => ({
  titleEn: table.titleEn,
  titleEs: table.titleEs,
  titlePt: table.titlePt,
  titleFr: table.titleFr,
});

const sourceOf = (id: string | null, title: string | null): SourceRef =>
  id === null ? null : { id, title: title ?? id };

/**
 * A version's tree in three statements (objectives, goals, activities with their menu items),
 * each in the order drafted; the caller nests them by objectiveId and goalId.
 */
export async function readTree(db: Reader, programmeId: number, version: number): Promise<TreeRows> {
  // Three statements at once: on a pool they run side by side (in a transaction, in turn).
  const [objectiveRows, goalRows, activityRows] = await Promise.all([
    db
      .select({
        id: programmeObjectives.id,
        ref: programmeObjectives.ref,
        position: programmeObjectives.position,
        area: programmeObjectives.area,
        ...titleColumns(programmeObjectives),
        description: programmeObjectives.description,
        sourceId: programmeObjectives.sourceId,
        sourceTitle: sources.title,
        quote: programmeObjectives.quote,
      })
      .from(programmeObjectives)
      .leftJoin(sources, eq(sources.id, programmeObjectives.sourceId))
      .where(and(eq(programmeObjectives.programmeId, programmeId), eq(programmeObjectives.version, version)))
      .orderBy(asc(programmeObjectives.position), asc(programmeObjectives.id)),
    db
      .select({
        id: programmeGoals.id,
        objectiveId: programmeGoals.objectiveId,
        ref: programmeGoals.ref,
        position: programmeGoals.position,
        ...titleColumns(programmeGoals),
        description: programmeGoals.description,
        sourceId: programmeGoals.sourceId,
        sourceTitle: sources.title,
        quote: programmeGoals.quote,
      })
      .from(programmeGoals)
      .leftJoin(sources, eq(sources.id, programmeGoals.sourceId))
      .where(and(eq(programmeGoals.programmeId, programmeId), eq(programmeGoals.version, version)))
      .orderBy(asc(programmeGoals.position), asc(programmeGoals.id)),
    db
      .select({
        id: programmeActivities.id,
        goalId: programmeActivities.goalId,
        ref: programmeActivities.ref,
        position: programmeActivities.position,
        titleEn: programmeActivities.titleEn,
        titleEs: programmeActivities.titleEs,
        titlePt: programmeActivities.titlePt,
        titleFr: programmeActivities.titleFr,
        description: programmeActivities.description,
        year: programmeActivities.year,
        sourceId: programmeActivities.sourceId,
        sourceTitle: sources.title,
        quote: programmeActivities.quote,
        menuId: menuItems.id,
        menuCode: menuItems.code,
        menuType: menuItems.type,
        menuArea: menuItems.area,
        menuTitleEn: menuItems.titleEn,
        menuTitleEs: menuItems.titleEs,
        menuTitlePt: menuItems.titlePt,
        menuTitleFr: menuItems.titleFr,
      })
      .from(programmeActivities)
      .leftJoin(menuItems, eq(menuItems.id, programmeActivities.menuItemId))
      .leftJoin(sources, eq(sources.id, programmeActivities.sourceId))
      .where(and(eq(programmeActivities.programmeId, programmeId), eq(programmeActivities.version, version)))
      .orderBy(asc(programmeActivities.position), asc(programmeActivities.id)),
  ]);

  return {
    objectives: objectiveRows.map((row) => ({
      id: row.id,
      ref: row.ref,
      position: row.position,
      area: row.area,
      titles: { en: row.titleEn, es: row.titleEs, pt: row.titlePt, fr: row.titleFr },
      description: row.description,
      source: sourceOf(row.sourceId, row.sourceTitle),
      quote: row.quote,
    })),
    goals: goalRows.map((row) => ({
      id: row.id,
      objectiveId: row.objectiveId,
      ref: row.ref,
      position: row.position,
      titles: { en: row.titleEn, es: row.titleEs, pt: row.titlePt, fr: row.titleFr },
      description: row.description,
      source: sourceOf(row.sourceId, row.sourceTitle),
      quote: row.quote,
    })),
    activities: activityRows.map((row) => ({
      id: row.id,
      goalId: row.goalId,
      ref: row.ref,
      position: row.position,
      titles: { en: row.titleEn, es: row.titleEs, pt: row.titlePt, fr: row.titleFr },
      description: row.description,
      year: row.year,
      menuItem:
        row.menuId === null || row.menuCode === null || row.menuType === null || row.menuArea === null
          ? null
          : {
              id: row.menuId,
              code: row.menuCode,
              type: row.menuType,
              area: row.menuArea,
              titles: {
                en: row.menuTitleEn ?? row.menuCode,
                es: row.menuTitleEs,
                pt: row.menuTitlePt,
                fr: row.menuTitleFr,
              },
            },
      source: sourceOf(row.sourceId, row.sourceTitle),
      quote: row.quote,
    })),
  };
}

/**
 * Replaces a version's tree: its objectives go (their goals and activities with them, by the
 * foreign keys' cascade), then the new tree is written level by level, one statement each.
 */
export async function replaceTree(
  tx: Transaction,
  programmeId: number,
  version: number,
  tree: readonly NewObjective[],
): Promise<void> {
  await tx
    .delete(programmeObjectives)
    .where(and(eq(programmeObjectives.programmeId, programmeId), eq(programmeObjectives.version, version)));
  if (tree.length === 0) return;
  const objectiveIds = new Map(
    (
      await tx
        .insert(programmeObjectives)
        .values(
          tree.map((objective, position) => ({
            programmeId,
            version,
            ref: objective.ref,
            position,
            area: objective.area,
            titleEn: objective.titles.en,
            titleEs: objective.titles.es,
            titlePt: objective.titles.pt,
            titleFr: objective.titles.fr,
            description: objective.description,
            sourceId: objective.sourceId,
            quote: objective.quote,
          })),
        )
        .returning({ id: programmeObjectives.id, ref: programmeObjectives.ref })
    ).map((row) => [row.ref, row.id]),
  );
  const goals = tree.flatMap((objective) =>
    objective.goals.map((goal) => ({ objectiveId: objectiveIds.get(objective.ref), goal })),
  );
  if (goals.length === 0) return;
  const goalIds = new Map(
    (
      await tx
        .insert(programmeGoals)
        .values(
          goals.map(({ objectiveId, goal }, position) => {
            if (objectiveId === undefined) throw new Error(`objective of goal ${goal.ref} not written`); // cannot happen
            return {
              objectiveId,
              programmeId,
              version,
              ref: goal.ref,
              position,
              titleEn: goal.titles.en,
              titleEs: goal.titles.es,
              titlePt: goal.titles.pt,
              titleFr: goal.titles.fr,
              description: goal.description,
              sourceId: goal.sourceId,
              quote: goal.quote,
            };
          }),
        )
        .returning({ id: programmeGoals.id, ref: programmeGoals.ref })
    ).map((row) => [row.ref, row.id]),
  );
  const activities = goals.flatMap(({ goal }) =>
    goal.activities.map((activity) => ({ goalId: goalIds.get(goal.ref), activity })),
  );
  if (activities.length === 0) return;
  await tx.insert(programmeActivities).values(
    activities.map(({ goalId, activity }, position) => {
      if (goalId === undefined) throw new Error(`goal of activity ${activity.ref} not written`); // cannot happen
      return {
        goalId,
        programmeId,
        version,
        ref: activity.ref,
        position,
        menuItemId: activity.menuItemId,
        titleEn: activity.titles.en,
        titleEs: activity.titles.es,
        titlePt: activity.titles.pt,
        titleFr: activity.titles.fr,
        description: activity.description,
        year: activity.year,
        sourceId: activity.sourceId,
        quote: activity.quote,
      };
    }),
  );
}

/** Copies version `from`'s tree into version `to` of the same programme (which has none yet): three statements, nodes matched by ref. */
export async function copyTree(tx: Transaction, programmeId: number, from: number, to: number): Promise<void> {
  await tx.execute(sql`
    INSERT INTO programme_objectives
      (programme_id, version, ref, position, area, title_en, title_es, title_pt, title_fr, description, source_id, quote)
    SELECT programme_id, ${to}, ref, position, area, title_en, title_es, title_pt, title_fr, description, source_id, quote
      FROM programme_objectives WHERE programme_id = ${programmeId} AND version = ${from}`);
  await tx.execute(sql`
    INSERT INTO programme_goals
      (objective_id, programme_id, version, ref, position, title_en, title_es, title_pt, title_fr, description, source_id, quote)
    SELECT n.id, g.programme_id, ${to}, g.ref, g.position, g.title_en, g.title_es, g.title_pt, g.title_fr,
           g.description, g.source_id, g.quote
      FROM programme_goals g
      JOIN programme_objectives o ON o.id = g.objective_id
      JOIN programme_objectives n ON n.programme_id = ${programmeId} AND n.version = ${to} AND n.ref = o.ref
     WHERE g.programme_id = ${programmeId} AND g.version = ${from}`);
  await tx.execute(sql`
    INSERT INTO programme_activities
      (goal_id, programme_id, version, ref, position, menu_item_id, title_en, title_es, title_pt, title_fr,
       description, year, source_id, quote)
    SELECT n.id, a.programme_id, ${to}, a.ref, a.position, a.menu_item_id, a.title_en, a.title_es, a.title_pt,
           a.title_fr, a.description, a.year, a.source_id, a.quote
      FROM programme_activities a
      JOIN programme_goals g ON g.id = a.goal_id
      JOIN programme_goals n ON n.programme_id = ${programmeId} AND n.version = ${to} AND n.ref = g.ref
     WHERE a.programme_id = ${programmeId} AND a.version = ${from}`);
}

// ---------------------------------------------------------------- what a tree refers to

/** The menu items of an organisation with these codes (a draft names its activities' items by code). */
export async function menuItemsByCode(
  db: Reader,
  organization: string,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: menuItems.id, code: menuItems.code })
    .from(menuItems)
    .where(and(eq(menuItems.organizationCode, organization), inArray(menuItems.code, [...codes])));
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Which of these source ids exist. */
export async function existingSources(db: Reader, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: sources.id })
    .from(sources)
    .where(inArray(sources.id, [...ids]));
  return new Set(rows.map((row) => row.id));
}

/** Whether an actor is a state in the registry. */
export async function isState(db: Reader, code: string): Promise<boolean> {
  const [row] = await db.select({ type: actors.type }).from(actors).where(eq(actors.code, code));
  return row?.type === "state";
}

/** Held until the transaction ends: two instances loading the starter programmes at once take turns. */
export async function lockStarterProgrammes(tx: Transaction): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('concord-starter-programmes'))`);
}
