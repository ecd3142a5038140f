import { useEffect, useState } from "preact/hooks";
import { COOPERATION_LIMITS, MEASURES, type Measure } from "../../../../src/domain/cooperation.ts";
import { LANGUAGES } from "../../../../src/domain/languages.ts";
import { FormStatus, focusField, FormAlerts } from "../../components/Form.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import type { AdminAccountsResponse } from "../../lib/types.ts";
import { SelectField, TextArea, TextInput } from "./DraftEditor.tsx";
import {
  draftTitles,
  type FigureFields,
  indicatorBody,
  NO_FIGURES,
  nextPeriod,
  nextRef,
  type Problem,
  periodBody,
  periodLabel,
  type ReporterCandidate,
  reporterCandidates,
} from "./logic.ts";
import { type ChangeForm, describedBy, FieldError, useChangeForm } from "./shared.tsx";
import type { Goal, Indicator, ProgrammeDetail } from "./types.ts";

/**
 * The secretariat's forms for a programme's results: a new indicator under a partnership goal,
 * a new reporting period of an indicator with its target, and an indicator's reporters. Each
 * opens in place from its button, sends one change with an idempotency key, and shows the API's
 * refusal under the field it names (nothing changes then); on success the page reloads its
 * results and the focus goes back to the button.
 */

type ProblemText = (problem: Problem) => string;

function useProblemText(): ProblemText {
  const { t } = useProgrammeText();
  return (problem) =>
    problem === "year"
      ? t.yearNeeded
      : problem === "parts"
        ? t.partsNeeded
        : problem === "number"
          ? t.numberNeeded
          : t.dateNeeded;
}

/**
 * The people the reporters' checkboxes offer: for the organisation's administrators, its accounts
 * that may read the programme (the secretariat, the partner's delegation); for the rest of the
 * secretariat, who may not list accounts, those already reporting on the programme's indicators.
 */
function useReporterCandidates(
  programme: ProgrammeDetail,
  indicators: readonly Indicator[],
): {
  candidates: ReporterCandidate[];
  /** Whether the organisation's accounts are offered (else only the programme's reporters). */
  fromAccounts: boolean;
} {
  const { session } = useSession();
  const administrator = session?.abilities.administration.manage === true;
  // Read when a form that needs it opens, never with the page: the list of accounts is audited.
  const accounts = useApi<AdminAccountsResponse>(administrator ? apiUrl("/admin/accounts") : null, { cache: false });
  return {
    candidates: reporterCandidates(indicators, programme.partner, accounts.data?.accounts),
    fromAccounts: administrator,
  };
}

/** A goal's "Add an indicator" button, the form it opens, and what became of it. */
export function AddIndicator({
  programme,
  goal,
  indicators,
  onChanged,
}: {
  programme: ProgrammeDetail;
  goal: Goal;
  /** Every indicator of the programme: their refs, and who reports on them. */
  indicators: readonly Indicator[];
  onChanged: () => void;
}) {
  const { t } = useProgrammeText();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const key = goal.ref.replace(/[^A-Za-z0-9_-]/g, "-");
  const buttonId = `add-indicator-${key}`;
  return (
    <div class="prog-define">
      {open ? (
        <NewIndicatorForm
          programme={programme}
          goal={goal}
          prefix={`new-indicator-${key}`}
          indicators={indicators}
          onDone={(ref) => {
            setOpen(false);
            setDone(t.indicatorAdded(ref));
            onChanged();
            focusField(buttonId);
          }}
          onCancel={() => {
            setOpen(false);
            focusField(buttonId);
          }}
        />
      ) : (
        <button
          type="button"
          id={buttonId}
          class="button button-small prog-add"
          aria-label={t.addIndicatorTo(goal.ref)}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          <span aria-hidden="true">+ </span>
          {t.addIndicator}
        </button>
      )}
      <FormStatus message={done} />
    </div>
  );
}

