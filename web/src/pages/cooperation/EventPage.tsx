import { useEffect, useState } from "preact/hooks";
import { COOPERATION_LIMITS, type EventStatus } from "../../../../src/domain/cooperation.ts";
import { activityTypeName, areaName } from "../../../../src/domain/cooperation-names.ts";
import { isLanguage } from "../../../../src/domain/languages.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { fieldError, FormError, FormStatus, TextField } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useCooperationText, type CooperationText } from "../../i18n/cooperation/index.ts";
import { ApiError, apiUrl, send, useApi } from "../../lib/api.ts";
import {
  dateRangeText,
  durationText,
  EligibleTag,
  EventStatusPill,
  formatMoment,
  NominationStatusPill,
  placeText,
  SelectField,
  timeZoneName,
  useChangeForm,
  useReader,
  useRegistryNames,
} from "./shared.tsx";
import type { EventDetail, Nomination } from "./types.ts";

/** Where an event may go next, and the button that takes it there (the server refuses anything else). */
const NEXT: Record<EventStatus, Array<Exclude<EventStatus, "proposed">>> = {
  proposed: ["approved", "cancelled"],
  approved: ["confirmed", "cancelled"],
  confirmed: ["held", "cancelled"],
  held: [],
  cancelled: [],
};

/** Re-renders every 30 seconds, so that "time left" and a passing deadline show without a reload. */
function useHalfMinute(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * `/events/{id}`: an event's details and its nomination deadline in the reader's time zone; the
 * secretariat moves it along (approve, confirm, held, cancel: each asks first, naming the effect)
 * and records its report; the reader's delegation nominates participants (or is told why it
 * cannot); nominees are listed to those who may see their names, and counted for everyone else.
 */
