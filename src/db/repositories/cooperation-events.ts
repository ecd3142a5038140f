/**
 * Cooperation events, their nominations, and the notices (reminders) sent about them: SQL and
 * nothing else. (Named apart from events.ts, which NOTIFYs live updates.) Who may see an event
 * is decided here in SQL only in the form the service asks for: every event of the
 * organisation, or only those a state is eligible for on the event's first day, so that lists
 * and counts never include what the reader may not see.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  type Eligibility,
  EVENT_STATUSES,
  type EventStatus,
  NOMINATION_STATUSES,
  type NominationStatus,
} from "../../domain/cooperation.ts";
import type { Database, Transaction } from "../client.ts";

type Executor = Pick<Database, "execute">;

/** Node-postgres gives bigint and count() as text, timestamptz as PostgreSQL's text through Drizzle (a Date through a bare client). */
const id = z.union([z.number(), z.string()]).transform(Number);
const instant = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === "string" ? value : value.toISOString()));

const eligibilityValue: z.ZodType<Eligibility> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all-partners") }),
  z.object({ kind: z.literal("framework"), framework: z.string() }),
  z.object({ kind: z.literal("states"), states: z.array(z.string()) }),
]);

const eventRow = z
  .object({
    id,
    organization: z.string(),
    menuItemId: id.nullable(),
    menuCode: z.string().nullable(),
    menuType: z.enum(ACTIVITY_TYPES).nullable(),
    menuArea: z.enum(COOPERATION_AREAS).nullable(),
    menuTitleEn: z.string().nullable(),
    menuTitleEs: z.string().nullable(),
    menuTitlePt: z.string().nullable(),
    menuTitleFr: z.string().nullable(),
    menuEligibility: eligibilityValue.nullable(),
    titleEn: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string().nullable(),
    online: z.boolean(),
    provider: z.string(),
    capacity: z.number().nullable(),
    nominationDeadline: instant,
    status: z.enum(EVENT_STATUSES),
    proposedBy: z.string().nullable(),
    report: z.string().nullable(),
    reportBy: z.string().nullable(),
    reportAt: instant.nullable(),
    createdAt: instant,
    createdBy: z.string(),
    nominationsTotal: id,
    nominationsConfirmed: id,
    eligible: z.boolean(),
    attended: z.boolean(),
  })
  .transform(
    ({
      menuItemId,
      menuCode,
      menuType,
      menuArea,
      menuTitleEn,
      menuTitleEs,
      menuTitlePt,
      menuTitleFr,
      menuEligibility,
      ...event
    }) => ({
      ...event,
      menuItem:
        menuItemId === null || menuCode === null || menuType === null || menuArea === null || menuTitleEn === null
          ? null
          : {
              id: menuItemId,
              code: menuCode,
              type: menuType,
              area: menuArea,
              titles: { en: menuTitleEn, es: menuTitleEs, pt: menuTitlePt, fr: menuTitleFr },
              eligibility: menuEligibility ?? { kind: "all-partners" as const },
            },
    }),
  );

/**
 * An event as stored, with its menu item, how many take part (nominated or confirmed; confirmed),
 * and, for the state the query was asked about (`eligible`, `attended`): whether it may take part
 * on the event's first day, and whether one of its participants attended.
 */
export type EventRow = z.output<typeof eventRow>;

const nominationRow = z.object({
  id,
  eventId: id,
  state: z.string(),
  participantName: z.string(),
  rankOrFunction: z.string(),
  nation: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  attended: z.boolean().nullable(),
  createdAt: instant,
  createdBy: z.string(),
  decidedAt: instant.nullable(),
  decidedBy: z.string().nullable(),
});
export type NominationRow = z.output<typeof nominationRow>;

/** Taking part: what counts against an event's capacity. */
const ACTIVE = sql`('nominated', 'confirmed')`;

/**
 * Relation `r` holds on event `e`'s first day: `r.valid @> e.starts_on`, written out so that no
 * index on `valid` applies. Asked once per event of a list, `@>` led the planner to the
 * organisation's index of every relation valid that day (2,000 partners: 0.5 ms an event) rather
 * than the state's own few relations; measured by `npm run bench:programmes` (a dashboard's events).
 */
