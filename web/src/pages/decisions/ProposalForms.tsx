import { useState } from "preact/hooks";
import { positionNeedsStatement, type CloseStatus } from "../../../../src/domain/decisions.ts";
import { BREAKS_SILENCE, procedureNeedsDeadline } from "../../../../src/domain/procedures.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { FormStatus, FormAlerts } from "../../components/Form.tsx";
import { useDecisionText } from "../../i18n/decisions/index.ts";
import { send } from "../../lib/api.ts";
import { positionConfirmation } from "../../lib/proposal-states.ts";
import type { PositionKind, Proposal, ProposalResponse } from "../../lib/types.ts";
import { DateTimeField, formatMoment, TextArea, useChangeForm, useServerNow } from "./shared.tsx";
import { fromLocalInput, toLocalInput } from "../../lib/dates.ts";

/** The delegation head's form: the positions this procedure allows, a statement where one is needed. */
export function PositionForm({
  proposal,
  state,
  onChanged,
}: {
  proposal: Proposal;
  /** The state whose delegation the account speaks for (`proposal.abilities.speakFor`). */
  state: string;
  onChanged: () => void;
}) {
  const { t, lang } = useDecisionText();
  const row = proposal.grid.find((r) => r.state === state);
  const current = row?.position ?? null;
  const [position, setPosition] = useState<PositionKind | "">("");
  const [statement, setStatement] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm("position");
  const now = useServerNow(proposal.now, false);
  const passed = proposal.deadline !== null && Date.parse(proposal.deadline) <= now;
  // A position that must be given in writing: the server refuses it without a statement.
  const written = position !== "" && positionNeedsStatement(position);
  const silence = proposal.procedure.kind === "silence";
  // Breaking silence, or deciding alone, cannot be taken back: asked first, in words naming the effect.
  const confirmation = position === "" ? null : positionConfirmation(proposal.procedure.kind, position);
  const [confirming, setConfirming] = useState(false);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (position === "") found[`kind-${proposal.abilities.allowedPositions[0] ?? "concur"}`] = t.choosePosition;
    else if (written && !statement.trim()) found.statement = t.statementNeeded;
    if (!form.check(found) || position === "") return;
    if (confirmation) setConfirming(true);
    else void sendPosition();
  };

  const sendPosition = async () => {
    setConfirming(false);
    if (position === "") return;
    const chosen = position;
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/proposals/${proposal.id}/positions?lang=${lang}`,
          { position: chosen, ...(statement.trim() ? { statement: statement.trim() } : {}) },
          { idempotencyKey: key },
        ),
      ["statement", "position"],
    );
    if (answer) {
      setDone(t.positionRecorded(t.positionNames[chosen]));
      setPosition("");
      setStatement("");
      onChanged();
    }
  };

  const positionError = Object.entries(form.errors).find(
    ([field]) => field.startsWith("kind-") || field === "position",
  )?.[1];
  return (
    <section class="card position-card" aria-labelledby="position-heading" data-testid="position-form">
      <h2 id="position-heading">{t.yourPosition(row?.name ?? state)}</h2>
      {current && row?.castAt && (
        <p class="current-position">{t.currentPosition(t.positionNames[current], formatMoment(row.castAt, lang))}</p>
      )}
      {passed ? (
        <p class="hint">{t.deadlinePassed}</p>
      ) : (
        <form class="stack-form" onSubmit={onSubmit} noValidate>
          <FormAlerts form={form} />
          <fieldset
            class="field position-choices"
            aria-describedby={positionError ? "position-choice-error" : undefined}
          >
            <legend>{t.colPosition}</legend>
            {proposal.abilities.allowedPositions.map((kind) => (
              <div class="check radio-choice">
                <input
                  type="radio"
                  name="position"
                  id={`position-kind-${kind}`}
                  value={kind}
                  checked={position === kind}
                  aria-describedby={`position-kind-${kind}-hint`}
                  aria-invalid={positionError ? true : undefined}
                  onChange={() => setPosition(kind)}
                />
                <label for={`position-kind-${kind}`}>
                  {t.positionChoices[kind]}
                  {silence && BREAKS_SILENCE.has(kind) && <span class="tag tag-silence">{t.breaksSilence}</span>}
                </label>
                <p id={`position-kind-${kind}-hint`} class="hint check-hint">
                  {t.positionHints[kind]}
                  {/* Said before anything is sent; read with the choice (its description), not as its name. */}
                  {positionNeedsStatement(kind) && <span class="tag tag-required">{t.statementRequiredTag}</span>}
                </p>
              </div>
            ))}
            {positionError && (
              <p id="position-choice-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {positionError}
              </p>
            )}
          </fieldset>
          <TextArea
            id="position-statement"
            label={position === "" ? t.colStatement : t.statementLabels[position]}
            value={statement}
            onInput={setStatement}
            error={form.errors.statement}
            required={written}
            markRequired
            hint={
              written ? (
                <>
                  <strong>{t.statementRequired}</strong> {t.statementHint}
                </>
              ) : (
                t.statementHint
              )
            }
            rows={4}
            maxLength={20_000}
          />
          <div class="form-actions">
            <button type="submit" id="position-submit" class="button button-primary" disabled={form.pending}>
              {form.pending ? t.sending : current ? t.changePosition : t.recordPosition}
            </button>
          </div>
          <FormStatus message={done} />
          {confirmation && (
            <Confirm
              open={confirming}
              title={
                confirmation === "break-silence"
                  ? t.breakSilenceTitle(proposal.id)
                  : confirmation === "adopt"
                    ? t.adoptTitle(proposal.id)
                    : t.declineTitle(proposal.id)
              }
              confirmLabel={
                confirmation === "break-silence"
                  ? t.breakSilenceConfirm
                  : confirmation === "adopt"
                    ? t.adoptConfirm
                    : t.declineConfirm
              }
              cancelLabel={t.confirmBack}
              danger={confirmation !== "adopt"}
              onConfirm={() => void sendPosition()}
              onCancel={() => setConfirming(false)}
            >
              <p>
                {confirmation === "break-silence"
                  ? t.breakSilenceText(formatMoment(proposal.deadline, lang))
                  : confirmation === "adopt"
                    ? t.adoptText[proposal.purpose]
                    : t.declineText}
              </p>
            </Confirm>
          )}
        </form>
      )}
    </section>
  );
}

/** The chair's side: extend the deadline, recirculate an amended text, close. */
export function ChairTools({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const { t } = useDecisionText();
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => {
    setDone(message);
    onChanged();
  };
  return (
    <section class="card chair-card" aria-labelledby="chair-heading" data-testid="chair-tools">
      <h2 id="chair-heading">{t.chairTools}</h2>
      <FormStatus message={done} />
      {/* Each starts afresh from what changed: the new deadline, the new round's text. */}
      {proposal.deadline && (
        <ExtendForm key={proposal.deadline} proposal={proposal} deadline={proposal.deadline} onDone={changed} />
      )}
      {proposal.procedure.kind !== "unilateral" && (
        <RecirculateForm key={proposal.round} proposal={proposal} onDone={changed} />
      )}
      <CloseForm proposal={proposal} onDone={changed} chair />
    </section>
  );
}

function ExtendForm({
  proposal,
  deadline: currentDeadline,
  onDone,
}: {
  proposal: Proposal;
  /** The deadline in force: only a proposal with one can have it extended. */
  deadline: string;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useDecisionText();
  const current = Date.parse(currentDeadline);
  const [deadline, setDeadline] = useState(() => toLocalInput(current + 86_400_000));
  const form = useChangeForm("extend");
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const iso = fromLocalInput(deadline);
    if (!form.check(iso ? {} : { deadline: t.chooseDeadline }) || !iso) return;
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/proposals/${proposal.id}/extend?lang=${lang}`,
          { deadline: iso },
          { idempotencyKey: key },
        ),
      ["deadline"],
    );
    if (answer) onDone(t.deadlineExtended(formatMoment(answer.proposal.deadline, lang)));
  };
  return (
    <details class="tool">
      <summary>{t.extendTitle}</summary>
      <form class="stack-form" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} />
        <DateTimeField
          id="extend-deadline"
          label={t.newDeadline}
          value={deadline}
          onInput={setDeadline}
          error={form.errors.deadline}
          min={toLocalInput(current)}
          required
        />
        <div class="form-actions">
          <button type="submit" id="extend-submit" class="button button-primary" disabled={form.pending}>
            {form.pending ? t.sending : t.extend}
          </button>
        </div>
      </form>
    </details>
  );
}

