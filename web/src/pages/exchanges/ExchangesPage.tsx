import { useEffect, useState } from "preact/hooks";
import { COMPLIANCE_STATUSES, type ComplianceStatus, stateRecord } from "../../../../src/domain/exchanges.ts";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { useExchangeText } from "../../i18n/exchanges/index.ts";
import { EXCHANGE_NAV } from "../../i18n/exchanges/nav.ts";
import { ApiError, apiUrl, getJson, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { type Location, navigate, setQuery } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { type DashboardChoice, dashboardFrom, dashboardHref, MAX_YEARS, returnHref, yearsOf } from "./logic.ts";
import {
  deadlineText,
  formatNumber,
  type Names,
  participantsText,
  RestrictedNotice,
  RestrictedTag,
  regimeName,
  StatusMark,
  useNames,
} from "./shared.tsx";
import type { ComplianceResponse, RegimeSummary, RegimesResponse } from "./types.ts";

/**
 * `/exchanges`: the regimes of annual information exchange (who takes part, the deadline rule,
 * restricted or public, the forms), and a dashboard of one regime: each participating state's
 * status year by year (on time, late, missing, not yet due: a shape and a word each), the counts
 * of each year, and a state's record over the years shown. The regime, the years and the state
 * are in the address.
 */
export default function ExchangesPage({ location }: { location: Location }) {
  const { t, lang } = useExchangeText();
  const names = useNames();
  const list = useApi<RegimesResponse>(apiUrl("/exchanges"));
  const regimes = list.data?.regimes ?? [];
  const choice = list.data ? dashboardFrom(location.query, regimes) : null;
  const chosen = regimes.find((entry) => entry.regime.code === choice?.regime);

  return (
    <div class="page page-exchanges">
      <div class="page-heading">
        <h1>{EXCHANGE_NAV[lang].exchangesTitle}</h1>
        <p class="lede">{t.exchangesIntro}</p>
        {choice && (
          <p class="page-links">
            <a href="#dashboard">
              {t.openDashboard} <span aria-hidden="true">↓</span>
            </a>
          </p>
        )}
      </div>
      {list.error ? (
        <ErrorBox error={list.error} onRetry={list.retry} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="regimes-heading" class="xc-section">
            <h2 id="regimes-heading">{t.regimesHeading}</h2>
            <ul class="xc-regimes plain-list" data-testid="regimes">
              {regimes.map((entry) => (
                <RegimeCard key={entry.regime.code} entry={entry} names={names} />
              ))}
            </ul>
          </section>
          {choice && chosen && <Dashboard choice={choice} chosen={chosen} regimes={regimes} names={names} />}
        </>
      )}
    </div>
  );
}

/**
 * A plain left click goes to `target` inside the app and brings the element `id` (a heading) into
 * view and focus; any other click is the browser's.
 */
function goAndShow(event: MouseEvent, target: string, id: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(target);
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    element?.scrollIntoView();
    element?.focus({ preventScroll: true });
  });
}

/** The forms in force last: one line per form, its latest version. */
function latestForms(entry: RegimeSummary) {
  const latest = new Map<string, RegimeSummary["forms"][number]>();
  for (const form of entry.forms) {
    const known = latest.get(form.code);
    if (!known || form.version > known.version) latest.set(form.code, form);
  }
  return [...latest.values()];
}

