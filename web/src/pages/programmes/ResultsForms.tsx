import { useEffect, useState } from "preact/hooks";
import { COOPERATION_LIMITS } from "../../../../src/domain/cooperation.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { FormStatus, focusField, FormAlerts } from "../../components/Form.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { send } from "../../lib/api.ts";
import { formatInstant } from "../../lib/dates.ts";
import { TextArea } from "./DraftEditor.tsx";
import { formatQuantity, periodText } from "./logic.ts";
import { describedBy, FieldError, useChangeForm } from "./shared.tsx";
import type { Indicator, IndicatorPeriod, Update } from "./types.ts";

const REPORT_FIELDS = ["value", "numerator", "denominator", "narrative"];

function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text.trim();
}

/** The update's id, whether the API answers the update itself or wraps it. */
function updateIdOf(answer: unknown): string | null {
  if (!answer || typeof answer !== "object") return null;
  const inner = "update" in answer ? (answer as { update: unknown }).update : answer;
  if (!inner || typeof inner !== "object" || !("id" in inner)) return null;
  return String((inner as { id: unknown }).id);
}

/**
 * A reporter's progress for one period: a value, a percentage's numerator and denominator, or
 * (qualitative) words only, with a narrative. Sent for approval at once: written, then submitted.
 */
export function ReportForm({
  indicator,
  period,
  onDone,
  onCancel,
}: {
  indicator: Indicator;
  period: IndicatorPeriod;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const [value, setValue] = useState("");
  const [numerator, setNumerator] = useState("");
  const [denominator, setDenominator] = useState("");
  const [narrative, setNarrative] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm(`report-${period.id}`);
  const measure = indicator.measure;
  const percentage = measure === "percentage";
  const qualitative = measure === "qualitative";
  // Opened from a button that goes away: the first field takes the focus.
  useEffect(() => {
    focusField(form.field(qualitative ? "narrative" : percentage ? "numerator" : "value").id);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (qualitative && !narrative.trim()) found.narrative = t.narrativeNeeded;
    if (percentage && !numerator.trim()) found.numerator = t.numberNeeded;
    if (percentage && !denominator.trim()) found.denominator = t.numberNeeded;
    if (!qualitative && !percentage && !value.trim()) found.value = t.numberNeeded;
    if (!form.check(found)) return;
    const body: Record<string, unknown> = {};
    if (!qualitative && !percentage) body.value = numberOrText(value);
    if (percentage) {
      body.numerator = numberOrText(numerator);
      body.denominator = numberOrText(denominator);
    }
    if (narrative.trim()) body.narrative = narrative.trim();
    const sent = await form.run(
      async (key) => {
        const written = await send<unknown>("POST", `/periods/${period.id}/updates?lang=${lang}`, body, {
          idempotencyKey: key,
        });
        const id = updateIdOf(written);
        if (id !== null)
          await send<unknown>("POST", `/updates/${id}/submission?lang=${lang}`, undefined, {
            idempotencyKey: `${key}-submit`,
          });
        return true;
      },
      (path) => REPORT_FIELDS.includes(path),
    );
    if (sent) {
      setDone(t.reportSent);
      onDone();
    }
  };

  const input = (name: string, current: string, set: (v: string) => void, label: string) => {
    const field = form.field(name);
    return (
      <div class="field">
        <label for={field.id}>{label}</label>
        <input
          id={field.id}
          class="input prog-number-input"
          inputMode="decimal"
          value={current}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, field.error)}
          onInput={(e) => set(e.currentTarget.value)}
        />
        <FieldError {...field} />
      </div>
    );
  };
  const narrativeField = form.field("narrative");
  return (
    <form
      class="stack-form prog-report-form"
      onSubmit={submit}
      noValidate
      aria-label={t.reportFormLabel(indicator.ref, periodText(period, lang))}
      data-testid="report-form"
    >
      <FormAlerts form={form} />
      <div class="prog-form-row">
        {!qualitative &&
          !percentage &&
          input("value", value, setValue, measure === "unit" ? t.valueLabel : t.valueLabelLevel)}
        {percentage && input("numerator", numerator, setNumerator, t.numeratorLabel)}
        {percentage && input("denominator", denominator, setDenominator, t.denominatorLabel)}
      </div>
      {measure === "unit" && <p class="hint">{t.unitHint}</p>}
      {percentage && <p class="hint">{t.percentageHint}</p>}
      <div class="field">
        <label for={narrativeField.id}>
          {t.narrative}
          {!qualitative && <span class="optional"> {t.optional}</span>}
        </label>
        <textarea
          id={narrativeField.id}
          class="input"
          rows={3}
          maxLength={COOPERATION_LIMITS.narrative}
          value={narrative}
          aria-invalid={narrativeField.error ? true : undefined}
          aria-describedby={describedBy(narrativeField.id, narrativeField.error)}
          onInput={(e) => setNarrative(e.currentTarget.value)}
        />
        <FieldError {...narrativeField} />
      </div>
      <div class="form-actions">
        <button type="submit" id={`report-${period.id}-submit`} class="button button-primary" disabled={form.pending}>
          {form.pending ? t.sending : t.submitForApproval}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <FormStatus message={done} />
    </form>
  );
}

