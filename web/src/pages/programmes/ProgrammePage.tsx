import { useState } from "preact/hooks";
import { Confirm } from "../../components/Confirm.tsx";
import { FormStatus, focusField, FormAlerts } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { formatDate, formatInstant, fromLocalInput, toLocalInput } from "../../lib/dates.ts";
import { href, navigate, useLocation } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { DraftEditor } from "./DraftEditor.tsx";
import { partnerNameOf, periodText } from "./logic.ts";
import { PendingUpdates } from "./ResultsForms.tsx";
import { ProgrammeTree } from "./ProgrammeTree.tsx";
import {
  Breadcrumbs,
  describedBy,
  FieldError,
  ProgressMeter,
  ReconstructedTag,
  SideCard,
  useChangeForm,
  VersionStatusPill,
} from "./shared.tsx";
import {
  programmeOf,
  type ProgrammeDetail,
  type ProgrammeResponse,
  type ResultsResponse,
  type UpdatesResponse,
} from "./types.ts";

/** One programme: its header, the tree with progress and charts, its versions and what the reader may do. */
export default function ProgrammePage({ id }: { id: string }) {
  const { t, lang } = useProgrammeText();
  const { session } = useSession();
  const account = session?.account ?? null;
  const location = useLocation();
  const asked = location.query.get("version");
  const version = asked && /^\d+$/.test(asked) ? asked : null;
  const answer = useApi<ProgrammeResponse>(
    account ? apiUrl(`/programmes/${encodeURIComponent(id)}`, { version, lang }) : null,
    { cache: false },
  );
  const programme = answer.data ? programmeOf(answer.data) : undefined;
  const full = programme !== undefined && programme.tree !== null;
  const results = useApi<ResultsResponse>(
    full ? apiUrl(`/programmes/${encodeURIComponent(id)}/results`, { lang }) : null,
    { cache: false },
  );
  const reporter =
    account !== null &&
    (results.data?.indicators.some((indicator) => indicator.reporters.some((r) => r.id === account.id)) ?? false);
  const updates = useApi<UpdatesResponse>(
    full && (programme?.abilities.manageResults || reporter)
      ? apiUrl(`/programmes/${encodeURIComponent(id)}/updates`, { lang })
      : null,
    { cache: false },
  );
  const [editing, setEditing] = useState(false);
  const reload = () => {
    answer.retry();
    results.retry();
    updates.retry();
  };

  const title = t.programmePageTitle(id);
  if (!account) {
    return (
      <div class="page page-programme">
        <Breadcrumbs trail={[{ href: "/programmes", label: t.programmesTitle }]} current={title} />
        <h1>{title}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForProgrammes), { status: 401 })} />
      </div>
    );
  }
  if (answer.error && !(programme && answer.error.status === 0)) {
    return (
      <div class="page page-programme">
        <Breadcrumbs trail={[{ href: "/programmes", label: t.programmesTitle }]} current={title} />
        <h1>{title}</h1>
        {answer.error.status === 404 ? (
          <div class="error-box" role="alert" data-testid="programme-not-found">
            <p class="error-title">{t.programmeNotFound}</p>
            <p class="error-message">{answer.error.message}</p>
            <Link href="/programmes">{t.backToProgrammes}</Link>
          </div>
        ) : (
          <AccessErrorBox error={answer.error} onRetry={answer.retry} />
        )}
      </div>
    );
  }
  if (!programme) {
    return (
      <div class="page page-programme">
        <Breadcrumbs trail={[{ href: "/programmes", label: t.programmesTitle }]} current={title} />
        <h1 class="visually-hidden">{title}</h1>
        <Loading />
      </div>
    );
  }

  const partner = partnerNameOf(programme, lang);
  const shown = programme.version;
  const canEdit = programme.abilities.draft && shown.status === "draft" && programme.tree !== null;
  const heading = t.programmeHeading(
    partner,
    programme.kind,
    programme.period.start.slice(0, 4),
    programme.period.end.slice(0, 4),
  );
  return (
    <div class="page page-programme" data-version={shown.number} data-status={shown.status}>
      <Breadcrumbs trail={[{ href: "/programmes", label: t.programmesTitle }]} current={heading} />
      <div class="page-heading prog-heading">
        <p class="eyebrow">
          {programme.organization} · {t.kindName(programme.kind)}
        </p>
        <h1>{heading}</h1>
        <p class="prog-badges">
          <VersionStatusPill status={shown.status} />
          <span class="prog-version-tag">{t.versionNumber(shown.number)}</span>
          {programme.reconstructed && <ReconstructedTag />}
        </p>
        <dl class="prog-facts">
          <div>
            <dt>{t.colPartner}</dt>
            <dd>
              <Link href={`/actors/${programme.partner}`}>{partner}</Link>
            </dd>
          </div>
          <div>
            <dt>{t.colPeriod}</dt>
            <dd>{periodText(programme.period, lang)}</dd>
          </div>
          <div>
            <dt>{t.colInForce}</dt>
            <dd>{programme.inForce === null ? t.noVersionInForce : t.versionNumber(programme.inForce)}</dd>
          </div>
          {full && (
            <div>
              <dt>{t.colProgress}</dt>
              <dd>
                <ProgressMeter share={programme.progress} testId="programme-progress" />
              </dd>
            </div>
          )}
        </dl>
      </div>

      {shown.status === "proposed" && shown.proposalId !== null && (
        <ProposedBanner proposalId={shown.proposalId} number={shown.number} />
      )}

      <div class="prog-layout">
        <div class="prog-main">
          <section class="prog-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t.summaryHeading}</h2>
            {shown.summary ? (
              <p class="prog-summary-text" data-testid="programme-summary">
                {shown.summary}
              </p>
            ) : (
              <p class="muted">{t.noSummary}</p>
            )}
          </section>

          {programme.tree === null ? (
            <p class="prog-summary-only" data-testid="summary-only">
              <span aria-hidden="true">ℹ </span>
              {t.summaryOnly}
            </p>
          ) : (
            <>
              {programme.abilities.manageResults &&
                updates.data?.updates.some((update) => update.status === "pending-approval") && (
                  <PendingUpdates
                    updates={updates.data.updates}
                    indicators={results.data?.indicators ?? []}
                    onChanged={reload}
                  />
                )}
              {editing && canEdit ? (
                <DraftEditor
                  programme={programme}
                  onSaved={() => {
                    setEditing(false);
                    reload();
                  }}
                  onCancel={() => {
                    setEditing(false);
                    focusField("edit-draft");
                  }}
                />
              ) : (
                <ProgrammeTree
                  programme={programme}
                  tree={programme.tree}
                  results={results.data}
                  resultsError={results.error}
                  updates={updates.data?.updates ?? []}
                  accountId={account.id}
                  onChanged={reload}
                  editButton={
                    canEdit ? (
                      <button
                        type="button"
                        class="button button-primary"
                        id="edit-draft"
                        data-testid="edit-draft"
                        onClick={() => setEditing(true)}
                      >
                        {t.editDraft}
                      </button>
                    ) : null
                  }
                />
              )}
            </>
          )}
        </div>
        <div class="prog-side">
          <VersionsCard programme={programme} />
          <ActionsCard programme={programme} onChanged={reload} />
          <SideCard id="data-heading" title={t.dataHeading}>
            <ul class="prog-data-links">
              <li>
                <a
                  href={apiUrl(`/programmes/${encodeURIComponent(id)}`, { version, lang })}
                  type="application/json"
                  data-testid="json-link"
                >
                  <span aria-hidden="true">{"{ } "}</span>
                  {t.programmeJson}
                </a>
              </li>
              {full && results.data && (
                <li>
                  <a
                    href={apiUrl(`/programmes/${encodeURIComponent(id)}/results`, { format: "csv", lang })}
                    type="text/csv"
                    download
                  >
                    <span aria-hidden="true">⤓ </span>
                    {t.resultsCsv}
                  </a>
                </li>
              )}
              {full && (
                <li>
                  <a href={apiUrl(`/programmes/${encodeURIComponent(id)}/iati`)} type="application/xml">
                    <span aria-hidden="true">⤓ </span>
                    {t.iatiLink}
                  </a>
                </li>
              )}
            </ul>
          </SideCard>
        </div>
      </div>
    </div>
  );
}

