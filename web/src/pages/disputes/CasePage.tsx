import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { DISPUTE_NAV } from "../../i18n/disputes/nav.ts";
import { useDisputeText } from "../../i18n/disputes/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, today } from "../../lib/dates.ts";
import {
  Breadcrumbs,
  CaseStatusPill,
  CitationLine,
  DateOf,
  disputeTitle,
  groupBySource,
  SourceCards,
  StateLink,
  stageName,
  useNames,
} from "./shared.tsx";
import type { CaseResponse, DisputeResponse } from "./types.ts";

/** `/cases/:id`: a court case, its parties and basis of jurisdiction, and its stages as a timeline with documents and sources. */
export default function CasePage({ id }: { id: string }) {
  const { t, lang } = useDisputeText();
  const names = useNames();
  const answer = useApi<CaseResponse>(apiUrl(`/cases/${encodeURIComponent(id)}`, { lang }));
  const found = answer.data?.case;
  const dispute = useApi<DisputeResponse>(
    found?.disputeId ? apiUrl(`/disputes/${encodeURIComponent(found.disputeId)}`, { lang }) : null,
  );
  const trail = [
    { href: "/disputes", label: t.disputesCrumb },
    { href: "/cases", label: DISPUTE_NAV[lang].casesTitle },
  ];

  if (answer.error || !found) {
    return (
      <div class="page page-case">
        <Breadcrumbs trail={trail} current={id} />
        <h1>{DISPUTE_NAV[lang].casePageTitle(id)}</h1>
        {answer.error?.status === 404 && <p>{t.notFoundCase}</p>}
        {answer.error ? (
          <ErrorBox error={answer.error} onRetry={answer.error.status === 404 ? undefined : answer.retry} />
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  const title = found.title ?? found.id;
  const groups = groupBySource([
    { ...found, key: "case", what: t.supportsCase(title) },
    ...found.stages.map((stage, index) => ({
      ...stage,
      key: `stage-${index}`,
      what: t.supportsStage(stageName(stage.stage, t), formatDate(stage.date, "day", lang)),
    })),
  ]);
  const disputeData = dispute.data;

  return (
    <div class="page page-case" data-case={found.id}>
      <Breadcrumbs trail={trail} current={title} />
      <div class="page-heading">
        <p class="eyebrow">{found.court}</p>
        <h1>{title}</h1>
        <p class="dispute-heading-tags">
          <CaseStatusPill status={found.status} />
          <span>{t.caseVersus(names.state(found.applicant), names.state(found.respondent))}</span>
        </p>
      </div>
      <div class="case-layout">
        <section class="card case-facts" aria-labelledby="case-facts-heading">
          <h2 id="case-facts-heading">{t.factsHeading}</h2>
          <dl class="facts case-fact-list">
            <div>
              <dt>{t.caseCourt}</dt>
              <dd>{found.court}</dd>
            </div>
            <div>
              <dt>{t.applicant}</dt>
              <dd>
                <StateLink code={found.applicant} />
              </dd>
            </div>
            <div>
              <dt>{t.respondent}</dt>
              <dd>
                <StateLink code={found.respondent} />
              </dd>
            </div>
            <div>
              <dt>{t.caseStatus}</dt>
              <dd>
                <CaseStatusPill status={found.status} />
              </dd>
            </div>
            {found.disputeId && (
              <div>
                <dt>{t.caseDispute}</dt>
                <dd data-testid="case-dispute">
                  <Link href={`/disputes/${found.disputeId}`}>
                    {disputeData
                      ? disputeTitle({ ...disputeData.dispute, parties: disputeData.parties }, names, t, lang)
                      : found.disputeId}
                  </Link>
                </dd>
              </div>
            )}
          </dl>
          <h3 class="fact-source-heading">{t.basisOfJurisdiction}</h3>
          <p class="case-basis">{found.basis}</p>
          <h3 class="fact-source-heading">{t.factSource}</h3>
          <CitationLine citation={found} />
        </section>

        <section class="card case-stages" aria-labelledby="stages-heading" data-testid="stages">
          <h2 id="stages-heading">{t.stagesHeading}</h2>
          <ol class="timeline stage-timeline">
            {found.stages.map((stage, index) => (
              <li key={`${stage.stage}-${index}`} class="timeline-event" data-stage={stage.stage}>
                <div class="timeline-date">
                  <DateOf date={stage.date} precision="day" />
                  <span class="stage-name">{stageName(stage.stage, t)}</span>
                </div>
                <div class="timeline-body">
                  {stage.summary && <p class="stage-summary">{stage.summary}</p>}
                  {stage.document && (
                    <p class="stage-document">
                      <a
                        href={stage.document}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={t.openDocumentOf(stageName(stage.stage, t))}
                      >
                        {t.openDocument}
                        <span aria-hidden="true"> ↗</span>
                      </a>
                    </p>
                  )}
                  <CitationLine citation={stage} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section class="sources-section dispute-sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t.sourcesHeading(groups.length)}</h2>
        <p class="muted">{t.disputeSourcesIntro}</p>
        <SourceCards groups={groups} sources={answer.data?.sources} at={today()} />
      </section>
    </div>
  );
}
