import { useEffect, useMemo, useState } from "preact/hooks";
import { DateControl } from "../../components/DateControl.tsx";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { DISPUTE_NAV } from "../../i18n/disputes/nav.ts";
import { useDisputeText, type DisputeText } from "../../i18n/disputes/index.ts";
import { apiUrl, getJson, useApi } from "../../lib/api.ts";
import { clampDay, FIRST_DAY, formatDate, today } from "../../lib/dates.ts";
import type { Location } from "../../lib/router.ts";
import { readDate, setDate } from "../../lib/useDate.ts";
import { bySide, highest, pairKey, timelinePairs } from "./logic.ts";
import {
  Breadcrumbs,
  CaseStatusPill,
  CitationLine,
  DateOf,
  disputeDates,
  disputeTitle,
  groupBySource,
  HostilityTag,
  hostilityText,
  listText,
  type Names,
  RelationsLine,
  SourceCards,
  StateLink,
  stageName,
  useNames,
} from "./shared.tsx";
import { type DatedMark, levelsText, type PairRow, Timeline } from "./Timeline.tsx";
import type { DisputeResponse, DisputesResponse, Party } from "./types.ts";

type Dispute = DisputeResponse["dispute"];

/**
 * The day the parties' relations are shown on when the address names none: the dispute's first
 * day, if the registry covers it; else its last, or today for one still going on.
 */
export function defaultDay(dispute: Pick<Dispute, "start" | "end">, now = today()): string {
  if (dispute.start >= FIRST_DAY && dispute.start <= now) return dispute.start;
  return clampDay(dispute.end ?? now, FIRST_DAY, now);
}

/**
 * A recorded dispute's years come from its MID episodes: each pair of opposing parties' years in
 * those episodes (the list answers them, with the highest hostility of each year), asked once
 * per pair.
 */
function useEpisodeYears(answer: DisputeResponse | undefined, names: Names, t: DisputeText): PairRow[] | null {
  const [rows, setRows] = useState<PairRow[] | null>(null);
  const episodes = answer?.dispute.midEpisodes ?? [];
  const wanted = answer !== undefined && episodes.length > 0 && answer.dyadYears.length === 0;
  const pairs = wanted ? timelinePairs(answer.parties, []).slice(0, 6) : [];
  const key = `${answer?.dispute.id}:${pairs.map(([a, b]) => pairKey(a, b)).join(",")}`;
  useEffect(() => {
    if (!wanted) {
      setRows(null);
      return;
    }
    const controller = new AbortController();
    Promise.all(
      pairs.map(([a, b]) =>
        getJson<DisputesResponse>(apiUrl("/disputes", { pair: `${a},${b}`, limit: "500" }), controller.signal),
      ),
    ).then(
      (answers) => {
        const episodeSet = new Set(episodes);
        setRows(
          pairs.map(([a, b], index) => {
            const byYear = new Map<number, number | null>();
            for (const dispute of answers[index]?.disputes ?? [])
              if (dispute.midNumber !== null && episodeSet.has(dispute.midNumber))
                for (const { year, hostility } of dispute.years)
                  byYear.set(year, byYear.has(year) ? highest([byYear.get(year), hostility]) : hostility);
            const label = t.pairLabel(names.state(a), names.state(b));
            return {
              key: pairKey(a, b),
              label,
              years: [...byYear.entries()]
                .sort(([x], [y]) => x - y)
                .map(([year, level]) => ({ year, levels: [{ state: "", level, action: null }] })),
            };
          }),
        );
      },
      () => setRows(null),
    );
    return () => controller.abort();
  }, [key]);
  return wanted ? rows : null;
}