/** The version proposed: the decision's link, and its deadline when the reader may see the proposal. */
function ProposedBanner({ proposalId, number }: { proposalId: number; number: number }) {
  const { t, lang } = useProgrammeText();
  const proposal = useApi<{ proposal: { deadline: string | null; body: { name: string }; status: string } }>(
    apiUrl(`/proposals/${proposalId}`, { lang }),
    { cache: false },
  );
  const deadline = proposal.data?.proposal.deadline ?? null;
  return (
    <div class="banner prog-banner" role="status" data-testid="proposed-banner">
      <span class="banner-icon" aria-hidden="true">
        ⏳
      </span>
      <div class="banner-body">
        <p>
          <strong>{t.proposedBanner(number)}</strong>{" "}
          {proposal.data &&
            deadline &&
            t.proposedUntil(proposal.data.proposal.body.name, formatInstant(deadline, lang))}
        </p>
        <Link href={`/proposals/${proposalId}`}>{t.followDecision(proposalId)}</Link>
      </div>
    </div>
  );
}

/** Every version, the one shown marked; a switcher, and "Compare with…". */
function VersionsCard({ programme }: { programme: ProgrammeDetail }) {
  const { t, lang } = useProgrammeText();
  const shown = programme.version.number;
  const versions = [...programme.versions].sort((a, b) => b.number - a.number);
  const others = versions.filter((v) => v.number !== shown);
  const [picked, setOther] = useState<string>(String(others[0]?.number ?? ""));
  // The version shown changes under the same card (the switcher keeps its focus): never compare a version with itself.
  const other = others.some((v) => String(v.number) === picked) ? picked : String(others[0]?.number ?? "");
  // A version's source by its title, when the tree cites it too.
  const sources = new Map<string, string>();
  for (const objective of programme.tree ?? [])
    for (const node of [objective, ...objective.goals, ...objective.goals.flatMap((goal) => goal.activities)])
      if (node.source) sources.set(node.source.id, node.source.title);
  const compareHref = (with_: number) =>
    href(`/programmes/${programme.id}/compare`, {
      from: String(Math.min(shown, with_)),
      to: String(Math.max(shown, with_)),
    });
  return (
    <SideCard id="versions-heading" title={t.versionsHeading} testId="versions">
      <div class="field">
        <label for="version-switcher">{t.versionSwitcherLabel}</label>
        <select
          id="version-switcher"
          value={String(shown)}
          onChange={(event) =>
            navigate(href(`/programmes/${programme.id}`, { version: event.currentTarget.value }), { replace: false })
          }
        >
          {versions.map((v) => (
            <option value={String(v.number)}>{t.versionOption(v.number, t.versionStatuses[v.status])}</option>
          ))}
        </select>
      </div>
      <ol class="prog-versions" reversed>
        {versions.map((v) => (
          <li key={v.number} data-version={v.number} class={v.number === shown ? "is-shown" : undefined}>
            <div class="prog-version-head">
              {v.number === shown ? (
                <strong aria-current="page">{t.versionNumber(v.number)}</strong>
              ) : (
                <Link href={href(`/programmes/${programme.id}`, { version: String(v.number) })}>
                  {t.versionNumber(v.number)}
                </Link>
              )}
              <VersionStatusPill status={v.status} />
            </div>
            {(v.inForceFrom || v.inForceUntil) && (
              <p class="small-note">
                {v.inForceUntil
                  ? t.inForceFromUntil(
                      v.inForceFrom ? formatDate(v.inForceFrom, "day", lang) : t.none,
                      formatDate(v.inForceUntil, "day", lang),
                    )
                  : t.inForceSince(v.inForceFrom ? formatDate(v.inForceFrom, "day", lang) : t.none)}
              </p>
            )}
            {(v.proposalId !== null || v.sourceId) && (
              <p class="small-note prog-version-links">
                {v.proposalId !== null && (
                  <Link href={`/proposals/${v.proposalId}`}>
                    {v.status === "proposed"
                      ? t.proposedIn(v.proposalId)
                      : v.status === "not-agreed"
                        ? t.notAgreedIn(v.proposalId)
                        : t.agreementLink(v.proposalId)}
                  </Link>
                )}
                {/* A decision's own source says no more than its link. */}
                {v.sourceId && v.sourceId !== `decision-${v.proposalId}` && (
                  <span class="muted">
                    {t.source}: {sources.get(v.sourceId) ?? <code>{v.sourceId}</code>}
                  </span>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
      {others.length > 0 && (
        <form
          class="prog-compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (other) navigate(compareHref(Number(other)));
          }}
        >
          <div class="field">
            <label for="compare-with">{t.compareWithLabel}</label>
            <select id="compare-with" value={other} onChange={(event) => setOther(event.currentTarget.value)}>
              {others.map((v) => (
                <option value={String(v.number)}>{t.versionOption(v.number, t.versionStatuses[v.status])}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="button" data-testid="compare-button">
            {t.compareWith}
          </button>
        </form>
      )}
    </SideCard>
  );
}

/** What the reader may do with this version: propose it for agreement, or start a new draft. */
function ActionsCard({ programme, onChanged }: { programme: ProgrammeDetail; onChanged: () => void }) {
  const { t } = useProgrammeText();
  const shown = programme.version;
  const open = programme.versions.some((v) => v.status === "draft" || v.status === "proposed");
  const propose = programme.abilities.propose && shown.status === "draft";
  const newVersion = programme.abilities.newVersion ?? (programme.abilities.draft && !open);
  const openDraft = programme.versions.find((v) => v.status === "draft" && v.number !== shown.number);
  if (!propose && !newVersion && !openDraft) return null;
  return (
    <SideCard id="actions-heading" title={t.actionsHeading} testId="programme-actions">
      {openDraft && programme.abilities.draft && (
        <p>
          <Link href={href(`/programmes/${programme.id}`, { version: String(openDraft.number) })}>
            {t.goToDraft(openDraft.number)}
          </Link>
        </p>
      )}
      {propose && <ProposeForm programme={programme} onChanged={onChanged} />}
      {newVersion && <NewVersionButton programme={programme} />}
    </SideCard>
  );
}

function ProposeForm({ programme, onChanged }: { programme: ProgrammeDetail; onChanged: () => void }) {
  const { t, lang } = useProgrammeText();
  const [deadline, setDeadline] = useState(() => {
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    inAWeek.setHours(12, 0, 0, 0);
    return toLocalInput(inAWeek.getTime());
  });
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm("propose");
  const number = programme.version.number;
  // Where the version goes: the API's word when it gives one, else the body that agreed the last
  // version through Concord (the organisation's request body, the same each time).
  const earlier = [...programme.versions].reverse().find((v) => v.proposalId !== null)?.proposalId ?? null;
  const previous = useApi<{ proposal: { body: { name: string }; procedure: { kind: string } } }>(
    programme.agreement || earlier === null ? null : apiUrl(`/proposals/${earlier}`, { lang }),
    { cache: false },
  );
  const agreement = programme.agreement ?? previous.data?.proposal ?? null;
  const body = agreement?.body.name ?? t.defaultCouncil;
  const silence = (agreement?.procedure?.kind ?? "silence") === "silence";
  const when = fromLocalInput(deadline);

  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (!when) found.deadline = t.deadlineNeeded;
    else if (Date.parse(when) <= Date.now()) found.deadline = t.deadlineInFuture;
    if (form.check(found)) setConfirming(true);
  };
  const propose = async () => {
    const answer = await form.run(
      async (key) => {
        await send<unknown>(
          "POST",
          `/programmes/${programme.id}/agreement?lang=${lang}`,
          { deadline: when },
          { idempotencyKey: key },
        );
        return true;
      },
      (path) => path === "deadline" || path === "text",
    );
    setConfirming(false);
    if (answer) {
      setDone(t.proposedDone(number));
      onChanged();
    }
  };
  const field = form.field("deadline");
  return (
    <div class="prog-action" data-testid="propose-form">
      <h3>{t.proposeHeading}</h3>
      <p class="hint">{t.proposeIntro}</p>
      <form class="stack-form" onSubmit={submit} noValidate>
        <FormAlerts form={form} />
        <div class="field">
          <label for={field.id}>{silence ? t.silenceUntilLabel : t.deadlineLabel}</label>
          <input
            id={field.id}
            type="datetime-local"
            class="input"
            value={deadline}
            aria-invalid={field.error ? true : undefined}
            aria-describedby={describedBy(field.id, field.error)}
            onInput={(e) => setDeadline(e.currentTarget.value)}
          />
          <FieldError {...field} />
        </div>
        <div class="form-actions">
          <button type="submit" id="propose-submit" class="button button-primary" disabled={form.pending}>
            {t.proposeButton}
          </button>
        </div>
        <FormStatus message={done} />
      </form>
      <Confirm
        open={confirming}
        title={t.proposeTitle(number)}
        confirmLabel={silence ? t.proposeConfirmSilence : t.proposeConfirm}
        cancelLabel={t.cancel}
        danger={false}
        pending={form.pending}
        onConfirm={() => void propose()}
        onCancel={() => setConfirming(false)}
      >
        <p data-testid="propose-effect">
          {silence
            ? t.proposeEffectSilence(body, when ? formatInstant(when, lang) : "", number)
            : t.proposeEffect(body, number)}
        </p>
      </Confirm>
    </div>
  );
}

function NewVersionButton({ programme }: { programme: ProgrammeDetail }) {
  const { t, lang } = useProgrammeText();
  const form = useChangeForm("new-version");
  const start = async () => {
    const answer = await form.run(
      (key) =>
        send<ProgrammeResponse>("POST", `/programmes/${programme.id}/versions?lang=${lang}`, undefined, {
          idempotencyKey: key,
        }),
      () => false,
    );
    if (answer) {
      const created = programmeOf(answer);
      navigate(href(`/programmes/${programme.id}`, { version: String(created.version.number) }));
    }
  };
  return (
    <div class="prog-action" data-testid="new-version">
      <h3>{t.newVersion}</h3>
      <p class="hint">{t.newVersionIntro}</p>
      <FormAlerts form={form} />
      <button type="button" id="new-version-submit" class="button" disabled={form.pending} onClick={() => void start()}>
        {t.newVersion}
      </button>
    </div>
  );
}
