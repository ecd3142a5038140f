import { expandForm, MATRIX_TOTAL } from "../../../../src/domain/exchanges.ts";
import { DataLinks } from "../../components/DataLinks.tsx";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { type ExchangeText, useExchangeText } from "../../i18n/exchanges/index.ts";
import { EXCHANGE_NAV } from "../../i18n/exchanges/nav.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { type Location, setQuery } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { ComparisonChart } from "./ComparisonChart.tsx";
import { dashboardHref, metricsOf, type Metric, partialDate, returnHref } from "./logic.ts";
import {
  Breadcrumbs,
  deadlineText,
  formatMoney,
  formatNumber,
  formatPercent,
  type Names,
  participantsText,
  ReconstructedTag,
  RestrictedNotice,
  RestrictedTag,
  regimeName,
  SourceQuote,
  useNames,
} from "./shared.tsx";
import type {
  ComparisonResponse,
  ExchangeForm,
  Publication,
  PublicationFigure,
  RegimeResponse,
  RegimesResponse,
} from "./types.ts";

/**
 * `/exchanges/:regime`: one regime of exchange: who takes part and when returns are due, its
 * forms (fields, tables and totals), its publications figure by figure with their sources
 * (marked reconstructed where a figure aggregates), and the comparison of submitted returns
 * across states and years, drawn and as a table, with its CSV.
 */