/** `/disputes/:id`: one dispute, its record and sources, parties, timeline, cases, dialogue, and the parties in the registry on a day. */
export default function DisputePage({ id, location }: { id: string; location: Location }) {
  const { t, lang } = useDisputeText();
  const names = useNames();
  const base = useApi<DisputeResponse>(apiUrl(`/disputes/${encodeURIComponent(id)}`, { lang }));
  const data = base.data;
  const asked = readDate(location.query);
  const day = location.query.get("at") && !asked.refused ? asked.at : data ? defaultDay(data.dispute) : null;
  const onDay = useApi<DisputeResponse>(
    data && day && day !== data.relations.at ? apiUrl(`/disputes/${encodeURIComponent(id)}`, { lang, at: day }) : null,
  );
  const relations = day === data?.relations.at ? data?.relations : onDay.data?.relations;
  const episodeRows = useEpisodeYears(data, names, t);

  if (base.error) {
    return (
      <div class="page page-dispute">
        <Breadcrumbs trail={[{ href: "/disputes", label: t.disputesCrumb }]} current={id} />
        <h1>{DISPUTE_NAV[lang].disputePageTitle(id)}</h1>
        {base.error.status === 404 && <p>{t.notFoundDispute}</p>}
        <ErrorBox error={base.error} onRetry={base.error.status === 404 ? undefined : base.retry} />
      </div>
    );
  }
  if (!data) {
    return (
      <div class="page page-dispute">
        <Breadcrumbs trail={[{ href: "/disputes", label: t.disputesCrumb }]} current={id} />
        <h1>{DISPUTE_NAV[lang].disputePageTitle(id)}</h1>
        <Loading />
      </div>
    );
  }
  const { dispute, parties } = data;
  const title = disputeTitle({ ...dispute, parties }, names, t, lang);
  const partyName = (code: string) => names.state(code, parties.find((p) => p.party === code)?.name);

  return (
    <div class="page page-dispute" data-dispute={dispute.id}>
      <Breadcrumbs trail={[{ href: "/disputes", label: t.disputesCrumb }]} current={title} />
      <div class="page-heading">
        <p class="eyebrow">
          {dispute.midNumber !== null ? t.midEyebrow(dispute.datasetVersion ?? "") : t.recordedDispute}
        </p>
        <h1>{title}</h1>
        <p class="dispute-heading-tags">
          <span class={`dispute-state${dispute.end ? " is-ended" : dispute.ongoing ? " is-ongoing" : ""}`}>
            {disputeState(dispute, t)}
          </span>
          <span>{disputeDates(dispute, t, lang)}</span>
          <HostilityTag level={dispute.hostility} />
        </p>
        {dispute.summary && <p class="lede">{dispute.summary}</p>}
        <ul class="data-links">
          <li>
            <a href={apiUrl(`/disputes/${encodeURIComponent(dispute.id)}`, { lang, at: day })} type="application/json">
              <span aria-hidden="true">{"{ } "}</span>
              {t.dataAsJson}
            </a>
          </li>
        </ul>
      </div>

      <div class="dispute-layout">
        <section class="card dispute-facts" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t.factsHeading}</h2>
          <Facts dispute={dispute} />
        </section>

        <div class="dispute-main">
          <Parties parties={parties} />
          <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t.timelineHeading}</h2>
            <p class="muted section-intro">{t.disputeTimelineIntro}</p>
            <TimelineSection data={data} episodeRows={episodeRows} names={names} partyName={partyName} />
          </section>
          <Incidents data={data} />
          <Claims data={data} />
          <Episodes data={data} />
          <Cases data={data} partyName={partyName} />
          <Dialogues data={data} partyName={partyName} />
        </div>

        <section
          class="card dispute-registry"
          aria-labelledby="registry-heading"
          aria-busy={onDay.loading}
          data-testid="registry"
        >
          <h2 id="registry-heading">{t.registryHeading}</h2>
          <p class="muted">{t.registryIntro}</p>
          {day && <DateControl value={day} onChange={setDate} idPrefix="registry-date" readout={false} />}
          {onDay.error ? (
            <ErrorBox error={onDay.error} onRetry={onDay.retry} />
          ) : !relations ? (
            <Loading />
          ) : (
            <>
              <h3 class="registry-day">{t.registryDay(formatDate(relations.at, "day", lang))}</h3>
              <ul class="registry-parties">
                {parties.map((party) => (
                  <li key={party.party} data-party={party.party}>
                    <span class="registry-party">
                      <StateLink code={party.party} name={party.name} at={relations.at} />{" "}
                      <span class="muted">({t.sideOf(party.side)})</span>
                    </span>
                    <RelationsLine relations={relations.byParty[party.party]} at={relations.at} />
                  </li>
                ))}
              </ul>
              <p class="registry-together" data-testid="together">
                {relations.together.length > 0
                  ? t.togetherIn(
                      listText(
                        relations.together.map((code) => names.organization(code)),
                        lang,
                      ),
                    )
                  : t.togetherNone}
              </p>
            </>
          )}
        </section>
      </div>

      <Sources data={data} at={day ?? today()} />
    </div>
  );
}

