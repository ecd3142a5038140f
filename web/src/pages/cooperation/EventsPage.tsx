import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { EVENT_STATUSES, type EventStatus } from "../../../../src/domain/cooperation.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { DataLinks } from "../../components/DataLinks.tsx";
import { FormError, FormStatus } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, ErrorBox, Loading } from "../../components/Status.tsx";
import { useCooperationText, type CooperationText } from "../../i18n/cooperation/index.ts";
import { ApiError, apiUrl, send, useApi } from "../../lib/api.ts";
import { formatDate, intlLocale, today } from "../../lib/dates.ts";
import { href, setQuery, type Location } from "../../lib/router.ts";
import {
  addMonths,
  dayAfterKey,
  eventsByDay,
  firstDayOf,
  isMonth,
  lastDayOf,
  monthGrid,
  monthOfDay,
} from "./calendar.ts";
import { EventForm } from "./EventForm.tsx";
import {
  dateRangeText,
  EligibleTag,
  EventStatusPill,
  formatMoment,
  monthText,
  placeText,
  SelectField,
  useMediaQuery,
  useReader,
} from "./shared.tsx";
import type { CalendarFeed, CooperationEvent, EventsResponse } from "./types.ts";

type View = "month" | "list";

const isStatus = (value: string | null): value is EventStatus =>
  value !== null && (EVENT_STATUSES as readonly string[]).includes(value);

/**
 * `/events`: the events the reader may see, a month at a time, as a calendar (a list by day on a
 * phone) or a list; the view, the month and the status filter are kept in the address. The
 * reader's calendar feed; the secretariat schedules an event, a partner's delegation head proposes one.
 */
