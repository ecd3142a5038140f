import { useEffect, useState } from "preact/hooks";
import { Confirm } from "../../components/Confirm.tsx";
import { FormStatus, FormAlerts } from "../../components/Form.tsx";
import { ErrorBox } from "../../components/Status.tsx";
import { useDecisionText } from "../../i18n/decisions/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import type { ActorsResponse, StatusNotice, StatusNoticeResponse, StatusNoticesResponse } from "../../lib/types.ts";
import { TextArea, useChangeForm } from "./shared.tsx";

const CHANGED = "concord:status-notices-changed";

/** Tells the notices section that a notice was filed here, so that it shows it at once. */
export function announceNoticesChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The suspension and withdrawal notices given to the reader's organisation, where each stands
 * (awaiting acknowledgement, acknowledged, withdrawn, in effect), with the actions the server
 * allows this reader on each: the secretariat acknowledges, as depositary; the delegation that
 * gave a notice may withdraw it until it takes effect. A delegation sees its own state's notices.
 */
export function NoticesSection({ organization }: { organization: string }) {
  const { t, lang } = useDecisionText();
  const { session } = useSession();
  const list = useApi<StatusNoticesResponse>(
    apiUrl(`/organizations/${encodeURIComponent(organization)}/status-notices`, {}),
    { cache: false },
  );
  const actors = useApi<ActorsResponse>(apiUrl("/actors", { lang }));
  const [done, setDone] = useState<string | null>(null);
  const retry = list.retry;
  useEffect(() => {
    const again = () => retry();
    window.addEventListener(CHANGED, again);
    return () => window.removeEventListener(CHANGED, again);
  }, [retry]);

  const account = session?.account;
  if (!account) return null;
  // Nothing to show to whom the server does not show it (403): the section stays out of the way.
  if (list.error && (list.error.status === 401 || list.error.status === 403)) return null;
  const own = account.delegation?.state ?? null;
  const notices = (list.data?.notices ?? []).filter((notice) => own === null || notice.state === own);
  // A state by its name; an organisation by its short name in the reader's language (UNASUR, OTAN),
  // which reads in a sentence without an article.
  const nameOf = (code: string) => {
    const actor = actors.data?.actors.find((candidate) => candidate.code === code);
    return actor?.abbreviation ?? actor?.name ?? code;
  };
  // The secretariat chairs its organisation's bodies and is the depositary of its notices.
  const secretariat = session?.abilities.decisions.chair === true;
  const intro = own
    ? t.noticesIntroDelegation
    : secretariat
      ? t.noticesIntroSecretariat(nameOf(organization))
      : t.noticesIntroOthers(nameOf(organization));

  return (
    <section class="card notices-section" aria-labelledby="notices-heading" data-testid="status-notices">
      <h2 id="notices-heading">{t.noticesTitle}</h2>
      <p class="hint">{intro}</p>
      {list.error ? (
        <ErrorBox error={list.error} onRetry={list.retry} />
      ) : !list.data ? null : notices.length === 0 ? (
        <p class="empty">{t.noNotices}</p>
      ) : (
        <ul class="notices-list">
          {notices.map((notice) => (
            <NoticeItem
              key={notice.id}
              notice={notice}
              nameOf={nameOf}
              onChanged={(message) => {
                setDone(message);
                list.retry();
              }}
            />
          ))}
        </ul>
      )}
      <FormStatus message={done} />
    </section>
  );
}