const holdsOnFirstDay = sql`(lower_inf(r.valid) OR lower(r.valid) <= e.starts_on)
      AND (upper_inf(r.valid) OR upper(r.valid) > e.starts_on)`;

/**
 * Whether `state` may take part in event `e` (with its menu item `m`, left-joined) on the
 * event's first day: it holds a partner relation towards the event's organisation valid that day,
 * and that partnership answers the item's eligibility (any partnership; one of the named
 * framework; or the state named). A bespoke event (no menu item) is open to every partner. The
 * same rule as `isEligible` (src/domain/cooperation.ts) over `standingOf`'s partnerships on that
 * day; test/events/eligibility.test.ts holds them together.
 */
function eligibleCondition(state: string | SQL): SQL {
  return sql`EXISTS (
    SELECT 1 FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
    WHERE r.subject_code = ${state} AND r.object_code = e.organization_code AND r.kind = 'partner'
      AND ${holdsOnFirstDay}
      AND (m.id IS NULL
        OR m.eligibility->>'kind' = 'all-partners'
        OR (m.eligibility->>'kind' = 'framework' AND f.slug = m.eligibility->>'framework')
        OR (m.eligibility->>'kind' = 'states' AND m.eligibility->'states' ? ${state})))`;
}

/** Whether `state` holds any partner relation towards the event's organisation on its first day. */
function partnerCondition(state: string): SQL {
  return sql`EXISTS (
    SELECT 1 FROM relations r
    WHERE r.subject_code = ${state} AND r.object_code = e.organization_code AND r.kind = 'partner'
      AND ${holdsOnFirstDay})`;
}

function eventColumns(state: string | null): SQL {
  return sql`
    e.id, e.organization_code AS organization,
    m.id AS "menuItemId", m.code AS "menuCode", m.type AS "menuType", m.area AS "menuArea",
    m.title_en AS "menuTitleEn", m.title_es AS "menuTitleEs", m.title_pt AS "menuTitlePt", m.title_fr AS "menuTitleFr",
    m.eligibility AS "menuEligibility",
    e.title_en AS "titleEn", e.starts_on AS "startsOn", e.ends_on AS "endsOn", e.place, e.online, e.provider,
    e.capacity, e.nomination_deadline AS "nominationDeadline", e.status, e.proposed_by_state AS "proposedBy",
    e.report, e.report_by AS "reportBy", e.report_at AS "reportAt", e.created_at AS "createdAt", e.created_by AS "createdBy",
    (SELECT count(*) FROM nominations n WHERE n.event_id = e.id AND n.status IN ${ACTIVE}) AS "nominationsTotal",
    (SELECT count(*) FROM nominations n WHERE n.event_id = e.id AND n.status = 'confirmed') AS "nominationsConfirmed",
    ${state === null ? sql`false` : eligibleCondition(state)} AS eligible,
    ${
      state === null
        ? sql`false`
        : sql`EXISTS (SELECT 1 FROM nominations n WHERE n.event_id = e.id AND n.state_code = ${state} AND n.attended)`
    } AS attended`;
}

const FROM_EVENTS = sql`FROM events e LEFT JOIN menu_items m ON m.id = e.menu_item_id`;

/** Whose events: every event of the organisation, or only those `state` is eligible for on their first day. */
export type EventVisibility = { kind: "all" } | { kind: "eligible"; state: string };

export type EventFilter = {
  organization: string;
  visibility: EventVisibility;
  /** The state `eligible` and `attended` are asked about (the reader's), if any. */
  readerState: string | null;
  /** Events not over before this day. */
  from?: string;
  /** Events begun by this day. */
  to?: string;
  status?: EventStatus;
  menuItem?: number;
  /** At most this many, first by start. */
  limit: number;
};