export default function EventsPage({ location }: { location: Location }) {
  const { t, lang } = useCooperationText();
  const reader = useReader();
  const view: View = location.query.get("view") === "list" ? "list" : "month";
  const askedMonth = location.query.get("month");
  const month = isMonth(askedMonth) ? askedMonth : monthOfDay(today());
  const askedStatus = location.query.get("status");
  const status = isStatus(askedStatus) ? askedStatus : null;
  const narrow = useMediaQuery("(max-width: 720px)");
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<{ id: number; title: string; proposed: boolean } | null>(null);

  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const params = { from, to, status };
  const list = useApi<EventsResponse>(reader.account ? apiUrl("/events", { ...params, lang }) : null, {
    cache: false,
  });

  if (!reader.account) {
    return (
      <div class="page page-events">
        <h1>{t.eventsTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForEvents), { status: 401 })} />
      </div>
    );
  }

  const events = list.data?.events ?? [];
  const monthName = monthText(month, lang);
  const mayCreate = reader.secretariat || reader.delegationHead;
  const forbidden = list.error && (list.error.status === 401 || list.error.status === 403) ? list.error : null;

  return (
    <div class="page page-events">
      <div class="page-heading">
        <p class="eyebrow">
          {reader.organization}
          {reader.delegationState && ` · ${reader.delegationState}`}
        </p>
        <h1>{t.eventsTitle}</h1>
        <p class="lede">{t.eventsIntro}</p>
      </div>

      <div class="events-side">
        <CalendarFeedPanel />
        {mayCreate && (
          <div class="event-create">
            {formOpen ? (
              <EventForm
                mode={reader.secretariat ? "schedule" : "propose"}
                onClose={() => setFormOpen(false)}
                onCreated={(event) => {
                  setFormOpen(false);
                  setCreated({ id: event.id, title: event.title, proposed: !reader.secretariat });
                  list.retry();
                }}
              />
            ) : (
              <button
                type="button"
                class="button"
                onClick={() => {
                  setCreated(null);
                  setFormOpen(true);
                }}
              >
                <span aria-hidden="true">+ </span>
                {reader.secretariat ? t.scheduleEvent : t.proposeEvent}
              </button>
            )}
            <FormStatus
              message={
                created ? (created.proposed ? t.eventProposed(created.title) : t.eventScheduled(created.title)) : null
              }
            />
            {created && (
              <p>
                <Link href={`/events/${created.id}`}>{t.openEvent}</Link>
              </p>
            )}
          </div>
        )}
      </div>

      <section class="events-section" aria-labelledby="events-month-heading" aria-busy={list.loading}>
        <div class="events-bar">
          <nav class="tabs events-views" aria-label={t.eventsViews}>
            <ul>
              {(["month", "list"] as const).map((v) => (
                <li>
                  <Link
                    href={href("/events", { view: v === "month" ? null : v, month: askedMonth ? month : null, status })}
                    aria-current={view === v ? "page" : undefined}
                  >
                    {v === "month" ? t.viewMonth : t.viewList}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div class="month-nav">
            <button
              type="button"
              class="button"
              aria-label={t.previousMonth}
              title={t.previousMonth}
              onClick={() => setQuery({ month: addMonths(month, -1) }, { replace: false })}
            >
              <span aria-hidden="true">←</span>
            </button>
            <h2 id="events-month-heading" class="month-heading" aria-live="polite">
              {monthName}
            </h2>
            <button
              type="button"
              class="button"
              aria-label={t.nextMonth}
              title={t.nextMonth}
              onClick={() => setQuery({ month: addMonths(month, 1) }, { replace: false })}
            >
              <span aria-hidden="true">→</span>
            </button>
            <button
              type="button"
              class="button button-quiet"
              disabled={month === monthOfDay(today())}
              onClick={() => setQuery({ month: null }, { replace: false })}
            >
              {t.thisMonth}
            </button>
          </div>
        </div>
        <div class="toolbar">
          <div class="toolbar-filter events-status-filter">
            <SelectField
              id="events-status"
              label={t.filterStatus}
              value={status ?? ""}
              onChange={(value) => setQuery({ status: value || null })}
            >
              <option value="">{t.anyStatus}</option>
              {EVENT_STATUSES.map((s) => (
                <option value={s}>{t.eventStatuses[s]}</option>
              ))}
            </SelectField>
          </div>
          {list.data && (
            <p class="toolbar-count muted" role="status" data-testid="events-count">
              {t.eventsCount(events.length)}
            </p>
          )}
          <DataLinks path="/events" params={params} what={t.eventsWhat(monthName)} />
        </div>

        {forbidden ? (
          <AccessErrorBox error={forbidden} />
        ) : list.error ? (
          <ErrorBox error={list.error} onRetry={list.retry} />
        ) : !list.data ? (
          <Loading />
        ) : view === "month" && !narrow ? (
          <>
            <MonthGrid month={month} events={events} t={t} lang={lang} />
            <p class="hint calendar-keys">{t.calendarKeys}</p>
          </>
        ) : events.length === 0 ? (
          <p class="empty">{t.noEventsIn(monthName)}</p>
        ) : view === "month" ? (
          <DayList month={month} events={events} t={t} lang={lang} />
        ) : (
          <EventList events={events} t={t} lang={lang} />
        )}
      </section>
    </div>
  );
}

// ---------------------------------------------------------------- the month as a grid

const weekdayFormats = new Map<string, { short: Intl.DateTimeFormat; long: Intl.DateTimeFormat }>();

function weekdayNames(lang: string): Array<{ short: string; long: string }> {
  let formats = weekdayFormats.get(lang);
  if (!formats) {
    formats = {
      short: new Intl.DateTimeFormat(intlLocale(lang), { weekday: "short", timeZone: "UTC" }),
      long: new Intl.DateTimeFormat(intlLocale(lang), { weekday: "long", timeZone: "UTC" }),
    };
    weekdayFormats.set(lang, formats);
  }
  const { short, long } = formats;
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    return { short: short.format(date), long: long.format(date) };
  });
}

/**
 * A month as a calendar grid: one cell per day, the day's events as links in it. One cell at a
 * time is in the tab order (the focused day); the arrow keys move between days, Home and End to
 * the week's ends, Page Up and Page Down to the month before or after.
 */
