import { today } from "../../../src/domain/dates.ts";
import { CertaintyBadge, DateText, KindLabel } from "../components/Badges.tsx";
import { DataLinks } from "../components/DataLinks.tsx";
import { Link } from "../components/Link.tsx";
import { PendingNotices } from "../components/PendingNotices.tsx";
import { bySource, SourceCard } from "../components/SourceCard.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useI18n } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { href } from "../lib/router.ts";
import type { Claim, OrganizationsResponse, Precision, RelationDetail, RelationResponse } from "../lib/types.ts";
import { frameworkName } from "./MapPage.tsx";

const PRECISION_LENGTH: Record<Precision, number> = { day: 10, month: 7, year: 4 };

/** Two partial dates agree when they are the same at the coarser of their precisions. */
function agree(a: string, ap: Precision, b: string, bp: Precision): boolean {
  const length = Math.min(PRECISION_LENGTH[ap], PRECISION_LENGTH[bp]);
  return a.slice(0, length) === b.slice(0, length);
}

/**
 * Claims whose asserted date differs from the date the registry records for that field
 * (compared at the coarser precision: "May 2018" agrees with "31 May 2018").
 */
function differingClaims(relation: RelationDetail): Set<number> {
  const differing = new Set<number>();
  for (const claim of relation.claims) {
    if (claim.field === "relation" || !claim.asserted || !claim.assertedPrecision) continue;
    const recorded = claim.field === "since" ? relation.since : relation.until;
    const recordedPrecision = claim.field === "since" ? relation.sincePrecision : relation.untilPrecision;
    if (!recorded || !recordedPrecision || !agree(claim.asserted, claim.assertedPrecision, recorded, recordedPrecision))
      differing.add(claim.id);
  }
  return differing;
}

/** The distinct dates asserted for one field, each with the sources that assert it. */
function assertedDates(relation: RelationDetail, field: "since" | "until") {
  const byDate = new Map<string, { date: string; precision: Precision; publishers: string[]; claimIds: number[] }>();
  for (const claim of relation.claims) {
    if (claim.field !== field || !claim.asserted || !claim.assertedPrecision) continue;
    const key = `${claim.asserted}/${claim.assertedPrecision}`;
    const entry = byDate.get(key) ?? {
      date: claim.asserted,
      precision: claim.assertedPrecision,
      publishers: [],
      claimIds: [],
    };
    if (!entry.publishers.includes(claim.source.publisher)) entry.publishers.push(claim.source.publisher);
    entry.claimIds.push(claim.id);
    byDate.set(key, entry);
  }
  return [...byDate.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || PRECISION_LENGTH[a.precision] - PRECISION_LENGTH[b.precision],
  );
}