function RegimeCard({ entry, names }: { entry: RegimeSummary; names: Names }) {
  const { t, lang } = useExchangeText();
  const { regime } = entry;
  const name = regimeName(regime, lang);
  const dashboard = `${dashboardHref({ regime: regime.code })}#dashboard`;
  return (
    <li class="card xc-regime-card" data-regime={regime.code}>
      <div class="xc-regime-head">
        <h3 class="xc-regime-name">
          <Link href={`/exchanges/${encodeURIComponent(regime.code)}`}>{name}</Link>
        </h3>
        <RestrictedTag restricted={entry.restricted} />
      </div>
      <dl class="xc-facts">
        <div>
          <dt>{t.factParticipants}</dt>
          <dd>{participantsText(regime, names, t, lang)}</dd>
        </div>
        <div>
          <dt>{t.factDeadline}</dt>
          <dd>{deadlineText(regime, t, lang)}</dd>
        </div>
        <div>
          <dt>{t.factNextDeadline}</dt>
          <dd data-testid="next-deadline">
            {t.nextDeadline(formatDate(entry.deadline, "day", lang), entry.latestYear)}
          </dd>
        </div>
        <div>
          <dt>{t.factForms}</dt>
          <dd>
            <ul class="xc-form-names">
              {latestForms(entry).map((form) => (
                <li key={form.code}>
                  {t.formVersion((form.names as Record<string, string>)[lang] ?? form.code, form.version)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <p class="hint">{entry.restricted ? t.restrictedHint : t.publicHint}</p>
      <p class="xc-card-links">
        <a
          href={dashboard}
          aria-label={t.openDashboardOf(name)}
          onClick={(event) => goAndShow(event, dashboard, "dashboard")}
        >
          {t.openDashboard}
        </a>
        <Link href={`/exchanges/${encodeURIComponent(regime.code)}`} aria-label={t.openRegimeOf(name)}>
          {t.openRegime}
        </Link>
      </p>
    </li>
  );
}

type Compliances = {
  data: Map<number, ComplianceResponse> | undefined;
  error: ApiError | undefined;
  loading: boolean;
  retry: () => void;
};

/**
 * Who reported in each of `years` (one request each, never kept: a submission changes it).
 * `null` regime: nothing yet (the session is not known).
 */
function useCompliances(regime: string | null, years: readonly number[]): Compliances {
  const key = regime === null ? null : `${regime}:${years.join(",")}`;
  const [state, setState] = useState<{
    key: string | null;
    data?: Map<number, ComplianceResponse>;
    error?: ApiError;
  }>({ key: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (regime === null) return;
    const controller = new AbortController();
    Promise.all(
      years.map((year) =>
        getJson<ComplianceResponse>(
          apiUrl(`/exchanges/${encodeURIComponent(regime)}/compliance`, { year: String(year) }),
          controller.signal,
          { cache: false },
        ),
      ),
    ).then(
      (answers) => setState({ key, data: new Map(answers.map((answer) => [answer.year, answer])) }),
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          key,
          error: failure instanceof ApiError ? failure : new ApiError(String(failure), 0, "unknown"),
        });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && !current,
    retry: () => setAttempt((n) => n + 1),
  };
}

function Dashboard({
  choice,
  chosen,
  regimes,
  names,
}: {
  choice: DashboardChoice;
  chosen: RegimeSummary;
  regimes: RegimeSummary[];
  names: Names;
}) {
  const { t, lang } = useExchangeText();
  const { session } = useSession();
  const years = yearsOf(choice);
  const compliances = useCompliances(session === undefined ? null : choice.regime, years);
  const name = regimeName(chosen.regime, lang);
  const ownRow = chosen.abilities.writeReturnFor;
  const allYears: number[] = [];
  for (let year = chosen.latestYear; year >= chosen.regime.firstYear; year--) allYears.push(year);
  const go = (changes: Record<string, string | null>) => setQuery(changes, { replace: false });

  return (
    <section
      class="xc-section xc-dashboard"
      aria-labelledby="dashboard"
      data-testid="dashboard"
      data-regime={choice.regime}
    >
      <h2 id="dashboard" tabIndex={-1}>
        {t.dashboardHeading(name)}
      </h2>
      <p class="section-intro">{t.dashboardIntro}</p>
      <form class="card xc-controls" aria-label={t.dashboardControls} onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="dashboard-regime">{t.chooseRegime}</label>
          <select
            id="dashboard-regime"
            value={choice.regime}
            onChange={(event) => go({ regime: event.currentTarget.value, from: null, to: null, state: null })}
          >
            {regimes.map((entry) => (
              <option key={entry.regime.code} value={entry.regime.code}>
                {regimeName(entry.regime, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="xc-years">
          <div class="field">
            <label for="dashboard-from">{t.fromYear}</label>
            <select
              id="dashboard-from"
              value={String(choice.from)}
              aria-describedby="dashboard-years-hint"
              onChange={(event) => {
                const from = Number(event.currentTarget.value);
                const to = Math.min(Math.max(choice.to, from), from + MAX_YEARS - 1);
                go({ regime: choice.regime, from: String(from), to: String(to) });
              }}
            >
              {allYears.map((year) => (
                <option key={year} value={String(year)}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="dashboard-to">{t.toYear}</label>
            <select
              id="dashboard-to"
              value={String(choice.to)}
              aria-describedby="dashboard-years-hint"
              onChange={(event) => {
                const to = Number(event.currentTarget.value);
                const from = Math.max(Math.min(choice.from, to), to - MAX_YEARS + 1);
                go({ regime: choice.regime, from: String(from), to: String(to) });
              }}
            >
              {allYears.map((year) => (
                <option key={year} value={String(year)}>
                  {year}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id="dashboard-years-hint" class="hint field-hint">
          {t.yearsLimit(MAX_YEARS)}
        </p>
      </form>

      <Legend />

      <div aria-busy={compliances.loading} class="xc-dashboard-body">
        {compliances.error ? (
          <RestrictedNotice error={compliances.error} organization={chosen.organization} onRetry={compliances.retry}>
            <p>
              {t.restrictedStillPublic}{" "}
              <Link href={`/exchanges/${encodeURIComponent(choice.regime)}`}>{t.openRegimeOf(name)}</Link>
            </p>
          </RestrictedNotice>
        ) : !compliances.data ? (
          <Loading label={t.readingYears} />
        ) : (
          <DashboardTables
            choice={choice}
            chosen={chosen}
            years={years}
            compliances={compliances.data}
            names={names}
            ownRow={ownRow}
          />
        )}
      </div>
    </section>
  );
}

function Legend() {
  const { t } = useExchangeText();
  return (
    <div class="xc-legend" data-testid="legend">
      <h3 class="legend-title">{t.legendHeading}</h3>
      <ul class="plain-list">
        {COMPLIANCE_STATUSES.map((status) => (
          <li key={status}>
            <StatusMark status={status} />
            <span class="xc-legend-meaning">{t.statusMeanings[status]}</span>
          </li>
        ))}
        <li>
          <StatusMark status="none" />
          <span class="xc-legend-meaning">{t.notTakingPartMeaning}</span>
        </li>
      </ul>
    </div>
  );
}

function DashboardTables({
  choice,
  chosen,
  years,
  compliances,
  names,
  ownRow,
}: {
  choice: DashboardChoice;
  chosen: RegimeSummary;
  years: number[];
  compliances: Map<number, ComplianceResponse>;
  names: Names;
  ownRow: string | null;
}) {
  const { t, lang } = useExchangeText();
  const name = regimeName(chosen.regime, lang);
  const states = new Set<string>();
  for (const answer of compliances.values()) for (const entry of answer.states) states.add(entry.state);
  const rows = [...states].sort(names.compare);
  const statusOf = new Map<string, { status: ComplianceStatus; submitted?: string }>();
  for (const [year, answer] of compliances)
    for (const entry of answer.states) statusOf.set(`${entry.state}:${year}`, entry);
  const others = [...new Set([...compliances.values()].flatMap((answer) => answer.others))].sort(names.compare);

  return (
    <>
      {ownRow && (
        <p class="xc-own-hint" data-testid="own-hint">
          {t.ownReturnsHint(names.state(ownRow))}
        </p>
      )}
      {choice.state && <StateRecordCard state={choice.state} choice={choice} compliances={compliances} names={names} />}

      <h3 class="xc-subheading">{t.summaryHeading}</h3>
      <div class="table-wrap">
        <table class="data-table xc-summary" data-testid="summary">
          <caption class="visually-hidden">{t.summaryCaption(name)}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="xc-wide-only">{t.colYear}</span>
                <span class="xc-narrow-only">{t.colYearShort}</span>
              </th>
              <th scope="col" class="xc-wide-only">
                {t.colDeadline}
              </th>
              {COMPLIANCE_STATUSES.map((status) => (
                <th scope="col" key={status}>
                  {t.statuses[status]}
                </th>
              ))}
              <th scope="col">{t.colParticipants}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const answer = compliances.get(year);
              if (!answer) return null;
              return (
                <tr key={year} data-year={year}>
                  <th scope="row">{year}</th>
                  <td data-label={t.colDeadline} class="xc-wide-only">
                    <span>{formatDate(answer.deadline, "day", lang)}</span>
                  </td>
                  {COMPLIANCE_STATUSES.map((status) => (
                    <td key={status} data-label={t.statuses[status]} data-count={status}>
                      <span>{formatNumber(answer.summary[status], lang)}</span>
                    </td>
                  ))}
                  <td data-label={t.colParticipants}>
                    <span>{formatNumber(answer.summary.participants, lang)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3 class="xc-subheading">{t.gridHeading}</h3>
      {rows.length === 0 ? (
        <p class="empty">{t.noParticipants}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table responsive-table xc-grid" data-testid="compliance-grid">
            <caption class="visually-hidden">{t.gridCaption(name, choice.from, choice.to)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colState}</th>
                {years.map((year) => {
                  const deadline = compliances.get(year)?.deadline;
                  return (
                    <th scope="col" key={year}>
                      {year}
                      {deadline && <span class="xc-due">{t.dueOn(formatDate(deadline, "day", lang))}</span>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((state) => {
                const stateName = names.state(state);
                const mine = state === ownRow;
                return (
                  <tr key={state} data-state={state} class={mine ? "is-own" : undefined}>
                    <th scope="row">
                      <a
                        href={dashboardHref({ ...choice, state })}
                        aria-label={t.showRecord(stateName)}
                        aria-current={choice.state === state ? "true" : undefined}
                        onClick={(event) => goAndShow(event, dashboardHref({ ...choice, state }), "record-heading")}
                      >
                        {stateName}
                      </a>
                      {mine && <span class="xc-own-tag">{t.yourDelegation}</span>}
                    </th>
                    {years.map((year) => {
                      const entry = statusOf.get(`${state}:${year}`);
                      const status = entry?.status ?? "none";
                      const detail = entry?.submitted ? t.submittedOn(formatDate(entry.submitted, "day", lang)) : null;
                      const word = status === "none" ? t.notTakingPart : t.statuses[status];
                      const mark = <StatusMark status={status} detail={detail} />;
                      const opens = entry !== undefined && (status === "on-time" || status === "late" || mine);
                      return (
                        <td key={year} data-label={String(year)} data-year={year} data-status={status}>
                          {opens ? (
                            <Link
                              class="xc-cell-link"
                              href={returnHref(choice.regime, state, year)}
                              aria-label={
                                mine && status !== "on-time" && status !== "late"
                                  ? t.cellFillIn(stateName, year, word)
                                  : t.cellOpenReturn(stateName, year, word)
                              }
                            >
                              {mark}
                              {mine && status !== "on-time" && status !== "late" && (
                                <span class="xc-fill-in" aria-hidden="true">
                                  {t.fillIn}
                                </span>
                              )}
                            </Link>
                          ) : (
                            mark
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {others.length > 0 && (
        <p class="hint">
          {t.others(
            new Intl.ListFormat(lang === "en" ? "en-GB" : lang, { type: "conjunction" }).format(
              others.map(names.state),
            ),
          )}
        </p>
      )}
    </>
  );
}

function StateRecordCard({
  state,
  choice,
  compliances,
  names,
}: {
  state: string;
  choice: DashboardChoice;
  compliances: Map<number, ComplianceResponse>;
  names: Names;
}) {
  const { t, lang } = useExchangeText();
  const stateName = names.state(state);
  const record = stateRecord(
    state,
    [...compliances.entries()].map(([year, compliance]) => ({ year, compliance })),
  );
  return (
    <section class="card xc-record" aria-labelledby="record-heading" data-testid="state-record" data-state={state}>
      <h3 id="record-heading" tabIndex={-1}>
        {t.recordHeading(stateName, choice.from, choice.to)}
      </h3>
      {record.years.length === 0 ? (
        <p class="empty">{t.recordNone(stateName)}</p>
      ) : (
        <>
          <ul class="plain-list xc-record-years">
            {record.years.map((entry) => (
              <li key={entry.year} data-year={entry.year} data-status={entry.status}>
                <span class="xc-record-year">{entry.year}</span>
                <StatusMark status={entry.status} />
              </li>
            ))}
          </ul>
          <dl class="xc-record-counts" aria-label={t.recordCounts}>
            {COMPLIANCE_STATUSES.map((status) => (
              <div key={status} data-count={status}>
                <dt>{t.statuses[status]}</dt>
                <dd>{formatNumber(record.counts[status], lang)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>
        <Link href={dashboardHref({ ...choice, state: null })}>{t.closeRecord}</Link>
      </p>
    </section>
  );
}
