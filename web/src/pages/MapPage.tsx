import { useEffect, useMemo, useState } from "preact/hooks";
import { Fragment, type FunctionComponent } from "preact";
import { KindLabel, Swatch } from "../components/Badges.tsx";
import { DateControl } from "../components/DateControl.tsx";
import { Link } from "../components/Link.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useI18n, type Messages } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { colourRank, KIND_ORDER } from "../lib/kinds.ts";
import { href, navigate, setQuery, type Location } from "../lib/router.ts";
import type { ActorsResponse, Member, MembersResponse, Organization, OrganizationsResponse } from "../lib/types.ts";
import { dateFromQuery, setDate } from "../lib/useDate.ts";
import type { MapEntry } from "../map/WorldMap.tsx";

type WorldMapComponent = typeof import("../map/WorldMap.tsx").default;

/** The map and its libraries are loaded after the first paint, in their own chunk. */
function useWorldMap(): WorldMapComponent | null | Error {
  const [component, setComponent] = useState<WorldMapComponent | null | Error>(null);
  useEffect(() => {
    let live = true;
    import("../map/WorldMap.tsx").then(
      (module) => live && setComponent(() => module.default),
      (error: unknown) => live && setComponent(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, []);
  return component;
}

export function frameworkName(org: Organization | undefined, slug: string | null): string | null {
  if (!slug) return null;
  return org?.frameworks.find((f) => f.slug === slug)?.name ?? slug;
}

export function kindText(
  t: Messages,
  member: Pick<Member, "kind" | "framework" | "designation">,
  org: Organization | undefined,
): string {
  if (member.kind === "partner" && member.framework)
    return t.partnerBy(frameworkName(org, member.framework) ?? member.framework);
  if (member.kind === "designation" && member.designation)
    return t.designations[member.designation] ?? member.designation;
  return t.kinds[member.kind];
}

export function MapPage({ location }: { location: Location }) {
  const { t, lang } = useI18n();
  const at = dateFromQuery(location);
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const orgs = organizations.data?.organizations ?? [];
  const requested = location.query.get("org")?.toUpperCase() ?? null;
  const org = orgs.find((o) => o.code === requested) ?? orgs.find((o) => o.code === "NATO") ?? orgs[0];
  const members = useApi<MembersResponse>(
    org ? apiUrl(`/organizations/${encodeURIComponent(org.code)}/members`, { at, lang }) : null,
  );
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const view = location.query.get("view") === "list" ? "list" : "map";
  // No relation on this date: does the organisation have any at all? (BRICS, the EU: none yet.)
  const emptyToday = Boolean(org && members.data?.organization === org.code && members.data.members.length === 0);
  const history = useApi<{ events: unknown[] }>(
    emptyToday && org ? apiUrl(`/actors/${encodeURIComponent(org.code)}/timeline`, { lang }) : null,
  );
  const noneEver = emptyToday && history.data?.events.length === 0;
  const WorldMap = useWorldMap();
  const [highlight, setHighlight] = useState<string | null>(null);
  const [drawable, setDrawable] = useState<Set<string> | null>(null);

  const list = members.data && members.data.organization === org?.code ? members.data.members : [];
  const dateText = formatDate(at, "day", lang);

  const entries = useMemo(() => {
    const map = new Map<string, MapEntry>();
    for (const actor of states.data?.actors ?? []) {
      if (actor.isoNumeric) map.set(actor.isoNumeric, { code: actor.code, name: actor.name, kind: null, detail: null });
    }
    const strongest = new Map<string, Member>();
    for (const member of list) {
      if (!member.isoNumeric) continue;
      const held = strongest.get(member.isoNumeric);
      if (!held || colourRank(member.kind) < colourRank(held.kind)) strongest.set(member.isoNumeric, member);
    }
    for (const [numeric, member] of strongest) {
      const since = formatDate(member.since, member.sincePrecision, lang);
      map.set(numeric, {
        code: member.code,
        name: member.name,
        kind: member.kind,
        detail: `${kindText(t, member, org)} · ${t.sinceDate(since)}`,
      });
    }
    return map;
  }, [states.data, list, lang, org, t]);

  const groups = useMemo(() => {
    const byKind = new Map<string, Member[]>();
    for (const member of list) {
      const items = byKind.get(member.kind) ?? [];
      items.push(member);
      byKind.set(member.kind, items);
    }
    const collator = new Intl.Collator(lang);
    return KIND_ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({
      kind,
      members: (byKind.get(kind) ?? []).sort((a, b) => collator.compare(a.name, b.name)),
    }));
  }, [list, lang]);

  const suspendedCodes = new Set(list.filter((m) => m.kind === "suspended").map((m) => m.code));
  const notDrawn = drawable ? list.filter((m) => m.isoNumeric && !drawable.has(m.isoNumeric)).map((m) => m.name) : [];

  return (
    <div class="page page-map">
      <div class="page-heading">
        <h1>{t.mapTitle}</h1>
        <p class="lede">{t.mapIntro}</p>
      </div>

      {organizations.error && <ErrorBox error={organizations.error} onRetry={organizations.retry} />}

      <section class="controls card">
        <div class="field org-field">
          <label for="org-select">{t.organization}</label>
          <select
            id="org-select"
            value={org?.code ?? ""}
            disabled={!orgs.length}
            onChange={(event) => setQuery({ org: event.currentTarget.value })}
          >
            {orgs.map((o) => (
              <option value={o.code}>
                {(o.abbreviation ?? o.code) === o.name ? o.name : `${o.abbreviation ?? o.code} · ${o.name}`}
              </option>
            ))}
          </select>
        </div>
        <DateControl value={at} onChange={setDate} />
      </section>

      {noneEver && org && (
        <p class="empty-organization card" role="status" data-testid="no-relations-yet">
          {t.noRelationsYet(org.name)}
        </p>
      )}

      {/* The list holds the same countries as the map, each a link: on a phone, or by keyboard, it may be all one wants. */}
      <fieldset class="view-toggle">
        <legend class="visually-hidden">{t.mapViewLabel}</legend>
        <button
          type="button"
          class="view-toggle-button"
          aria-pressed={view === "map"}
          onClick={() => setQuery({ view: null })}
        >
          {t.mapViewMap}
        </button>
        <button
          type="button"
          class="view-toggle-button"
          aria-pressed={view === "list"}
          onClick={() => setQuery({ view: "list" })}
        >
          {t.mapViewList}
        </button>
      </fieldset>

      <div class={`map-layout${view === "list" ? " is-list" : ""}`}>
        <section class="map-column" aria-labelledby="map-heading" hidden={view === "list"}>
          <h2 id="map-heading" class="visually-hidden">
            {org ? t.mapLabel(org.name, dateText) : t.mapTitle}
          </h2>
          {WorldMap instanceof Error ? (
            <ErrorBox error={WorldMap} />
          ) : WorldMap ? (
            <WorldMap
              entries={entries}
              highlight={highlight}
              onHighlight={setHighlight}
              onSelect={(code) => navigate(href(`/actors/${code}`, { at }))}
              label={org ? t.mapLabel(org.name, dateText) : t.mapTitle}
              loadingText={t.mapLoading}
              errorText={t.mapError}
              noRelationText={t.noRelation}
              onDrawable={setDrawable}
              busy={members.loading}
            />
          ) : (
            <div class="map-frame map-placeholder" role="status">
              <p>
                <span class="spinner" aria-hidden="true" />
                {t.mapLoading}
              </p>
            </div>
          )}
          <Legend present={new Set(groups.map((g) => g.kind))} />
          <p class="hint">{t.mapHint}</p>
          {notDrawn.length > 0 && <p class="hint">{t.notDrawn(notDrawn.join(", "))}</p>}
        </section>

        <section class="list-column card" aria-labelledby="list-heading" aria-busy={members.loading}>
          <h2 id="list-heading">{org ? t.onDate(org.abbreviation ?? org.code, dateText) : t.loading}</h2>
          {members.error ? (
            <ErrorBox error={members.error} onRetry={members.retry} />
          ) : !members.data && members.loading ? (
            <Loading />
          ) : (
            <>
              <p class="count-summary" aria-live="polite" data-testid="member-summary">
                {groups.map((g) => t.kindCount[g.kind](g.members.length)).join(" · ") ||
                  (noneEver && org ? t.noRelationsYet(org.name) : t.noMembers)}
              </p>
              {groups.map((group) => (
                <MemberGroup
                  suspended={suspendedCodes}
                  key={group.kind}
                  kind={group.kind}
                  members={group.members}
                  org={org}
                  at={at}
                  onHighlight={setHighlight}
                />
              ))}
              {org && (
                <p class="more-link">
                  <Link href={href(`/organizations/${org.code}`, { at })}>
                    {t.openTable(org.abbreviation ?? org.code)} →
                  </Link>
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

const MemberGroup: FunctionComponent<{
  kind: Member["kind"];
  members: Member[];
  org: Organization | undefined;
  at: string;
  onHighlight: (id: string | null) => void;
  suspended: Set<string>;
}> = ({ kind, members, org, at, onHighlight, suspended }) => {
  const { t, lang } = useI18n();
  const headingId = `group-${kind}`;
  // Partners are listed under their framework (NATO has several); other kinds in one list.
  const sections: { key: string; title: string | null; members: Member[] }[] = [];
  for (const member of members) {
    const key = kind === "partner" ? (member.framework ?? "") : "";
    let section = sections.find((x) => x.key === key);
    if (!section) {
      section = { key, title: kind === "partner" && key ? frameworkName(org, key) : null, members: [] };
      sections.push(section);
    }
    section.members.push(member);
  }
  sections.sort((a, b) => (a.title ?? "").localeCompare(b.title ?? ""));
  return (
    <div class="member-group" data-kind={kind}>
      <h3 id={headingId} class="group-heading">
        <Swatch kind={kind} />
        <span data-testid={`count-${kind}`}>{t.kindCount[kind](members.length)}</span>
      </h3>
      {sections.map((section) => (
        <Fragment key={section.key}>
          {section.title && (
            <h4 id={`${headingId}-${section.key}`} class="subgroup-heading">
              {section.title} <span class="muted">({section.members.length})</span>
            </h4>
          )}
          <ul class="member-list" aria-labelledby={section.title ? `${headingId}-${section.key}` : headingId}>
            {section.members.map((member) => {
              const extra =
                member.kind === "designation" && member.designation
                  ? (t.designations[member.designation] ?? member.designation)
                  : null;
              return (
                <li key={`${member.code}-${member.relationId}`} data-code={member.code}>
                  <Link
                    href={href(`/actors/${member.code}`, { at })}
                    onMouseEnter={() => onHighlight(member.isoNumeric)}
                    onMouseLeave={() => onHighlight(null)}
                    onFocus={() => onHighlight(member.isoNumeric)}
                    onBlur={() => onHighlight(null)}
                  >
                    {member.name}
                  </Link>
                  <span class="member-meta">
                    {t.sinceDate(formatDate(member.since, member.sincePrecision, lang))}
                    {extra && ` · ${extra}`}
                    {kind === "member" && suspended.has(member.code) && (
                      <span class="suspended-tag"> · {t.kinds.suspended}</span>
                    )}
                    {member.certainty !== "confirmed" && (
                      <>
                        {" · "}
                        <Link
                          href={`/relations/${member.relationId}`}
                          class={`certainty-link certainty-${member.certainty}`}
                        >
                          {t.certainty[member.certainty]}
                        </Link>
                      </>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </Fragment>
      ))}
    </div>
  );
};

function Legend({ present }: { present: Set<string> }) {
  const { t } = useI18n();
  return (
    <div class="legend">
      <h3 class="legend-title">{t.legend}</h3>
      <ul>
        {KIND_ORDER.map((kind) => (
          <li class={present.has(kind) ? "" : "is-absent"}>
            <KindLabel kind={kind} />
          </li>
        ))}
        <li>
          <span class="kind-label">
            <span class="swatch swatch-none" aria-hidden="true" />
            {t.noRelation}
          </span>
        </li>
      </ul>
    </div>
  );
}
