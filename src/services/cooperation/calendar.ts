/**
 * A secret calendar feed of cooperation events per account: an address with 32 random bytes in
 * it (base64url), of which only the SHA-256 is kept, so the address is shown once, when it is
 * made. Making a new one revokes the old; a revoked address answers 404. The feed (RFC 5545,
 * text/calendar, made by ical-generator) lists the events its account may see when the calendar
 * asks: its role and delegation as they are then, by the same rules and SQL as the events list.
 */
import { createHash, randomBytes } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";
import type { Database } from "../../db/client.ts";
import { AccountsRepository } from "../../db/repositories/accounts.ts";
import * as feeds from "../../db/repositories/calendar-feeds.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import type { EventStatus } from "../../domain/cooperation.ts";
import { addDays, today } from "../../domain/dates.ts";
import type { Language } from "../../domain/languages.ts";
import { msg, t } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { NotFoundError } from "../errors.ts";
import { auditActor, authorize, cooperationPolicy, type Principal } from "../policies.ts";
import { EVENTS_MAX_LIMIT, type EventsService, eventTitle } from "./events.ts";

/** How far back a feed reaches: events that ended more than this many days ago are left out. */
export const FEED_PAST_DAYS = 366;

/** A feed's secret: 32 random bytes, base64url without padding. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const STATUS: Record<EventStatus, ICalEventStatus> = {
  proposed: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

export type FeedState = { active: boolean; createdAt: string | null };

const hashOf = (secret: string): Buffer => createHash("sha256").update(secret, "utf8").digest();

export class CalendarService {
  constructor(
    private readonly db: Database,
    private readonly events: EventsService,
  ) {}

  /** Whether the reader has a live feed (its address is not kept, so it cannot be shown again). */
  async status(principal: Principal): Promise<FeedState> {
    const accountId = this.holder(principal);
    const live = await feeds.liveFeedOf(this.db, accountId);
    return { active: live !== undefined, createdAt: live?.createdAt ?? null };
  }

  /** A new secret address for the reader's feed, revoking the old one; the secret is returned this once. */
  async create(principal: Principal): Promise<{ secret: string; active: boolean; createdAt: string }> {
    const accountId = this.holder(principal);
    const secret = randomBytes(32).toString("base64url");
    return this.db.transaction(async (tx) => {
      const revoked = await feeds.revokeLiveFeed(tx, accountId);
      const feed = await feeds.insertFeed(tx, accountId, hashOf(secret));
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "calendar.create",
        objectType: "calendar_feed",
        objectId: feed.id,
        details: { revoked: revoked?.id ?? null },
      });
      return { secret, active: true, createdAt: feed.createdAt };
    });
  }

  /** Revokes the reader's feed: its address answers 404 from now on. */
  async revoke(principal: Principal): Promise<FeedState> {
    const accountId = this.holder(principal);
    await this.db.transaction(async (tx) => {
      const revoked = await feeds.revokeLiveFeed(tx, accountId);
      if (revoked)
        await appendAudit(tx, {
          ...auditActor(principal),
          action: "calendar.revoke",
          objectType: "calendar_feed",
          objectId: revoked.id,
        });
    });
    return { active: false, createdAt: null };
  }

  /**
   * The feed of this secret: the events its account may see now (from a year back), as an
   * iCalendar. An unknown or revoked secret, a disabled account, or one whose role no longer
   * keeps a feed: 404.
   */
  async ics(secret: string, options: { lang: Language; origin: string }): Promise<string> {
    const gone = () => new NotFoundError(msg("events.calendar_not_found"));
    if (!SECRET.test(secret)) throw gone();
    const accountId = await feeds.accountOfFeed(this.db, hashOf(secret));
    const account = accountId === undefined ? undefined : await new AccountsRepository(this.db).findById(accountId);
    if (!account || account.disabledAt !== null || !cooperationPolicy.keepCalendarFeed({ kind: "account", account }))
      throw gone();
    // Reading only: the feed's address may read what its account reads, and change nothing.
    const reader: Principal = { kind: "account", account, scopes: new Set() };
    const day = today(await databaseNow(this.db));
    const { organization, events } = await this.events.list(reader, {
      organization: account.organizationCode,
      from: addDays(day, -FEED_PAST_DAYS),
      limit: EVENTS_MAX_LIMIT,
    });
    const { lang, origin } = options;
    const calendar = ical({
      name: t(lang, "events.ics_name", { organization }),
      prodId: { company: "Concord", product: "Cooperation events", language: lang.toUpperCase() },
      ttl: 3600,
    });
    for (const event of events) {
      calendar.createEvent({
        id: `event-${event.id}@${organization.toLowerCase()}.concord`,
        allDay: true,
        start: new Date(`${event.startsOn}T00:00:00Z`),
        // An all-day event's end is the day after its last (RFC 5545 §3.6.1).
        end: new Date(`${addDays(event.endsOn, 1)}T00:00:00Z`),
        summary: eventTitle(event, lang),
        location: event.place ?? t(lang, "events.ics_online"),
        description: t(lang, "events.ics_details", {
          provider: event.provider,
          status: event.status,
          deadline: new Date(event.nominationDeadline).toISOString().slice(0, 16).replace("T", " "),
        }),
        status: STATUS[event.status],
        url: `${origin}/events/${event.id}`,
        created: new Date(event.createdAt),
      });
    }
    return calendar.toString();
  }

  /** The reader's account, if it may keep a feed. */
  private holder(principal: Principal): string {
    authorize(principal, cooperationPolicy.keepCalendarFeed(principal), msg("events.activity_calendar"));
    if (principal.kind !== "account") throw new Error("a calendar feed's holder is an account");
    return principal.account.id;
  }
}
