import { useEffect, useMemo, useState } from "preact/hooks";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { DISPUTE_NAV } from "../../i18n/disputes/nav.ts";
import { useDisputeText } from "../../i18n/disputes/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, isDay, today } from "../../lib/dates.ts";
import { href, navigate, setQuery, type Location } from "../../lib/router.ts";
import type { ActorsResponse } from "../../lib/types.ts";
import type { MapEntry } from "../../map/WorldMap.tsx";
import {
  type DisputeFilters,
  disputesQuery,
  FIRST_FILTER_DAY,
  FIRST_YEAR,
  filtersFrom,
  hostilityClass,
  LAST_YEAR,
  MAP_LIMIT,
  PAGE_SIZE,
  statesOfDay,
} from "./logic.ts";
import {
  disputeDates,
  disputeTitle,
  HostilityTag,
  hostilityText,
  type Names,
  RelationsLine,
  StateLink,
  useNames,
} from "./shared.tsx";
import type { DisputesResponse, PairsResponse, PairSummary, PartyBrief } from "./types.ts";

type WorldMapComponent = typeof import("../../map/WorldMap.tsx").default;

/** The map and its libraries, loaded after the first paint in their own chunk (as on the map page). */
function useWorldMap(wanted: boolean): WorldMapComponent | null | Error {
  const [component, setComponent] = useState<WorldMapComponent | null | Error>(null);
  useEffect(() => {
    if (!wanted || component) return;
    let live = true;
    import("../../map/WorldMap.tsx").then(
      (module) => live && setComponent(() => module.default),
      (error: unknown) => live && setComponent(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return component;
}

/**
 * `/disputes`: disputes by state, pair, day and years, newest first, a page at a time. With a pair,
 * the pair's summary; with a state, the states it had disputes with; with a day, a map of the
 * disputes active then and each party's relations in the registry that day. Every filter is in
 * the address.
 */
export default function DisputesPage({ location }: { location: Location }) {
  const { t, lang } = useDisputeText();
  const names = useNames();
  const filters = filtersFrom(location.query);
  const offset = (filters.page - 1) * PAGE_SIZE;
  const list = useApi<DisputesResponse>(apiUrl("/disputes", { ...disputesQuery(filters, PAGE_SIZE, offset), lang }));
  const data = list.data;
  const pairs = useApi<PairsResponse>(
    filters.state && !filters.other
      ? apiUrl("/disputes/pairs", { state: filters.state, from: filters.from, to: filters.to, limit: "12" })
      : null,
  );

  return (
    <div class="page page-disputes">
      <div class="page-heading">
        <h1>{DISPUTE_NAV[lang].disputesTitle}</h1>
        <p class="lede">{t.disputesIntro}</p>
        <p class="page-links">
          <Link href="/cases">{DISPUTE_NAV[lang].casesTitle} →</Link>
        </p>
      </div>

      <Filters filters={filters} names={names} />

      {data?.summary && <PairSummaryCard summary={data.summary} names={names} />}
      {filters.state && !filters.other && pairs.data && pairs.data.pairs.length > 0 && (
        <PairsTable state={filters.state} pairs={pairs.data.pairs} names={names} filters={filters} />
      )}
      {filters.at && <DayMap filters={filters} names={names} />}

      <section aria-labelledby="disputes-list-heading" aria-busy={list.loading} class="disputes-results">
        <h2 id="disputes-list-heading" class="visually-hidden">
          {t.disputesCaption}
        </h2>
        <div class="toolbar">
          {data && (
            <p class="toolbar-count" role="status" data-testid="dispute-count">
              <strong>{t.disputeCount(data.total)}</strong>
              {data.total > data.disputes.length && (
                <span class="muted">
                  {" · "}
                  {t.disputeRange(offset + 1, offset + data.disputes.length, data.total)}
                </span>
              )}
            </p>
          )}
          <ul class="data-links">
            <li>
              <a
                href={apiUrl("/disputes", { ...disputesQuery(filters, PAGE_SIZE, offset), lang })}
                type="application/json"
              >
                <span aria-hidden="true">{"{ } "}</span>
                {t.dataAsJson}
              </a>
            </li>
          </ul>
        </div>
        {list.error ? (
          <ErrorBox error={list.error} onRetry={list.retry} />
        ) : !data ? (
          <Loading />
        ) : data.disputes.length === 0 ? (
          <p class="empty">{t.noDisputes}</p>
        ) : (
          <>
            <DisputeTable data={data} names={names} withYears={filters.state !== null} />
            <Pager page={filters.page} total={data.total} />
          </>
        )}
      </section>
    </div>
  );
}

function Filters({ filters, names }: { filters: DisputeFilters; names: Names }) {
  const { t, lang } = useDisputeText();
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const options = useMemo(() => {
    const list = (states.data?.actors ?? []).map((actor) => [actor.code, actor.name] as const);
    for (const code of [filters.state, filters.other])
      if (code && !list.some(([known]) => known === code)) list.push([code, names.state(code)] as const);
    return [...list].sort(([, a], [, b]) => a.localeCompare(b, lang));
  }, [states.data, filters.state, filters.other, lang, names]);
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");
  useEffect(() => setFrom(filters.from ?? ""), [filters.from]);
  useEffect(() => setTo(filters.to ?? ""), [filters.to]);

  /** A change starts from the first page again; state and other become `pair` when both are chosen. */
  const set = (changes: Partial<Record<"state" | "other" | "at" | "from" | "to", string | null>>) => {
    const next = {
      state: filters.state,
      other: filters.other,
      at: filters.at,
      from: filters.from,
      to: filters.to,
      ...changes,
    };
    if (!next.state) next.other = null;
    const pair = next.state && next.other ? `${next.state},${next.other}` : null;
    setQuery(
      {
        pair,
        state: pair ? null : next.state,
        other: null,
        at: next.at,
        from: next.from,
        to: next.to,
        page: null,
      },
      { replace: false },
    );
  };
  const year = (text: string) => {
    const value = text.trim();
    return /^\d{4}$/.test(value) && Number(value) >= FIRST_YEAR && Number(value) <= LAST_YEAR ? value : null;
  };
  const anyFilter = filters.state || filters.at || filters.from || filters.to;

  return (
    <search class="card disputes-filters" aria-label={t.disputeFilters}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set({ from: year(from), to: year(to) });
        }}
      >
        <div class="filter-grid">
          <div class="field">
            <label for="disputes-state">{t.filterState}</label>
            <select
              id="disputes-state"
              value={filters.state ?? ""}
              onChange={(event) => set({ state: event.currentTarget.value || null })}
            >
              <option value="">{t.anyState}</option>
              {options.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="disputes-other">{t.filterOther}</label>
            <select
              id="disputes-other"
              value={filters.other ?? ""}
              disabled={!filters.state}
              aria-describedby="disputes-other-hint"
              onChange={(event) => set({ other: event.currentTarget.value || null })}
            >
              <option value="">{t.noSecondState}</option>
              {options
                .filter(([code]) => code !== filters.state)
                .map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
            </select>
            <p id="disputes-other-hint" class="hint field-hint">
              {t.filterOtherHint}
            </p>
          </div>
          <div class="field">
            <label for="disputes-at">{t.filterActiveOn}</label>
            <input
              id="disputes-at"
              type="date"
              value={filters.at ?? ""}
              min={FIRST_FILTER_DAY}
              max={today()}
              aria-describedby="disputes-at-hint"
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value === "" || (isDay(value) && value >= FIRST_FILTER_DAY)) set({ at: value || null });
              }}
            />
            <p id="disputes-at-hint" class="hint field-hint">
              {t.filterActiveOnHint}
            </p>
          </div>
          <fieldset class="field years-field">
            <legend class="visually-hidden">{t.colYears}</legend>
            <div class="years-inputs">
              <div class="field">
                <label for="disputes-from">{t.filterFromYear}</label>
                <input
                  id="disputes-from"
                  type="number"
                  class="input"
                  inputMode="numeric"
                  min={FIRST_YEAR}
                  max={LAST_YEAR}
                  value={from}
                  aria-describedby="disputes-years-hint"
                  onInput={(event) => setFrom(event.currentTarget.value)}
                  onChange={(event) => set({ from: year(event.currentTarget.value) })}
                />
              </div>
              <div class="field">
                <label for="disputes-to">{t.filterToYear}</label>
                <input
                  id="disputes-to"
                  type="number"
                  class="input"
                  inputMode="numeric"
                  min={FIRST_YEAR}
                  max={LAST_YEAR}
                  value={to}
                  aria-describedby="disputes-years-hint"
                  onInput={(event) => setTo(event.currentTarget.value)}
                  onChange={(event) => set({ to: year(event.currentTarget.value) })}
                />
              </div>
            </div>
            <p id="disputes-years-hint" class="hint field-hint">
              {t.yearsHint(FIRST_YEAR, LAST_YEAR)}
            </p>
          </fieldset>
        </div>
        <div class="disputes-filter-actions">
          <button type="submit" class="button">
            {t.applyYears}
          </button>
          {anyFilter && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                setFrom("");
                setTo("");
                set({ state: null, other: null, at: null, from: null, to: null });
              }}
            >
              {t.clearDisputeFilters}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}

function PairSummaryCard({ summary, names }: { summary: PairSummary; names: Names }) {
  const { t } = useDisputeText();
  const [one, two] = summary.pair;
  return (
    <section class="card pair-summary" aria-labelledby="pair-summary-heading" data-testid="pair-summary">
      <h2 id="pair-summary-heading">{t.pairSummaryHeading(names.state(one), names.state(two))}</h2>
      <p class="muted">{t.pairSummaryIntro}</p>
      {summary.disputes === 0 ? (
        <p class="empty">{t.summaryNoYears}</p>
      ) : (
        <dl class="summary-figures">
          <div>
            <dt>{t.summaryDisputes}</dt>
            <dd data-testid="summary-disputes">{summary.disputes}</dd>
          </div>
          <div>
            <dt>{t.summaryYears}</dt>
            <dd data-testid="summary-years">
              {summary.firstYear === summary.lastYear
                ? summary.firstYear
                : t.dateRange(String(summary.firstYear), String(summary.lastYear))}
            </dd>
          </div>
          <div>
            <dt>{t.summaryHighest}</dt>
            <dd data-testid="summary-highest">
              <HostilityTag level={summary.highestHostility} />
            </dd>
          </div>
          <div>
            <dt>{t.summaryWars}</dt>
            <dd data-testid="summary-wars">
              {summary.wars.length === 0
                ? t.summaryNoWars
                : summary.wars.map((number, index) => (
                    <span key={number}>
                      {index > 0 && ", "}
                      <Link href={`/disputes/mid-${number}`}>{t.midTitle(number)}</Link>
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function PairsTable({
  state,
  pairs,
  names,
  filters,
}: {
  state: string;
  pairs: PairsResponse["pairs"];
  names: Names;
  filters: DisputeFilters;
}) {
  const { t } = useDisputeText();
  const stateName = names.state(state);
  return (
    <section class="card state-pairs" aria-labelledby="pairs-heading" data-testid="state-pairs">
      <h2 id="pairs-heading">{t.pairsHeading(stateName)}</h2>
      <div class="table-wrap">
        <table class="data-table responsive-table">
          <caption class="visually-hidden">{t.pairsCaption(stateName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colOtherState}</th>
              <th scope="col">{t.colDisputeCount}</th>
              <th scope="col">{t.colFirstLast}</th>
              <th scope="col">{t.colHostility}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => {
              const other = pair.party1 === state ? pair.party2 : pair.party1;
              return (
                <tr key={other} data-other={other}>
                  <th scope="row" data-label={t.colOtherState}>
                    <Link
                      href={href("/disputes", {
                        pair: `${state},${other}`,
                        at: filters.at,
                        from: filters.from,
                        to: filters.to,
                      })}
                      aria-label={t.showPair(stateName, names.state(other))}
                    >
                      {names.state(other)}
                    </Link>
                  </th>
                  <td data-label={t.colDisputeCount}>
                    <span>{pair.disputes}</span>
                  </td>
                  <td data-label={t.colFirstLast}>
                    <span>
                      {pair.firstYear === pair.lastYear
                        ? pair.firstYear
                        : t.dateRange(String(pair.firstYear), String(pair.lastYear))}
                    </span>
                  </td>
                  <td data-label={t.colHostility}>
                    <HostilityTag level={pair.highestHostility} compact />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The disputes active on the day asked: a map colouring their parties, and the same as a list, with each party's relations that day. */
function DayMap({ filters, names }: { filters: DisputeFilters; names: Names }) {
  const { t, lang } = useDisputeText();
  const at = filters.at ?? today();
  const answer = useApi<DisputesResponse>(
    apiUrl("/disputes", { ...disputesQuery({ ...filters, page: 1 }, MAP_LIMIT, 0), lang }),
  );
  const WorldMap = useWorldMap(true);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [drawable, setDrawable] = useState<Set<string> | null>(null);
  const dateText = formatDate(at, "day", lang);
  const disputes = answer.data?.disputes ?? [];
  const states = useMemo(() => statesOfDay(disputes), [disputes]);
  const collator = new Intl.Collator(lang);
  const ordered = [...states.entries()].sort(([a, x], [b, y]) =>
    collator.compare(names.state(a, x.party.name), names.state(b, y.party.name)),
  );

  const entries = useMemo(() => {
    const map = new Map<string, MapEntry>();
    for (const [code, held] of states) {
      const numeric = names.numeric(code);
      if (!numeric) continue;
      map.set(numeric, {
        code,
        name: names.state(code, held.party.name),
        // The map colours by kind of relation: each level of hostility borrows a kind, and
        // disputes.css gives it the level's colour (the list beside the map says it in words).
        kind: LEVEL_CARRIER[held.level ?? 0] ?? "designation",
        detail: t.stateDetail(t.stateDisputeCount(held.disputes.length), hostilityText(held.level, t)),
      });
    }
    return map;
  }, [states, names, t]);
  const notDrawn = drawable
    ? ordered
        .filter(([code]) => !names.numeric(code) || !drawable.has(names.numeric(code) ?? ""))
        .map(([code, held]) => names.state(code, held.party.name))
    : [];
  const levels = new Set<number>([...states.values()].map((held) => held.level ?? 0));

  return (
    <section class="day-map" aria-labelledby="day-map-heading" aria-busy={answer.loading} data-testid="day-map">
      <h2 id="day-map-heading">{t.mapOfDay(dateText)}</h2>
      {answer.error ? (
        <ErrorBox error={answer.error} onRetry={answer.retry} />
      ) : !answer.data ? (
        <Loading />
      ) : (
        <div class="day-map-layout">
          <div class="map-column dispute-map">
            {WorldMap instanceof Error ? (
              <ErrorBox error={WorldMap} />
            ) : WorldMap ? (
              <WorldMap
                entries={entries}
                highlight={highlight}
                onHighlight={setHighlight}
                onSelect={(code) => navigate(href(`/actors/${code}`, { at }))}
                label={t.disputeMapLabel(dateText)}
                loadingText={t.mapLoading}
                errorText={t.mapError}
                noRelationText={t.notPartyThatDay}
                onDrawable={setDrawable}
                busy={answer.loading}
              />
            ) : (
              <div class="map-frame map-placeholder" role="status">
                <p>
                  <span class="spinner" aria-hidden="true" />
                  {t.mapLoading}
                </p>
              </div>
            )}
            <div class="legend">
              <h3 class="legend-title">{t.mapLegendTitle}</h3>
              <ul>
                {[1, 2, 3, 4, 5, 0].map((level) => (
                  <li key={level} class={levels.has(level) ? "" : "is-absent"}>
                    <span class="kind-label">
                      <span class={`swatch hostility-fill ${hostilityClass(level || null)}`} aria-hidden="true" />
                      {hostilityText(level || null, t)}
                    </span>
                  </li>
                ))}
                <li>
                  <span class="kind-label">
                    <span class="swatch swatch-none" aria-hidden="true" />
                    {t.notPartyThatDay}
                  </span>
                </li>
              </ul>
            </div>
            <p class="hint">{t.mapHintDisputes}</p>
            {answer.data.total > disputes.length && (
              <p class="hint">{t.mapPartial(disputes.length, answer.data.total)}</p>
            )}
            {notDrawn.length > 0 && <p class="hint">{t.notOnMap(notDrawn.join(", "))}</p>}
          </div>
          <section class="card day-states" aria-labelledby="day-states-heading">
            <h3 id="day-states-heading">{t.statesOnDay(dateText)}</h3>
            {ordered.length === 0 ? (
              <p class="empty">{t.noDisputeThatDay}</p>
            ) : (
              <ul class="plain-list day-state-list" data-testid="day-states">
                {ordered.map(([code, held]) => (
                  <li
                    key={code}
                    data-party={code}
                    data-hostility={held.level ?? ""}
                    onMouseEnter={() => setHighlight(names.numeric(code))}
                    onMouseLeave={() => setHighlight(null)}
                  >
                    <p class="day-state-name">
                      <StateLink code={code} name={held.party.name} at={at} />
                      <HostilityTag level={held.level} compact />
                    </p>
                    <p class="day-state-relations">
                      <RelationsLine relations={answer.data?.relations?.[code]} at={at} />
                    </p>
                    <ul class="day-state-disputes">
                      {held.disputes.map((dispute) => (
                        <li key={dispute.id}>
                          <Link href={`/disputes/${dispute.id}`}>{disputeTitle(dispute, names, t, lang)}</Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}

/** The kind of relation whose place on the map each hostility level takes (0: not recorded). */
const LEVEL_CARRIER: Record<number, MapEntry["kind"]> = {
  0: "designation",
  1: "observer",
  2: "partner",
  3: "associate",
  4: "member",
  5: "suspended",
};

function DisputeTable({ data, names, withYears }: { data: DisputesResponse; names: Names; withYears: boolean }) {
  const { t, lang } = useDisputeText();
  const at = data.at ?? null;
  return (
    <div class="table-wrap">
      <table class="data-table responsive-table disputes-table" data-testid="disputes">
        <caption class="visually-hidden">{t.disputesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colDispute}</th>
            <th scope="col">{t.colParties}</th>
            <th scope="col">{t.colDates}</th>
            <th scope="col">{t.colHostility}</th>
            {withYears && <th scope="col">{t.colYears}</th>}
          </tr>
        </thead>
        <tbody>
          {data.disputes.map((dispute) => (
            <tr key={dispute.id} data-dispute={dispute.id}>
              <th scope="row" data-label={t.colDispute}>
                <Link href={href(`/disputes/${dispute.id}`, { at })}>{disputeTitle(dispute, names, t, lang)}</Link>
              </th>
              <td data-label={t.colParties}>
                <PartiesCell parties={dispute.parties} relations={data.relations} at={at} />
              </td>
              <td data-label={t.colDates}>
                <span>{disputeDates(dispute, t, lang)}</span>
              </td>
              <td data-label={t.colHostility}>
                <HostilityTag level={dispute.hostility} compact />
              </td>
              {withYears && (
                <td data-label={t.colYears} class={dispute.years.length === 0 ? "is-empty" : undefined}>
                  <span class="year-chips">
                    {dispute.years.map((entry) => (
                      <span
                        key={entry.year}
                        class={`year-chip ${hostilityClass(entry.hostility)}`}
                        title={hostilityText(entry.hostility, t)}
                      >
                        {entry.year}
                        <span class="visually-hidden"> ({hostilityText(entry.hostility, t)})</span>
                      </span>
                    ))}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The parties by side; with a day, each one's relations in the registry that day beside it. */
function PartiesCell({
  parties,
  relations,
  at,
}: {
  parties: PartyBrief[];
  relations: DisputesResponse["relations"];
  at: string | null;
}) {
  const { t } = useDisputeText();
  const sides = (["A", "B"] as const).map((side) => parties.filter((p) => p.side === side));
  return (
    <span class="parties-cell">
      {sides.map((list, index) =>
        list.length === 0 ? null : (
          <span key={index === 0 ? "A" : "B"} class="parties-side">
            {index === 1 && sides[0]?.length ? <span class="parties-versus">{t.versus} </span> : null}
            {list.map((party, position) => (
              <span key={party.party} class="parties-party" data-party={party.party}>
                {position > 0 && ", "}
                <StateLink code={party.party} name={party.name} at={at} />
                {relations && at && (
                  <span class="parties-relations">
                    <RelationsLine relations={relations[party.party]} at={at} />
                  </span>
                )}
              </span>
            ))}
          </span>
        ),
      )}
    </span>
  );
}

function Pager({ page, total }: { page: number; total: number }) {
  const { t } = useDisputeText();
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (last === 1) return null;
  const go = (to: number) => {
    setQuery({ page: to === 1 ? null : String(to) }, { replace: false });
    requestAnimationFrame(() => document.getElementById("disputes-list-heading")?.parentElement?.scrollIntoView());
  };
  return (
    <nav class="pager" aria-label={t.disputePages}>
      <button type="button" class="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        ← {t.previousDisputes}
      </button>
      <span class="pager-spacer" />
      <button type="button" class="button" disabled={page >= last} onClick={() => go(page + 1)}>
        {t.nextDisputes} →
      </button>
    </nav>
  );
}
