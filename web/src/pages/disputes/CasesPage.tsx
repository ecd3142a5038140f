import { useMemo } from "preact/hooks";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { DISPUTE_NAV } from "../../i18n/disputes/nav.ts";
import { useDisputeText } from "../../i18n/disputes/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { setQuery, type Location } from "../../lib/router.ts";
import { Breadcrumbs, CaseStatusPill, stageName, useNames } from "./shared.tsx";
import type { CasesResponse } from "./types.ts";

/** `/cases`: court and arbitration cases, of a state if one is chosen, the most recent first. */
export default function CasesPage({ location }: { location: Location }) {
  const { t, lang } = useDisputeText();
  const names = useNames();
  const state = /^[A-Z]{3}$/.test(location.query.get("state")?.toUpperCase() ?? "")
    ? (location.query.get("state")?.toUpperCase() ?? null)
    : null;
  const answer = useApi<CasesResponse>(apiUrl("/cases", { state, lang }));
  const everything = useApi<CasesResponse>(apiUrl("/cases", { lang }));
  const states = useMemo(() => {
    const codes = new Set<string>();
    for (const c of everything.data?.cases ?? []) {
      codes.add(c.applicant);
      codes.add(c.respondent);
    }
    if (state) codes.add(state);
    return [...codes].sort((a, b) => names.state(a).localeCompare(names.state(b), lang));
  }, [everything.data, names, lang, state]);
  const cases = answer.data?.cases ?? [];

  return (
    <div class="page page-cases">
      <Breadcrumbs trail={[{ href: "/disputes", label: t.disputesCrumb }]} current={DISPUTE_NAV[lang].casesTitle} />
      <div class="page-heading">
        <h1>{DISPUTE_NAV[lang].casesTitle}</h1>
        <p class="lede">{t.casesIntro}</p>
      </div>
      <div class="toolbar">
        <div class="field toolbar-filter">
          <label for="cases-state">{t.filterState}</label>
          <select
            id="cases-state"
            value={state ?? ""}
            onChange={(event) => setQuery({ state: event.currentTarget.value || null }, { replace: false })}
          >
            <option value="">{t.anyState}</option>
            {states.map((code) => (
              <option key={code} value={code}>
                {names.state(code)}
              </option>
            ))}
          </select>
        </div>
        {answer.data && (
          <p class="toolbar-count" role="status" data-testid="case-count">
            <strong>{t.caseCount(cases.length)}</strong>
          </p>
        )}
      </div>
      <section aria-labelledby="cases-list-heading" aria-busy={answer.loading}>
        <h2 id="cases-list-heading" class="visually-hidden">
          {t.casesCaption}
        </h2>
        {answer.error ? (
          <ErrorBox error={answer.error} onRetry={answer.retry} />
        ) : !answer.data ? (
          <Loading />
        ) : cases.length === 0 ? (
          <p class="empty">{t.noCasesMatch}</p>
        ) : (
          <div class="table-wrap">
            <table class="data-table responsive-table cases-table" data-testid="cases-table">
              <caption class="visually-hidden">{t.casesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colCase}</th>
                  <th scope="col">{t.colCaseParties}</th>
                  <th scope="col">{t.colCourt}</th>
                  <th scope="col">{t.colCaseStatus}</th>
                  <th scope="col">{t.colStages}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => {
                  const latest = c.stages.at(-1);
                  return (
                    <tr key={c.id} data-case={c.id}>
                      <th scope="row" data-label={t.colCase}>
                        <Link href={`/cases/${c.id}`}>{c.title ?? c.id}</Link>
                      </th>
                      <td data-label={t.colCaseParties}>
                        <span>{t.caseVersus(names.state(c.applicant), names.state(c.respondent))}</span>
                      </td>
                      <td data-label={t.colCourt}>
                        <span>{c.court}</span>
                      </td>
                      <td data-label={t.colCaseStatus}>
                        <span>
                          <CaseStatusPill status={c.status} />
                        </span>
                      </td>
                      <td data-label={t.colStages} class={latest ? undefined : "is-empty"}>
                        {latest && (
                          <span>{t.latestStage(stageName(latest.stage, t), formatDate(latest.date, "day", lang))}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