export function RelationPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const relation = useApi<RelationResponse>(apiUrl(`/relations/${encodeURIComponent(id)}`, { lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));

  if (relation.error) {
    return (
      <div class="page">
        <h1>
          {t.relation} {id}
        </h1>
        <ErrorBox error={relation.error} onRetry={relation.retry} />
      </div>
    );
  }
  const r = relation.data?.relation;
  if (!r) {
    return (
      <div class="page">
        <h1 class="visually-hidden">
          {t.relation} {id}
        </h1>
        <Loading />
      </div>
    );
  }

  const org = organizations.data?.organizations.find((o) => o.code === r.object);
  const isOrg = (code: string) => organizations.data?.organizations.some((o) => o.code === code) ?? false;
  const actorHref = (code: string) => (isOrg(code) ? `/organizations/${code}` : `/actors/${code}`);
  const kindName =
    r.kind === "partner" && r.framework
      ? t.partnerBy(frameworkName(org, r.framework) ?? r.framework)
      : r.kind === "designation" && r.designation
        ? (t.designations[r.designation] ?? r.designation)
        : t.kinds[r.kind];
  const conflicts = differingClaims(r);
  // Dated claims first, in date order, so that disagreeing dates stand next to each other.
  const fieldOrder = { since: 0, until: 1, relation: 2 } as const;
  const claims = [...r.claims].sort(
    (a, b) =>
      fieldOrder[a.field] - fieldOrder[b.field] || (a.asserted ?? "").localeCompare(b.asserted ?? "") || a.id - b.id,
  );
  const comparisons = (["since", "until"] as const)
    .map((field) => ({
      field,
      recorded: field === "since" ? r.since : r.until,
      recordedPrecision: field === "since" ? r.sincePrecision : r.untilPrecision,
      dates: assertedDates(r, field),
    }))
    .filter((c) => c.dates.length > 0);

  return (
    <div class="page page-relation">
      <nav class="breadcrumbs" aria-label={t.breadcrumb}>
        <Link href="/">{t.navMap}</Link>
        <span aria-hidden="true"> / </span>
        <Link href={href(actorHref(r.subject), { at: r.since })}>{r.subjectName}</Link>
        <span aria-hidden="true"> / </span>
        <span>
          {t.relation} {r.id}
        </span>
      </nav>
      <div class="page-heading">
        <p class="eyebrow">{t.relation}</p>
        <h1>{t.relationTitle(r.subjectName, t.kinds[r.kind].toLowerCase(), r.objectName)}</h1>
        <DataLinks
          path={`/relations/${encodeURIComponent(id)}`}
          params={{}}
          what={t.relationTitle(r.subjectName, t.kinds[r.kind].toLowerCase(), r.objectName)}
        />
      </div>

      {r.certainty === "disputed" && (
        <section class="banner banner-disputed" aria-labelledby="disputed-title" data-testid="disputed-banner">
          <span class="banner-icon" aria-hidden="true">
            ⚠
          </span>
          <div>
            <h2 id="disputed-title">{t.disputedTitle}</h2>
            <p>{t.disputedText}</p>
            {comparisons.map((c) => (
              <div class="date-comparison">
                <h3>{t.fieldName[c.field]}</h3>
                <dl>
                  <div>
                    <dt>{t.recordedAs}</dt>
                    <dd>
                      <strong>{c.recorded ? formatDate(c.recorded, c.recordedPrecision, lang) : t.ongoing}</strong>
                    </dd>
                  </div>
                  {c.dates.map((d) => {
                    const differs = d.claimIds.some((id) => conflicts.has(id));
                    return (
                      <div>
                        <dt>{d.publishers.join("; ")}</dt>
                        <dd>
                          {differs ? (
                            <>
                              <mark class="conflict-date">{formatDate(d.date, d.precision, lang)}</mark>
                              <span class="conflict-tag"> ({t.differs})</span>
                            </>
                          ) : (
                            <strong>{formatDate(d.date, d.precision, lang)}</strong>
                          )}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </div>
            ))}
          </div>
        </section>
      )}
      {r.certainty === "uncertain" && (
        <section class="banner banner-uncertain" aria-labelledby="uncertain-title">
          <span class="banner-icon" aria-hidden="true">
            ?
          </span>
          <div>
            <h2 id="uncertain-title">{t.uncertainTitle}</h2>
            <p>{t.uncertainText}</p>
          </div>
        </section>
      )}
      {r.until === null && (
        <PendingNotices
          actor={r.subject}
          relationId={r.id}
          nameOf={(code) => (code === r.subject ? r.subjectName : code === r.object ? r.objectName : code)}
        />
      )}

      <section class="card relation-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading" class="visually-hidden">
          {t.recordedAs}
        </h2>
        <dl class="summary-grid">
          <div>
            <dt>{t.relation}</dt>
            <dd>
              <Link href={href(actorHref(r.subject), { at: r.since })}>{r.subjectName}</Link>
              {" → "}
              <Link href={href(actorHref(r.object), { at: r.since })}>{r.objectName}</Link>
            </dd>
          </div>
          <div>
            <dt>{t.colKind}</dt>
            <dd>
              <KindLabel kind={r.kind} text={kindName} />
            </dd>
          </div>
          <div>
            <dt>{t.colSince}</dt>
            <dd>
              <DateText date={r.since} precision={r.sincePrecision} />
            </dd>
          </div>
          <div>
            <dt>{t.colUntil}</dt>
            <dd>
              {r.until ? (
                <DateText date={r.until} precision={r.untilPrecision} />
              ) : (
                <span class="muted">{t.ongoing}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t.colCertainty}</dt>
            <dd>
              <CertaintyBadge certainty={r.certainty} />
            </dd>
          </div>
        </dl>
        {r.note && (
          <p class="relation-note">
            <strong>{t.note}:</strong> {r.note}
          </p>
        )}
      </section>

      <section aria-labelledby="claims-heading">
        <div class="section-heading">
          <h2 id="claims-heading">{t.claims(r.claims.length)}</h2>
          <p class="muted">{t.claimsIntro}</p>
        </div>
        {r.claims.length === 0 ? (
          <p class="empty">{t.noClaims}</p>
        ) : (
          <ul class="claims-grid sources-grid">
            {bySource(claims, (claim) => [claim.source]).map(({ source, items }) => (
              <SourceCard
                key={source.id}
                source={items[0]?.source ?? source}
                at={today()}
                claims={items.map((claim) => ({
                  key: claim.id,
                  what: <ClaimFact claim={claim} conflict={conflicts.has(claim.id)} />,
                  locator: claim.locator,
                  quote: claim.quote,
                  note: claim.note,
                  conflict: conflicts.has(claim.id),
                }))}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** What one claim asserts: the relation, or the date it gives for its start or end (marked when it differs). */
function ClaimFact({ claim, conflict }: { claim: Claim; conflict: boolean }) {
  const { t } = useI18n();
  return (
    <dl class="claim-facts">
      <div>
        <dt>{t.claimField[claim.field]}</dt>
        <dd>
          {claim.asserted ? (
            conflict ? (
              <>
                <mark class="conflict-date">
                  <DateText date={claim.asserted} precision={claim.assertedPrecision} />
                </mark>
                <span class="conflict-tag">{t.differs}</span>
              </>
            ) : (
              <strong>
                <DateText date={claim.asserted} precision={claim.assertedPrecision} />
              </strong>
            )
          ) : (
            t.asserts.relation
          )}
        </dd>
      </div>
    </dl>
  );
}
