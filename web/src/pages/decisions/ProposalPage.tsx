import { useEffect, useRef, useState } from "preact/hooks";
import { DataLinks } from "../../components/DataLinks.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useDecisionText } from "../../i18n/decisions/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { shownStatus, silenceMeansAgreement } from "../../lib/proposal-states.ts";
import { useSession } from "../../lib/session.tsx";
import type {
  ActorsResponse,
  GridRow,
  OrganizationsResponse,
  Outcome,
  PositionKind,
  Proposal,
  ProposalResponse,
} from "../../lib/types.ts";
import { Markdown } from "./Markdown.tsx";
import { SilenceBanner } from "./ProposalStates.tsx";
import {
  formatDuration,
  formatMoment,
  LiveIndicator,
  PositionPill,
  procedureText,
  ReconstructedTag,
  StatusPill,
  useCoalesced,
  useLiveEvents,
  useServerNow,
} from "./shared.tsx";

// The forms are for those who may act (a delegation, the chair): fetched for signed-in readers
// only, so that an anonymous reader downloads none of them. The page waits for them as it waits
// for the proposal, so that it never shows without the forms it offers.
type Forms = typeof import("./ProposalForms.tsx");
let forms: Forms | undefined;
let formsLoading: Promise<Forms> | undefined;

function useForms(wanted: boolean): { ready: boolean; error: Error | undefined; retry: () => void } {
  const [error, setError] = useState<Error | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!wanted || forms) return;
    let live = true;
    formsLoading ??= import("./ProposalForms.tsx").then((module) => (forms = module));
    formsLoading.then(
      () => live && rerender((n) => n + 1),
      (failure: unknown) => {
        formsLoading = undefined;
        if (live) setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, attempt]);
  return {
    ready: forms !== undefined,
    error,
    retry: () => {
      setError(undefined);
      setAttempt((n) => n + 1);
    },
  };
}

const PositionForm = (props: Parameters<Forms["PositionForm"]>[0]) =>
  forms ? <forms.PositionForm {...props} /> : null;
const ChairTools = (props: Parameters<Forms["ChairTools"]>[0]) => (forms ? <forms.ChairTools {...props} /> : null);
const WithdrawForm = (props: Parameters<Forms["WithdrawForm"]>[0]) =>
  forms ? <forms.WithdrawForm {...props} /> : null;

/** One proposal: what is decided, how, by whom, where each member stands, and the outcome. */
export default function ProposalPage({ id }: { id: string }) {
  const { t, lang } = useDecisionText();
  const { session } = useSession();
  const signedIn = Boolean(session?.account);
  const formsModule = useForms(signedIn);
  const answer = useApi<ProposalResponse>(signedIn ? apiUrl(`/proposals/${encodeURIComponent(id)}`, { lang }) : null, {
    cache: false,
  });
  const reload = answer.retry;
  const soon = useCoalesced(reload);
  const live = useLiveEvents(
    (event) => {
      if (String(event.proposalId) === id) soon();
    },
    reload,
    signedIn,
  );
  // At the deadline the server records the outcome: look again shortly after, in case the event is missed.
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  const onDeadline = () => {
    timers.current.push(setTimeout(reload, 2_000), setTimeout(reload, 10_000));
  };

  const proposal = answer.data?.proposal;
  if (!signedIn) {
    return (
      <div class="page page-proposal">
        <Breadcrumbs id={id} />
        <h1>{t.proposalPageTitle(id)}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForDecisions), { status: 401 })} />
      </div>
    );
  }
  if (formsModule.error) {
    return (
      <div class="page page-proposal">
        <Breadcrumbs id={id} />
        <h1>{t.proposalPageTitle(id)}</h1>
        <AccessErrorBox error={formsModule.error} onRetry={formsModule.retry} />
      </div>
    );
  }
  if (answer.error && !(proposal && answer.error.status === 0)) {
    return (
      <div class="page page-proposal">
        <Breadcrumbs id={id} />
        <h1>{t.proposalPageTitle(id)}</h1>
        <AccessErrorBox error={answer.error} onRetry={reload} />
      </div>
    );
  }
  if (!proposal || !formsModule.ready) {
    return (
      <div class="page page-proposal">
        <Breadcrumbs id={id} />
        <h1 class="visually-hidden">{t.proposalPageTitle(id)}</h1>
        <Loading />
      </div>
    );
  }

  const own = proposal.abilities.speakFor;
  const open = proposal.status === "open";
  return (
    <div class="page page-proposal" data-status={proposal.status}>
      <Breadcrumbs id={id} />
      <div class="page-heading proposal-heading">
        <div>
          <p class="eyebrow">
            {proposal.body.name} · {t.purposes[proposal.purpose]} {proposal.id}
          </p>
          <h1>{proposal.title}</h1>
          <p class="proposal-badges">
            <StatusPill status={shownStatus(proposal)} />
            {proposal.reconstructed && <ReconstructedTag />}
            {proposal.needsPosition && (
              <span class="tag tag-needs">
                <span aria-hidden="true">● </span>
                {t.needsYou}
              </span>
            )}
          </p>
        </div>
        {!proposal.reconstructed && <LiveIndicator state={live} />}
      </div>

      {proposal.outcome && <OutcomeBlock proposal={proposal} outcome={proposal.outcome} />}
      <SilenceBanner proposal={proposal} />

      <div class="proposal-layout">
        <div class="proposal-main">
          <ProposalText proposal={proposal} />
          <Grid proposal={proposal} />
          <History proposal={proposal} />
        </div>
        <div class="proposal-side">
          <Facts proposal={proposal} onDeadline={onDeadline} />
          {open && own && proposal.abilities.allowedPositions.length > 0 && (
            <PositionForm proposal={proposal} state={own} onChanged={reload} />
          )}
          {open && proposal.abilities.chair && <ChairTools proposal={proposal} onChanged={reload} />}
          {open && proposal.abilities.withdraw && !proposal.abilities.chair && (
            <WithdrawForm proposal={proposal} onChanged={reload} />
          )}
        </div>
      </div>
    </div>
  );
}

