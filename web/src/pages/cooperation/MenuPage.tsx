import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ACTIVITY_TYPES, COOPERATION_AREAS } from "../../../../src/domain/cooperation.ts";
import { activityTypeName, areaName } from "../../../../src/domain/cooperation-names.ts";
import { isLanguage, LANGUAGES } from "../../../../src/domain/languages.ts";
import { DataLinks } from "../../components/DataLinks.tsx";
import { FormError, FormStatus } from "../../components/Form.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { useCooperationText, type CooperationText } from "../../i18n/cooperation/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, isDay } from "../../lib/dates.ts";
import { setQuery, type Location } from "../../lib/router.ts";
import type { MembersResponse } from "../../lib/types.ts";
import { eligibilityText, languageName, listText, SelectField, useReader, useRegistryNames } from "./shared.tsx";
import { addDays } from "./calendar.ts";
import type { ImportReport, MenuItem, MenuResponse } from "./types.ts";

const PAGE_SIZE = 25;
const FILTERS = ["q", "area", "type", "provider", "language", "at", "eligible"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersOf(location: Location): Filters {
  const filters = {} as Filters;
  for (const name of FILTERS) filters[name] = (location.query.get(name) ?? "").trim();
  if (!isDay(filters.at)) filters.at = "";
  return filters;
}

/**
 * `/menu`: the partnership menu, searched in any of the four languages and filtered by area, type,
 * provider, language taught, date and eligibility, all kept in the address so that a search can be
 * shared; its CSV and JSON are the same query. The secretariat imports a CSV file here.
 */
export default function MenuPage({ location }: { location: Location }) {
  const { t, lang } = useCooperationText();
  const reader = useReader();
  const filters = filtersOf(location);
  const organizationParam = location.query.get("organization") || null;
  const pageRaw = Number(location.query.get("page") ?? "1");
  const page = Number.isInteger(pageRaw) && pageRaw > 1 ? pageRaw : 1;

  const query = { organization: organizationParam, ...filters };
  const answer = useApi<MenuResponse>(
    apiUrl("/menu", { ...query, lang, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) }),
    { cache: false },
  );
  const data = answer.data;
  const organization = data?.organization ?? organizationParam ?? reader.organization;
  const names = useRegistryNames(organization);

  return (
    <div class="page page-menu">
      <div class="page-heading">
        <p class="eyebrow">{data ? t.menuOnDate(formatDate(data.at, "day", lang)) : organization}</p>
        <h1>{t.menuTitle}</h1>
        <p class="lede">{t.menuIntro}</p>
      </div>

      <MenuFilters filters={filters} organization={organization} seen={data?.items ?? []} />

      {reader.secretariat && reader.account?.organization === organization && (
        <ImportPanel organization={organization} csrfToken={reader.csrfToken} onImported={answer.retry} />
      )}

      <section aria-labelledby="menu-results-heading" aria-busy={answer.loading}>
        <h2 id="menu-results-heading" class="visually-hidden">
          {t.menuList}
        </h2>
        <div class="toolbar">
          {data && (
            <p class="toolbar-count" role="status" data-testid="menu-count">
              <strong>{t.menuCount(data.total)}</strong>
              {data.total > data.items.length && (
                <span class="muted">
                  {" · "}
                  {t.menuRange((page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + data.items.length, data.total)}
                </span>
              )}
            </p>
          )}
          <DataLinks path="/menu" params={query} what={t.menuWhat} />
        </div>
        {answer.error ? (
          <ErrorBox error={answer.error} onRetry={answer.retry} />
        ) : !data ? (
          <Loading />
        ) : data.items.length === 0 ? (
          <p class="empty">{t.menuNothing}</p>
        ) : (
          <>
            {data.items.some((item) => item.illustrative) && (
              <p id="illustrative-note" class="hint illustrative-note">
                <span class="tag illustrative-tag" aria-hidden="true">
                  {t.illustrative}
                </span>{" "}
                {t.illustrativeExplained}
              </p>
            )}
            <ul class={`menu-list${answer.loading ? " is-busy" : ""}`} data-testid="menu-items">
              {data.items.map((item) => (
                <MenuCard key={item.id} item={item} t={t} lang={lang} names={names} />
              ))}
            </ul>
            <Pager page={page} total={data.total} t={t} />
          </>
        )}
      </section>
    </div>
  );
}

function MenuCard({
  item,
  t,
  lang,
  names,
}: {
  item: MenuItem;
  t: CooperationText;
  lang: string;
  names: ReturnType<typeof useRegistryNames>;
}) {
  const reading = isLanguage(lang) ? lang : "en";
  // A title not translated into the reader's language comes in English: say so to screen readers.
  const titleInEnglish = reading !== "en" && !item.titles[reading];
  const descriptionInEnglish = reading !== "en" && item.description !== null && !item.descriptions[reading];
  return (
    <li class="card menu-card" data-code={item.code}>
      <p class="menu-card-kicker">
        <span>{areaName(item.area, reading)}</span>
        <span aria-hidden="true"> · </span>
        <span class="menu-card-type">{activityTypeName(item.type, reading)}</span>
      </p>
      <h3 class="menu-card-title">
        <span lang={titleInEnglish ? "en" : undefined}>{item.title}</span>
        {item.illustrative && (
          <>
            {" "}
            <span class="tag illustrative-tag" aria-describedby="illustrative-note">
              {t.illustrative}
            </span>
          </>
        )}
      </h3>
      {item.description && (
        <p class="menu-card-description" lang={descriptionInEnglish ? "en" : undefined}>
          {item.description}
        </p>
      )}
      <dl class="menu-facts">
        <div>
          <dt>{t.itemProvider}</dt>
          <dd>{item.provider}</dd>
        </div>
        <div>
          <dt>{t.itemLanguages}</dt>
          <dd>
            {item.languages.length > 0
              ? listText(
                  item.languages.map((code) => languageName(code, lang)),
                  lang,
                )
              : t.notStated}
          </dd>
        </div>
        <div>
          <dt>{t.itemDuration}</dt>
          <dd>{item.durationDays !== null ? t.days(item.durationDays) : t.notStated}</dd>
        </div>
        <div>
          <dt>{t.itemOpenTo}</dt>
          <dd data-testid="eligibility">{eligibilityText(item.eligibility, t, lang, names)}</dd>
        </div>
        <div>
          <dt>{t.itemOffered}</dt>
          <dd>
            {item.until
              ? // `until` is the first day off the menu: the last day on it is the day before.
                t.offeredBetween(formatDate(item.since, "day", lang), formatDate(addDays(item.until, -1), "day", lang))
              : t.offeredSince(formatDate(item.since, "day", lang))}
          </dd>
        </div>
        <div>
          <dt>{t.itemSource}</dt>
          <dd>{item.source ? item.source.title : <span class="muted">{t.noSource}</span>}</dd>
        </div>
        <div>
          <dt>{t.itemCode}</dt>
          <dd>
            <code>{item.code}</code>
          </dd>
        </div>
      </dl>
    </li>
  );
}

function Pager({ page, total, t }: { page: number; total: number; t: CooperationText }) {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (last === 1) return null;
  const go = (to: number) => {
    setQuery({ page: to === 1 ? null : String(to) }, { replace: false });
    requestAnimationFrame(() => document.getElementById("menu-results-heading")?.scrollIntoView());
  };
  return (
    <nav class="pager" aria-label={t.menuList}>
      <button type="button" class="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        ← {t.previousPage}
      </button>
      <span class="pager-spacer" />
      <button type="button" class="button" disabled={page >= last} onClick={() => go(page + 1)}>
        {t.nextPage} →
      </button>
    </nav>
  );
}

/** The search box and the filters, each kept in the address (a change starts again from page 1). */
function MenuFilters({ filters, organization, seen }: { filters: Filters; organization: string; seen: MenuItem[] }) {
  const { t, lang } = useCooperationText();
  const reading = isLanguage(lang) ? lang : "en";
  const [draft, setDraft] = useState(filters.q);
  const [provider, setProvider] = useState(filters.provider);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setDraft(filters.q), [filters.q]);
  useEffect(() => setProvider(filters.provider), [filters.provider]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const set = (changes: Record<string, string | null>) => setQuery({ ...changes, page: null });
  const later = (changes: Record<string, string | null>) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => set(changes), 300);
  };

  // The partners on the day asked, for "open to": a state that is not a partner is open to nothing.
  const partners = useApi<MembersResponse>(
    apiUrl(`/organizations/${encodeURIComponent(organization)}/members`, {
      kind: "partner",
      at: filters.at || null,
      lang,
    }),
  );
  const partnerOptions = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const member of partners.data?.members ?? []) byCode.set(member.code, member.name);
    if (filters.eligible && !byCode.has(filters.eligible)) byCode.set(filters.eligible, filters.eligible);
    return [...byCode].sort(([, a], [, b]) => a.localeCompare(b, lang));
  }, [partners.data, filters.eligible, lang]);

  // Providers and languages seen on the menu so far, as suggestions; any text can be searched.
  const known = useRef({ providers: new Set<string>(), languages: new Set<string>(LANGUAGES) });
  for (const item of seen) {
    known.current.providers.add(item.provider);
    for (const code of item.languages) known.current.languages.add(code);
  }
  const languages = [...known.current.languages].sort((a, b) =>
    languageName(a, lang).localeCompare(languageName(b, lang), lang),
  );
  const anyFilter = FILTERS.some((name) => filters[name] !== "");

  return (
    <search class="card menu-search" aria-label={t.menuSearchLabel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          clearTimeout(timer.current);
          set({ q: draft.trim() || null, provider: provider.trim() || null });
        }}
      >
        <div class="field menu-search-field">
          <label for="menu-q">{t.menuSearchLabel}</label>
          <div class="menu-search-row">
            <input
              id="menu-q"
              type="search"
              class="input"
              value={draft}
              maxLength={200}
              aria-describedby="menu-q-hint"
              onInput={(event) => {
                const value = event.currentTarget.value;
                setDraft(value);
                later({ q: value.trim() || null });
              }}
            />
            <button type="submit" class="button button-primary">
              {t.menuSearchButton}
            </button>
          </div>
          <p id="menu-q-hint" class="hint field-hint">
            {t.menuSearchHint}
          </p>
        </div>
        <fieldset class="menu-filters">
          <legend class="visually-hidden">{t.menuFilters}</legend>
          <div class="filter-grid">
            <SelectField id="menu-area" label={t.filterArea} value={filters.area} onChange={(v) => set({ area: v })}>
              <option value="">{t.anyArea}</option>
              {[...COOPERATION_AREAS]
                .sort((a, b) => areaName(a, reading).localeCompare(areaName(b, reading), lang))
                .map((area) => (
                  <option value={area}>{areaName(area, reading)}</option>
                ))}
            </SelectField>
            <SelectField id="menu-type" label={t.filterType} value={filters.type} onChange={(v) => set({ type: v })}>
              <option value="">{t.anyType}</option>
              {ACTIVITY_TYPES.map((type) => (
                <option value={type}>{activityTypeName(type, reading)}</option>
              ))}
            </SelectField>
            <div class="field">
              <label for="menu-provider">{t.filterProvider}</label>
              <input
                id="menu-provider"
                type="text"
                class="input"
                list="menu-providers"
                value={provider}
                maxLength={200}
                aria-describedby="menu-provider-hint"
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  setProvider(value);
                  later({ provider: value.trim() || null });
                }}
              />
              <datalist id="menu-providers">
                {[...known.current.providers].sort().map((name) => (
                  <option value={name} />
                ))}
              </datalist>
              <p id="menu-provider-hint" class="hint field-hint">
                {t.providerHint}
              </p>
            </div>
            <SelectField
              id="menu-language"
              label={t.filterLanguage}
              value={filters.language}
              onChange={(v) => set({ language: v })}
            >
              <option value="">{t.anyLanguage}</option>
              {languages.map((code) => (
                <option value={code}>{languageName(code, lang)}</option>
              ))}
            </SelectField>
            <div class="field">
              <label for="menu-at">{t.filterAt}</label>
              <input
                id="menu-at"
                type="date"
                value={filters.at}
                min="1949-01-01"
                aria-describedby="menu-at-hint"
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  if (value === "" || isDay(value)) set({ at: value || null });
                }}
              />
              <p id="menu-at-hint" class="hint field-hint">
                {t.atHint}
              </p>
            </div>
            <SelectField
              id="menu-eligible"
              label={t.filterEligible}
              value={filters.eligible}
              onChange={(v) => set({ eligible: v })}
            >
              <option value="">{t.anyPartner}</option>
              {partnerOptions.map(([code, name]) => (
                <option value={code}>{name}</option>
              ))}
            </SelectField>
          </div>
        </fieldset>
        {anyFilter && (
          <p class="menu-clear">
            <button
              type="button"
              class="link-button"
              onClick={() => {
                clearTimeout(timer.current);
                setDraft("");
                setProvider("");
                set(Object.fromEntries(FILTERS.map((name) => [name, null])));
              }}
            >
              {t.clearFilters}
            </button>
          </p>
        )}
      </form>
    </search>
  );
}