/** The events matching the filter, by first day then id; one more than `limit` says there are more. */
export async function listEvents(db: Executor, filter: EventFilter): Promise<EventRow[]> {
  const conditions: SQL[] = [sql`e.organization_code = ${filter.organization}`];
  if (filter.visibility.kind === "eligible") conditions.push(eligibleCondition(filter.visibility.state));
  // Events sharing a day with the window, through the GiST index on their days (0026).
  if (filter.from || filter.to)
    conditions.push(
      sql`daterange(e.starts_on, e.ends_on, '[]') && daterange(${filter.from ?? null}::date, ${filter.to ?? null}::date, '[]')`,
    );
  if (filter.status) conditions.push(sql`e.status = ${filter.status}`);
  if (filter.menuItem !== undefined) conditions.push(sql`e.menu_item_id = ${filter.menuItem}`);
  const result = await db.execute(sql`
    SELECT ${eventColumns(filter.readerState)} ${FROM_EVENTS}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY e.starts_on, e.id
    LIMIT ${filter.limit + 1}`);
  return result.rows.map((row) => eventRow.parse(row));
}

/** One event, with `eligible` and `attended` asked about `readerState`; locked for this transaction when asked. */
export async function findEvent(
  db: Executor,
  eventId: number,
  readerState: string | null,
  options: { lock?: boolean } = {},
): Promise<EventRow | undefined> {
  if (options.lock) await db.execute(sql`SELECT 1 FROM events WHERE id = ${eventId} FOR UPDATE`);
  const result = await db.execute(sql`SELECT ${eventColumns(readerState)} ${FROM_EVENTS} WHERE e.id = ${eventId}`);
  const [row] = result.rows;
  return row === undefined ? undefined : eventRow.parse(row);
}

/** The organisation of an event, if there is one of this id. */
export async function eventOrganization(db: Executor, eventId: number): Promise<string | undefined> {
  const result = await db.execute(sql`SELECT organization_code AS organization FROM events WHERE id = ${eventId}`);
  const [row] = result.rows;
  return row === undefined ? undefined : z.object({ organization: z.string() }).parse(row).organization;
}

/** On the event's first day: whether `state` is a partner of its organisation at all, and whether it is eligible for it. */
export async function standingForEvent(
  db: Executor,
  eventId: number,
  state: string,
): Promise<{ partner: boolean; eligible: boolean }> {
  const result = await db.execute(sql`
    SELECT ${partnerCondition(state)} AS partner, ${eligibleCondition(state)} AS eligible
    ${FROM_EVENTS} WHERE e.id = ${eventId}`);
  const [row] = result.rows;
  return row === undefined
    ? { partner: false, eligible: false }
    : z.object({ partner: z.boolean(), eligible: z.boolean() }).parse(row);
}

/** The eligible states of the event with nobody nominated or confirmed (those a reminder goes to). */
export async function eligibleStatesWithoutNominees(db: Executor, eventId: number): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT a.code ${FROM_EVENTS}
    JOIN relations p ON p.object_code = e.organization_code AND p.kind = 'partner' AND p.valid @> e.starts_on
    JOIN actors a ON a.code = p.subject_code AND a.type = 'state'
    WHERE e.id = ${eventId} AND ${eligibleCondition(sql`a.code`)}
      AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.event_id = e.id AND n.state_code = a.code AND n.status IN ${ACTIVE})
    ORDER BY a.code`);
  return result.rows.map((row) => z.object({ code: z.string() }).parse(row).code);
}

const menuItemFacts = z.object({
  id,
  organization: z.string(),
  code: z.string(),
  provider: z.string(),
  onMenu: z.boolean(),
});
export type MenuItemFacts = z.output<typeof menuItemFacts>;

/** What scheduling an event needs of a menu item: its organisation, code, provider, and whether it is on the menu on `day`. */
export async function menuItemForEvent(db: Executor, itemId: number, day: string): Promise<MenuItemFacts | undefined> {
  const result = await db.execute(sql`
    SELECT id, organization_code AS organization, code, provider, valid @> ${day}::date AS "onMenu"
    FROM menu_items WHERE id = ${itemId}`);
  const [row] = result.rows;
  return row === undefined ? undefined : menuItemFacts.parse(row);
}

/** Whether `state` may take part in menu item `itemId` (null: a bespoke activity) of `organization` on `day`: the event's rule, before there is an event. */
export async function eligibleForItemOn(
  db: Executor,
  itemId: number | null,
  organization: string,
  state: string,
  day: string,
): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT ${eligibleCondition(state)} AS eligible
    FROM (SELECT ${organization}::text AS organization_code, ${day}::date AS starts_on) e
    LEFT JOIN menu_items m ON m.id = ${itemId}`);
  const [row] = result.rows;
  return row === undefined ? false : z.object({ eligible: z.boolean() }).parse(row).eligible;
}