function RecirculateForm({ proposal, onDone }: { proposal: Proposal; onDone: (message: string) => void }) {
  const { t, lang } = useDecisionText();
  const [text, setText] = useState(proposal.text);
  const [deadline, setDeadline] = useState("");
  const form = useChangeForm("recirculate");
  const needsDeadline = procedureNeedsDeadline(proposal.procedure.kind);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const iso = fromLocalInput(deadline);
    const found: Record<string, string> = {};
    if (!text.trim()) found.text = t.enterText;
    if (needsDeadline && !iso) found.deadline = t.deadlineRequired;
    if (!form.check(found)) return;
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/proposals/${proposal.id}/recirculate?lang=${lang}`,
          { text, deadline: iso },
          { idempotencyKey: key },
        ),
      ["text", "deadline"],
    );
    if (answer) onDone(t.recirculated(answer.proposal.round));
  };
  return (
    <details class="tool">
      <summary>{t.recirculateTitle}</summary>
      <form class="stack-form" onSubmit={onSubmit} noValidate>
        <p class="hint">{t.recirculateIntro}</p>
        <FormAlerts form={form} />
        <TextArea
          id="recirculate-text"
          label={t.amendedText}
          value={text}
          onInput={setText}
          error={form.errors.text}
          hint={t.textHint}
          rows={8}
          required
        />
        <DateTimeField
          id="recirculate-deadline"
          label={t.deadlineOptional}
          value={deadline}
          onInput={setDeadline}
          error={form.errors.deadline}
          required={needsDeadline}
        />
        <div class="form-actions">
          <button type="submit" id="recirculate-submit" class="button button-primary" disabled={form.pending}>
            {form.pending ? t.sending : t.recirculate}
          </button>
        </div>
      </form>
    </details>
  );
}

function CloseForm({
  proposal,
  onDone,
  chair,
}: {
  proposal: Proposal;
  onDone: (message: string) => void;
  chair: boolean;
}) {
  const { t, lang } = useDecisionText();
  // Only a consensus procedure is closed by its chair; the others are decided by their rules.
  const choices: readonly [CloseStatus, ...CloseStatus[]] =
    chair && proposal.procedure.kind === "consensus" ? ["not-adopted", "withdrawn"] : ["withdrawn"];
  const [as, setAs] = useState<CloseStatus>(choices[0]);
  const [reason, setReason] = useState("");
  const form = useChangeForm(chair ? "close" : "withdraw");
  const prefix = chair ? "close" : "withdraw";
  // Closing ends the procedure for everyone: asked first, in words naming the effect.
  const [confirming, setConfirming] = useState(false);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!form.check(reason.trim() ? {} : { reason: t.enterReason })) return;
    setConfirming(true);
  };
  const close = async () => {
    setConfirming(false);
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/proposals/${proposal.id}/close?lang=${lang}`,
          { as, reason: reason.trim() },
          { idempotencyKey: key },
        ),
      ["reason", "as"],
    );
    if (answer) onDone(t.closed(t.statuses[answer.proposal.status]));
  };
  const body = (
    <form class="stack-form" onSubmit={onSubmit} noValidate>
      <FormAlerts form={form} />
      {choices.length > 1 && (
        <fieldset class="field">
          <legend>{t.closeAs}</legend>
          <div class="radio-row">
            {choices.map((choice) => (
              <label class="radio">
                <input
                  type="radio"
                  name={`${prefix}-as`}
                  id={`${prefix}-as-${choice}`}
                  checked={as === choice}
                  onChange={() => setAs(choice)}
                />
                {choice === "not-adopted" ? t.closeNotAdopted : t.closeWithdrawn}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextArea
        id={`${prefix}-reason`}
        label={t.reason}
        value={reason}
        onInput={setReason}
        error={form.errors.reason}
        rows={3}
        required
        maxLength={5_000}
      />
      <div class="form-actions">
        <button type="submit" id={`${prefix}-submit`} class="button button-danger" disabled={form.pending}>
          {form.pending ? t.sending : chair ? t.closeButton : t.withdrawButton}
        </button>
      </div>
      <Confirm
        open={confirming}
        title={as === "not-adopted" ? t.closeNotAdoptedTitle(proposal.id) : t.withdrawConfirmTitle(proposal.id)}
        confirmLabel={as === "not-adopted" ? t.closeNotAdoptedConfirm : t.withdrawConfirm}
        cancelLabel={t.confirmBack}
        onConfirm={() => void close()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {as === "not-adopted" ? t.closeNotAdoptedText : chair ? t.withdrawConfirmText : t.withdrawRequestConfirmText}
        </p>
      </Confirm>
    </form>
  );
  return chair ? (
    <details class="tool">
      <summary>{t.closeTitle}</summary>
      {body}
    </details>
  ) : (
    body
  );
}

/** The requesting state's delegation head may withdraw its own request. */
export function WithdrawForm({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const { t } = useDecisionText();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section class="card chair-card" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t.withdrawTitle}</h2>
      <FormStatus message={done} />
      <CloseForm
        proposal={proposal}
        chair={false}
        onDone={(message) => {
          setDone(message);
          onChanged();
        }}
      />
    </section>
  );
}