/** The secretariat's CSV import: the file as it is, and the server's report of it. */
function ImportPanel({
  organization,
  csrfToken,
  onImported,
}: {
  organization: string;
  csrfToken: string | null;
  onImported: () => void;
}) {
  const { t, lang } = useCooperationText();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setReport(null);
    if (!file) {
      setError(t.importNoFile);
      document.getElementById("menu-import-file")?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      const response = await fetch(apiUrl("/menu/import", { organization }), {
        method: "POST",
        headers: {
          "content-type": "text/csv",
          accept: "application/json",
          "Accept-Language": lang,
          ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
        },
        body: await file.text(),
        credentials: "same-origin",
        cache: "no-store",
      });
      const body = (await response.json().catch(() => null)) as
        | (ImportReport & { error?: undefined })
        | { error?: { message?: string } }
        | null;
      if (!response.ok || !body || "error" in body) {
        setError(
          (body && "error" in body && body.error?.message) || `${response.status} ${response.statusText}`.trim(),
        );
        return;
      }
      setReport(body as ImportReport);
      onImported();
    } catch {
      setError(t.networkError);
    } finally {
      setPending(false);
    }
  };

  return (
    <details class="card import-panel" data-testid="menu-import">
      <summary>
        <h2>{t.importHeading}</h2>
      </summary>
      <p class="hint">{t.importIntro}</p>
      <form class="import-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="menu-import-file">{t.importFile}</label>
          <input
            id="menu-import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setError(null);
            }}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={pending}>
          {pending ? t.importing : t.importButton}
        </button>
      </form>
      <FormError message={error} />
      <FormStatus
        message={
          report
            ? [
                t.importCreated(report.created),
                t.importUpdated(report.updated),
                t.importUnchanged(report.unchanged),
                t.importRefused(report.refused.length),
              ].join(" · ")
            : null
        }
        tone={report && report.refused.length > 0 ? "info" : "success"}
      />
      {report && (
        <div class="import-report" data-testid="import-report">
          <h3>{t.importReport}</h3>
          {report.refused.length === 0 ? (
            <p>{t.importNoneRefused}</p>
          ) : (
            <div class="table-wrap">
              <table class="data-table responsive-table">
                <caption>{t.refusedCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.colRow}</th>
                    <th scope="col">{t.colCode}</th>
                    <th scope="col">{t.colField}</th>
                    <th scope="col">{t.colWhy}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.refused.map((row) => (
                    <tr key={`${row.row}:${row.field}`} data-row={row.row}>
                      <th scope="row" data-label={t.colRow}>
                        {row.row}
                      </th>
                      <td data-label={t.colCode} class={row.code ? undefined : "is-empty"}>
                        <code>{row.code ?? ""}</code>
                      </td>
                      <td data-label={t.colField}>
                        <code>{row.field}</code>
                      </td>
                      <td data-label={t.colWhy}>
                        <span>{row.message}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