export type NewEvent = {
  organization: string;
  menuItemId: number | null;
  titleEn: string | null;
  startsOn: string;
  endsOn: string;
  place: string | null;
  online: boolean;
  provider: string;
  capacity: number | null;
  nominationDeadline: string;
  status: EventStatus;
  proposedBy: string | null;
  createdBy: string;
};

export async function insertEvent(tx: Executor, event: NewEvent): Promise<number> {
  const result = await tx.execute(sql`
    INSERT INTO events (organization_code, menu_item_id, title_en, starts_on, ends_on, place, online, provider, capacity,
                        nomination_deadline, status, proposed_by_state, created_by)
    VALUES (${event.organization}, ${event.menuItemId}, ${event.titleEn}, ${event.startsOn}::date, ${event.endsOn}::date,
            ${event.place}, ${event.online}, ${event.provider}, ${event.capacity}, ${event.nominationDeadline}::timestamptz,
            ${event.status}, ${event.proposedBy}, ${event.createdBy})
    RETURNING id`);
  return z.object({ id }).parse(result.rows[0]).id;
}

export async function updateEventStatus(tx: Transaction, eventId: number, status: EventStatus): Promise<void> {
  await tx.execute(sql`UPDATE events SET status = ${status} WHERE id = ${eventId}`);
}

export async function recordEventReport(tx: Transaction, eventId: number, report: string, by: string): Promise<void> {
  await tx.execute(sql`
    UPDATE events SET report = ${report}, report_by = ${by}, report_at = clock_timestamp() WHERE id = ${eventId}`);
}

/** A nomination's columns, from the table aliased `n`. */
const NOMINATION_COLUMNS = sql`
  n.id, n.event_id AS "eventId", n.state_code AS state, n.participant_name AS "participantName",
  n.rank_or_function AS "rankOrFunction", n.nation, n.status, n.attended, n.created_at AS "createdAt",
  n.created_by AS "createdBy", n.decided_at AS "decidedAt", n.decided_by AS "decidedBy"`;

/** Every nomination of an event, oldest first. */
export async function nominationsOf(db: Executor, eventId: number): Promise<NominationRow[]> {
  const result = await db.execute(
    sql`SELECT ${NOMINATION_COLUMNS} FROM nominations n WHERE n.event_id = ${eventId} ORDER BY n.state_code, n.id`,
  );
  return result.rows.map((row) => nominationRow.parse(row));
}

const stateNominationRow = z.object({
  eventStartsOn: z.string(),
  eventTitleEn: z.string().nullable(),
  eventMenuTitles: z
    .object({ en: z.string(), es: z.string().nullable(), pt: z.string().nullable(), fr: z.string().nullable() })
    .nullable(),
});

/** A nomination with what names its event: its first day and its title (its own, else its menu item's, in each language). */
export type StateNominationRow = NominationRow & z.output<typeof stateNominationRow>;

/** A state's nominations to an organisation's events not over before `from`, by the event's first day; at most `limit`. */
export async function nominationsOfState(
  db: Executor,
  filter: { organization: string; state: string; from: string; limit: number },
): Promise<StateNominationRow[]> {
  const result = await db.execute(sql`
    SELECT ${NOMINATION_COLUMNS}, e.starts_on AS "eventStartsOn", e.title_en AS "eventTitleEn",
           CASE WHEN m.id IS NULL THEN NULL
                ELSE json_build_object('en', m.title_en, 'es', m.title_es, 'pt', m.title_pt, 'fr', m.title_fr) END
             AS "eventMenuTitles"
    FROM nominations n JOIN events e ON e.id = n.event_id LEFT JOIN menu_items m ON m.id = e.menu_item_id
    WHERE n.state_code = ${filter.state} AND e.organization_code = ${filter.organization}
      AND e.ends_on >= ${filter.from}::date
    ORDER BY e.starts_on, n.event_id, n.id
    LIMIT ${filter.limit}`);
  return result.rows.map((row) => ({ ...nominationRow.parse(row), ...stateNominationRow.parse(row) }));
}

