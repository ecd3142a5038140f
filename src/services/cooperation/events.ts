/**
 * Cooperation events and their nominations: the dated instances of menu activities (or bespoke
 * ones), scheduled by the secretariat ("the provider schedules") or proposed by a partner's
 * delegation head, approved, confirmed by the provider, held, reported on; or cancelled.
 * Partners' delegations nominate participants before the nomination deadline (by the database's
 * clock), for events their state is eligible for on the event's first day, within its capacity.
 *
 * Who sees what (cooperationPolicy): the secretariat and allies' delegations see every event; a
 * partner's delegation only those its state is eligible for, filtered in SQL so that lists and
 * counts never show the others. Nominees' names and ranks are personal data: the secretariat and
 * the nominating delegation read them, and every such read is audited; others see counts only.
 * Reminders before the deadline go, through the job queue, to the eligible delegations that have
 * nominated nobody, as notices their dashboard reads.
 */
import { z } from "zod";
import type { Database, Transaction } from "../../db/client.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import * as repo from "../../db/repositories/cooperation-events.ts";
import type {
  CooperationNoticeRow,
  EventRow,
  EventVisibility,
  NominationRow,
  StateNominationRow,
} from "../../db/repositories/cooperation-events.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import { COOPERATION_LIMITS, type EventStatus, type NominationStatus, titleIn } from "../../domain/cooperation.ts";
import type { Language } from "../../domain/languages.ts";
import { addDays, isDay, today } from "../../domain/dates.ts";
import { msg } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { ConflictError, HiddenError, InvalidRequestError, NotFoundError, present } from "../errors.ts";
import { cancelJobs, type JobHandlers, scheduleJob } from "../jobs/queue.ts";
import { auditActor, authorize, cooperationPolicy, type Principal } from "../policies.ts";
import { type Standing, standingOfReader } from "./standing.ts";

export type { CooperationNoticeRow, EventRow, NominationRow, StateNominationRow };

/** An event's title in `lang`: its own (a bespoke event's, or one given for this instance), else its menu item's. */
export function eventTitle(
  event: { titleEn: string | null; menuItem: { titles: NonNullable<EventRow["menuItem"]>["titles"] } | null },
  lang: Language,
): string {
  return event.titleEn ?? (event.menuItem ? titleIn(lang, event.menuItem.titles) : "");
}

/** What the reader may do with an event, from the rules the service enforces. */
export type EventAbilities = { nominate: boolean; run: boolean };

/** An event as its reader sees it. */
export type EventView = Omit<EventRow, "eligible" | "attended" | "report" | "reportBy" | "reportAt"> & {
  /** Whether the reader's state may take part on the event's first day; null for a reader with no state. */
  eligible: boolean | null;
  /** The after-action report: for the secretariat and the delegations of states that attended. */
  report: string | null;
  reportAt: string | null;
  abilities: EventAbilities;
};

export type EventDetail = EventView & { nominees: NominationRow[] };

export type EventQuery = {
  organization?: string;
  from?: string;
  to?: string;
  status?: EventStatus;
  menuItem?: number;
  limit?: number;
};

export type NewEventInput = {
  organization?: string;
  menuItem?: number | null;
  title?: string | null;
  startsOn: string;
  endsOn: string;
  place?: string | null;
  online?: boolean;
  provider?: string | null;
  capacity?: number | null;
  /** An instant (ISO 8601). */
  nominationDeadline: string;
};

export type NominationInput = { participantName: string; rankOrFunction: string; nation?: string | null };
export type NominationChange = { status?: "confirmed" | "declined" | "withdrawn"; attended?: boolean };

export const EVENTS_DEFAULT_LIMIT = 500;
export const EVENTS_MAX_LIMIT = 2000;
export const REMINDER_KIND = "event.nomination-reminder";
/** Days before the nomination deadline when the delegations that have nominated nobody are reminded. */
export const DEFAULT_REMINDER_DAYS = [7, 1] as const;