function NoticeItem({
  notice,
  nameOf,
  onChanged,
}: {
  notice: StatusNotice;
  nameOf: (code: string) => string;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useDecisionText();
  const [asking, setAsking] = useState<"acknowledge" | "withdraw" | null>(null);
  const [statement, setStatement] = useState("");
  const form = useChangeForm(`notice-${notice.id}`);
  const day = (date: string) => formatDate(date, "day", lang);
  const state = nameOf(notice.state);
  const organization = nameOf(notice.organization);
  const effective = day(notice.effectiveOn);
  const abilities = notice.abilities ?? { acknowledge: false, withdraw: false };

  const act = async () => {
    const which = asking;
    setAsking(null);
    const answer = await form.run(
      (key) =>
        which === "acknowledge"
          ? send<StatusNoticeResponse>("POST", `/status-notices/${notice.id}/acknowledgement`, undefined, {
              idempotencyKey: key,
            })
          : send<StatusNoticeResponse>(
              "POST",
              `/status-notices/${notice.id}/withdraw`,
              statement.trim() ? { statement: statement.trim() } : {},
              { idempotencyKey: key },
            ),
      [],
    );
    if (answer) onChanged(which === "acknowledge" ? t.noticeAcknowledged : t.noticeWithdrawnDone);
  };

  return (
    <li class="notice-item" data-notice={notice.id} data-stage={notice.stage}>
      <div class="notice-head">
        <h3 class="notice-title">
          {t.noticeKinds[notice.kind]} · {state}
        </h3>
        <span class={`tag notice-stage is-${notice.stage}`}>{t.noticeStages[notice.stage]}</span>
      </div>
      <p>{t.noticeDates(day(notice.filedOn), effective)}</p>
      <p class="muted">{t.noticeConsequence(notice.kind, state, organization, effective)}</p>
      {notice.statement && (
        <blockquote class="notice-statement">
          <span class="visually-hidden">{t.noticeStatementLabel}: </span>
          {notice.statement}
        </blockquote>
      )}
      {notice.acknowledgedAt && notice.stage !== "withdrawn" && (
        <p class="muted small-note">{t.noticeAcknowledgedOn(day(notice.acknowledgedAt.slice(0, 10)))}</p>
      )}
      {notice.withdrawnAt && (
        <p class="muted small-note">
          {t.noticeWithdrawnOn(day(notice.withdrawnAt.slice(0, 10)))}
          {notice.withdrawalStatement && ` ${t.noticeWithdrawalReason}: ${notice.withdrawalStatement}`}
        </p>
      )}
      <FormAlerts form={form} />
      {(abilities.acknowledge || abilities.withdraw) && (
        <div class="form-actions">
          {abilities.acknowledge && (
            <button
              type="button"
              id={`notice-${notice.id}-acknowledge`}
              class="button button-primary"
              disabled={form.pending}
              onClick={() => setAsking("acknowledge")}
            >
              {form.pending ? t.sending : t.acknowledgeNotice}
            </button>
          )}
          {abilities.withdraw && (
            <button
              type="button"
              id={`notice-${notice.id}-submit`}
              class="button"
              disabled={form.pending}
              onClick={() => setAsking("withdraw")}
            >
              {form.pending ? t.sending : t.withdrawNotice}
            </button>
          )}
        </div>
      )}
      <Confirm
        open={asking === "acknowledge"}
        title={t.acknowledgeNoticeTitle(state, notice.kind)}
        confirmLabel={t.acknowledgeNoticeConfirm}
        cancelLabel={t.cancel}
        danger={false}
        pending={form.pending}
        onConfirm={act}
        onCancel={() => setAsking(null)}
      >
        <p>
          <strong>{t.noticeConsequence(notice.kind, state, organization, effective)}</strong>
        </p>
        <p>{t.acknowledgeNoticeText(state, day(notice.filedOn))}</p>
      </Confirm>
      <Confirm
        open={asking === "withdraw"}
        title={t.withdrawNoticeTitle(notice.kind, organization)}
        confirmLabel={t.withdrawNotice}
        cancelLabel={t.cancel}
        pending={form.pending}
        onConfirm={act}
        onCancel={() => setAsking(null)}
      >
        <p>
          <strong>{t.withdrawNoticeText(notice.kind, state, organization, effective)}</strong>
        </p>
        <TextArea
          id={`notice-${notice.id}-statement`}
          label={t.withdrawNoticeStatement}
          value={statement}
          onInput={setStatement}
          required={false}
          rows={3}
          maxLength={20_000}
        />
      </Confirm>
    </li>
  );
}