function MonthGrid({
  month,
  events,
  t,
  lang,
}: {
  month: string;
  events: CooperationEvent[];
  t: CooperationText;
  lang: string;
}) {
  const weeks = monthGrid(month);
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const byDay = eventsByDay(events, first, last);
  const now = today();
  const [focusDay, setFocusDay] = useState(() => (monthOfDay(now) === month ? now : first));
  const moveFocus = useRef(false);
  const table = useRef<HTMLTableElement>(null);

  useEffect(() => {
    if (monthOfDay(focusDay) !== month) setFocusDay(monthOfDay(now) === month ? now : first);
  }, [month]);
  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    table.current?.querySelector<HTMLElement>(`[data-day="${focusDay}"]`)?.focus();
  }, [focusDay, month]);

  const onKeyDown = (event: KeyboardEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-day]");
    const day = cell?.dataset.day;
    if (!day) return;
    const next = dayAfterKey(day, event.key);
    if (!next) return;
    event.preventDefault();
    setFocusDay(next);
    if (monthOfDay(next) === month) {
      // The day is on the page already: focus moves now (its onFocus keeps focusDay).
      table.current?.querySelector<HTMLElement>(`[data-day="${next}"]`)?.focus();
    } else {
      // Another month: focus moves once it is drawn.
      moveFocus.current = true;
      setQuery({ month: monthOfDay(next) }, { replace: false });
    }
  };

  const names = weekdayNames(lang);
  return (
    <div class="calendar-wrap">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the calendar is an ARIA grid (arrow keys move between days), drawn as a table */}
      <table ref={table} class="calendar" role="grid" aria-labelledby="events-month-heading" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {names.map((name) => (
              <th scope="col" abbr={name.long}>
                {name.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day >= first && day <= last;
                const dayEvents = inMonth ? (byDay.get(day) ?? []) : [];
                // A cell of a table that is a grid is a grid cell (HTML-AAM): no role needed.
                return (
                  <td
                    key={day}
                    data-day={day}
                    tabIndex={day === focusDay ? 0 : -1}
                    class={`calendar-day${inMonth ? "" : " is-outside"}${day === now ? " is-today" : ""}${dayEvents.length > 0 ? " has-events" : ""}`}
                    onFocus={() => {
                      if (day !== focusDay) setFocusDay(day);
                    }}
                  >
                    <span class="calendar-date" aria-hidden="true">
                      {Number(day.slice(8))}
                    </span>
                    <span class="visually-hidden">
                      {dayEvents.length > 0
                        ? t.dayWithEvents(formatDate(day, "day", lang), dayEvents.length)
                        : formatDate(day, "day", lang)}
                    </span>
                    {dayEvents.length > 0 && (
                      <ul class="calendar-events">
                        {dayEvents.map((event) => (
                          <li key={event.id}>
                            <Link
                              href={`/events/${event.id}`}
                              class={`calendar-event event-${event.status}${event.eligible === false ? " is-not-open" : ""}`}
                            >
                              {event.title}
                              <span class="visually-hidden">
                                {" · "}
                                {t.eventStatuses[event.status]}
                                {event.eligible !== null && ` · ${event.eligible ? t.openToYou : t.notOpenToYou}`}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- lists

/** The month day by day (a phone's month view): each day with events, and its events. */
function DayList({
  month,
  events,
  t,
  lang,
}: {
  month: string;
  events: CooperationEvent[];
  t: CooperationText;
  lang: string;
}) {
  const byDay = eventsByDay(events, firstDayOf(month), lastDayOf(month));
  return (
    <ol class="day-list" data-testid="day-list">
      {[...byDay].map(([day, dayEvents]) => (
        <li key={day} class={`day-list-day${day === today() ? " is-today" : ""}`}>
          <h3 class="day-list-date">
            <time dateTime={day}>
              {new Intl.DateTimeFormat(intlLocale(lang), {
                weekday: "long",
                day: "numeric",
                month: "long",
                timeZone: "UTC",
              }).format(new Date(`${day}T00:00:00Z`))}
            </time>
          </h3>
          <ul class="event-list">
            {dayEvents.map((event) => (
              <EventCard key={event.id} event={event} t={t} lang={lang} heading="h4" />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** The month's events once each, by their first day. */
function EventList({ events, t, lang }: { events: CooperationEvent[]; t: CooperationText; lang: string }) {
  const sorted = [...events].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id);
  return (
    <ul class="event-list" data-testid="event-list">
      {sorted.map((event) => (
        <EventCard key={event.id} event={event} t={t} lang={lang} heading="h3" />
      ))}
    </ul>
  );
}

function EventCard({
  event,
  t,
  lang,
  heading: Heading,
}: {
  event: CooperationEvent;
  t: CooperationText;
  lang: string;
  heading: "h3" | "h4";
}) {
  return (
    <li class={`card event-card event-${event.status}`} data-event={event.id}>
      <div class="event-card-head">
        <Heading class="event-card-title">
          <Link href={`/events/${event.id}`}>{event.title}</Link>
        </Heading>
        <span class="event-card-tags">
          <EventStatusPill status={event.status} t={t} />
          <EligibleTag eligible={event.eligible} t={t} />
        </span>
      </div>
      <p class="event-card-meta">
        <span>{dateRangeText(event.startsOn, event.endsOn, lang)}</span>
        <span>{placeText(event, t)}</span>
        <span>{event.provider}</span>
      </p>
      <p class="event-card-meta muted">
        <span data-testid="nominations-count">
          {t.nominationsCount(event.nominations.total, event.nominations.confirmed)}
          {event.capacity !== null && ` / ${t.capacity(event.capacity)}`}
        </span>
        {(event.status === "approved" || event.status === "confirmed") && (
          <span>{t.nominationsUntil(formatMoment(event.nominationDeadline, lang))}</span>
        )}
        {event.proposedBy && <span>{t.proposedBy(event.proposedBy)}</span>}
      </p>
    </li>
  );
}

// ---------------------------------------------------------------- the calendar feed

/**
 * The reader's secret calendar address. Concord keeps only its hash, so the address shows once,
 * when made; after that the panel says an address is active, and offers a new one (the old stops
 * working) or to revoke it. Each change asks first, naming what happens to calendar apps.
 */
function CalendarFeedPanel() {
  const { t, lang } = useCooperationText();
  const feed = useApi<CalendarFeed>(apiUrl("/calendar-feed"), { cache: false });
  const [state, setState] = useState<CalendarFeed | undefined>(undefined);
  const [asking, setAsking] = useState<"replace" | "revoke" | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const shown = state ?? feed.data;
  const address = shown?.url ? new URL(shown.url, window.location.origin).href : null;

  const change = async (method: "POST" | "DELETE") => {
    setPending(true);
    setError(null);
    setDone(null);
    setCopied(false);
    try {
      const answer = await send<CalendarFeed>(method, "/calendar-feed");
      setState(answer ?? { url: null, active: false, createdAt: null });
      setDone(method === "DELETE" ? t.feedRevoked : t.feedCreated);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 0 ? t.networkError : (failure as Error).message);
    } finally {
      setPending(false);
      setAsking(null);
    }
  };

  return (
    <section class="card feed-panel" aria-labelledby="feed-heading" data-testid="calendar-feed">
      <h2 id="feed-heading">{t.feedHeading}</h2>
      <p class="hint">{t.feedIntro}</p>
      {feed.error && !state ? (
        <ErrorBox error={feed.error} onRetry={feed.retry} />
      ) : !shown ? (
        <Loading />
      ) : shown.active ? (
        <>
          {address ? (
            <div class="field">
              <label for="feed-url">{t.feedAddress}</label>
              <div class="feed-row">
                <input
                  id="feed-url"
                  class="input feed-url"
                  type="text"
                  readOnly
                  value={address}
                  aria-describedby="feed-url-hint"
                  onFocus={(event) => event.currentTarget.select()}
                  data-testid="feed-url"
                />
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    navigator.clipboard?.writeText(address).then(
                      () => setCopied(true),
                      () => setCopied(false),
                    );
                  }}
                >
                  {copied ? t.feedCopied : t.feedCopy}
                </button>
              </div>
              <p id="feed-url-hint" class="hint field-hint">
                {t.feedShownOnce}
              </p>
            </div>
          ) : (
            <p data-testid="feed-active">{t.feedActive(shown.createdAt ? formatMoment(shown.createdAt, lang) : "")}</p>
          )}
          <div class="row-buttons">
            <button type="button" class="button" disabled={pending} onClick={() => setAsking("replace")}>
              {t.feedReplace}
            </button>
            <button type="button" class="button button-danger" disabled={pending} onClick={() => setAsking("revoke")}>
              {t.feedRevoke}
            </button>
          </div>
        </>
      ) : (
        <>
          <p data-testid="feed-none">{t.feedNone}</p>
          <button type="button" class="button button-primary" disabled={pending} onClick={() => change("POST")}>
            {t.feedCreate}
          </button>
        </>
      )}
      <FormError message={error} />
      <FormStatus message={done} />
      <Confirm
        open={asking !== null}
        title={asking === "replace" ? t.feedReplaceTitle : t.feedRevokeTitle}
        confirmLabel={asking === "replace" ? t.feedReplace : t.feedRevoke}
        cancelLabel={t.keepIt}
        pending={pending}
        onConfirm={() => change(asking === "replace" ? "POST" : "DELETE")}
        onCancel={() => setAsking(null)}
      >
        <p>{asking === "replace" ? t.feedReplaceText : t.feedRevokeText}</p>
      </Confirm>
    </section>
  );
}