function Facts({ dispute }: { dispute: Dispute }) {
  const { t, lang } = useDisputeText();
  const mid = dispute.midNumber !== null;
  const coded = (value: string | undefined | null, shown: boolean) =>
    value ? value : shown ? <span class="muted">{t.notRecorded}</span> : null;
  const rows: Array<[string, preact.ComponentChildren]> = [
    [t.factDates, disputeDates(dispute, t, lang)],
    [t.factStatus, disputeState(dispute, t)],
    [t.factHostility, <HostilityTag level={dispute.hostility} />],
    [t.factAction, coded(dispute.highestAction === null ? null : t.actions[dispute.highestAction], mid)],
    [t.factFatality, coded(dispute.fatality === null ? null : t.fatalityBands[dispute.fatality], mid)],
    [t.factOutcome, coded(dispute.outcome === null ? null : t.outcomes[dispute.outcome], mid)],
    [t.factSettlement, coded(dispute.settlement === null ? null : t.settlements[dispute.settlement], mid)],
    [
      t.factDuration,
      dispute.minDurationDays !== null && dispute.maxDurationDays !== null
        ? t.durationDays(dispute.minDurationDays, dispute.maxDurationDays)
        : null,
    ],
    [t.factDataset, dispute.datasetVersion],
  ];
  return (
    <>
      <dl class="facts dispute-fact-list">
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== "")
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3 class="fact-source-heading">{t.factSource}</h3>
      <CitationLine citation={dispute} />
    </>
  );
}

function Parties({ parties }: { parties: Party[] }) {
  const { t, lang } = useDisputeText();
  const sides = bySide(parties);
  return (
    <section class="card" aria-labelledby="parties-heading" data-testid="parties">
      <h2 id="parties-heading">{t.partiesHeading}</h2>
      <div class="dispute-sides">
        {(["A", "B"] as const).map((side) =>
          sides[side].length === 0 ? null : (
            <div key={side} class={`dispute-side side-${side}`} data-side={side}>
              <h3>{t.sideHeading(side)}</h3>
              <ul class="plain-list party-list">
                {sides[side].map((party) => (
                  <li key={party.party} data-party={party.party}>
                    <p class="party-name">
                      <StateLink code={party.party} name={party.name} />
                      {party.revisionist && <span class="party-tag">{t.revisionist}</span>}
                      {party.joined && <span class="party-tag is-joined">{t.joinedLater}</span>}
                    </p>
                    {party.seeks.length > 0 && (
                      <p class="party-seeks">
                        {t.seeks(
                          listText(
                            party.seeks.map((what) => (t.revisionTypes as Record<string, string>)[what] ?? what),
                            lang,
                          ),
                        )}
                      </p>
                    )}
                    <dl class="party-facts">
                      {party.hostility !== null && (
                        <div>
                          <dt>{t.partyHostility}</dt>
                          <dd>
                            <HostilityTag level={party.hostility} compact />
                          </dd>
                        </div>
                      )}
                      {party.highestAction !== null && (
                        <div>
                          <dt>{t.partyAction}</dt>
                          <dd>{t.actions[party.highestAction] ?? party.highestAction}</dd>
                        </div>
                      )}
                      {party.fatality !== null && (
                        <div>
                          <dt>{t.partyFatality}</dt>
                          <dd>{t.fatalityBands[party.fatality] ?? party.fatality}</dd>
                        </div>
                      )}
                      {party.firstYear !== null && (
                        <div>
                          <dt>{t.partyYears}</dt>
                          <dd>
                            {party.lastYear !== null && party.lastYear !== party.firstYear
                              ? t.dateRange(String(party.firstYear), String(party.lastYear))
                              : party.firstYear}
                          </dd>
                        </div>
                      )}
                    </dl>
                  </li>
                ))}
              </ul>
            </div>
          ),
        )}
      </div>
    </section>
  );
}