function Breadcrumbs({ id }: { id: string }) {
  const { t } = useDecisionText();
  return (
    <nav class="breadcrumbs" aria-label={t.breadcrumb}>
      <Link href="/proposals">{t.backToDecisions}</Link>
      <span aria-hidden="true"> / </span>
      <span>{t.proposalPageTitle(id)}</span>
    </nav>
  );
}

function Facts({ proposal, onDeadline }: { proposal: Proposal; onDeadline: () => void }) {
  const { t, lang } = useDecisionText();
  // A body of an organisation links to the organisation's page; a state's own body to the state's.
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const isOrganization = organizations.data?.organizations.some((org) => org.code === proposal.body.actor) ?? false;
  const round = proposal.rounds.at(-1);
  const concerns = proposal.concerns;
  // The state concerned is often not a member (it asks, or is designated): its name comes from the registry.
  const actors = useApi<ActorsResponse>(concerns ? apiUrl("/actors", { lang }) : null);
  const concernsName = concerns
    ? (actors.data?.actors.find((actor) => actor.code === concerns)?.name ??
      proposal.grid.find((row) => row.state === concerns)?.name ??
      concerns)
    : null;
  return (
    <section class="card proposal-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="visually-hidden">
        {t.facts}
      </h2>
      <dl class="facts">
        <div>
          <dt>{t.procedure}</dt>
          <dd data-testid="procedure">{procedureText(proposal.procedure, proposal.deadline, t, lang)}</dd>
        </div>
        {proposal.deadline && (
          <div class="deadline-fact">
            <dt>{t.deadline}</dt>
            <dd>
              <Countdown proposal={proposal} deadline={proposal.deadline} onDeadline={onDeadline} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t.body}</dt>
          <dd>
            <Link href={isOrganization ? `/organizations/${proposal.body.actor}` : `/actors/${proposal.body.actor}`}>
              {proposal.body.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t.chair}</dt>
          <dd>{proposal.chair}</dd>
        </div>
        {concerns && (
          <div>
            <dt>{t.concerns}</dt>
            <dd>
              <Link href={`/actors/${concerns}`}>{concernsName}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t.opened}</dt>
          <dd>
            {/* A reconstructed decision's opening is known no better than its decision. */}
            {proposal.reconstructed
              ? formatDate(proposal.openedAt.slice(0, 10), proposal.outcome?.decidedOnPrecision ?? "day", lang)
              : formatMoment(proposal.openedAt, lang)}
          </dd>
        </div>
        {proposal.rounds.length > 1 && (
          <div>
            <dt>{t.round}</dt>
            <dd>{proposal.round}</dd>
          </div>
        )}
        <div>
          <dt>{t.members}</dt>
          <dd>
            {proposal.reconstructed && proposal.positions.length === 0
              ? proposal.members
              : t.positionsTaken(proposal.positionsTaken, proposal.members)}
          </dd>
        </div>
      </dl>
      {round && round.extensions.length > 0 && (
        <ul class="plain-list extensions">
          {round.extensions.map((extension) => (
            <li class="hint">
              {t.extended(
                formatMoment(extension.from, lang),
                formatMoment(extension.to, lang),
                formatMoment(extension.at, lang),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The deadline and the time left, counted on the server's clock, every second while open. */
function Countdown({
  proposal,
  deadline: deadlineIso,
  onDeadline,
}: {
  proposal: Proposal;
  /** The proposal's deadline: a procedure without one shows no countdown. */
  deadline: string;
  onDeadline: () => void;
}) {
  const { t, lang } = useDecisionText();
  const open = proposal.status === "open";
  const deadline = Date.parse(deadlineIso);
  const now = useServerNow(proposal.now, open);
  const left = deadline - now;
  const passed = left <= 0;
  useEffect(() => {
    if (open && passed) onDeadline();
  }, [open, passed]);
  return (
    <>
      <time dateTime={deadlineIso} class="deadline-time">
        {formatMoment(deadlineIso, lang)}
      </time>
      {open && (
        <span
          class={`countdown${passed ? " is-passed" : left < 3_600_000 ? " is-soon" : ""}`}
          role="timer"
          data-testid="countdown"
        >
          {passed ? t.deadlinePassed : t.timeLeft(formatDuration(left, lang))}
        </span>
      )}
    </>
  );
}

function OutcomeBlock({ proposal, outcome }: { proposal: Proposal; outcome: Outcome }) {
  const { t, lang } = useDecisionText();
  // Concord gives its own explanations in the reader's language where it can (explanationLang),
  // in English as recorded otherwise; a chair's reason is as typed (null).
  const recordedIn = outcome.explanationLang;
  const decided = outcome.decidedOn
    ? formatDate(outcome.decidedOn, outcome.decidedOnPrecision, lang)
    : outcome.decidedAt
      ? formatMoment(outcome.decidedAt, lang)
      : null;
  return (
    <section class={`outcome outcome-${outcome.status}`} aria-labelledby="outcome-heading" data-testid="outcome">
      <span class="outcome-icon" aria-hidden="true">
        {outcome.status === "adopted" ? "✓" : outcome.status === "withdrawn" ? "↩" : "✕"}
      </span>
      <div class="outcome-body">
        <h2 id="outcome-heading">
          {t.outcome}: {t.statuses[outcome.status]}
        </h2>
        {decided && (
          <p class="outcome-date">
            {outcome.decidedOn && outcome.decidedOnPrecision !== "day" ? t.decidedIn(decided) : t.decidedOn(decided)}
          </p>
        )}
        <dl class="outcome-facts">
          <div>
            <dt>{t.rule}</dt>
            <dd>
              {t.rules[outcome.rule] ?? outcome.rule} <code class="rule-code">{outcome.rule}</code>
            </dd>
          </div>
          <div>
            <dt>{t.explanation}</dt>
            <dd>
              {recordedIn === "en" && lang !== "en" && <span class="muted">{t.explanationLanguage} </span>}
              <span lang={recordedIn ?? undefined} data-testid="explanation">
                {outcome.explanation}
              </span>
            </dd>
          </div>
        </dl>
        {proposal.reconstructed && <p class="outcome-note">{t.reconstructedNote}</p>}
        <p class="outcome-links">
          {outcome.relationId !== null && (
            <Link href={`/relations/${outcome.relationId}`} class="button">
              {t.relationLink} <span aria-hidden="true">→</span>
            </Link>
          )}
          {proposal.noticesIssued > 0 && <span class="muted">{t.noticesIssued(proposal.noticesIssued)}</span>}
        </p>
      </div>
    </section>
  );
}

function ProposalText({ proposal }: { proposal: Proposal }) {
  const { t, lang } = useDecisionText();
  const earlier = proposal.rounds.filter((round) => round.number !== proposal.round).reverse();
  return (
    <section class="proposal-text-section" aria-labelledby="text-heading">
      <h2 id="text-heading">{t.textOfRound(proposal.round)}</h2>
      <div class="card proposal-text" data-testid="proposal-text">
        <Markdown text={proposal.text} />
      </div>
      {earlier.length > 0 && (
        <div class="earlier-rounds">
          <h3>{t.earlierRounds}</h3>
          {earlier.map((round) => (
            <details class="round-details">
              <summary>
                {t.roundSummary(round.number, formatMoment(round.openedAt, lang))}
                {round.deadline && <span class="muted"> · {t.roundDeadline(formatMoment(round.deadline, lang))}</span>}
              </summary>
              <Markdown text={round.text} headingLevel={4} />
            </details>
          ))}
        </div>
      )}
    </section>
  );
}

const ORDER: Array<PositionKind | null> = ["concur", "concur-with-reservation", "amend", "object", "abstain", null];

function Grid({ proposal }: { proposal: Proposal }) {
  const { t, lang } = useDecisionText();
  if (proposal.reconstructed && proposal.positions.length === 0) return null;
  const counts = new Map<PositionKind | null, number>();
  for (const row of proposal.grid) counts.set(row.position, (counts.get(row.position) ?? 0) + 1);
  const own = proposal.abilities.speakFor;
  // Under a silence procedure, saying nothing is agreeing: the grid says so rather than "no position".
  const silent = silenceMeansAgreement(proposal);
  // In the reader's alphabet: Alemania before Bélgica in Spanish, Germany after France in English.
  const collator = new Intl.Collator(lang);
  const rows = [...proposal.grid].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section class="grid-section" aria-labelledby="grid-heading">
      <div class="section-heading">
        <h2 id="grid-heading">{t.gridTitle}</h2>
        <p class="muted" data-testid="tally">
          {t.tally(proposal.positionsTaken, proposal.members)}
        </p>
        <DataLinks
          path={`/proposals/${proposal.id}`}
          params={{}}
          what={t.gridCaption(proposal.members, proposal.round)}
        />
      </div>
      <div class="tally-bar" aria-hidden="true">
        {ORDER.filter((position) => counts.get(position)).map((position) => (
          <span
            class={`tally-segment position-${position ?? (silent ? "silent" : "none")}`}
            style={{ flexGrow: counts.get(position) }}
          />
        ))}
      </div>
      <ul class="tally-legend">
        {ORDER.filter((position) => counts.get(position)).map((position) => (
          <li>
            <PositionPill position={position} silent={silent} /> <strong>{counts.get(position)}</strong>
          </li>
        ))}
      </ul>
      <div class="table-wrap">
        <table class="data-table responsive-table grid-table" data-testid="grid">
          <caption class="visually-hidden">{t.gridCaption(proposal.members, proposal.round)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colState}</th>
              <th scope="col">{t.colPosition}</th>
              <th scope="col">{t.colStatement}</th>
              <th scope="col">{t.colWhen}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row: GridRow) => (
              <tr key={row.state} data-state={row.state} class={row.state === own ? "is-own" : undefined}>
                <th scope="row" data-label={t.colState}>
                  <span>
                    {row.name} <span class="muted code-suffix">{row.state}</span>
                    {row.state === own && <span class="you-tag">{t.yourDelegation}</span>}
                  </span>
                </th>
                <td data-label={t.colPosition}>
                  <span class="position-cell">
                    <PositionPill position={row.position} silent={silent} />
                    {row.brokeSilence && (
                      <span class="tag tag-silence">
                        <span aria-hidden="true">⚠ </span>
                        {t.brokeSilence}
                      </span>
                    )}
                  </span>
                </td>
                <td data-label={t.colStatement} class={row.statement ? undefined : "is-empty"}>
                  {row.statement ? (
                    <Markdown text={row.statement} class="statement" headingLevel={4} />
                  ) : (
                    <span class="muted">{t.none}</span>
                  )}
                </td>
                <td data-label={t.colWhen} class={row.castAt ? undefined : "is-empty"}>
                  {row.castAt ? (
                    <time dateTime={row.castAt}>{formatMoment(row.castAt, lang)}</time>
                  ) : (
                    <span class="muted">{t.none}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function History({ proposal }: { proposal: Proposal }) {
  const { t, lang } = useDecisionText();
  const names = new Map(proposal.grid.map((row) => [row.state, row.name]));
  const rounds = proposal.rounds.length > 1;
  return (
    <section class="history-section" aria-labelledby="history-heading">
      <div class="section-heading">
        <h2 id="history-heading">{t.historyTitle}</h2>
      </div>
      {proposal.positions.length === 0 ? (
        <p class="empty">{proposal.reconstructed ? t.noHistoryReconstructed : t.noHistory}</p>
      ) : (
        <>
          <p class="hint">{t.historyIntro}</p>
          <div class="table-wrap">
            <table class="data-table responsive-table history-table" data-testid="history">
              <caption class="visually-hidden">{t.historyCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colWhen}</th>
                  {rounds && <th scope="col">{t.colRound}</th>}
                  <th scope="col">{t.colState}</th>
                  <th scope="col">{t.colPosition}</th>
                  <th scope="col">{t.colStatement}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.positions.map((cast) => (
                  <tr key={cast.id}>
                    <th scope="row" data-label={t.colWhen}>
                      <time dateTime={cast.castAt}>{formatMoment(cast.castAt, lang, { seconds: true })}</time>
                    </th>
                    {rounds && <td data-label={t.colRound}>{cast.round}</td>}
                    <td data-label={t.colState}>
                      <span>
                        {names.get(cast.state) ?? cast.state} <span class="muted code-suffix">{cast.state}</span>
                      </span>
                    </td>
                    <td data-label={t.colPosition}>
                      <PositionPill position={cast.position} />
                    </td>
                    <td data-label={t.colStatement} class={cast.statement ? undefined : "is-empty"}>
                      {cast.statement ? (
                        <Markdown text={cast.statement} class="statement" headingLevel={4} />
                      ) : (
                        <span class="muted">{t.none}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