/** The secretariat's queue: updates waiting for approval, each approved or returned with a comment. */
export function PendingUpdates({
  updates,
  indicators,
  onChanged,
}: {
  updates: Update[];
  indicators: Indicator[];
  onChanged: () => void;
}) {
  const { t } = useProgrammeText();
  const pending = updates.filter((u) => u.status === "pending-approval");
  const [done, setDone] = useState<string | null>(null);
  return (
    <section class="card prog-pending" aria-labelledby="pending-heading" data-testid="pending-updates">
      <h2 id="pending-heading">{t.pendingHeading}</h2>
      {pending.length === 0 ? (
        <p class="muted">{t.noPending}</p>
      ) : (
        <ul class="prog-pending-list">
          {pending.map((update) => (
            <PendingItem
              key={update.id}
              update={update}
              indicator={indicators.find((i) => String(i.id) === String(update.indicatorId))}
              onChanged={(message) => {
                setDone(message);
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      <FormStatus message={done} />
    </section>
  );
}

function PendingItem({
  update,
  indicator,
  onChanged,
}: {
  update: Update;
  indicator: Indicator | undefined;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useProgrammeText();
  const period = indicator?.periods.find((p) => String(p.id) === String(update.periodId));
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState(false);
  const form = useChangeForm(`review-${update.id}`);
  const measure = indicator?.measure ?? "unit";
  const figure = formatQuantity(update, measure, lang);
  const what = indicator ? `${indicator.ref} · ${indicator.title}` : t.indicatorNumber(String(update.indicatorId));
  const by = typeof update.createdBy === "object" && update.createdBy ? (update.createdBy.name ?? null) : null;

  const approve = async () => {
    const answer = await form.run(
      async (key) => {
        await send<unknown>("POST", `/updates/${update.id}/approval?lang=${lang}`, undefined, { idempotencyKey: key });
        return true;
      },
      () => false,
    );
    if (answer) onChanged(t.approvedDone(what));
  };
  const giveBack = async () => {
    const answer = await form.run(
      async (key) => {
        await send<unknown>(
          "POST",
          `/updates/${update.id}/return?lang=${lang}`,
          { comment: comment.trim() },
          { idempotencyKey: key },
        );
        return true;
      },
      (path) => path === "comment",
    );
    setConfirming(false);
    if (answer) onChanged(t.returnedDone(what));
  };
  const commentField = form.field("comment");
  return (
    <li class="prog-pending-item" data-update={update.id}>
      <p class="prog-pending-what">
        <strong>{what}</strong>
        {period && <span class="muted"> · {periodText(period, lang)}</span>}
      </p>
      <p class="prog-pending-figure">
        {figure && <span class="prog-figure">{figure}</span>}
        {update.narrative && <span class="prog-pending-narrative">{update.narrative}</span>}
      </p>
      <p class="small-note muted">
        {update.submittedAt ? t.submittedAt(formatInstant(update.submittedAt, lang)) : null}
        {by && ` · ${by}`}
      </p>
      <FormAlerts form={form} />
      {!returning ? (
        <div class="form-actions prog-review-actions">
          <button
            type="button"
            id={`review-${update.id}-submit`}
            class="button button-primary button-small"
            disabled={form.pending}
            aria-label={t.approveWhat(what)}
            onClick={() => void approve()}
          >
            {t.approve}
          </button>
          <button
            type="button"
            class="button button-small"
            disabled={form.pending}
            aria-label={t.returnWhat(what)}
            onClick={() => {
              setReturning(true);
              focusField(commentField.id);
            }}
          >
            {t.returnForRevision}
          </button>
        </div>
      ) : (
        <form
          class="stack-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (form.check(comment.trim() ? {} : { comment: t.commentNeeded })) setConfirming(true);
          }}
        >
          <TextArea
            form={form}
            path="comment"
            label={t.returnComment}
            value={comment}
            onInput={setComment}
            maxLength={COOPERATION_LIMITS.comment}
            required
          />
          <div class="form-actions">
            <button type="submit" class="button button-danger button-small" disabled={form.pending}>
              {t.returnForRevision}
            </button>
            <button type="button" class="button button-quiet button-small" onClick={() => setReturning(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      <Confirm
        open={confirming}
        title={t.returnTitle(what)}
        confirmLabel={t.returnForRevision}
        cancelLabel={t.cancel}
        pending={form.pending}
        onConfirm={() => void giveBack()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.returnEffect}</p>
        <blockquote class="prog-quote">
          <p>{comment.trim()}</p>
        </blockquote>
      </Confirm>
    </li>
  );
}