function TimelineSection({
  data,
  episodeRows,
  names,
  partyName,
}: {
  data: DisputeResponse;
  episodeRows: PairRow[] | null;
  names: Names;
  partyName: (code: string) => string;
}) {
  const { t } = useDisputeText();
  const { dispute } = data;
  const pairs: PairRow[] = useMemo(() => {
    if (data.dyadYears.length === 0) return episodeRows ?? [];
    return timelinePairs(data.parties, data.dyadYears).map(([a, b]) => ({
      key: pairKey(a, b),
      label: t.pairLabel(partyName(a), partyName(b)),
      years: data.dyadYears
        .filter((row) => pairKey(row.party1, row.party2) === pairKey(a, b))
        .map((row) => {
          const levels = [
            { state: partyName(row.party1), level: row.hostility1, action: row.action1 },
            { state: partyName(row.party2), level: row.hostility2, action: row.action2 },
          ];
          // In the order the row names them: side A's state first.
          return { year: row.year, levels: row.party1 === a ? levels : levels.reverse() };
        }),
    }));
  }, [data, episodeRows, names, t]);
  const incidents: DatedMark[] = data.incidents.map((incident) => ({
    key: `incident-${incident.id}`,
    date: incident.date,
    precision: incident.precision,
    text: incident.title ?? "",
    hostility: incident.hostility,
  }));
  const stages: DatedMark[] = data.cases.flatMap((c) =>
    c.stages.map((stage, index) => ({
      key: `${c.id}-${index}`,
      date: stage.date,
      precision: "day" as const,
      text: `${stageName(stage.stage, t)} (${c.title ?? c.id})`,
    })),
  );
  const dialogues: DatedMark[] = data.dialogues.map((dialogue) => ({
    key: dialogue.id,
    date: dialogue.start,
    precision: dialogue.startPrecision,
    end: dialogue.end ? { date: dialogue.end, precision: dialogue.endPrecision ?? "day" } : null,
    text: `${t.dialogueKinds[dialogue.kind as keyof typeof t.dialogueKinds] ?? dialogue.kind}: ${dialogue.title ?? ""}`,
  }));
  const lastYear =
    dispute.midNumber !== null
      ? Math.max(Number(dispute.start.slice(0, 4)), ...data.dyadYears.map((row) => row.year))
      : Number(today().slice(0, 4));
  const empty = pairs.every((p) => p.years.length === 0) && incidents.length === 0 && stages.length === 0;

  type Entry = { key: string; sort: string; when: preact.ComponentChildren; kind: string; what: string };
  const entries: Entry[] = [
    ...pairs.flatMap((pair) =>
      pair.years.map((entry) => ({
        key: `${pair.key}-${entry.year}`,
        sort: `${entry.year}-00-00`,
        when: String(entry.year),
        kind: t.entryKinds.year ?? "",
        what: t.pairYear(pair.label, levelsText(entry.levels, t)),
      })),
    ),
    ...data.incidents.map((incident) => ({
      key: `incident-${incident.id}`,
      sort: incident.date,
      when: <DateOf date={incident.date} precision={incident.precision} />,
      kind: t.entryKinds.incident ?? "",
      what: `${incident.title ?? ""}${incident.hostility !== null ? ` (${hostilityText(incident.hostility, t)})` : ""}`,
    })),
    ...data.cases.flatMap((c) =>
      c.stages.map((stage, index) => ({
        key: `${c.id}-${index}`,
        sort: stage.date,
        when: <DateOf date={stage.date} precision="day" />,
        kind: t.entryKinds.stage ?? "",
        what: `${stageName(stage.stage, t)}: ${c.title ?? c.id}`,
      })),
    ),
    ...data.dialogues.map((dialogue) => ({
      key: `dialogue-${dialogue.id}`,
      sort: dialogue.start,
      when: (
        <>
          <DateOf date={dialogue.start} precision={dialogue.startPrecision} />
          {dialogue.end && (
            <>
              {" – "}
              <DateOf date={dialogue.end} precision={dialogue.endPrecision} />
            </>
          )}
        </>
      ),
      kind: t.entryKinds.dialogue ?? "",
      what: `${t.dialogueKinds[dialogue.kind as keyof typeof t.dialogueKinds] ?? dialogue.kind}: ${dialogue.title ?? ""}`,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));

  return (
    <>
      {data.dyadYears.length === 0 && data.dispute.midEpisodes.length > 0 && (
        <p class="hint">{t.timelineFromEpisodes}</p>
      )}
      {empty && data.dispute.midEpisodes.length === 0 ? (
        <p class="empty">{t.noTimeline}</p>
      ) : (
        <Timeline
          id={`timeline-${dispute.id}`}
          span={dispute}
          lastYear={lastYear}
          pairs={pairs}
          incidents={incidents}
          stages={stages}
          dialogues={dialogues}
        />
      )}
      {entries.length > 0 && (
        <details class="timeline-table" data-testid="timeline-table">
          <summary>{t.timelineTable}</summary>
          <div class="table-wrap">
            <table class="data-table responsive-table">
              <caption class="visually-hidden">{t.timelineCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colWhen}</th>
                  <th scope="col">{t.colEntryKind}</th>
                  <th scope="col">{t.colEntry}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.key}>
                    <th scope="row" data-label={t.colWhen}>
                      {entry.when}
                    </th>
                    <td data-label={t.colEntryKind} class="entry-kind">
                      <span>{entry.kind}</span>
                    </td>
                    <td data-label={t.colEntry}>
                      <span>{entry.what}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

function Incidents({ data }: { data: DisputeResponse }) {
  const { t } = useDisputeText();
  if (data.incidents.length === 0) return null;
  return (
    <section class="card" aria-labelledby="incidents-heading" data-testid="incidents">
      <h2 id="incidents-heading">{t.incidentsHeading}</h2>
      <ol class="timeline incident-list">
        {data.incidents.map((incident) => (
          <li key={incident.id} class="timeline-event" data-incident={incident.id}>
            <div class="timeline-date">
              <DateOf date={incident.date} precision={incident.precision} />
              {incident.precision !== "day" && <span class="precision-note">{t.precision[incident.precision]}</span>}
            </div>
            <div class="timeline-body">
              <p class="incident-title">{incident.title}</p>
              {(incident.hostility !== null || incident.highestAction !== null) && (
                <p class="incident-meta">
                  {incident.hostility !== null && <HostilityTag level={incident.hostility} compact />}
                  {incident.highestAction !== null && (
                    <span>{t.actionOf(t.actions[incident.highestAction] ?? String(incident.highestAction))}</span>
                  )}
                </p>
              )}
              <CitationLine citation={incident} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The claims of other sources, field by field, beside what the dispute's record says. */
function Claims({ data }: { data: DisputeResponse }) {
  const { t, lang } = useDisputeText();
  if (data.claims.length === 0) return null;
  const { dispute } = data;
  const recorded = (field: string): string | null => {
    switch (field) {
      case "start":
        return formatDate(dispute.start, dispute.startPrecision, lang);
      case "end":
        return dispute.end ? formatDate(dispute.end, dispute.endPrecision, lang) : disputeState(dispute, t);
      case "hostility":
        return hostilityText(dispute.hostility, t);
      case "outcome":
        return dispute.outcome === null ? t.notRecorded : (t.outcomes[dispute.outcome] ?? String(dispute.outcome));
      case "summary":
        return dispute.summary;
      default:
        return null;
    }
  };
  const fields = [...new Set(data.claims.map((claim) => claim.field))];
  return (
    <section class="card" aria-labelledby="claims-heading" data-testid="claims">
      <h2 id="claims-heading">{t.claimsHeading}</h2>
      <p class="muted">{t.claimsIntro}</p>
      {fields.map((field) => (
        <div key={field} class="claim-field" data-field={field}>
          <h3>{(t.claimFields as Record<string, string>)[field] ?? field}</h3>
          <ul class="claims-grid dispute-claims">
            <li class="dispute-claim is-recorded">
              <p class="dispute-claim-label">{t.recordedAsDispute}</p>
              <p>{recorded(field) ?? <span class="muted">{t.notRecorded}</span>}</p>
              <CitationLine citation={dispute} />
            </li>
            {data.claims
              .filter((claim) => claim.field === field)
              .map((claim, index) => (
                <li key={`${field}-${index}`} class="dispute-claim">
                  <p class="dispute-claim-label">
                    <code>{claim.sourceId}</code>
                  </p>
                  <p>{claim.value}</p>
                  <CitationLine citation={claim} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Episodes({ data }: { data: DisputeResponse }) {
  const { t, lang } = useDisputeText();
  const names = useNames();
  if (data.episodes.length === 0) return null;
  return (
    <section class="card" aria-labelledby="episodes-heading" data-testid="episodes">
      <h2 id="episodes-heading">{t.episodesHeading}</h2>
      <p class="muted">{t.episodesIntro}</p>
      <ul class="plain-list link-list">
        {data.episodes.map((episode) => (
          <li key={episode.id} data-episode={episode.midNumber ?? episode.id}>
            <Link href={`/disputes/${episode.id}`}>{disputeTitle(episode, names, t, lang)}</Link>
            <span class="link-list-meta">
              <span>{disputeDates(episode, t, lang)}</span>
              <HostilityTag level={episode.hostility} compact />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Cases({ data, partyName }: { data: DisputeResponse; partyName: (code: string) => string }) {
  const { t, lang } = useDisputeText();
  return (
    <section class="card" aria-labelledby="cases-heading" data-testid="cases">
      <h2 id="cases-heading">{t.casesHeading}</h2>
      {data.cases.length === 0 ? (
        <p class="empty">{t.noCases}</p>
      ) : (
        <ul class="plain-list link-list">
          {data.cases.map((c) => {
            const latest = c.stages.at(-1);
            return (
              <li key={c.id} data-case={c.id}>
                <Link href={`/cases/${c.id}`}>{c.title ?? c.id}</Link>
                <span class="link-list-meta">
                  <CaseStatusPill status={c.status} />
                  <span>{c.court}</span>
                  <span>{t.caseVersus(partyName(c.applicant), partyName(c.respondent))}</span>
                  {latest && (
                    <span>{t.latestStage(stageName(latest.stage, t), formatDate(latest.date, "day", lang))}</span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Dialogues({ data, partyName }: { data: DisputeResponse; partyName: (code: string) => string }) {
  const { t, lang } = useDisputeText();
  return (
    <section class="card" aria-labelledby="dialogues-heading" data-testid="dialogues">
      <h2 id="dialogues-heading">{t.dialoguesHeading}</h2>
      {data.dialogues.length === 0 ? (
        <p class="empty">{t.noDialogues}</p>
      ) : (
        <ul class="plain-list dialogue-list">
          {data.dialogues.map((dialogue) => (
            <li key={dialogue.id} data-dialogue={dialogue.id}>
              <p class="dialogue-head">
                <span class="dialogue-kind">
                  {t.dialogueKinds[dialogue.kind as keyof typeof t.dialogueKinds] ?? dialogue.kind}
                </span>
                <span class="dialogue-dates">
                  <DateOf date={dialogue.start} precision={dialogue.startPrecision} />
                  {dialogue.end && (
                    <>
                      {" – "}
                      <DateOf date={dialogue.end} precision={dialogue.endPrecision} />
                    </>
                  )}
                </span>
              </p>
              <h3 class="dialogue-title">{dialogue.title}</h3>
              <dl class="party-facts">
                <div>
                  <dt>{t.dialogueStates}</dt>
                  <dd>
                    {listText(
                      dialogue.states.map((code) => partyName(code)),
                      lang,
                    )}
                  </dd>
                </div>
                {dialogue.participants && (
                  <div>
                    <dt>{t.dialogueParticipants}</dt>
                    <dd>{dialogue.participants}</dd>
                  </div>
                )}
                {dialogue.outcome && (
                  <div>
                    <dt>{t.dialogueOutcome}</dt>
                    <dd>{dialogue.outcome}</dd>
                  </div>
                )}
              </dl>
              <CitationLine citation={dialogue} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Sources({ data, at }: { data: DisputeResponse; at: string }) {
  const { t, lang } = useDisputeText();
  const groups = groupBySource([
    { ...data.dispute, key: "record", what: t.supportsRecord },
    ...data.incidents.map((incident) => ({
      ...incident,
      key: `incident-${incident.id}`,
      what: t.supportsIncident(incident.title ?? formatDate(incident.date, incident.precision, lang)),
    })),
    ...data.claims.map((claim, index) => ({
      ...claim,
      key: `claim-${index}`,
      what: t.supportsClaim((t.claimFields as Record<string, string>)[claim.field] ?? claim.field),
    })),
    ...data.cases.flatMap((c) => [
      { ...c, key: `case-${c.id}`, what: <Link href={`/cases/${c.id}`}>{t.supportsCase(c.title ?? c.id)}</Link> },
      ...c.stages.map((stage, index) => ({
        ...stage,
        key: `stage-${c.id}-${index}`,
        what: t.supportsStage(stageName(stage.stage, t), formatDate(stage.date, "day", lang)),
      })),
    ]),
    ...data.dialogues.map((dialogue) => ({
      ...dialogue,
      key: `dialogue-${dialogue.id}`,
      what: t.supportsDialogue(dialogue.title ?? dialogue.id),
    })),
  ]);
  return (
    <section class="sources-section dispute-sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t.sourcesHeading(groups.length)}</h2>
      <p class="muted">{t.disputeSourcesIntro}</p>
      <SourceCards groups={groups} sources={data.sources} at={at} />
    </section>
  );
}

/** Ended (its end is known), ongoing (known to go on), or neither: the sources give no end. */
function disputeState(dispute: { end: string | null; ongoing: boolean }, t: DisputeText): string {
  return dispute.end ? t.disputeEnded : dispute.ongoing ? t.disputeOngoing : t.disputeEndUnknown;
}