export async function findNomination(
  db: Executor,
  nominationId: number,
  options: { lock?: boolean } = {},
): Promise<NominationRow | undefined> {
  const result = await db.execute(
    sql`SELECT ${NOMINATION_COLUMNS} FROM nominations n WHERE n.id = ${nominationId} ${options.lock ? sql`FOR UPDATE` : sql``}`,
  );
  const [row] = result.rows;
  return row === undefined ? undefined : nominationRow.parse(row);
}

export async function insertNomination(
  tx: Transaction,
  nomination: {
    eventId: number;
    state: string;
    participantName: string;
    rankOrFunction: string;
    nation: string;
    createdBy: string;
  },
): Promise<NominationRow> {
  const result = await tx.execute(sql`
    INSERT INTO nominations AS n (event_id, state_code, participant_name, rank_or_function, nation, created_by)
    VALUES (${nomination.eventId}, ${nomination.state}, ${nomination.participantName}, ${nomination.rankOrFunction},
            ${nomination.nation}, ${nomination.createdBy})
    RETURNING ${NOMINATION_COLUMNS}`);
  return nominationRow.parse(result.rows[0]);
}

/** Changes a nomination's status (recording who decided, when) and/or its attendance. */
export async function updateNomination(
  tx: Transaction,
  nominationId: number,
  change: { status?: NominationStatus; attended?: boolean; by: string },
): Promise<NominationRow> {
  const result = await tx.execute(sql`
    UPDATE nominations AS n SET
      status = coalesce(${change.status ?? null}::nomination_status, n.status),
      attended = coalesce(${change.attended ?? null}::boolean, n.attended),
      decided_at = CASE WHEN ${change.status ?? null}::nomination_status IS NULL THEN n.decided_at ELSE clock_timestamp() END,
      decided_by = CASE WHEN ${change.status ?? null}::nomination_status IS NULL THEN n.decided_by ELSE ${change.by} END
    WHERE n.id = ${nominationId}
    RETURNING ${NOMINATION_COLUMNS}`);
  return nominationRow.parse(result.rows[0]);
}

// ------------------------------------------------------------------------------ notices

const noticeRow = z.object({
  id,
  organization: z.string(),
  state: z.string().nullable(),
  kind: z.string(),
  eventId: id.nullable(),
  payload: z.record(z.string(), z.unknown()),
  issuedAt: instant,
});
export type CooperationNoticeRow = z.output<typeof noticeRow>;

/** One notice per state's delegation, about an event. */
export async function insertStateNotices(
  tx: Transaction,
  notice: {
    organization: string;
    states: readonly string[];
    kind: string;
    eventId: number | null;
    payload: Record<string, unknown>;
  },
): Promise<void> {
  if (notice.states.length === 0) return;
  await tx.execute(sql`
    INSERT INTO cooperation_notices (organization_code, state_code, kind, event_id, payload)
    SELECT ${notice.organization}, s, ${notice.kind}, ${notice.eventId}, ${JSON.stringify(notice.payload)}::jsonb
    FROM unnest(${sql.param([...notice.states])}::text[]) AS s`);
}

/** The latest notices of an organisation to its delegations: to one state's, or to all (`state` undefined). */
export async function noticesTo(
  db: Executor,
  organization: string,
  state: string | undefined,
  limit: number,
): Promise<CooperationNoticeRow[]> {
  const result = await db.execute(sql`
    SELECT id, organization_code AS organization, state_code AS state, kind, event_id AS "eventId", payload, issued_at AS "issuedAt"
    FROM cooperation_notices
    WHERE organization_code = ${organization} AND state_code IS NOT NULL ${state === undefined ? sql`` : sql`AND state_code = ${state}`}
    ORDER BY issued_at DESC, id DESC
    LIMIT ${limit}`);
  return result.rows.map((row) => noticeRow.parse(row));
}
