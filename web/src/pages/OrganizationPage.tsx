import { useMemo } from "preact/hooks";
import { isRelationKind } from "../../../src/domain/registry.ts";
import { CertaintyBadge, DateText, KindLabel } from "../components/Badges.tsx";
import { DataLinks } from "../components/DataLinks.tsx";
import { DateControl } from "../components/DateControl.tsx";
import { Link } from "../components/Link.tsx";
import { bySource, SourceCard } from "../components/SourceCard.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useI18n } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { KIND_ORDER, kindRank } from "../lib/kinds.ts";
import { href, setQuery, type Location } from "../lib/router.ts";
import type { Kind, MembersResponse, OrganizationsResponse } from "../lib/types.ts";
import { dateFromQuery, setDate } from "../lib/useDate.ts";
import { frameworkName } from "./MapPage.tsx";

export function OrganizationPage({ code, location }: { code: string; location: Location }) {
  const { t, lang } = useI18n();
  const at = dateFromQuery(location);
  const kindParam = location.query.get("kind");
  const kind = isRelationKind(kindParam) ? kindParam : null;
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const org = organizations.data?.organizations.find((o) => o.code === code);
  const members = useApi<MembersResponse>(apiUrl(`/organizations/${encodeURIComponent(code)}/members`, { at, lang }));
  const all = members.data?.members ?? [];
  const dateText = formatDate(at, "day", lang);

  const counts = useMemo(() => {
    const map = new Map<Kind, number>();
    for (const m of all) map.set(m.kind, (map.get(m.kind) ?? 0) + 1);
    return map;
  }, [all]);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return all
      .filter((m) => !kind || m.kind === kind)
      .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || collator.compare(a.name, b.name));
  }, [all, kind, lang]);

  const title = org?.name ?? code;
  const sources = useMemo(() => bySource(rows, (member) => member.sources), [rows]);

  return (
    <div class="page page-organization">
      <nav class="breadcrumbs" aria-label={t.breadcrumb}>
        <Link href={href("/", { org: code, at })}>{t.navMap}</Link>
        <span aria-hidden="true"> / </span>
        <span>{org?.abbreviation ?? code}</span>
      </nav>
      <div class="page-heading">
        <p class="eyebrow">{t.actorTypes.organization}</p>
        <h1>
          {title} {org && <span class="code-tag">{org.abbreviation ?? code}</span>}
        </h1>
        {org && org.frameworks.length > 0 && (
          <p class="lede">
            {t.colFramework}: {org.frameworks.map((f) => f.name).join(" · ")}
          </p>
        )}
      </div>

      <section class="controls card">
        <DateControl value={at} onChange={setDate} />
        <div class="field kind-field">
          <label for="kind-filter">{t.filterKind}</label>
          <select
            id="kind-filter"
            value={kind ?? ""}
            onChange={(event) => setQuery({ kind: event.currentTarget.value || null })}
          >
            <option value="">
              {t.allKinds} ({all.length})
            </option>
            {KIND_ORDER.filter((k) => counts.has(k) || k === kind).map((k) => (
              <option value={k}>
                {t.kinds[k]} ({counts.get(k) ?? 0})
              </option>
            ))}
          </select>
        </div>
      </section>

      <section aria-labelledby="members-heading" aria-busy={members.loading}>
        <div class="section-heading">
          <h2 id="members-heading">{t.membersOn(dateText)}</h2>
          <DataLinks
            path={`/organizations/${encodeURIComponent(code)}/members`}
            params={{ at, kind }}
            what={t.tableCaption(title, dateText)}
          />
          {members.data && (
            <p class="muted" aria-live="polite">
              {kind
                ? t.showing(rows.length, all.length)
                : KIND_ORDER.filter((k) => counts.has(k))
                    .map((k) => t.kindCount[k](counts.get(k) ?? 0))
                    .join(" · ")}
            </p>
          )}
        </div>
        {members.error ? (
          <ErrorBox error={members.error} onRetry={members.retry} />
        ) : !members.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          <p class="empty">{t.noMembers}</p>
        ) : (
          <div class={`table-wrap${members.loading ? " is-busy" : ""}`}>
            <table class="data-table responsive-table">
              <caption class="visually-hidden">{t.tableCaption(title, dateText)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colKind}</th>
                  <th scope="col">{t.colFramework}</th>
                  <th scope="col">{t.colSince}</th>
                  <th scope="col">{t.colUntil}</th>
                  <th scope="col">{t.colCertainty}</th>
                  <th scope="col">{t.colSources}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.relationId} data-code={m.code}>
                    <th scope="row" data-label={t.colName}>
                      <Link href={href(`/actors/${m.code}`, { at })}>{m.name}</Link>
                      <span class="muted code-suffix"> {m.code}</span>
                    </th>
                    <td data-label={t.colKind}>
                      <KindLabel
                        kind={m.kind}
                        text={
                          m.kind === "designation" && m.designation
                            ? (t.designations[m.designation] ?? m.designation)
                            : undefined
                        }
                      />
                    </td>
                    <td data-label={t.colFramework} class={m.framework ? undefined : "is-empty"}>
                      {frameworkName(org, m.framework) ?? <span class="muted">{t.none}</span>}
                    </td>
                    <td data-label={t.colSince}>
                      <DateText date={m.since} precision={m.sincePrecision} />
                    </td>
                    <td data-label={t.colUntil}>
                      {m.until ? (
                        <DateText date={m.until} precision={m.untilPrecision} />
                      ) : (
                        <span class="muted">{t.ongoing}</span>
                      )}
                    </td>
                    <td data-label={t.colCertainty}>
                      <CertaintyBadge certainty={m.certainty} />
                    </td>
                    <td data-label={t.colSources}>
                      <ul class="source-list">
                        {m.sources.map((s) => (
                          <li key={s.id}>
                            {s.title} <span class="muted">({s.publisher})</span>
                          </li>
                        ))}
                      </ul>
                      <Link
                        href={`/relations/${m.relationId}`}
                        class="claims-link"
                        aria-label={t.viewClaimsFor(m.name)}
                      >
                        {t.viewClaims} →
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {sources.length > 0 && (
        <section aria-labelledby="sources-heading" class="sources-section">
          <div class="section-heading">
            <h2 id="sources-heading">{t.sourcesHeading(sources.length)}</h2>
            <p class="muted">{t.sourcesIntro}</p>
          </div>
          <ul class="sources-grid">
            {sources.map(({ source, items }) => (
              <SourceCard
                key={source.id}
                source={source}
                at={at}
                label={t.supports}
                claims={items.map((m) => ({
                  key: m.relationId,
                  what: <Link href={`/relations/${m.relationId}`}>{m.name}</Link>,
                }))}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
