import type { ComponentChildren } from "preact";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { href } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { partnerNameOf, periodText } from "./logic.ts";
import { ProgressMeter, ReconstructedTag, VersionStatusPill } from "./shared.tsx";
import type { DashboardEvent, DashboardResponse, DueItem, ProgrammeSummary } from "./types.ts";

/** A delegation's dashboard: its programme in force, events it may attend, its nominations, results due, its digest. */
export default function OurProgrammePage(_props: { location?: unknown }) {
  const { t, lang } = useProgrammeText();
  const { session } = useSession();
  const account = session?.account ?? null;
  const dashboard = useApi<DashboardResponse>(account ? apiUrl("/cooperation/dashboard", { lang }) : null, {
    cache: false,
  });

  if (!account) {
    return (
      <div class="page page-our-programme">
        <h1>{t.ourProgrammeTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForProgrammes), { status: 401 })} />
      </div>
    );
  }
  const data = dashboard.data;
  return (
    <div class="page page-our-programme">
      <div class="page-heading">
        <p class="eyebrow">
          {account.organization}
          {account.delegation && ` · ${account.delegation.state}`}
        </p>
        <h1>{t.ourProgrammeTitle}</h1>
        <p class="lede">{t.ourProgrammeIntro}</p>
      </div>
      {dashboard.error ? (
        <AccessErrorBox error={dashboard.error} onRetry={dashboard.retry} />
      ) : !data ? (
        <Loading />
      ) : (
        <div class="prog-dashboard">
          <Panel id="dash-programmes" title={t.dashProgrammes} wide testId="dash-programmes">
            {data.programmes.length === 0 ? (
              <p class="empty">{t.dashNoProgramme}</p>
            ) : (
              <ul class="prog-dash-list">
                {data.programmes.map((programme) => (
                  <ProgrammeCard key={programme.id} programme={programme} />
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="dash-results" title={t.dashResults} testId="dash-results">
            <DueList title={t.dueMissing} items={data.results.missing} tone="missing" />
            <DueList title={t.dueLate} items={data.results.late} tone="late" />
            <DueList title={t.dueReturned} items={data.results.returned} tone="returned" />
            <DueList title={t.dueAwaiting} items={data.results.awaitingApproval} tone="awaiting" />
          </Panel>
          <Panel id="dash-events" title={t.dashEvents} testId="dash-events">
            {data.events.length === 0 ? (
              <p class="empty">{t.dashNoEvents}</p>
            ) : (
              <ul class="prog-dash-events">
                {data.events.map((event) => (
                  <EventItem key={event.id} event={event} />
                ))}
              </ul>
            )}
            <p>
              <Link href="/events">{t.allEvents}</Link>
            </p>
          </Panel>
          <Panel id="dash-nominations" title={t.dashNominations} testId="dash-nominations">
            {data.nominations.length === 0 ? (
              <p class="empty">{t.dashNoNominations}</p>
            ) : (
              <ul class="prog-dash-nominations">
                {data.nominations.map((nomination) => (
                  <li key={nomination.id}>
                    <strong>{nomination.participantName}</strong>
                    {nomination.rankOrFunction && <span class="muted"> · {nomination.rankOrFunction}</span>}
                    <br />
                    <Link href={`/events/${nomination.eventId}`}>
                      {nomination.eventTitle ?? t.eventNumber(String(nomination.eventId))}
                    </Link>{" "}
                    <span class="prog-tag">
                      {t.nominationStatuses[nomination.status as keyof typeof t.nominationStatuses] ??
                        nomination.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="dash-digest" title={t.dashDigest} testId="dash-digest">
            <Digest digests={data.digests} />
          </Panel>
        </div>
      )}
    </div>
  );
}

function Panel({
  id,
  title,
  children,
  wide = false,
  testId,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <section class={`card prog-panel${wide ? " is-wide" : ""}`} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { t, lang } = useProgrammeText();
  const heading = t.programmeHeading(
    partnerNameOf(programme, lang),
    programme.kind,
    programme.period.start.slice(0, 4),
    programme.period.end.slice(0, 4),
  );
  return (
    <li class="prog-dash-programme" data-programme={programme.id}>
      <p class="prog-dash-programme-title">
        <Link href={`/programmes/${programme.id}`}>{heading}</Link>
      </p>
      <p class="prog-badges">
        <VersionStatusPill status={programme.status} />
        <span class="prog-version-tag">
          {programme.inForce === null ? t.noVersionInForce : t.versionInForce(programme.inForce)}
        </span>
        {programme.reconstructed && <ReconstructedTag />}
      </p>
      <p class="small-note muted">{periodText(programme.period, lang)}</p>
      <ProgressMeter share={programme.progress} />
    </li>
  );
}

function EventItem({ event }: { event: DashboardEvent }) {
  const { t, lang } = useProgrammeText();
  const dates =
    event.startsOn === event.endsOn
      ? formatDate(event.startsOn, "day", lang)
      : `${formatDate(event.startsOn, "day", lang)} – ${formatDate(event.endsOn, "day", lang)}`;
  return (
    <li data-event={event.id}>
      <Link href={`/events/${event.id}`}>{event.title}</Link>
      <br />
      <span class="small-note">
        {dates}
        {event.online ? ` · ${t.online}` : event.place ? ` · ${event.place}` : ""}
      </span>
      {event.nominationDeadline && (
        <span class="small-note muted">
          {" "}
          · {t.nominateBy(formatDate(event.nominationDeadline.slice(0, 10), "day", lang))}
        </span>
      )}
    </li>
  );
}

function DueList({
  title,
  items,
  tone,
}: {
  title: string;
  items: DueItem[];
  tone: "missing" | "late" | "returned" | "awaiting";
}) {
  const { t, lang } = useProgrammeText();
  return (
    <div class={`prog-due prog-due-${tone}`} data-due={tone}>
      <h3>
        {title} <span class="prog-count">{items.length}</span>
      </h3>
      {items.length > 0 && (
        <ul>
          {items.map((item, index) => {
            const what = [item.indicatorRef, item.indicatorTitle ?? item.title].filter(Boolean).join(" · ");
            const end = item.periodEnd ?? item.end;
            const comment = item.reviewComment ?? item.comment;
            const label = what || t.indicatorNumber(String(item.indicatorId ?? index + 1));
            return (
              <li key={`${item.indicatorId}-${item.periodId}-${index}`}>
                {item.programmeId !== undefined ? (
                  <Link href={href(`/programmes/${item.programmeId}`)}>{label}</Link>
                ) : (
                  label
                )}
                {end && <span class="small-note muted"> · {t.periodEnds(formatDate(end, "day", lang))}</span>}
                {comment && <p class="small-note prog-returned">{comment}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A digest as GET /cooperation/digest gives it: one a day, its entries by kind. */
interface DigestDay {
  day: string;
  total: number;
  items: Array<{ kind: string }>;
}

function isDigestDay(value: unknown): value is DigestDay {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DigestDay).day === "string" &&
    Array.isArray((value as DigestDay).items)
  );
}

/** The delegation's daily digests, newest first: how many entries of each kind each day gathered. */
function Digest({ digests }: { digests: unknown }) {
  const { t, lang } = useProgrammeText();
  const list = Array.isArray(digests)
    ? digests
    : digests && typeof digests === "object" && Array.isArray((digests as { digests?: unknown }).digests)
      ? (digests as { digests: unknown[] }).digests
      : [];
  const days = list.filter(isDigestDay);
  if (days.length === 0) return <p class="empty">{t.dashNoDigest}</p>;
  return (
    <ul class="prog-digest">
      {days.slice(0, 7).map((digest) => {
        const counts = new Map<string, number>();
        for (const item of digest.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
        return (
          <li key={digest.day}>
            <strong>{formatDate(digest.day, "day", lang)}</strong> · {t.digestTotal(digest.total)}
            {counts.size > 0 && (
              <span class="small-note muted">
                {" "}
                (
                {[...counts]
                  .map(([kind, n]) => t.digestCount(t.digestCounts[kind as keyof typeof t.digestCounts] ?? kind, n))
                  .join(" · ")}
                )
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