export default function EventPage({ id }: { id: string }) {
  const { t, lang } = useCooperationText();
  const reader = useReader();
  const answer = useApi<EventDetail>(reader.account ? apiUrl(`/events/${encodeURIComponent(id)}`, { lang }) : null, {
    cache: false,
  });
  const now = useHalfMinute();
  const [notice, setNotice] = useState<string | null>(null);
  const names = useRegistryNames(answer.data?.organization ?? reader.organization);

  if (!reader.account) {
    return (
      <div class="page page-event">
        <h1>{t.eventPageTitle(id)}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForEvents), { status: 401 })} />
      </div>
    );
  }
  if (answer.error && !answer.data) {
    return (
      <div class="page page-event">
        <p class="breadcrumbs">
          <Link href="/events">← {t.allEvents}</Link>
        </p>
        <h1>{t.eventPageTitle(id)}</h1>
        <AccessErrorBox error={answer.error} onRetry={answer.retry} />
      </div>
    );
  }
  const event = answer.data;
  if (!event) {
    return (
      <div class="page page-event">
        <h1>{t.eventPageTitle(id)}</h1>
        <Loading />
      </div>
    );
  }

  const reading = isLanguage(lang) ? lang : "en";
  const deadlineMs = Date.parse(event.nominationDeadline);
  const left = deadlineMs - now;
  const stateName = (code: string) => names.stateNames.get(code) ?? code;

  return (
    <div class="page page-event" aria-busy={answer.loading}>
      <p class="breadcrumbs">
        <Link href={`/events?month=${event.startsOn.slice(0, 7)}`}>← {t.allEvents}</Link>
      </p>
      <div class="page-heading event-heading">
        <p class="eyebrow">
          {event.organization}
          {event.menuItem &&
            ` · ${areaName(event.menuItem.area, reading)} · ${activityTypeName(event.menuItem.type, reading)}`}
        </p>
        <h1>{event.title}</h1>
        <p class="event-heading-tags">
          <EventStatusPill status={event.status} t={t} />
          <EligibleTag eligible={event.eligible} t={t} />
        </p>
      </div>
      <FormStatus message={notice} />

      <div class="event-layout">
        <div class="event-main">
          <section class="card" aria-labelledby="event-details-heading">
            <h2 id="event-details-heading">{t.eventDetails}</h2>
            <dl class="facts event-facts">
              <div>
                <dt>{t.eventDates}</dt>
                <dd>{dateRangeText(event.startsOn, event.endsOn, lang)}</dd>
              </div>
              <div>
                <dt>{t.eventPlace}</dt>
                <dd>{placeText(event, t)}</dd>
              </div>
              <div>
                <dt>{t.eventProvider}</dt>
                <dd>{event.provider}</dd>
              </div>
              <div>
                <dt>{t.eventCapacity}</dt>
                <dd>{event.capacity !== null ? t.capacity(event.capacity) : t.noLimit}</dd>
              </div>
              {event.menuItem && (
                <div>
                  <dt>{t.eventActivity}</dt>
                  <dd>
                    <Link href={`/menu?q=${encodeURIComponent(event.menuItem.code)}`}>
                      <code>{event.menuItem.code}</code>
                    </Link>
                  </dd>
                </div>
              )}
              {event.proposedBy && (
                <div>
                  <dt>{t.eventProposer}</dt>
                  <dd>{stateName(event.proposedBy)}</dd>
                </div>
              )}
            </dl>
          </section>

          <section class="card deadline-card" aria-labelledby="event-deadline-heading">
            <h2 id="event-deadline-heading">{t.eventDeadline}</h2>
            <p class="deadline-moment">
              <time dateTime={event.nominationDeadline} data-testid="deadline">
                {formatMoment(event.nominationDeadline, lang)}
              </time>
            </p>
            <p class="hint">{t.deadlineInZone(timeZoneName())}</p>
            {event.status !== "held" && event.status !== "cancelled" && (
              <p class={left > 0 && left < 86_400_000 ? "is-soon" : undefined}>
                {left > 0 ? t.timeLeft(durationText(left, lang)) : t.deadlinePassed}
              </p>
            )}
          </section>

          {(event.report || (event.abilities.run && event.status === "held")) && (
            <ReportSection event={event} onSaved={answer.retry} />
          )}
        </div>

        <div class="event-side">
          {event.abilities.run && (
            <RunSection
              event={event}
              onChanged={(status) => {
                setNotice(t.statusNow(t.eventStatuses[status]));
                answer.retry();
              }}
            />
          )}
          {reader.delegationState && (
            <NominationSection
              event={event}
              state={reader.delegationState}
              stateName={stateName(reader.delegationState)}
              states={names.stateNames}
              deadlinePassed={left <= 0}
              onNominated={(name) => {
                setNotice(t.nominated(name));
                answer.retry();
              }}
              onRefused={answer.retry}
            />
          )}
        </div>
      </div>

      <NomineesSection
        event={event}
        ownState={reader.delegationState}
        stateName={stateName}
        onChanged={(text) => {
          setNotice(text);
          answer.retry();
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------- the secretariat's workflow

function RunSection({ event, onChanged }: { event: EventDetail; onChanged: (status: EventStatus) => void }) {
  const { t } = useCooperationText();
  const [asking, setAsking] = useState<Exclude<EventStatus, "proposed"> | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = NEXT[event.status];
  if (next.length === 0) return null;

  const words = {
    approved: { button: t.approve, title: t.approveTitle(event.title), text: t.approveText },
    confirmed: { button: t.confirmEvent, title: t.confirmTitle(event.title), text: t.confirmText },
    held: { button: t.markHeld, title: t.heldTitle(event.title), text: t.heldText },
    cancelled: { button: t.cancelEvent, title: t.cancelTitle(event.title), text: t.cancelText },
  };

  const go = async (status: Exclude<EventStatus, "proposed">) => {
    setPending(true);
    setError(null);
    try {
      await send("POST", `/events/${event.id}/status`, { status });
      setAsking(null);
      onChanged(status);
    } catch (failure) {
      setAsking(null);
      setError(failure instanceof ApiError && failure.status === 0 ? t.networkError : (failure as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card run-card" aria-labelledby="event-run-heading" data-testid="event-run">
      <h2 id="event-run-heading">{t.runHeading}</h2>
      <p class="hint">{t.runIntro}</p>
      <div class="row-buttons">
        {next.map((status) => (
          <button
            type="button"
            class={`button${status === "cancelled" ? " button-danger" : " button-primary"}`}
            disabled={pending}
            onClick={() => setAsking(status)}
          >
            {words[status].button}
          </button>
        ))}
      </div>
      <FormError message={error} />
      <Confirm
        open={asking !== null}
        title={asking ? words[asking].title : ""}
        confirmLabel={asking ? words[asking].button : ""}
        cancelLabel={t.goBack}
        danger={asking === "cancelled"}
        pending={pending}
        onConfirm={() => asking && go(asking)}
        onCancel={() => setAsking(null)}
      >
        <p>{asking ? words[asking].text : ""}</p>
      </Confirm>
    </section>
  );
}

function ReportSection({ event, onSaved }: { event: EventDetail; onSaved: () => void }) {
  const { t } = useCooperationText();
  const editable = event.abilities.run && event.status === "held";
  const [text, setText] = useState(event.report ?? "");
  const [saved, setSaved] = useState(false);
  const form = useChangeForm("report", t.networkError);
  return (
    <section class="card" aria-labelledby="event-report-heading">
      <h2 id="event-report-heading">{t.reportHeading}</h2>
      {!editable ? (
        <p class="event-report">{event.report}</p>
      ) : (
        <form
          class="stack-form"
          noValidate
          onSubmit={async (submitted) => {
            submitted.preventDefault();
            setSaved(false);
            const done = await form.run(
              () => send("PUT", `/events/${event.id}/report`, { report: text.trim() }),
              ["report"],
            );
            if (done !== undefined) {
              setSaved(true);
              onSaved();
            }
          }}
        >
          <FormError message={form.formError} />
          <div class="field">
            <label for="report-report">{t.reportLabel}</label>
            <textarea
              id="report-report"
              class="input textarea"
              rows={6}
              value={text}
              maxLength={COOPERATION_LIMITS.report}
              aria-invalid={form.errors.report ? true : undefined}
              aria-describedby={`report-report-hint${form.errors.report ? " report-report-error" : ""}`}
              onInput={(changed) => setText(changed.currentTarget.value)}
            />
            <p id="report-report-hint" class="hint field-hint">
              {t.reportHint}
            </p>
            {form.errors.report && (
              <p id="report-report-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {form.errors.report}
              </p>
            )}
          </div>
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={form.pending}>
              {form.pending ? t.sending : t.saveReport}
            </button>
          </div>
          <FormStatus message={saved ? t.reportSaved : null} />
        </form>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- nominating

/** Why the reader's delegation cannot nominate now, or null when it can. */
function closedReason(event: EventDetail, deadlinePassed: boolean, t: CooperationText, lang: string): string | null {
  if (event.status === "proposed") return t.closedProposed;
  if (event.status === "cancelled") return t.closedCancelled;
  if (event.status === "held") return t.closedHeld;
  if (deadlinePassed) return t.closedDeadline(formatMoment(event.nominationDeadline, lang));
  if (event.capacity !== null && event.nominations.total >= event.capacity) return t.closedFull;
  return null;
}

function NominationSection({
  event,
  state,
  stateName,
  states,
  deadlinePassed,
  onNominated,
  onRefused,
}: {
  event: EventDetail;
  state: string;
  stateName: string;
  /** Every state's name by code, for the participant's nation. */
  states: Map<string, string>;
  deadlinePassed: boolean;
  onNominated: (name: string) => void;
  onRefused: () => void;
}) {
  const { t, lang } = useCooperationText();
  const form = useChangeForm("nomination", t.networkError);
  const [name, setName] = useState("");
  const [rank, setRank] = useState("");
  const [nation, setNation] = useState(state);
  // A refusal that closes the form (the deadline passed meanwhile, the last place taken): kept in
  // view after the event is read again.
  const [refusal, setRefusal] = useState<string | null>(null);
  const reason = event.abilities.nominate ? null : closedReason(event, deadlinePassed, t, lang);
  // A delegation that sees an event its state may not take part in is an ally's (a partner sees
  // only those open to it): it has no part in the nominations, and only their count is its business.
  if (event.eligible === false && !refusal) return null;
  if (!event.abilities.nominate && !reason && !refusal) return null;

  return (
    <section class="card nominate-card" aria-labelledby="nominate-heading" data-testid="nominate">
      <h2 id="nominate-heading">{t.nominateHeading}</h2>
      {refusal && (
        <div class="form-error" role="alert" data-testid="nomination-refused">
          <span class="form-error-icon" aria-hidden="true">
            ⚠
          </span>
          <div>
            <p>{refusal}</p>
          </div>
        </div>
      )}
      {reason || !event.abilities.nominate ? (
        <p class="closed-reason" data-testid="nomination-closed">
          {reason}
        </p>
      ) : (
        <form
          class="stack-form"
          noValidate
          onSubmit={async (submitted) => {
            submitted.preventDefault();
            setRefusal(null);
            const problems: Record<string, string> = {};
            if (!name.trim()) problems.participantName = t.fieldRequired;
            if (!rank.trim()) problems.rankOrFunction = t.fieldRequired;
            if (!form.check(problems)) return;
            const refused: { message: string | null } = { message: null };
            const fields = ["participantName", "rankOrFunction", "nation"];
            const done = await form.run(async (key) => {
              try {
                return await send<Nomination>(
                  "POST",
                  `/events/${event.id}/nominations`,
                  {
                    participantName: name.trim(),
                    rankOrFunction: rank.trim(),
                    ...(nation.trim() ? { nation: nation.trim() } : {}),
                  },
                  { idempotencyKey: key },
                );
              } catch (failure) {
                // Refused as a whole, not for a field of the form (the deadline passed meanwhile,
                // the last place was taken): the event is read again, and the reason stays in view.
                const { field } = fieldError(failure);
                if (failure instanceof ApiError && failure.status !== 0 && !(field && fields.includes(field)))
                  refused.message = failure.message;
                throw failure;
              }
            }, fields);
            if (done) {
              setName("");
              setRank("");
              onNominated(done.participantName);
            } else if (refused.message) {
              setRefusal(refused.message);
              onRefused();
            }
          }}
        >
          <p class="hint">{t.nominateIntro(stateName)}</p>
          <FormError message={refusal ? null : form.formError} />
          <TextField
            id="nomination-participantName"
            label={t.fieldParticipant}
            value={name}
            onInput={setName}
            error={form.errors.participantName}
            maxLength={COOPERATION_LIMITS.personName}
            autoComplete="off"
            required
          />
          <TextField
            id="nomination-rankOrFunction"
            label={t.fieldRank}
            value={rank}
            onInput={setRank}
            error={form.errors.rankOrFunction}
            maxLength={COOPERATION_LIMITS.rankOrFunction}
            required
          />
          <SelectField
            id="nomination-nation"
            label={t.fieldNation}
            hint={t.nationHint}
            value={nation}
            onChange={setNation}
            error={form.errors.nation}
          >
            {[...new Map([[state, stateName], ...states])]
              .sort(([, a], [, b]) => a.localeCompare(b, lang))
              .map(([code, name]) => (
                <option value={code}>{name}</option>
              ))}
          </SelectField>
          <div class="form-actions">
            <button id="nomination-submit" type="submit" class="button button-primary" disabled={form.pending}>
              {form.pending ? t.sending : t.submitNomination}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- nominees

type Asking = { nomination: Nomination; change: "withdrawn" | "declined" } | null;

function NomineesSection({
  event,
  ownState,
  stateName,
  onChanged,
}: {
  event: EventDetail;
  ownState: string | null;
  stateName: (code: string) => string;
  onChanged: (text: string) => void;
}) {
  const { t } = useCooperationText();
  const [asking, setAsking] = useState<Asking>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = event.abilities.run;
  const seesNames = run || event.nominees.length > 0 || event.abilities.nominate;

  const patch = async (nomination: Nomination, change: { status?: string; attended?: boolean }, text: string) => {
    setPending(true);
    setError(null);
    try {
      await send("PATCH", `/nominations/${nomination.id}`, change);
      setAsking(null);
      onChanged(text);
    } catch (failure) {
      setAsking(null);
      setError(failure instanceof ApiError && failure.status === 0 ? t.networkError : (failure as Error).message);
    } finally {
      setPending(false);
    }
  };

  const count = t.nominationsCount(event.nominations.total, event.nominations.confirmed);
  return (
    <section class="nominees" aria-labelledby="nominees-heading" data-testid="nominees">
      <div class="section-heading">
        <h2 id="nominees-heading">{run || !ownState ? t.nomineesHeading : t.nomineesOwn}</h2>
        <p class="muted" data-testid="nominations-count">
          {count}
          {event.capacity !== null && ` / ${t.capacity(event.capacity)}`}
        </p>
      </div>
      {!seesNames ? (
        <p class="hint" data-testid="count-only">
          {t.nomineesCountOnly}
        </p>
      ) : (
        <>
          <p class="hint">{t.nomineesPrivacy}</p>
          <FormError message={error} />
          {event.nominees.length === 0 ? (
            <p class="empty">{t.noNominees}</p>
          ) : (
            <div class="table-wrap">
              <table class="data-table responsive-table nominees-table">
                <caption class="visually-hidden">{run ? t.nomineesHeading : t.nomineesOwn}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.colParticipant}</th>
                    <th scope="col">{t.colRank}</th>
                    <th scope="col">{t.colNation}</th>
                    {run && <th scope="col">{t.colDelegation}</th>}
                    <th scope="col">{t.colStatus}</th>
                    {event.status === "held" && <th scope="col">{t.colAttendance}</th>}
                    <th scope="col">{t.colActions}</th>
                  </tr>
                </thead>
                <tbody>
                  {event.nominees.map((nominee) => {
                    const open = event.status !== "held" && event.status !== "cancelled";
                    const mayWithdraw =
                      ownState === nominee.state &&
                      open &&
                      (nominee.status === "nominated" || nominee.status === "confirmed");
                    const mayDecide = run && open && nominee.status === "nominated";
                    const mayRecord = run && event.status === "held" && nominee.status === "confirmed";
                    const actions = mayWithdraw || mayDecide || mayRecord;
                    return (
                      <tr key={nominee.id} data-nominee={nominee.id}>
                        <th scope="row" data-label={t.colParticipant}>
                          {nominee.participantName}
                        </th>
                        <td data-label={t.colRank}>
                          <span>{nominee.rankOrFunction}</span>
                        </td>
                        <td data-label={t.colNation}>
                          <span>{stateName(nominee.nation)}</span>
                        </td>
                        {run && (
                          <td data-label={t.colDelegation}>
                            <span>{stateName(nominee.state)}</span>
                          </td>
                        )}
                        <td data-label={t.colStatus}>
                          <NominationStatusPill status={nominee.status} t={t} />
                        </td>
                        {event.status === "held" && (
                          <td data-label={t.colAttendance}>
                            <span>
                              {nominee.attended === null ? t.notRecorded : nominee.attended ? t.attended : t.absent}
                            </span>
                          </td>
                        )}
                        <td data-label={t.colActions} class={actions ? "actions-cell" : "actions-cell is-empty"}>
                          {actions && (
                            <span class="row-buttons">
                              {mayWithdraw && (
                                <button
                                  type="button"
                                  class="button button-small"
                                  disabled={pending}
                                  onClick={() => setAsking({ nomination: nominee, change: "withdrawn" })}
                                >
                                  {t.withdraw}
                                </button>
                              )}
                              {mayDecide && (
                                <>
                                  <button
                                    type="button"
                                    class="button button-small button-primary"
                                    disabled={pending}
                                    onClick={() =>
                                      patch(
                                        nominee,
                                        { status: "confirmed" },
                                        t.nomineeChanged(nominee.participantName, t.nominationStatuses.confirmed),
                                      )
                                    }
                                  >
                                    {t.confirmNominee}
                                  </button>
                                  <button
                                    type="button"
                                    class="button button-small"
                                    disabled={pending}
                                    onClick={() => setAsking({ nomination: nominee, change: "declined" })}
                                  >
                                    {t.decline}
                                  </button>
                                </>
                              )}
                              {mayRecord && (
                                <>
                                  <button
                                    type="button"
                                    class="button button-small"
                                    disabled={pending || nominee.attended === true}
                                    aria-pressed={nominee.attended === true}
                                    onClick={() =>
                                      patch(
                                        nominee,
                                        { attended: true },
                                        t.nomineeChanged(nominee.participantName, t.attended),
                                      )
                                    }
                                  >
                                    {t.attended}
                                  </button>
                                  <button
                                    type="button"
                                    class="button button-small"
                                    disabled={pending || nominee.attended === false}
                                    aria-pressed={nominee.attended === false}
                                    onClick={() =>
                                      patch(
                                        nominee,
                                        { attended: false },
                                        t.nomineeChanged(nominee.participantName, t.absent),
                                      )
                                    }
                                  >
                                    {t.absent}
                                  </button>
                                </>
                              )}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <Confirm
        open={asking !== null}
        title={
          asking
            ? asking.change === "withdrawn"
              ? t.withdrawTitle(asking.nomination.participantName)
              : t.declineTitle(asking.nomination.participantName)
            : ""
        }
        confirmLabel={asking?.change === "declined" ? t.decline : t.withdraw}
        cancelLabel={t.goBack}
        pending={pending}
        onConfirm={() =>
          asking &&
          patch(
            asking.nomination,
            { status: asking.change },
            t.nomineeChanged(asking.nomination.participantName, t.nominationStatuses[asking.change]),
          )
        }
        onCancel={() => setAsking(null)}
      >
        <p>{asking?.change === "declined" ? t.declineText : t.withdrawText}</p>
      </Confirm>
    </section>
  );
}
