import { CertaintyBadge, DateText, KindLabel } from "../components/Badges.tsx";
import { DataLinks } from "../components/DataLinks.tsx";
import { DateControl } from "../components/DateControl.tsx";
import { Link } from "../components/Link.tsx";
import { PendingNotices } from "../components/PendingNotices.tsx";
import { bySource, SourceCard } from "../components/SourceCard.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { LANGUAGES } from "../../../src/domain/languages.ts";
import { useI18n, type Messages } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { href, type Location } from "../lib/router.ts";
import type {
  ActorResponse,
  Organization,
  OrganizationsResponse,
  Relation,
  RelationsResponse,
  TimelineResponse,
} from "../lib/types.ts";
import { dateFromQuery, setDate } from "../lib/useDate.ts";
import { frameworkName } from "./MapPage.tsx";

function relationKindText(t: Messages, relation: Relation, orgs: Organization[]): string {
  if (relation.kind === "partner" && relation.framework) {
    const org = orgs.find((o) => o.code === relation.object);
    return t.partnerBy(frameworkName(org, relation.framework) ?? relation.framework);
  }
  if (relation.kind === "designation" && relation.designation)
    return t.designations[relation.designation] ?? relation.designation;
  return t.kinds[relation.kind];
}

export function ActorPage({ code, location }: { code: string; location: Location }) {
  const { t, lang } = useI18n();
  const at = dateFromQuery(location);
  const actor = useApi<ActorResponse>(apiUrl(`/actors/${encodeURIComponent(code)}`, { lang }));
  const relations = useApi<RelationsResponse>(apiUrl(`/actors/${encodeURIComponent(code)}/relations`, { at, lang }));
  const timeline = useApi<TimelineResponse>(apiUrl(`/actors/${encodeURIComponent(code)}/timeline`, { lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const orgs = organizations.data?.organizations ?? [];
  const dateText = formatDate(at, "day", lang);

  if (actor.error) {
    return (
      <div class="page">
        <h1>{code}</h1>
        <ErrorBox error={actor.error} onRetry={actor.retry} />
      </div>
    );
  }
  const a = actor.data?.actor;
  /** The other party of a relation, seen from this actor. */
  const other = (r: Relation) =>
    r.subject === code ? { code: r.object, name: r.objectName } : { code: r.subject, name: r.subjectName };
  const otherHref = (otherCode: string) =>
    orgs.some((o) => o.code === otherCode)
      ? href(`/organizations/${otherCode}`, { at })
      : href(`/actors/${otherCode}`, { at });

  return (
    <div class="page page-actor">
      <nav class="breadcrumbs" aria-label={t.breadcrumb}>
        <Link href={href("/", { at })}>{t.navMap}</Link>
        <span aria-hidden="true"> / </span>
        <span>{code}</span>
      </nav>
      <div class="page-heading">
        <p class="eyebrow">{a ? (t.actorTypes[a.type] ?? a.type) : "\u00a0"}</p>
        <h1>
          {a?.name ?? code} <span class="code-tag">{code}</span>
        </h1>
      </div>
      {!a ? (
        <Loading />
      ) : (
        <div class="actor-layout">
          <aside class="actor-facts card" aria-label={`${t.names}, ${t.codes}`}>
            <h2>{t.names}</h2>
            <dl class="facts">
              {LANGUAGES.map((l) =>
                a.names[l] ? (
                  <div>
                    <dt>{t.languageNames[l]}</dt>
                    <dd lang={l}>{a.names[l]}</dd>
                  </div>
                ) : null,
              )}
            </dl>
            <h2>{t.codes}</h2>
            <dl class="facts">
              <div>
                <dt>{t.code}</dt>
                <dd>
                  <code>{a.code}</code>
                </dd>
              </div>
              {a.isoAlpha2 && (
                <div>
                  <dt>{t.isoAlpha2}</dt>
                  <dd>
                    <code>{a.isoAlpha2}</code>
                  </dd>
                </div>
              )}
              {a.isoNumeric && (
                <div>
                  <dt>{t.isoNumeric}</dt>
                  <dd>
                    <code>{a.isoNumeric}</code>
                  </dd>
                </div>
              )}
              {a.cowCode !== null && a.cowCode !== undefined && (
                <div>
                  <dt>{t.cowCode}</dt>
                  <dd>
                    <code>{a.cowCode}</code>
                  </dd>
                </div>
              )}
            </dl>
            {a.periods?.length > 0 && (
              <>
                <h2>{t.existence}</h2>
                <ul class="plain-list">
                  {a.periods.map((p) => {
                    const since = formatDate(p.since, p.sincePrecision, lang);
                    return (
                      <li>
                        {p.until
                          ? t.existedFromTo(since, formatDate(p.until, p.untilPrecision, lang))
                          : t.existedFrom(since)}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </aside>

          <div class="actor-main">
            <PendingNotices
              actor={code}
              nameOf={(other) => {
                if (other === code) return a.name;
                const org = orgs.find((o) => o.code === other);
                return org?.abbreviation ?? org?.name ?? other;
              }}
            />
            <section class="card" aria-labelledby="relations-heading" aria-busy={relations.loading}>
              <h2 id="relations-heading">{t.relationsOn(dateText)}</h2>
              <DateControl value={at} onChange={setDate} readout={false} />
              <DataLinks
                path={`/actors/${encodeURIComponent(code)}/relations`}
                params={{ at }}
                what={`${a.name} — ${t.relationsOn(dateText)}`}
              />
              {relations.error ? (
                <ErrorBox error={relations.error} onRetry={relations.retry} />
              ) : !relations.data ? (
                <Loading />
              ) : relations.data.relations.length === 0 ? (
                <p class="empty">{t.noRelations}</p>
              ) : (
                <ul class="relation-list">
                  {relations.data.relations.map((r) => {
                    const o = other(r);
                    return (
                      <li key={r.id} class="relation-item">
                        <div class="relation-item-main">
                          <KindLabel kind={r.kind} text={relationKindText(t, r, orgs)} />
                          <span class="relation-other">
                            {r.subject === code ? "" : "← "}
                            <Link href={otherHref(o.code)}>{o.name}</Link>{" "}
                            <span class="muted">{orgs.find((g) => g.code === o.code)?.abbreviation ?? o.code}</span>
                          </span>
                        </div>
                        <div class="relation-item-meta">
                          <span>
                            {t.sinceDate(formatDate(r.since, r.sincePrecision, lang))}
                            {r.until && ` · ${t.untilDate(formatDate(r.until, r.untilPrecision, lang))}`}
                          </span>
                          <CertaintyBadge certainty={r.certainty} />
                          <Link href={`/relations/${r.id}`} aria-label={t.viewClaimsFor(`${a.name} — ${o.name}`)}>
                            {t.viewClaims} →
                          </Link>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>

            <section class="card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t.timeline}</h2>
              <p class="muted">{t.timelineIntro}</p>
              <DataLinks
                path={`/actors/${encodeURIComponent(code)}/timeline`}
                params={{}}
                what={`${a.name} — ${t.timeline}`}
              />
              {timeline.error ? (
                <ErrorBox error={timeline.error} onRetry={timeline.retry} />
              ) : !timeline.data ? (
                <Loading />
              ) : timeline.data.events.length === 0 ? (
                <p class="empty">{t.timelineEmpty}</p>
              ) : (
                <ol class="timeline">
                  {timeline.data.events.map((event) => {
                    const o = other(event.relation);
                    return (
                      <li class={`timeline-event is-${event.change}`} key={`${event.relation.id}-${event.change}`}>
                        <div class="timeline-date">
                          <DateText date={event.date} precision={event.precision} />
                          {event.precision !== "day" && (
                            <span class="precision-note">{t.precision[event.precision]}</span>
                          )}
                        </div>
                        <div class="timeline-body">
                          <span class={`change-tag change-${event.change}`}>{t.change[event.change]}</span>{" "}
                          <KindLabel kind={event.relation.kind} text={relationKindText(t, event.relation, orgs)} />
                          {" — "}
                          <Link href={otherHref(o.code)}>{o.name}</Link>
                          {event.relation.certainty !== "confirmed" && (
                            <>
                              {" "}
                              <CertaintyBadge certainty={event.relation.certainty} />
                            </>
                          )}
                          <span aria-hidden="true"> · </span>
                          <Link
                            href={`/relations/${event.relation.id}`}
                            class="timeline-claims"
                            aria-label={t.viewClaimsFor(`${a.name} — ${o.name}`)}
                          >
                            {t.viewClaims}
                          </Link>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>

            {relations.data && relations.data.relations.length > 0 && (
              <section aria-labelledby="sources-heading" class="sources-section">
                <h2 id="sources-heading">
                  {t.sourcesHeading(bySource(relations.data.relations, (r) => r.sources).length)}
                </h2>
                <p class="muted">{t.sourcesIntro}</p>
                <ul class="sources-grid">
                  {bySource(relations.data.relations, (r) => r.sources).map(({ source, items }) => (
                    <SourceCard
                      key={source.id}
                      source={source}
                      at={at}
                      label={t.supports}
                      claims={items.map((r) => ({
                        key: r.id,
                        what: (
                          <Link href={`/relations/${r.id}`}>
                            {relationKindText(t, r, orgs)} — {other(r).name}
                          </Link>
                        ),
                      }))}
                    />
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