const INDICATOR_FIELDS = new Set([
  "ref",
  "measure",
  "description",
  "ascending",
  "baseline.year",
  "baseline.value",
  "baseline.numerator",
  "baseline.denominator",
  "reporters",
  ...LANGUAGES.map((lang) => `titles.${lang}`),
]);

function NewIndicatorForm({
  programme,
  goal,
  prefix,
  indicators,
  onDone,
  onCancel,
}: {
  programme: ProgrammeDetail;
  goal: Goal;
  prefix: string;
  indicators: readonly Indicator[];
  onDone: (ref: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const problemText = useProblemText();
  const form = useChangeForm(prefix);
  const [ref, setRef] = useState(() =>
    nextRef(
      indicators.map((indicator) => indicator.ref),
      "I1",
    ),
  );
  const [titles, setTitles] = useState(() => draftTitles());
  const [description, setDescription] = useState("");
  const [measure, setMeasure] = useState<Measure>("unit");
  const [ascending, setAscending] = useState(true);
  const [baselineYear, setBaselineYear] = useState("");
  const [baseline, setBaseline] = useState<FigureFields>(NO_FIGURES);
  const [reporters, setReporters] = useState<string[]>([]);
  const { candidates, fromAccounts } = useReporterCandidates(programme, indicators);
  // Opened from a button that goes away: the first field takes the focus.
  useEffect(() => focusField(form.field("ref").id), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const draft = { ref, titles, description, measure, ascending, baselineYear, baseline, reporters };
    const { body, problems } = indicatorBody(goal.ref, draft);
    const found: Record<string, string> = {};
    for (const [path, problem] of Object.entries(problems))
      found[path] = path === "ref" ? t.refNeeded : path === "titles.en" ? t.titleNeeded : problemText(problem);
    if (!form.check(found)) return;
    const answer = await form.run(
      (key) =>
        send<{ indicator: Indicator }>("POST", `/programmes/${programme.id}/indicators?lang=${lang}`, body, {
          idempotencyKey: key,
        }),
      (path) => {
        if (INDICATOR_FIELDS.has(path)) return true;
        if (path === "titles") return "titles.en";
        if (path === "baseline") return "baseline.year";
        if (path.startsWith("reporters.")) return "reporters";
        return false;
      },
    );
    if (answer) onDone(answer.indicator.ref);
  };

  const headingId = `${prefix}-heading`;
  const translated = LANGUAGES.filter((l) => l !== "en");
  const translationErrors = translated.some((l) => form.errors[`titles.${l}`]);
  const ascendingField = form.field("ascending");
  return (
    <form
      class="stack-form prog-define-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      data-testid="new-indicator"
    >
      <h6 id={headingId} class="prog-define-heading">
        {t.newIndicatorHeading(goal.ref)}
      </h6>
      <p class="hint">{t.newIndicatorIntro}</p>
      <FormAlerts form={form} />
      <div class="prog-form-row">
        <TextInput
          form={form}
          path="ref"
          label={t.refLabel}
          value={ref}
          onInput={setRef}
          maxLength={COOPERATION_LIMITS.ref}
          hint={t.indicatorRefHint}
        />
        <SelectField
          form={form}
          path="measure"
          label={t.measureLabel}
          value={measure}
          onChange={(value) => setMeasure(MEASURES.find((m) => m === value) ?? "unit")}
          options={MEASURES.map((m): [string, string] => [m, t.measureOptions[m]])}
        />
      </div>
      <TextInput
        form={form}
        path="titles.en"
        label={t.titleIn.en}
        value={titles.en}
        onInput={(value) => setTitles({ ...titles, en: value })}
        maxLength={COOPERATION_LIMITS.title}
        lang="en"
      />
      <details class="prog-translations" open={translationErrors || undefined}>
        <summary>{t.translations}</summary>
        {translated.map((l) => (
          <TextInput
            key={l}
            form={form}
            path={`titles.${l}`}
            label={t.titleIn[l]}
            value={titles[l]}
            onInput={(value) => setTitles({ ...titles, [l]: value })}
            maxLength={COOPERATION_LIMITS.title}
            optional
            lang={l}
          />
        ))}
      </details>
      <TextArea
        form={form}
        path="description"
        label={t.descriptionLabel}
        value={description}
        onInput={setDescription}
      />
      {measure !== "qualitative" && (
        <div class="check">
          <input
            id={ascendingField.id}
            type="checkbox"
            checked={ascending}
            aria-invalid={ascendingField.error ? true : undefined}
            aria-describedby={describedBy(ascendingField.id, ascendingField.error, true)}
            onChange={(event) => setAscending(event.currentTarget.checked)}
          />
          <label for={ascendingField.id}>{t.ascendingLabel}</label>
          <p id={`${ascendingField.id}-hint`} class="hint check-hint">
            {t.ascendingHint}
          </p>
          <FieldError {...ascendingField} />
        </div>
      )}
      <fieldset class="field prog-define-fieldset">
        <legend>
          {t.baselineLegend} <span class="optional">{t.optional}</span>
        </legend>
        <div class="prog-form-row">
          <TextInput
            form={form}
            path="baseline.year"
            label={t.baselineYearLabel}
            value={baselineYear}
            onInput={setBaselineYear}
            inputMode="numeric"
            narrow
            maxLength={4}
          />
          <FigureInputs form={form} prefix="baseline." measure={measure} figures={baseline} set={setBaseline} />
        </div>
        {measure === "percentage" && <p class="hint">{t.figurePartsHint}</p>}
      </fieldset>
      <ReporterChoices
        form={form}
        candidates={candidates}
        fromAccounts={fromAccounts}
        chosen={reporters}
        setChosen={setReporters}
      />
      <div class="form-actions">
        <button type="submit" id={`${prefix}-submit`} class="button button-primary" disabled={form.pending}>
          {form.pending ? t.saving : t.createIndicator}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** A baseline's or a target's figures for the measure: a value, and for a percentage its parts as well. */
function FigureInputs({
  form,
  prefix,
  measure,
  figures,
  set,
}: {
  form: ChangeForm;
  prefix: string;
  measure: Measure;
  figures: FigureFields;
  set: (figures: FigureFields) => void;
}) {
  const { t } = useProgrammeText();
  if (measure === "qualitative") return null;
  const percentage = measure === "percentage";
  const input = (name: keyof FigureFields, label: string) => (
    <TextInput
      form={form}
      path={`${prefix}${name}`}
      label={label}
      value={figures[name]}
      onInput={(value) => set({ ...figures, [name]: value })}
      inputMode="decimal"
      narrow
    />
  );
  return (
    <>
      {input("value", percentage ? t.figurePercentLabel : t.figureValueLabel)}
      {percentage && input("numerator", t.numeratorLabel)}
      {percentage && input("denominator", t.denominatorLabel)}
    </>
  );
}

/** Checkboxes of the people who may report on an indicator; an error from the API under them all. */
function ReporterChoices({
  form,
  candidates,
  fromAccounts,
  chosen,
  setChosen,
}: {
  form: ChangeForm;
  candidates: readonly ReporterCandidate[];
  fromAccounts: boolean;
  chosen: readonly string[];
  setChosen: (chosen: string[]) => void;
}) {
  const { t } = useProgrammeText();
  const field = form.field("reporters");
  return (
    <fieldset
      class="field prog-define-fieldset"
      id={field.id}
      tabIndex={-1}
      aria-describedby={describedBy(field.id, field.error, true)}
    >
      <legend>
        {t.reportersLegend} <span class="optional">{t.optional}</span>
      </legend>
      <p id={`${field.id}-hint`} class="hint">
        {t.reportersHint}
        {!fromAccounts && candidates.length > 0 && ` ${t.reportersFromProgramme}`}
      </p>
      {candidates.length === 0 ? (
        <p class="muted">{t.noReporterCandidates}</p>
      ) : (
        <div class="prog-reporter-choices">
          {candidates.map((candidate, index) => (
            <div class="check" key={candidate.id}>
              <input
                id={`${field.id}-${index}`}
                type="checkbox"
                checked={chosen.includes(candidate.id)}
                aria-invalid={field.error ? true : undefined}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setChosen(on ? [...chosen, candidate.id] : chosen.filter((id) => id !== candidate.id));
                }}
              />
              <label for={`${field.id}-${index}`}>
                {candidate.name}
                {candidate.state && <span class="muted"> · {candidate.state}</span>}
              </label>
            </div>
          ))}
        </div>
      )}
      <FieldError {...field} />
    </fieldset>
  );
}

/** Under an indicator, for the secretariat: "Add a period" and "Change reporters", and the form open. */
export function IndicatorActions({
  programme,
  indicator,
  indicators,
  onChanged,
}: {
  programme: ProgrammeDetail;
  indicator: Indicator;
  indicators: readonly Indicator[];
  onChanged: () => void;
}) {
  const { t } = useProgrammeText();
  const [open, setOpen] = useState<"period" | "reporters" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const periodButton = `add-period-${indicator.id}`;
  const reportersButton = `change-reporters-${indicator.id}`;
  const close = (message: string | null, focus: string) => {
    setOpen(null);
    if (message) {
      setDone(message);
      onChanged();
    }
    focusField(focus);
  };
  return (
    <div class="prog-define prog-indicator-actions">
      {open === "period" ? (
        <NewPeriodForm
          programme={programme}
          indicator={indicator}
          onDone={(message) => close(message, periodButton)}
          onCancel={() => close(null, periodButton)}
        />
      ) : open === "reporters" ? (
        <ReportersForm
          programme={programme}
          indicator={indicator}
          indicators={indicators}
          onDone={(message) => close(message, reportersButton)}
          onCancel={() => close(null, reportersButton)}
        />
      ) : (
        <div class="prog-define-buttons">
          <button
            type="button"
            id={periodButton}
            class="button button-small"
            aria-label={t.addPeriodTo(indicator.ref)}
            onClick={() => {
              setDone(null);
              setOpen("period");
            }}
          >
            <span aria-hidden="true">+ </span>
            {t.addPeriod}
          </button>
          <button
            type="button"
            id={reportersButton}
            class="button button-small button-quiet"
            aria-label={t.changeReportersOf(indicator.ref)}
            onClick={() => {
              setDone(null);
              setOpen("reporters");
            }}
          >
            {t.changeReporters}
          </button>
        </div>
      )}
      <FormStatus message={done} />
    </div>
  );
}

const PERIOD_FIELDS = new Set([
  "start",
  "end",
  "target.value",
  "target.numerator",
  "target.denominator",
  "target.comment",
]);

function NewPeriodForm({
  programme,
  indicator,
  onDone,
  onCancel,
}: {
  programme: ProgrammeDetail;
  indicator: Indicator;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const problemText = useProblemText();
  const form = useChangeForm(`new-period-${indicator.id}`);
  const [dates, setDates] = useState(() => nextPeriod(indicator.periods, programme.period));
  const [target, setTarget] = useState<FigureFields>(NO_FIGURES);
  const [comment, setComment] = useState("");
  const measure = indicator.measure;
  useEffect(() => focusField(form.field("start").id), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const { body, problems } = periodBody({ ...dates, target, comment }, measure);
    const found: Record<string, string> = {};
    for (const [path, problem] of Object.entries(problems)) found[path] = problemText(problem);
    if (!form.check(found)) return;
    const answer = await form.run(
      (key) =>
        send<{ indicator: Indicator }>("POST", `/indicators/${indicator.id}/periods?lang=${lang}`, body, {
          idempotencyKey: key,
        }),
      (path) => {
        if (PERIOD_FIELDS.has(path)) return true;
        if (path === "target") return measure === "qualitative" ? "target.comment" : "target.value";
        return false;
      },
    );
    if (answer) onDone(t.periodAdded(indicator.ref, periodLabel(dates.start, dates.end, lang).join(" – ")));
  };

  return (
    <form
      class="stack-form prog-define-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`new-period-${indicator.id}-heading`}
      data-testid="new-period"
    >
      <h6 id={`new-period-${indicator.id}-heading`} class="prog-define-heading">
        {t.newPeriodLabel(indicator.ref)}
      </h6>
      <FormAlerts form={form} />
      <p class="hint">
        {t.periodHint(formatDate(programme.period.start, "day", lang), formatDate(programme.period.end, "day", lang))}
      </p>
      <div class="prog-form-row">
        <TextInput
          form={form}
          path="start"
          type="date"
          label={t.startLabel}
          value={dates.start}
          onInput={(start) => setDates({ ...dates, start })}
        />
        <TextInput
          form={form}
          path="end"
          type="date"
          label={t.endLabel}
          value={dates.end}
          onInput={(end) => setDates({ ...dates, end })}
        />
      </div>
      <fieldset class="field prog-define-fieldset">
        <legend>
          {t.targetLegend} <span class="optional">{t.optional}</span>
        </legend>
        {measure === "qualitative" ? (
          <TextArea
            form={form}
            path="target.comment"
            label={t.targetInWords}
            value={comment}
            onInput={setComment}
            maxLength={COOPERATION_LIMITS.comment}
            required
          />
        ) : (
          <div class="prog-form-row">
            <FigureInputs form={form} prefix="target." measure={measure} figures={target} set={setTarget} />
          </div>
        )}
        {measure === "percentage" && <p class="hint">{t.figurePartsHint}</p>}
      </fieldset>
      <div class="form-actions">
        <button
          type="submit"
          id={`new-period-${indicator.id}-submit`}
          class="button button-primary button-small"
          disabled={form.pending}
        >
          {form.pending ? t.saving : t.createPeriod}
        </button>
        <button type="button" class="button button-quiet button-small" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function ReportersForm({
  programme,
  indicator,
  indicators,
  onDone,
  onCancel,
}: {
  programme: ProgrammeDetail;
  indicator: Indicator;
  indicators: readonly Indicator[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const form = useChangeForm(`reporters-${indicator.id}`);
  const [chosen, setChosen] = useState(() => indicator.reporters.map((reporter) => reporter.id));
  const { candidates, fromAccounts } = useReporterCandidates(programme, indicators);
  useEffect(() => focusField(form.field("reporters").id), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await form.run(
      (key) =>
        send<{ indicator: Indicator }>(
          "PUT",
          `/indicators/${indicator.id}/reporters?lang=${lang}`,
          { reporters: chosen },
          { idempotencyKey: key },
        ),
      (path) => (path === "reporters" || path.startsWith("reporters.") ? "reporters" : false),
    );
    if (answer) onDone(t.reportersSaved(indicator.ref));
  };

  return (
    <form
      class="stack-form prog-define-form"
      onSubmit={submit}
      noValidate
      aria-label={t.reportersOfLabel(indicator.ref)}
      data-testid="reporters-form"
    >
      <FormAlerts form={form} />
      <ReporterChoices
        form={form}
        candidates={candidates}
        fromAccounts={fromAccounts}
        chosen={chosen}
        setChosen={setChosen}
      />
      <div class="form-actions">
        <button
          type="submit"
          id={`reporters-${indicator.id}-submit`}
          class="button button-primary button-small"
          disabled={form.pending}
        >
          {form.pending ? t.saving : t.saveReporters}
        </button>
        <button type="button" class="button button-quiet button-small" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