/** The statuses an event may move to from each. */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  proposed: ["approved", "cancelled"],
  approved: ["confirmed", "cancelled"],
  confirmed: ["held", "cancelled"],
  held: [],
  cancelled: [],
};
const NOMINATION_TRANSITIONS: Record<NominationStatus, readonly NominationStatus[]> = {
  nominated: ["confirmed", "declined", "withdrawn"],
  confirmed: ["declined", "withdrawn"],
  declined: [],
  withdrawn: [],
};
const TAKING_NOMINATIONS: readonly EventStatus[] = ["approved", "confirmed"];

/** A reminder's job: the event and the deadline it was scheduled for (a moved deadline makes it moot). */
const reminderPayload = z.object({ eventId: z.number(), deadline: z.string(), daysBefore: z.number() });

/** Who is reading, in one organisation: their standing and state there, and the database's clock. */
type ReaderContext = { organization: string; standing: Standing; state: string | null; now: Date; day: string };

const jobSubject = (eventId: number) => `event:${eventId}`;
const isoOf = (instant: string) => new Date(instant).toISOString();

function tooLong(field: string, text: string | null | undefined, maximum: number): void {
  if (text !== null && text !== undefined && text.length > maximum)
    throw new InvalidRequestError(msg("validation.too_long", { maximum }), { field });
}

