import { useEffect, useState } from "preact/hooks";
import { DataLinks } from "../../components/DataLinks.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, ErrorBox, Loading } from "../../components/Status.tsx";
import { useDecisionText } from "../../i18n/decisions/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { byDeadline } from "../../lib/proposal-states.ts";
import { href, setQuery, type Location } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import type { BodiesResponse, ProposalSummary, ProposalsResponse } from "../../lib/types.ts";
import { announceNoticesChanged, NoticesSection } from "./Notices.tsx";
import { StartPanel } from "./StartForms.tsx";
import {
  formatDuration,
  formatMoment,
  LiveIndicator,
  procedureText,
  ReconstructedTag,
  StatusPill,
  useCoalesced,
  useLiveEvents,
  useServerNow,
} from "./shared.tsx";

type View = "open" | "needs" | "closed";
const PAGE_SIZE = 100;

/** Proposals before the reader's bodies: open ones, those waiting for its delegation, closed ones. */
export default function ProposalsPage({ location }: { location: Location }) {
  const { t, lang } = useDecisionText();
  const { session } = useSession();
  const account = session?.account ?? null;
  const delegation = account?.delegation ?? null;
  const asked = location.query.get("view");
  const view: View = asked === "closed" ? "closed" : asked === "needs" && delegation ? "needs" : "open";
  const body = location.query.get("body") || null;
  const beforeRaw = location.query.get("before");
  const before = beforeRaw && /^\d+$/.test(beforeRaw) ? beforeRaw : null;

  const signedIn = account !== null;
  const list = useApi<ProposalsResponse>(
    signedIn
      ? apiUrl("/proposals", {
          status: view === "closed" ? "closed" : "open",
          needs: view === "needs" ? "position" : null,
          body,
          before,
          lang,
        })
      : null,
    { cache: false },
  );
  // How many wait for the delegation, for the tab's count.
  const needs = useApi<ProposalsResponse>(
    signedIn && delegation ? apiUrl("/proposals", { status: "open", needs: "position", lang }) : null,
    { cache: false },
  );
  const bodies = useApi<BodiesResponse>(signedIn ? apiUrl("/bodies", { lang }) : null, { cache: false });
  const refresh = () => {
    list.retry();
    if (delegation) needs.retry();
  };
  const soon = useCoalesced(refresh);
  // Another person's notice (filed, acknowledged, withdrawn, in effect) shows without a reload.
  const live = useLiveEvents(
    (event) => {
      if (event.type.startsWith("notice.")) announceNoticesChanged();
      soon();
    },
    () => {
      refresh();
      announceNoticesChanged();
    },
    signedIn,
  );

  if (!account) {
    return (
      <div class="page page-decisions">
        <h1>{t.decisionsTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForDecisions), { status: 401 })} />
      </div>
    );
  }

  const tabs: Array<{ view: View; label: string; count?: number }> = [
    { view: "open", label: t.viewOpen },
    ...(delegation ? [{ view: "needs" as const, label: t.viewNeeds, count: needs.data?.proposals.length }] : []),
    { view: "closed", label: t.viewClosed },
  ];
  const listed = list.data?.proposals ?? [];
  // What waits for the delegation comes deadlines first, the nearest at the top.
  const proposals = view === "needs" ? byDeadline(listed) : listed;
  const forbidden = list.error && (list.error.status === 401 || list.error.status === 403) ? list.error : null;
  // A full page may have older ones behind it: the next page starts before this one's oldest.
  const oldest = listed.length === PAGE_SIZE ? listed.at(-1) : undefined;

  const startAndNotices = (
    <>
      <StartPanel bodies={bodies.data?.bodies} />
      <NoticesSection organization={account.organization} />
    </>
  );

  return (
    <div class="page page-decisions">
      <div class="page-heading decisions-heading">
        <div>
          <p class="eyebrow">
            {account.organization}
            {delegation && ` · ${delegation.state}`}
          </p>
          <h1>{t.decisionsTitle}</h1>
          <p class="lede">{t.decisionsIntro}</p>
        </div>
        <LiveIndicator state={live} />
      </div>

      {/* What waits for the delegation comes first on its landing page; starting something, after. */}
      {view !== "needs" && startAndNotices}

      <nav class="tabs decision-tabs" aria-label={t.views}>
        <ul>
          {tabs.map((tab) => (
            <li>
              <Link
                href={href("/proposals", { view: tab.view === "open" ? null : tab.view, body })}
                aria-current={view === tab.view ? "page" : undefined}
              >
                {tab.label}
                {tab.count !== undefined && tab.count > 0 && (
                  <span class="tab-count" data-testid="needs-count">
                    {tab.count}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {forbidden ? (
        <AccessErrorBox error={forbidden} />
      ) : (
        <section aria-labelledby="proposals-heading" aria-busy={list.loading}>
          <div class="toolbar">
            <h2 id="proposals-heading" class="visually-hidden">
              {t.proposalsCaption[view]}
            </h2>
            <DataLinks
              path="/proposals"
              params={{
                status: view === "closed" ? "closed" : "open",
                needs: view === "needs" ? "position" : null,
                body,
                before,
              }}
              what={t.proposalsCaption[view]}
            />
            {bodies.data && bodies.data.bodies.length > 1 && (
              <div class="field toolbar-filter">
                <label for="body-filter">{t.filterBody}</label>
                <select
                  id="body-filter"
                  value={body ?? ""}
                  onChange={(event) => setQuery({ body: event.currentTarget.value || null, before: null })}
                >
                  <option value="">{t.allBodies}</option>
                  {bodies.data.bodies.map((b) => (
                    <option value={b.id}>{b.name}</option>
                  ))}
                </select>
              </div>
            )}
            {list.data && (
              <p class="toolbar-count muted" aria-live="polite">
                {t.count(proposals.length)}
              </p>
            )}
          </div>
          {list.error ? (
            <ErrorBox error={list.error} onRetry={list.retry} />
          ) : !list.data ? (
            <Loading />
          ) : proposals.length === 0 ? (
            <p class="empty">{view === "open" ? t.noOpen : view === "needs" ? t.noNeeds : t.noClosed}</p>
          ) : (
            <ProposalTable proposals={proposals} serverNow={list.data?.now} view={view} busy={list.loading} />
          )}
          {oldest && (
            <nav class="pager" aria-label={t.views}>
              <span class="pager-spacer" />
              <button
                type="button"
                class="button"
                onClick={() => setQuery({ before: String(oldest.id) }, { replace: false })}
              >
                {t.showOlder} →
              </button>
            </nav>
          )}
        </section>
      )}
      {view === "needs" && startAndNotices}
    </div>
  );
}

/** Re-renders every 30 seconds, so that "time left" in a list stays roughly true. */
function useHalfMinuteTick(): void {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
}

function ProposalTable({
  proposals,
  serverNow,
  view,
  busy,
}: {
  proposals: ProposalSummary[];
  serverNow: string | undefined;
  view: View;
  busy: boolean;
}) {
  const { t, lang } = useDecisionText();
  useHalfMinuteTick();
  // The server's clock keeps the deadlines; a reader's computer may be wrong.
  const now = useServerNow(serverNow, false);
  const closed = view === "closed";
  return (
    <div class={`table-wrap${busy ? " is-busy" : ""}`}>
      <table class="data-table responsive-table proposals-table" data-testid="proposals">
        <caption class="visually-hidden">{t.proposalsCaption[view]}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colProposal}</th>
            <th scope="col">{t.colProcedure}</th>
            {closed ? (
              <>
                <th scope="col">{t.colOutcome}</th>
                <th scope="col">{t.colDecided}</th>
              </>
            ) : (
              <>
                <th scope="col">{t.colDeadline}</th>
                <th scope="col">{t.colPositions}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => {
            const left = proposal.deadline ? Date.parse(proposal.deadline) - now : null;
            return (
              <tr key={proposal.id} data-proposal={proposal.id}>
                <th scope="row" data-label={t.colProposal}>
                  <span class="proposal-cell">
                    <Link href={`/proposals/${proposal.id}`} class="proposal-link">
                      {proposal.title}
                    </Link>
                    <span class="proposal-meta">
                      <span class="muted">
                        {proposal.body.name} · {t.purposes[proposal.purpose]} {proposal.id}
                      </span>
                      {!closed && proposal.silenceBrokenBy.length > 0 && <StatusPill status="silence-broken" />}
                      {!closed && proposal.needsPosition && (
                        <span class="tag tag-needs">
                          <span aria-hidden="true">● </span>
                          {t.needsYou}
                        </span>
                      )}
                    </span>
                  </span>
                </th>
                <td data-label={t.colProcedure}>
                  <span>{procedureText(proposal.procedure, null, t, lang)}</span>
                </td>
                {closed ? (
                  <>
                    <td data-label={t.colOutcome}>
                      <span class="outcome-cell">
                        <StatusPill status={proposal.status} />
                        {proposal.reconstructed && <ReconstructedTag />}
                      </span>
                    </td>
                    <td data-label={t.colDecided}>
                      <span>
                        {proposal.decidedOn
                          ? formatDate(proposal.decidedOn, proposal.decidedOnPrecision, lang)
                          : proposal.decidedAt
                            ? formatMoment(proposal.decidedAt, lang)
                            : t.none}
                      </span>
                    </td>
                  </>
                ) : (
                  <>
                    <td data-label={t.colDeadline}>
                      {proposal.deadline ? (
                        <span class="deadline-cell">
                          <time dateTime={proposal.deadline}>{formatMoment(proposal.deadline, lang)}</time>
                          <span class={`muted small-note${left !== null && left < 86_400_000 ? " is-soon" : ""}`}>
                            {left !== null && left > 0
                              ? t.timeLeft(formatDuration(left, lang, { seconds: false }))
                              : t.deadlinePassed}
                          </span>
                        </span>
                      ) : (
                        <span class="muted">{t.noDeadline}</span>
                      )}
                    </td>
                    <td data-label={t.colPositions}>
                      <Progress taken={proposal.positionsTaken} members={proposal.members} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Progress({ taken, members }: { taken: number; members: number }) {
  const { t } = useDecisionText();
  const share = members > 0 ? Math.min(100, Math.round((taken / members) * 100)) : 0;
  return (
    <span class="progress-cell">
      <span class="progress-text">{t.positionsTaken(taken, members)}</span>
      <span class="progress-bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </span>
    </span>
  );
}