export default function RegimePage({ code, location }: { code: string; location: Location }) {
  const { t, lang } = useExchangeText();
  const names = useNames();
  const answer = useApi<RegimeResponse>(apiUrl(`/exchanges/${encodeURIComponent(code)}`));
  const list = useApi<RegimesResponse>(apiUrl("/exchanges"));
  const summary = list.data?.regimes.find((entry) => entry.regime.code === code);
  const data = answer.data;
  const name = data ? regimeName(data.regime, lang) : code;
  const writes = data?.abilities.writeReturnFor ?? null;

  return (
    <div class="page page-exchange-regime">
      <Breadcrumbs trail={[{ href: "/exchanges", label: EXCHANGE_NAV[lang].exchangesTitle }]} current={name} />
      {answer.error ? (
        <>
          <h1>{EXCHANGE_NAV[lang].regimePageTitle(code)}</h1>
          <ErrorBox error={answer.error} onRetry={answer.retry} />
        </>
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <div class="page-heading">
            {data.organization && <p class="eyebrow">{names.organization(data.organization)}</p>}
            <h1>{name}</h1>
            <p class="xc-heading-tags">
              <RestrictedTag restricted={data.restricted} />
            </p>
          </div>
          <section class="card xc-regime-facts" aria-label={name}>
            <dl class="xc-facts">
              <div>
                <dt>{t.factParticipants}</dt>
                <dd>{participantsText(data.regime, names, t, lang)}</dd>
              </div>
              <div>
                <dt>{t.factKeeper}</dt>
                <dd>
                  {data.organization ? t.keeperOrganisation(names.organization(data.organization)) : t.keeperNone}
                </dd>
              </div>
              <div>
                <dt>{t.factDeadline}</dt>
                <dd>{deadlineText(data.regime, t, lang)}</dd>
              </div>
              {summary && (
                <div>
                  <dt>{t.factNextDeadline}</dt>
                  <dd>{t.nextDeadline(formatDate(summary.deadline, "day", lang), summary.latestYear)}</dd>
                </div>
              )}
              <div>
                <dt>{t.factFirstYear}</dt>
                <dd>{data.regime.firstYear}</dd>
              </div>
            </dl>
            <p class="hint">{data.restricted ? t.restrictedHint : t.publicHint}</p>
            <p class="xc-card-links">
              <Link href={`${dashboardHref({ regime: code })}#dashboard`}>{t.dashboardLink}</Link>
              {writes && summary && (
                <Link href={returnHref(code, writes, summary.latestYear)}>
                  {t.yourReturn(names.state(writes), summary.latestYear)}
                </Link>
              )}
            </p>
          </section>

          <FormsSection forms={data.forms} />
          {data.publications.length > 0 && (
            <PublicationsSection publications={data.publications} data={data} names={names} />
          )}
          <ComparisonSection data={data} location={location} latestYear={summary?.latestYear ?? null} names={names} />
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- forms

const label = (labels: unknown, lang: string, fallback: string) =>
  (labels as Record<string, string> | undefined)?.[lang] ?? fallback;

function FormsSection({ forms }: { forms: ExchangeForm[] }) {
  const { t, lang } = useExchangeText();
  return (
    <section class="xc-section" aria-labelledby="forms-heading" data-testid="forms">
      <h2 id="forms-heading">{t.formsHeading}</h2>
      <p class="section-intro">{t.formsIntro}</p>
      <ul class="plain-list xc-forms">
        {forms.map((form) => (
          <li key={`${form.code}:${form.version}`} class="card xc-form-card" data-form={form.code}>
            <h3>{t.formVersion(label(form.names, lang, form.code), form.version)}</h3>
            <p class="muted">
              {t.formYears(form.validFrom, form.validUntil ?? null)}
              {form.nilAllowed && ` · ${t.nilAllowed}`}
            </p>
            <details class="xc-form-details">
              <summary>{t.whatFormAsks}</summary>
              <FormOutline form={form} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FormOutline({ form }: { form: ExchangeForm }) {
  const { t, lang } = useExchangeText();
  const groups = [...form.groups.map((group) => group.key), undefined];
  const { byKey } = expandForm(form);
  const fieldLabel = (key: string) => label(byKey.get(key)?.labels, lang, key);
  return (
    <div class="xc-outline">
      {groups.map((group) => {
        const matrices = form.matrices.filter((matrix) => matrix.group === group);
        const fields = form.fields.filter((field) => field.group === group);
        if (matrices.length === 0 && fields.length === 0) return null;
        const heading = form.groups.find((entry) => entry.key === group);
        return (
          <div key={group ?? ""} class="xc-outline-group">
            {heading && <h4>{label(heading.labels, lang, heading.key)}</h4>}
            <ul>
              {matrices.map((matrix) => (
                <li key={matrix.key}>
                  <strong>{label(matrix.labels, lang, matrix.key)}</strong>
                  {matrix.required && <span class="muted"> ({t.requiredMark})</span>}:{" "}
                  {t.matrixSummary(matrix.rows.length, matrix.columns.length)}
                  <dl class="xc-outline-lines">
                    <div>
                      <dt>{t.matrixRows}</dt>
                      <dd>{matrix.rows.map((row) => label(row.labels, lang, row.key)).join(" · ")}</dd>
                    </div>
                    <div>
                      <dt>{t.matrixColumns}</dt>
                      <dd>{matrix.columns.map((column) => label(column.labels, lang, column.key)).join(" · ")}</dd>
                    </div>
                  </dl>
                </li>
              ))}
              {fields.map((field) => (
                <li key={field.key}>
                  {label(field.labels, lang, field.key)}
                  <span class="muted">
                    {" "}
                    ({t.fieldKinds[field.kind]}
                    {"unit" in field && field.unit ? `, ${t.units[field.unit] ?? field.unit}` : ""}
                    {field.kind === "choice"
                      ? `, ${(field.multiple ? t.severalOf : t.optionsOf)(
                          field.options.map((option) => label(option.labels, lang, option.value)).join(" / "),
                        )}`
                      : ""}
                    {field.required ? `, ${t.requiredMark}` : ""})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {form.totals.length > 0 && (
        <div class="xc-outline-group">
          <h4>{t.totalsHeading}</h4>
          <ul>
            {form.totals.map((total) => (
              <li key={total.field}>{t.totalIsSumOf(fieldLabel(total.field), total.of.map(fieldLabel).join(" + "))}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- publications

/** What a figure is about: a field of the form, for all participants or one state. */
function figureSubject(
  figure: PublicationFigure,
  form: ExchangeForm | undefined,
  names: Names,
  t: ExchangeText,
  lang: string,
) {
  const scope = figure.scope === "region" ? t.scopeRegion : names.state(figure.scope);
  if (!form) return `${scope} · ${figure.field}`;
  const [matrixKey, row, column] = figure.field.split(".");
  const matrix = form.matrices.find((entry) => entry.key === matrixKey);
  if (!matrix || row === undefined || column === undefined)
    return `${scope} · ${label(expandForm(form).byKey.get(figure.field)?.labels, lang, figure.field)}`;
  const line = (lines: typeof matrix.rows, key: string) =>
    key === MATRIX_TOTAL ? null : label(lines.find((entry) => entry.key === key)?.labels, lang, key);
  const parts = [line(matrix.rows, row), line(matrix.columns, column)].filter((part): part is string => part !== null);
  return `${scope} · ${parts.length === 0 ? t.totalWord : parts.join(", ")}`;
}

function figureValue(figure: PublicationFigure, t: ExchangeText, lang: string): string {
  const percent = formatPercent(figure.value, lang);
  switch (figure.measure) {
    case "amount":
      return t.scaledAmount(formatNumber(figure.value, lang), figure.currency ?? "", figure.scale ?? 1);
    case "per-capita":
      return t.measurePerCapita(
        t.scaledAmount(formatNumber(figure.value, lang), figure.currency ?? "", figure.scale ?? 1),
      );
    case "share-of-gdp":
      return t.measureShareOfGdp(percent);
    case "share-of-region":
      return t.measureShareOfRegion(percent);
    case "share-of-total":
      return t.measureShareOfTotal(percent);
    default:
      return formatNumber(figure.value, lang);
  }
}

const yearsText = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

function PublicationsSection({
  publications,
  data,
  names,
}: {
  publications: Publication[];
  data: RegimeResponse;
  names: Names;
}) {
  const { t, lang } = useExchangeText();
  return (
    <section class="xc-section" aria-labelledby="publications-heading" data-testid="publications">
      <h2 id="publications-heading">{t.publicationsHeading}</h2>
      <p class="section-intro">{t.publicationsIntro}</p>
      {publications.map((publication) => {
        const title = label(publication.titles, lang, publication.id);
        const form = data.forms.find((entry) => entry.code === publication.form);
        const published = publication.published ? partialDate(publication.published) : null;
        const notes = sourceNotes(publication);
        const ref = (source: string) => (
          <SourceRef publication={publication.id} source={source} number={notes.numberOf(source)} />
        );
        return (
          <article key={publication.id} class="card xc-publication" data-publication={publication.id}>
            <h3>{title}</h3>
            <p class="muted">
              {publication.publisher && published
                ? t.publishedBy(publication.publisher, formatDate(published.day, published.precision, lang))
                : (publication.publisher ?? "")}
              {publication.publisher ? " · " : ""}
              {t.coversYears(publication.from, publication.to)}
            </p>
            {publication.note && <p class="xc-note">{publication.note}</p>}
            {publication.source && (
              <p class="xc-publication-source">
                <span class="muted">{t.publicationSource}: </span>
                {ref(publication.source)}
              </p>
            )}
            <details class="xc-sources-details" open={wide()}>
              <summary>
                {t.figuresHeading} ({publication.figures.length})
              </summary>
              <div class="table-wrap">
                <table class="data-table responsive-table xc-figures" data-testid="figures">
                  <caption class="visually-hidden">{t.figuresCaption(title)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.colWhat}</th>
                      <th scope="col">{t.colYears}</th>
                      <th scope="col">{t.colFigure}</th>
                      <th scope="col">{t.colSource}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {publication.figures.map((figure, index) => (
                      <tr
                        key={`${figure.scope}:${figure.field}:${figure.measure}:${figure.from}:${figure.to}:${figure.source}:${index}`}
                        data-scope={figure.scope}
                        data-reconstructed={figure.reconstructed ? "true" : "false"}
                      >
                        <th scope="row">{figureSubject(figure, form, names, t, lang)}</th>
                        <td data-label={t.colYears}>
                          <span>{yearsText(figure.from, figure.to)}</span>
                        </td>
                        <td data-label={t.colFigure}>
                          <span class="xc-figure">
                            <strong>{figureValue(figure, t, lang)}</strong>
                            {figure.average && <span class="muted"> ({t.average})</span>}{" "}
                            <ReconstructedTag reconstructed={figure.reconstructed} />
                          </span>
                        </td>
                        <td data-label={t.colSource}>{ref(figure.source)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {publication.submissions && publication.submissions.length > 0 && (
              <details class="xc-sources-details" open={wide()}>
                <summary>
                  {t.submissionsHeading} ({publication.submissions.length})
                </summary>
                <div class="table-wrap">
                  <table class="data-table responsive-table xc-submissions" data-testid="submissions">
                    <caption class="visually-hidden">{t.submissionsCaption(title)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.colState}</th>
                        <th scope="col">{t.colYears}</th>
                        <th scope="col">{t.colReceivedBy}</th>
                        <th scope="col">{t.colSource}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...publication.submissions]
                        .sort((a, b) => a.by.localeCompare(b.by) || names.compare(a.state, b.state))
                        .map((submission) => {
                          const by = partialDate(submission.by);
                          return (
                            <tr key={submission.state} data-state={submission.state}>
                              <th scope="row">{names.state(submission.state)}</th>
                              <td data-label={t.colYears}>
                                <span>{yearsText(submission.from, submission.to)}</span>
                              </td>
                              <td data-label={t.colReceivedBy}>
                                <span>
                                  {by ? formatDate(by.day, by.precision, lang) : submission.by}{" "}
                                  <ReconstructedTag reconstructed={submission.reconstructed} />
                                </span>
                              </td>
                              <td data-label={t.colSource}>{ref(submission.source)}</td>
                            </tr>
                          );
                        })}
                    </tbody>
                  </table>
                </div>
              </details>
            )}
            <details class="xc-sources-details" open={wide()}>
              <summary>
                {t.publicationSources} ({notes.list.length})
              </summary>
              <ol class="xc-source-notes" data-testid="publication-sources">
                {notes.list.map(({ source, quotes }, index) => (
                  <li key={source} id={noteId(publication.id, source)} tabIndex={-1} value={index + 1}>
                    <SourceQuote source={source} />
                    {quotes.map((quote) => (
                      <blockquote key={quote} class="xc-quote-block">
                        <p>{quote}</p>
                      </blockquote>
                    ))}
                  </li>
                ))}
              </ol>
            </details>
          </article>
        );
      })}
    </section>
  );
}

/** A screen wider than a phone's: long lists start open there, closed on a phone. */
const wide = () => typeof window === "undefined" || window.matchMedia?.("(min-width: 721px)").matches !== false;

const noteId = (publication: string, source: string) =>
  `source-${publication}-${source}`.replace(/[^a-zA-Z0-9_-]/g, "-");

/** A publication's sources, each once in the order first cited, with every passage quoted from it. */
function sourceNotes(publication: Publication) {
  const bySource = new Map<string, string[]>();
  const cite = (source: string | undefined, quote: string | undefined) => {
    if (!source) return;
    const quotes = bySource.get(source) ?? [];
    if (quote && !quotes.includes(quote)) quotes.push(quote);
    bySource.set(source, quotes);
  };
  cite(publication.source, publication.quote);
  for (const figure of publication.figures) cite(figure.source, figure.quote);
  for (const submission of publication.submissions ?? []) cite(submission.source, submission.quote);
  const list = [...bySource.entries()].map(([source, quotes]) => ({ source, quotes }));
  return { list, numberOf: (source: string) => list.findIndex((entry) => entry.source === source) + 1 };
}

/** "[2] paisenvivo-2012-…": a link to the source's note below, where its quotes are. */
function SourceRef({ publication, source, number }: { publication: string; source: string; number: number }) {
  const { t } = useExchangeText();
  const target = noteId(publication, source);
  return (
    <a
      class="xc-source-ref"
      href={`#${target}`}
      data-source={source}
      aria-label={t.sourceNote(number, source)}
      onClick={(event) => {
        event.preventDefault();
        const note = document.getElementById(target);
        const details = note?.closest("details");
        if (details) details.open = true;
        note?.scrollIntoView({ block: "center" });
        note?.focus({ preventScroll: true });
      }}
    >
      <span aria-hidden="true">[{number}] </span>
      <code>{source}</code>
    </a>
  );
}

// ---------------------------------------------------------------- comparisons

/** The years compared: from the address (`?from=&to=`), else the latest ten the regime covers. */
function comparisonYears(location: Location, first: number, latest: number): { from: number; to: number } {
  const year = (name: string) => {
    const text = location.query.get(name);
    return text && /^\d{4}$/.test(text) ? Math.min(latest, Math.max(first, Number(text))) : null;
  };
  const to = year("to") ?? latest;
  let from = year("from") ?? Math.max(first, to - 9);
  if (from > to) from = to;
  if (to - from > 50) from = to - 50;
  return { from, to };
}

function ComparisonSection({
  data,
  location,
  latestYear,
  names,
}: {
  data: RegimeResponse;
  location: Location;
  latestYear: number | null;
  names: Names;
}) {
  const { t, lang } = useExchangeText();
  const { session } = useSession();
  const hasComparison = data.forms.some((form) => form.comparison !== undefined);
  const latest = latestYear ?? new Date().getUTCFullYear();
  const first = data.regime.firstYear;
  const { from, to } = comparisonYears(location, first, latest);
  const path = `/exchanges/${encodeURIComponent(data.regime.code)}/comparison`;
  const params = { from: String(from), to: String(to) };
  const answer = useApi<ComparisonResponse>(hasComparison && session !== undefined ? apiUrl(path, params) : null, {
    cache: false,
  });
  const rows = answer.data?.rows ?? [];
  // Not the reader's to see (a restricted regime): the explanation alone, without years to choose.
  const refused = answer.error?.status === 401 || answer.error?.status === 403;
  const metrics = metricsOf(rows);
  const asked = location.query.get("measure");
  const metric: Metric | undefined = metrics.find((entry) => entry === asked) ?? metrics[0];
  if (!hasComparison) return null;
  const years: number[] = [];
  for (let year = latest; year >= first; year--) years.push(year);

  return (
    <section class="xc-section" aria-labelledby="comparison-heading" data-testid="comparison">
      <h2 id="comparison-heading">{t.comparisonHeading}</h2>
      <p class="section-intro">{t.comparisonIntro}</p>
      {!refused && (
        <form class="card xc-controls" onSubmit={(event) => event.preventDefault()} aria-label={t.comparisonHeading}>
          <div class="xc-years">
            <YearSelect
              id="comparison-from"
              label={t.fromYear}
              years={years}
              value={from}
              onChange={(value) => setQuery({ from: String(value), to: String(Math.max(value, to)) })}
            />
            <YearSelect
              id="comparison-to"
              label={t.toYear}
              years={years}
              value={to}
              onChange={(value) => setQuery({ to: String(value), from: String(Math.min(value, from)) })}
            />
          </div>
          {metrics.length > 1 && metric && (
            <fieldset class="xc-metrics">
              <legend>{t.metricLabel}</legend>
              {metrics.map((entry) => (
                <label key={entry} class="xc-check">
                  <input
                    type="radio"
                    name="comparison-measure"
                    value={entry}
                    checked={entry === metric}
                    onChange={() => setQuery({ measure: entry })}
                  />{" "}
                  {t.metrics[entry]}
                </label>
              ))}
            </fieldset>
          )}
        </form>
      )}
      <div aria-busy={answer.loading} class="xc-comparison-body">
        {answer.error ? (
          <RestrictedNotice error={answer.error} organization={data.organization} onRetry={answer.retry} />
        ) : !answer.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          <p class="empty">{t.noComparison}</p>
        ) : (
          <>
            <DataLinks what={t.comparisonWhat(from, to)} path={path} params={params} />
            {metric && <ComparisonChart rows={rows} metric={metric} from={from} to={to} names={names} />}
            <ComparisonTable rows={rows} from={from} to={to} names={names} lang={lang} />
          </>
        )}
      </div>
    </section>
  );
}

function ComparisonTable({
  rows,
  from,
  to,
  names,
  lang,
}: {
  rows: ComparisonResponse["rows"];
  from: number;
  to: number;
  names: Names;
  lang: string;
}) {
  const { t } = useExchangeText();
  const sorted = [...rows].sort((a, b) => names.compare(a.state, b.state) || a.year - b.year);
  const none = <span class="muted">{t.noValue}</span>;
  return (
    <details class="xc-comparison-table" open>
      <summary>{t.showComparisonTable}</summary>
      <div class="table-wrap">
        <table class="data-table responsive-table" data-testid="comparison-table">
          <caption class="visually-hidden">{t.comparisonCaption(from, to)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colState}</th>
              <th scope="col">{t.colYear}</th>
              <th scope="col">{t.colTotal}</th>
              <th scope="col">{t.colPopulation}</th>
              <th scope="col">{t.colGdp}</th>
              <th scope="col">{t.colPerCapita}</th>
              <th scope="col">{t.colShareOfGdp}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={`${row.state}:${row.year}`} data-state={row.state} data-year={row.year}>
                <th scope="row">{names.state(row.state)}</th>
                <td data-label={t.colYear}>
                  <span>{row.year}</span>
                </td>
                <td data-label={t.colTotal} data-cell="total">
                  {row.total === undefined ? none : <span>{formatMoney(row.total, row.currency, lang)}</span>}
                </td>
                <td data-label={t.colPopulation}>
                  {row.population === undefined ? none : <span>{formatNumber(row.population, lang, 0)}</span>}
                </td>
                <td data-label={t.colGdp}>
                  {row.gdp === undefined ? none : <span>{formatMoney(row.gdp, row.currency, lang)}</span>}
                </td>
                <td data-label={t.colPerCapita}>
                  {row.perCapita === undefined ? none : <span>{formatMoney(row.perCapita, row.currency, lang)}</span>}
                </td>
                <td data-label={t.colShareOfGdp}>
                  {row.shareOfGdp === undefined ? none : <span>{formatShareOfGdp(row.shareOfGdp, lang)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const formatShareOfGdp = (fraction: number, lang: string) => formatPercent(fraction * 100, lang);

/** One end of the comparison's span of years. */
function YearSelect(props: {
  id: string;
  label: string;
  years: number[];
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={String(props.value)}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
      >
        {props.years.map((year) => (
          <option key={year} value={String(year)}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}