/** Trimmed text, or null for nothing. */
const textOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export class EventsService {
  private readonly reminderDays: readonly number[];

  constructor(
    private readonly db: Database,
    options: { reminderDays?: readonly number[] } = {},
  ) {
    this.reminderDays = options.reminderDays ?? DEFAULT_REMINDER_DAYS;
  }

  // ------------------------------------------------------------------------- reading

  /** The events of an organisation the reader may see, by first day; `more` when the limit cut the list. */
  async list(
    principal: Principal,
    query: EventQuery,
  ): Promise<{ organization: string; events: EventView[]; more: boolean }> {
    const organization = this.organizationOf(principal, query.organization);
    const ctx = await this.readerIn(this.db, principal, organization);
    const visibility = this.visibility(principal, ctx);
    authorize(principal, visibility !== undefined, msg("events.activity_reading", { organization }));
    await this.requireOrganization(organization);
    if (query.from !== undefined && !isDay(query.from))
      throw new InvalidRequestError(msg("validation.calendar_date"), { field: "from" });
    if (query.to !== undefined && !isDay(query.to))
      throw new InvalidRequestError(msg("validation.calendar_date"), { field: "to" });
    if (query.from !== undefined && query.to !== undefined && query.to < query.from)
      throw new InvalidRequestError(msg("events.window_reversed", { from: query.from }), { field: "to" });
    const limit = Math.min(Math.max(query.limit ?? EVENTS_DEFAULT_LIMIT, 1), EVENTS_MAX_LIMIT);
    const rows = await repo.listEvents(this.db, {
      organization,
      visibility: present(visibility, "visibility"),
      readerState: ctx.state,
      from: query.from,
      to: query.to,
      status: query.status,
      menuItem: query.menuItem,
      limit,
    });
    const events = rows
      .slice(0, limit)
      .filter((row) => cooperationPolicy.readEvent(principal, organization, ctx.standing, row.eligible))
      .map((row) => this.view(principal, ctx, row));
    return { organization, events, more: rows.length > limit };
  }

  /**
   * One event, with the nominees the reader may read: all of them for the secretariat, its own
   * state's for a delegation, none for anyone else (who sees the counts). Reading them is audited.
   */
  async get(principal: Principal, eventId: number): Promise<EventDetail> {
    const { ctx, row } = await this.visibleEvent(this.db, principal, eventId);
    const nominees = (await repo.nominationsOf(this.db, eventId)).filter((nomination) =>
      cooperationPolicy.readNominees(principal, ctx.organization, nomination.state),
    );
    if (nominees.length > 0)
      await this.db.transaction(async (tx) => {
        await appendAudit(tx, {
          ...auditActor(principal),
          action: "nomination.read",
          objectType: "event",
          objectId: eventId,
          details: {
            nominations: nominees.map((nomination) => nomination.id),
            states: [...new Set(nominees.map((nomination) => nomination.state))],
          },
        });
      });
    return { ...this.view(principal, ctx, row), nominees };
  }

  /**
   * The reader's own state's nominations to the organisation's events not over before `from`,
   * by the event's first day: personal data its delegation may read, and reading it is audited.
   */
  async ownNominations(
    principal: Principal,
    query: { from: string; limit: number },
  ): Promise<repo.StateNominationRow[]> {
    const organization = principal.kind === "account" ? principal.account.organizationCode : null;
    const state = principal.kind === "account" ? principal.account.delegationState : null;
    authorize(
      principal,
      organization !== null && state !== null && cooperationPolicy.readNominees(principal, organization, state),
      msg("events.activity_own_nominations"),
    );
    const rows = await repo.nominationsOfState(this.db, {
      organization: present(organization, "organization"),
      state: present(state, "state"),
      from: query.from,
      limit: query.limit,
    });
    if (rows.length > 0)
      await this.db.transaction(async (tx) => {
        await appendAudit(tx, {
          ...auditActor(principal),
          action: "nomination.read",
          objectType: "nomination",
          objectId: null,
          details: { nominations: rows.map((nomination) => nomination.id), states: [state] },
        });
      });
    return rows;
  }

  /** The cooperation notices (reminders) to a state's delegation, newest first: its own by default. */
  async notices(
    principal: Principal,
    query: { organization?: string; state?: string; limit?: number },
  ): Promise<{ organization: string; state: string; notices: CooperationNoticeRow[] }> {
    const organization = this.organizationOf(principal, query.organization);
    const own =
      principal.kind === "account" && principal.account.organizationCode === organization
        ? principal.account.delegationState
        : null;
    const state = query.state ?? own;
    authorize(
      principal,
      state !== null && cooperationPolicy.readNoticesTo(principal, organization, state),
      msg("events.activity_notices", { organization }),
    );
    const asked = present(state, "state");
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    return { organization, state: asked, notices: await repo.noticesTo(this.db, organization, asked, limit) };
  }

  // ------------------------------------------------------------------------- changes

  /** The secretariat schedules an event (approved at once); a partner's delegation head proposes one (proposed). */
  async create(principal: Principal, input: NewEventInput, tx: Transaction): Promise<EventView> {
    const organization = this.organizationOf(principal, input.organization);
    const ctx = await this.readerIn(tx, principal, organization);
    authorize(
      principal,
      cooperationPolicy.proposeEvent(principal, organization, ctx.standing),
      msg("events.activity_proposing", { organization }),
    );
    const running = cooperationPolicy.runEvents(principal, organization);
    await this.requireOrganization(organization, tx);

    if (!isDay(input.startsOn)) throw new InvalidRequestError(msg("validation.calendar_date"), { field: "startsOn" });
    if (!isDay(input.endsOn)) throw new InvalidRequestError(msg("validation.calendar_date"), { field: "endsOn" });
    if (input.endsOn < input.startsOn)
      throw new InvalidRequestError(msg("events.ends_before_start", { startsOn: input.startsOn }), {
        field: "endsOn",
      });
    const menuItemId = input.menuItem ?? null;
    const item = menuItemId === null ? undefined : await repo.menuItemForEvent(tx, menuItemId, input.startsOn);
    if (menuItemId !== null && (item === undefined || item.organization !== organization))
      throw new InvalidRequestError(msg("events.menu_item_unknown", { id: menuItemId, organization }), {
        field: "menuItem",
      });
    if (item && !item.onMenu)
      throw new InvalidRequestError(msg("events.menu_item_not_on_menu", { code: item.code, day: input.startsOn }), {
        field: "menuItem",
      });
    const title = textOrNull(input.title);
    tooLong("title", title, COOPERATION_LIMITS.title);
    if (item === undefined && title === null)
      throw new InvalidRequestError(msg("events.title_required"), { field: "title" });
    const provider = textOrNull(input.provider) ?? item?.provider ?? null;
    tooLong("provider", provider, COOPERATION_LIMITS.provider);
    if (provider === null) throw new InvalidRequestError(msg("events.provider_required"), { field: "provider" });
    const place = textOrNull(input.place);
    tooLong("place", place, COOPERATION_LIMITS.place);
    const online = input.online ?? false;
    if (place === null && !online) throw new InvalidRequestError(msg("events.place_required"), { field: "place" });
    const capacity = input.capacity ?? null;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000))
      throw new InvalidRequestError(msg("validation.positive_whole"), { field: "capacity" });
    const deadline = new Date(input.nominationDeadline);
    if (Number.isNaN(deadline.getTime()))
      throw new InvalidRequestError(msg("validation.required"), { field: "nominationDeadline" });
    if (deadline.getTime() <= ctx.now.getTime())
      throw new InvalidRequestError(msg("events.deadline_past", { now: ctx.now.toISOString() }), {
        field: "nominationDeadline",
      });
    if (deadline.getTime() >= new Date(`${addDays(input.startsOn, 1)}T00:00:00Z`).getTime())
      throw new InvalidRequestError(msg("events.deadline_after_start", { startsOn: input.startsOn }), {
        field: "nominationDeadline",
      });

    let proposedBy: string | null = null;
    if (!running) {
      proposedBy = present(ctx.state, "the proposing delegation's state");
      if (!(await repo.eligibleForItemOn(tx, menuItemId, organization, proposedBy, input.startsOn)))
        throw new InvalidRequestError(msg("events.proposer_not_eligible", { state: proposedBy, day: input.startsOn }), {
          field: menuItemId === null ? "startsOn" : "menuItem",
        });
    }
    const status: EventStatus = running ? "approved" : "proposed";
    const eventId = await repo.insertEvent(tx, {
      organization,
      menuItemId,
      titleEn: title,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place,
      online,
      provider,
      capacity,
      nominationDeadline: deadline.toISOString(),
      status,
      proposedBy,
      createdBy: auditActor(principal).actor,
    });
    const row = present(await repo.findEvent(tx, eventId, ctx.state), `event ${eventId}`);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "event.create",
      objectType: "event",
      objectId: eventId,
      after: this.auditable(row),
    });
    if (status === "approved") await this.scheduleReminders(tx, row, ctx.now);
    return this.view(principal, ctx, row);
  }

  /** The secretariat moves an event along its workflow (approve, confirm, held, cancel): legal moves only. */
  async setStatus(principal: Principal, eventId: number, status: EventStatus, tx: Transaction): Promise<EventView> {
    const { ctx } = await this.visibleEvent(tx, principal, eventId);
    authorize(
      principal,
      cooperationPolicy.runEvents(principal, ctx.organization),
      msg("events.activity_running", { organization: ctx.organization }),
    );
    const before = present(await repo.findEvent(tx, eventId, ctx.state, { lock: true }), `event ${eventId}`);
    const allowed = EVENT_TRANSITIONS[before.status];
    if (!allowed.includes(status))
      throw new ConflictError(
        msg("events.illegal_transition", {
          id: eventId,
          from: before.status,
          to: status,
          allowed: allowed.length === 0 ? msg("events.no_transition") : allowed.join(", "),
        }),
      );
    await repo.updateEventStatus(tx, eventId, status);
    const after = present(await repo.findEvent(tx, eventId, ctx.state), `event ${eventId}`);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "event.status",
      objectType: "event",
      objectId: eventId,
      before: { status: before.status },
      after: { status },
    });
    if (status === "cancelled" || status === "held") await cancelJobs(tx, [jobSubject(eventId)]);
    if (status === "approved") await this.scheduleReminders(tx, after, ctx.now);
    return this.view(principal, ctx, after);
  }

  /** The secretariat records the feedback or after-action report of a held event. */
  async report(principal: Principal, eventId: number, text: string, tx: Transaction): Promise<EventView> {
    const { ctx } = await this.visibleEvent(tx, principal, eventId);
    authorize(
      principal,
      cooperationPolicy.runEvents(principal, ctx.organization),
      msg("events.activity_running", { organization: ctx.organization }),
    );
    const report = text.trim();
    if (report === "") throw new InvalidRequestError(msg("events.report_required"), { field: "report" });
    tooLong("report", report, COOPERATION_LIMITS.report);
    const before = present(await repo.findEvent(tx, eventId, ctx.state, { lock: true }), `event ${eventId}`);
    if (before.status !== "held")
      throw new ConflictError(msg("events.report_not_held", { id: eventId, status: before.status }));
    await repo.recordEventReport(tx, eventId, report, auditActor(principal).actor);
    const after = present(await repo.findEvent(tx, eventId, ctx.state), `event ${eventId}`);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "event.report",
      objectType: "event",
      objectId: eventId,
      before: { report: before.report },
      after: { report: after.report },
    });
    return this.view(principal, ctx, after);
  }

  /**
   * A delegation nominates a participant for its own state: the event approved or confirmed, the
   * state eligible on the event's first day, before the deadline (the database's clock), within
   * the capacity (nominated and confirmed participants count). The event's row is locked, so two
   * delegations racing for the last place cannot both have it.
   */
  async nominate(
    principal: Principal,
    eventId: number,
    input: NominationInput,
    tx: Transaction,
  ): Promise<NominationRow> {
    const organization = await repo.eventOrganization(tx, eventId);
    // Another organisation's people are not told the event exists.
    if (
      organization === undefined ||
      principal.kind !== "account" ||
      principal.account.organizationCode !== organization
    )
      throw new HiddenError(msg("events.not_found", { id: eventId }));
    const ctx = await this.readerIn(tx, principal, organization);
    const state = ctx.state;
    authorize(
      principal,
      state !== null && cooperationPolicy.nominateFor(principal, organization, state),
      msg("events.activity_nominating", { organization }),
    );
    const nominated = present(state, "the nominating delegation's state");
    const participantName = input.participantName.trim();
    if (participantName === "")
      throw new InvalidRequestError(msg("validation.not_empty"), { field: "participantName" });
    tooLong("participantName", participantName, COOPERATION_LIMITS.personName);
    const rankOrFunction = input.rankOrFunction.trim();
    if (rankOrFunction === "") throw new InvalidRequestError(msg("validation.not_empty"), { field: "rankOrFunction" });
    tooLong("rankOrFunction", rankOrFunction, COOPERATION_LIMITS.rankOrFunction);
    const nation = input.nation ?? nominated;
    if (nation !== nominated && (await new RegistryRepository(tx).findActor(nation))?.type !== "state")
      throw new InvalidRequestError(msg("events.nation_unknown", { code: nation }), { field: "nation" });

    const event = present(await repo.findEvent(tx, eventId, nominated, { lock: true }), `event ${eventId}`);
    // Eligibility first: a delegation that may not see the event (its partnership ended, or the
    // activity is not open to it) learns that its state cannot be nominated, and nothing else of it.
    if (!event.eligible) {
      if (!cooperationPolicy.readEvent(principal, organization, ctx.standing, false))
        throw new InvalidRequestError(msg("events.state_not_eligible_for", { state: nominated, id: eventId }), {
          field: "state",
        });
      const standing = await repo.standingForEvent(tx, eventId, nominated);
      throw new InvalidRequestError(
        standing.partner
          ? msg("events.state_not_eligible", { state: nominated, day: event.startsOn })
          : msg("events.state_not_partner", { state: nominated, organization, day: event.startsOn }),
        { field: "state" },
      );
    }
    if (!TAKING_NOMINATIONS.includes(event.status))
      throw new ConflictError(msg("events.nominations_not_open", { id: eventId, status: event.status }));
    const now = await databaseNow(tx);
    if (now.getTime() >= new Date(event.nominationDeadline).getTime())
      throw new ConflictError(msg("events.deadline_passed", { deadline: isoOf(event.nominationDeadline) }));
    if (event.capacity !== null && event.nominationsTotal >= event.capacity)
      throw new ConflictError(msg("events.capacity_full", { capacity: event.capacity }));

    const nomination = await repo.insertNomination(tx, {
      eventId,
      state: nominated,
      participantName,
      rankOrFunction,
      nation,
      createdBy: auditActor(principal).actor,
    });
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "nomination.create",
      objectType: "nomination",
      objectId: nomination.id,
      after: nomination,
    });
    return nomination;
  }

  /**
   * A nomination changes: the secretariat confirms or declines it (for the provider) and records
   * attendance once the event is held; the nominating delegation withdraws it.
   */
  async updateNomination(
    principal: Principal,
    nominationId: number,
    change: NominationChange,
    tx: Transaction,
  ): Promise<NominationRow> {
    const found = await repo.findNomination(tx, nominationId);
    const organization = found && (await repo.eventOrganization(tx, found.eventId));
    // Personal data: whoever may not read it is not told it exists.
    if (!found || !organization || !cooperationPolicy.readNominees(principal, organization, found.state))
      throw new HiddenError(msg("events.nomination_not_found", { id: nominationId }));
    if (change.status === undefined && change.attended === undefined)
      throw new InvalidRequestError(msg("events.nomination_change_required"), { field: "status" });
    if (change.status === "withdrawn")
      authorize(
        principal,
        cooperationPolicy.nominateFor(principal, organization, found.state),
        msg("events.activity_changing_nomination", { state: found.state }),
      );
    if ((change.status !== undefined && change.status !== "withdrawn") || change.attended !== undefined)
      authorize(
        principal,
        cooperationPolicy.runEvents(principal, organization),
        msg("events.activity_running", { organization }),
      );

    const event = present(await repo.findEvent(tx, found.eventId, null, { lock: true }), `event ${found.eventId}`);
    const before = present(await repo.findNomination(tx, nominationId, { lock: true }), `nomination ${nominationId}`);
    if (change.status !== undefined) {
      if (!TAKING_NOMINATIONS.includes(event.status))
        throw new ConflictError(msg("events.nomination_event_closed", { id: event.id, status: event.status }));
      if (!NOMINATION_TRANSITIONS[before.status].includes(change.status))
        throw new ConflictError(
          msg("events.nomination_illegal_transition", { id: nominationId, from: before.status, to: change.status }),
        );
    }
    if (change.attended !== undefined) {
      if (event.status !== "held")
        throw new ConflictError(msg("events.attended_not_held", { id: event.id, status: event.status }));
      const status = change.status ?? before.status;
      if (status !== "nominated" && status !== "confirmed")
        throw new ConflictError(msg("events.attended_not_taking_part", { id: nominationId, status }));
    }
    const after = await repo.updateNomination(tx, nominationId, { ...change, by: auditActor(principal).actor });
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "nomination.update",
      objectType: "nomination",
      objectId: nominationId,
      before: { status: before.status, attended: before.attended },
      after: { status: after.status, attended: after.attended },
      details: { eventId: event.id, state: before.state },
    });
    return after;
  }

  // ------------------------------------------------------------------------- time

  /** Reminders before the deadline, keyed by it: a moved deadline adds new ones, and the old ones find nothing to do. */
  private async scheduleReminders(tx: Transaction, event: EventRow, now: Date): Promise<void> {
    const deadline = isoOf(event.nominationDeadline);
    for (const days of this.reminderDays) {
      const at = new Date(new Date(deadline).getTime() - days * 86_400_000);
      if (at.getTime() <= now.getTime()) continue;
      await scheduleJob(tx, {
        kind: REMINDER_KIND,
        payload: { eventId: event.id, deadline, daysBefore: days },
        runAt: at,
        uniqueKey: `event:${event.id}:deadline:${deadline}:reminder:${days}`,
        subject: jobSubject(event.id),
      });
    }
  }

  jobHandlers(): JobHandlers {
    return {
      [REMINDER_KIND]: async (tx, job) => {
        const parsed = reminderPayload.safeParse(job.payload);
        if (!parsed.success) return;
        const { eventId, deadline, daysBefore } = parsed.data;
        const event = await repo.findEvent(tx, eventId, null, { lock: true });
        if (!event || !TAKING_NOMINATIONS.includes(event.status)) return;
        if (isoOf(event.nominationDeadline) !== deadline) return;
        if ((await databaseNow(tx)).getTime() >= new Date(deadline).getTime()) return;
        if (event.capacity !== null && event.nominationsTotal >= event.capacity) return;
        const states = await repo.eligibleStatesWithoutNominees(tx, eventId);
        await repo.insertStateNotices(tx, {
          organization: event.organization,
          states,
          kind: REMINDER_KIND,
          eventId,
          payload: {
            eventId,
            title: eventTitle(event, "en"),
            menuItem: event.menuItem?.code ?? null,
            startsOn: event.startsOn,
            nominationDeadline: deadline,
            daysBefore,
          },
        });
      },
    };
  }

  // ------------------------------------------------------------------------- helpers

  /** The organisation asked about, or the reader's own; a reader with none must name it. */
  private organizationOf(principal: Principal, asked: string | undefined): string {
    const organization = asked ?? (principal.kind === "account" ? principal.account.organizationCode : undefined);
    if (organization === undefined)
      throw new InvalidRequestError(msg("events.organization_required"), { field: "organization" });
    return organization;
  }

  private async requireOrganization(code: string, db: Pick<Database, "execute"> = this.db): Promise<void> {
    const actor = await new RegistryRepository(db).findActor(code);
    if (actor?.type !== "organization") throw new NotFoundError(msg("registry.actor_not_found", { code }));
  }

  private async readerIn(
    db: Pick<Database, "execute">,
    principal: Principal,
    organization: string,
  ): Promise<ReaderContext> {
    const now = await databaseNow(db);
    const day = today(now);
    // The registry, read outside the caller's transaction: it is not what the transaction changes.
    const standing = await standingOfReader(this.db, principal, organization, day);
    const state =
      principal.kind === "account" && principal.account.organizationCode === organization
        ? principal.account.delegationState
        : null;
    return { organization, standing, state, now, day };
  }

  /** Which of an organisation's events the reader sees: all, those its state is eligible for, or none (undefined). */
  private visibility(principal: Principal, ctx: ReaderContext): EventVisibility | undefined {
    if (cooperationPolicy.readEvent(principal, ctx.organization, ctx.standing, false)) return { kind: "all" };
    if (ctx.state !== null && cooperationPolicy.readEvent(principal, ctx.organization, ctx.standing, true))
      return { kind: "eligible", state: ctx.state };
    return undefined;
  }

  /**
   * The event, if the reader may see it. Another organisation's people, and partners not eligible
   * for it, are told it does not exist; the organisation's people who see no events (analysts),
   * that their role does not allow it.
   */
  private async visibleEvent(
    db: Pick<Database, "execute">,
    principal: Principal,
    eventId: number,
  ): Promise<{ ctx: ReaderContext; row: EventRow }> {
    const organization = await repo.eventOrganization(db, eventId);
    if (organization === undefined) throw new NotFoundError(msg("events.not_found", { id: eventId }));
    const ctx = await this.readerIn(db, principal, organization);
    const ownOrganization =
      principal.kind === "system" ||
      (principal.kind === "account" && principal.account.organizationCode === organization);
    if (ownOrganization && this.visibility(principal, ctx) === undefined)
      authorize(principal, false, msg("events.activity_reading", { organization }));
    const row = await repo.findEvent(db, eventId, ctx.state);
    if (!ownOrganization || !row || !cooperationPolicy.readEvent(principal, organization, ctx.standing, row.eligible)) {
      if (principal.kind === "anonymous") authorize(principal, false, msg("events.activity_reading", { organization }));
      throw new HiddenError(msg("events.not_found", { id: eventId }));
    }
    return { ctx, row };
  }

  private view(principal: Principal, ctx: ReaderContext, row: EventRow): EventView {
    const { eligible, attended, report, reportBy: _by, reportAt, ...event } = row;
    const open =
      TAKING_NOMINATIONS.includes(row.status) &&
      ctx.now.getTime() < new Date(row.nominationDeadline).getTime() &&
      (row.capacity === null || row.nominationsTotal < row.capacity);
    const nominate =
      ctx.state !== null && eligible && open && cooperationPolicy.nominateFor(principal, ctx.organization, ctx.state);
    const reads = cooperationPolicy.readEventReport(principal, ctx.organization, attended);
    return {
      ...event,
      eligible: ctx.state === null ? null : eligible,
      report: reads ? report : null,
      reportAt: reads ? reportAt : null,
      abilities: { nominate, run: cooperationPolicy.runEvents(principal, ctx.organization) },
    };
  }

  /** What the audit log keeps of an event: its own fields, not the reader-dependent ones. */
  private auditable(row: EventRow) {
    const { eligible: _eligible, attended: _attended, nominationsTotal: _t, nominationsConfirmed: _c, ...event } = row;
    return { ...event, menuItem: event.menuItem?.id ?? null };
  }
}
