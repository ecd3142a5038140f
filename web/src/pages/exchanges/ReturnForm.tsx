import { useRef, useState } from "preact/hooks";
import {
  AMOUNT_SCALES,
  completeTotals,
  expandForm,
  type FormField,
  type FormMatrix,
  MATRIX_TOTAL,
  type ValidationContext,
} from "../../../../src/domain/exchanges.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { errorText, FormError, FormStatus, focusField } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { useExchangeText } from "../../i18n/exchanges/index.ts";
import { send } from "../../lib/api.ts";
import { formatDate, today } from "../../lib/dates.ts";
import {
  cellKey,
  dashboardHref,
  fieldDomId,
  formLayout,
  hasAmounts,
  inputsOf,
  instantOf,
  type ReturnInputs,
  refusalsByField,
  totalKeys,
  totalProblems,
  valuesOf,
  withComputedTotals,
} from "./logic.ts";
import type {
  DraftResponse,
  ExchangeForm,
  RegimeResponse,
  ReturnRefusal,
  ReturnVersion,
  SubmissionResponse,
} from "./types.ts";

const label = (labels: unknown, lang: string, fallback: string) =>
  (labels as Record<string, string> | undefined)?.[lang] ?? fallback;

/** What the form's checks (live and saved) say under one field. */
type FieldNotes = {
  /** The saved draft's refusals of this field, in the reader's language. */
  refusals: string[];
  /** A total that does not add up, as typed. */
  mismatch: { expected: string } | undefined;
  /** A total left empty: its value computed from its parts. */
  computed: string | undefined;
  /** A total left empty whose parts disagree: computed once they agree. */
  waits: boolean;
};

/**
 * A state's return, written by its delegation: currency and scale, each group's tables (totals
 * computed and checked as the delegation types) and fields. "Save draft" keeps it and shows each
 * refusal under its field (and all of them at the top, each a link to its field); "Submit" asks
 * first, in words naming its effect, then saves and submits.
 */
export function ReturnForm({
  regime,
  form,
  state,
  stateName,
  year,
  deadline,
  versions,
  onChanged,
}: {
  regime: RegimeResponse;
  form: ExchangeForm;
  state: string;
  stateName: string;
  year: number;
  deadline: string;
  versions: ReturnVersion[];
  onChanged: () => void;
}) {
  const { t, lang } = useExchangeText();
  const draft = versions.find((version) => version.status === "draft");
  const submitted = versions.find((version) => version.status === "submitted");
  const [inputs, setInputs] = useState<ReturnInputs>(() => inputsOf((draft ?? submitted)?.values));
  const [refusals, setRefusals] = useState<ReturnRefusal[]>([]);
  /** Fields changed since the draft was last saved: their refusals are out of date. */
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<"save" | "submit" | null>(null);
  const [status, setStatus] = useState<{ text: string; submitted: boolean; refused?: boolean } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const summary = useRef<HTMLElement>(null);

  const context: ValidationContext = { year, today: today(), regime: regime.regime };
  const typed = valuesOf(form, inputs);
  const toSave = withComputedTotals(form, typed, context);
  const mismatches = totalProblems(form, typed, context);
  const totals = totalKeys(form);
  const completed = completeTotals(form, typed).fields;
  /** A total left empty whose parts disagree: it is computed once they agree. */
  const waits = (key: string) =>
    totals.has(key) &&
    typed.fields[key] === undefined &&
    toSave.fields[key] === undefined &&
    typeof completed[key] === "number";
  // A refusal is out of date once its field is changed; a total's, once anything is changed and
  // the total checks out as typed (totals are checked live).
  const shown = refusals.filter(
    (refusal) =>
      !edited.has(refusal.field) &&
      !(totals.has(refusal.field) && edited.size > 0 && !mismatches.has(refusal.field) && !waits(refusal.field)),
  );
  const order = new Map(
    ["currency", "scale", "nil", "year", "form", ...expandForm(form).fields.map((field) => field.key)].map(
      (key, index) => [key, index],
    ),
  );
  shown.sort((a, b) => (order.get(a.field) ?? order.size) - (order.get(b.field) ?? order.size));
  const byField = refusalsByField(shown);
  const amounts = hasAmounts(form);
  const currency = inputs.currency.trim().toUpperCase();
  const amountsIn = t.amountsIn(Number(inputs.scale) || 1, /^[A-Z]{3}$/.test(currency) ? currency : t.noCurrencyYet);
  const path = `/exchanges/${encodeURIComponent(regime.regime.code)}/returns/${encodeURIComponent(state)}/${year}`;
  const regimeName = label(regime.regime.names, lang, regime.regime.code);

  const notes = (key: string): FieldNotes => {
    const computed = totals.has(key) && typed.fields[key] === undefined ? toSave.fields[key] : undefined;
    return {
      refusals: byField.get(key) ?? [],
      mismatch: mismatches.get(key),
      computed: typeof computed === "number" ? String(computed) : undefined,
      waits: waits(key),
    };
  };

  const edit = (key: string, change: (current: ReturnInputs) => ReturnInputs) => {
    setInputs(change);
    setEdited((current) => new Set(current).add(key));
    setStatus(null);
  };
  const setField = (key: string, value: string | string[]) =>
    edit(key, (current) => ({ ...current, fields: { ...current.fields, [key]: value } }));

  const { byKey } = expandForm(form);
  const fieldName = (key: string) =>
    key === "currency"
      ? t.currencyLabel
      : key === "scale"
        ? t.scaleLabel
        : key === "nil"
          ? t.nilLabel
          : key === "year"
            ? t.colYear
            : key === "form"
              ? t.factForm
              : label(byKey.get(key)?.labels, lang, key);
  const anchorOf = (key: string) =>
    key === "currency" || key === "scale" || key === "nil" || byKey.has(key) ? fieldDomId(key) : null;

  /** Saves the draft as it stands; the refusals it answers are shown. Undefined when it could not be saved. */
  const save = async (): Promise<DraftResponse | undefined> => {
    setFormError(null);
    try {
      const answer = await send<DraftResponse>("PUT", `${path}/draft`, { ...toSave, form: form.code });
      setRefusals(answer.errors);
      setEdited(new Set());
      return answer;
    } catch (failure) {
      setFormError(errorText(failure, t.networkError));
      focusField("return-actions");
      return undefined;
    }
  };

  const showRefusals = () =>
    requestAnimationFrame(() => {
      summary.current?.focus();
      summary.current?.scrollIntoView({ block: "start" });
    });

  const onSave = async (event: Event) => {
    event.preventDefault();
    setPending("save");
    setStatus(null);
    const answer = await save();
    setPending(null);
    if (!answer) return;
    onChanged();
    const count = answer.errors.length;
    setStatus({ text: count === 0 ? t.draftSaved : t.draftRefused(count), submitted: false, refused: count > 0 });
    if (count > 0) showRefusals();
  };

  const onSubmit = async () => {
    setPending("submit");
    setStatus(null);
    const saved = await save();
    if (!saved) {
      setPending(null);
      setConfirming(false);
      return;
    }
    if (saved.errors.length > 0) {
      setPending(null);
      setConfirming(false);
      onChanged();
      setStatus({ text: t.notSubmittedRefused(saved.errors.length), submitted: false, refused: true });
      showRefusals();
      return;
    }
    try {
      await send<SubmissionResponse>("POST", `${path}/submission`);
      setConfirming(false);
      setStatus({ text: t.submittedStatus(stateName, year), submitted: true });
      onChanged();
      focusField("return-status");
    } catch (failure) {
      setConfirming(false);
      setFormError(errorText(failure, t.networkError));
      focusField("return-actions");
    } finally {
      setPending(null);
    }
  };

  const submittedDay = instantOf(submitted?.submittedAt)?.slice(0, 10) ?? null;
  const correcting = submitted !== undefined;
  const late = !correcting && context.today > deadline;

  return (
    <form
      class="xc-return-form"
      onSubmit={onSave}
      noValidate
      aria-labelledby="return-form-heading"
      data-testid="return-form"
    >
      <h2 id="return-form-heading">{submitted ? t.correctHeading : t.formHeading}</h2>
      <p class="section-intro">{t.formIntro}</p>
      {form.totals.length + form.matrices.length > 0 && <p class="hint">{t.totalsHint}</p>}
      <FormError message={formError} />
      <section
        ref={summary}
        tabIndex={-1}
        class={shown.length > 0 ? "xc-refusals form-error" : "xc-refusals"}
        data-testid="refusals"
        aria-labelledby={shown.length > 0 ? "return-refusals-heading" : undefined}
      >
        {shown.length > 0 && (
          <>
            <h3 id="return-refusals-heading">{t.refusalsHeading}</h3>
            <ul>
              {shown.map((refusal, index) => {
                const anchor = anchorOf(refusal.field);
                const text = t.refusalLine(fieldName(refusal.field), refusal.message);
                return (
                  <li key={`${refusal.field}:${index}`} data-field={refusal.field}>
                    {anchor ? (
                      <a
                        href={`#${anchor}`}
                        onClick={(event) => {
                          event.preventDefault();
                          focusField(anchor);
                        }}
                      >
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {amounts && (
        <fieldset class="card xc-fieldset" disabled={inputs.nil}>
          <legend>{t.currencyHeading}</legend>
          <div class="xc-meta-fields">
            <div class="field">
              <label for={fieldDomId("currency")}>{t.currencyLabel}</label>
              <input
                id={fieldDomId("currency")}
                class="input input-code xc-currency"
                value={inputs.currency}
                maxLength={3}
                autoCapitalize="characters"
                spellcheck={false}
                autoComplete="off"
                aria-invalid={byField.has("currency") || undefined}
                aria-describedby={describe(fieldDomId("currency"), byField.has("currency"), true)}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  edit("currency", (current) => ({ ...current, currency: value }));
                }}
              />
              <p id={`${fieldDomId("currency")}-hint`} class="hint field-hint">
                {t.currencyHint}
              </p>
              <Refusals id={fieldDomId("currency")} messages={byField.get("currency") ?? []} />
            </div>
            <div class="field">
              <label for={fieldDomId("scale")}>{t.scaleLabel}</label>
              <select
                id={fieldDomId("scale")}
                value={inputs.scale}
                aria-invalid={byField.has("scale") || undefined}
                aria-describedby={describe(fieldDomId("scale"), byField.has("scale"))}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  edit("scale", (current) => ({ ...current, scale: value }));
                }}
              >
                {AMOUNT_SCALES.map((scale) => (
                  <option key={scale} value={String(scale)}>
                    {t.scales[scale]}
                  </option>
                ))}
              </select>
              <Refusals id={fieldDomId("scale")} messages={byField.get("scale") ?? []} />
            </div>
          </div>
        </fieldset>
      )}

      {form.nilAllowed && (
        <div class="field xc-nil-field">
          <label class="xc-check" for={fieldDomId("nil")}>
            <input
              id={fieldDomId("nil")}
              type="checkbox"
              checked={inputs.nil}
              aria-describedby={describe(fieldDomId("nil"), byField.has("nil"), true)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                edit("nil", (current) => ({ ...current, nil: checked }));
              }}
            />{" "}
            {t.nilLabel}
          </label>
          <p id={`${fieldDomId("nil")}-hint`} class="hint field-hint">
            {t.nilHint}
          </p>
          <Refusals id={fieldDomId("nil")} messages={byField.get("nil") ?? []} />
        </div>
      )}

      {formLayout(form).map(({ group, items }) => (
        <fieldset key={group?.key ?? ""} class="card xc-fieldset" disabled={inputs.nil} data-group={group?.key ?? ""}>
          {group && <legend>{label(group.labels, lang, group.key)}</legend>}
          {items.map((item) =>
            item.kind === "matrix" ? (
              <MatrixInput
                key={item.matrix.key}
                matrix={item.matrix}
                inputs={inputs}
                notes={notes}
                amountsIn={amountsIn}
                onInput={setField}
              />
            ) : (
              <FieldInput
                key={item.field.key}
                field={item.field}
                inputs={inputs}
                notes={notes(item.field.key)}
                amountsIn={amountsIn}
                onInput={setField}
                onUnit={(unit) =>
                  edit(item.field.key, (current) => ({
                    ...current,
                    units: { ...current.units, [item.field.key]: unit },
                  }))
                }
              />
            ),
          )}
        </fieldset>
      ))}

      <div class="form-actions xc-actions" id="return-actions" tabIndex={-1}>
        <button type="submit" class="button" disabled={pending !== null}>
          {pending === "save" ? t.saving : t.saveDraft}
        </button>
        <button
          type="button"
          class="button button-primary"
          disabled={pending !== null}
          onClick={() => setConfirming(true)}
        >
          {t.submitReturn}
        </button>
      </div>
      <div id="return-status" tabIndex={-1} data-testid="return-status">
        <FormStatus message={status?.text ?? null} tone={status?.refused ? "info" : "success"} />
        {status?.submitted && (
          <p>
            <Link href={`${dashboardHref({ regime: regime.regime.code, from: year, to: year, state })}#dashboard`}>
              {t.seeDashboard}
            </Link>
          </p>
        )}
      </div>

      <Confirm
        open={confirming}
        title={t.confirmSubmitTitle(stateName, year)}
        confirmLabel={pending === "submit" ? t.submitting : t.confirmSubmit}
        cancelLabel={t.cancelSubmit}
        danger={false}
        pending={pending === "submit"}
        onConfirm={onSubmit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.confirmSubmitText(stateName, year, regimeName, regime.restricted)}</p>
        {correcting && submittedDay && <p>{t.confirmCorrection(formatDate(submittedDay, "day", lang))}</p>}
        {late && <p>{t.confirmLate(formatDate(deadline, "day", lang))}</p>}
      </Confirm>
    </form>
  );
}

/** The ids a field's description is made of: its hint, its refusals, and what the live checks say. */
function describe(id: string, refused: boolean, hint = false, live = false, computed = false): string | undefined {
  return (
    [hint ? `${id}-hint` : "", refused ? `${id}-error` : "", live ? `${id}-live` : "", computed ? `${id}-computed` : ""]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

function Refusals({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={`${id}-error`} class="field-error" data-testid="field-refusal">
      <span aria-hidden="true">⚠ </span>
      {messages.join(" ")}
    </p>
  );
}

/** Under a field: its refusals, else a total that does not add up as typed, else the total computed. */
function Notes({ id, notes }: { id: string; notes: FieldNotes }) {
  const { t, lang } = useExchangeText();
  const shownNumber = (text: string) => {
    const value = Number(text);
    return Number.isFinite(value) ? new Intl.NumberFormat(lang === "en" ? "en-GB" : lang).format(value) : text;
  };
  return (
    <>
      <Refusals id={id} messages={notes.refusals} />
      {notes.refusals.length === 0 && notes.mismatch && (
        <p id={`${id}-live`} class="field-error xc-live" data-testid="total-mismatch">
          <span aria-hidden="true">≠ </span>
          {t.partsAddUpTo(shownNumber(notes.mismatch.expected))}
        </p>
      )}
      {notes.waits && (
        <p id={`${id}-live`} class="hint xc-waits">
          {t.totalWaits}
        </p>
      )}
      {notes.computed !== undefined && (
        <span id={`${id}-computed`} class="visually-hidden">
          {t.computedTotal(shownNumber(notes.computed))}
        </span>
      )}
    </>
  );
}

function MatrixInput({
  matrix,
  inputs,
  notes,
  amountsIn,
  onInput,
}: {
  matrix: FormMatrix;
  inputs: ReturnInputs;
  notes: (key: string) => FieldNotes;
  amountsIn: string;
  onInput: (key: string, value: string) => void;
}) {
  const { t, lang } = useExchangeText();
  const matrixLabel = label(matrix.labels, lang, matrix.key);
  const lineLabel = (line: { key: string; labels: unknown }) =>
    line.key === MATRIX_TOTAL ? t.totalWord : label(line.labels, lang, line.key);
  const rows = [...matrix.rows, { key: MATRIX_TOTAL, labels: null }];
  const columns = [...matrix.columns, { key: MATRIX_TOTAL, labels: null }];
  const captionId = `${fieldDomId(matrix.key)}-caption`;

  const cell = (row: { key: string; labels: unknown }, column: { key: string; labels: unknown }) => {
    const key = cellKey(matrix.key, row.key, column.key);
    const id = fieldDomId(key);
    const found = notes(key);
    const isTotal = row.key === MATRIX_TOTAL || column.key === MATRIX_TOTAL;
    const grand = row.key === MATRIX_TOTAL && column.key === MATRIX_TOTAL;
    const value = inputs.fields[key];
    return (
      <td
        key={column.key}
        class={`${isTotal ? "is-total" : ""}${grand ? " is-grand" : ""}`}
        data-label={lineLabel(column)}
        data-field={key}
      >
        <input
          id={id}
          class={`input xc-cell${found.computed !== undefined ? " is-computed" : ""}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          placeholder={found.computed}
          aria-label={grand ? t.cellLabel(matrixLabel, t.totalWord) : t.cellLabel(lineLabel(row), lineLabel(column))}
          aria-invalid={found.refusals.length > 0 || found.mismatch !== undefined || undefined}
          aria-required={(grand && matrix.required) || undefined}
          aria-describedby={describe(
            id,
            found.refusals.length > 0,
            false,
            (found.refusals.length === 0 && found.mismatch !== undefined) || found.waits,
            found.computed !== undefined,
          )}
          onInput={(event) => onInput(key, event.currentTarget.value)}
        />
        <Notes id={id} notes={found} />
      </td>
    );
  };

  return (
    <div class="xc-matrix-block" data-matrix={matrix.key}>
      <div class="xc-matrix-wrap">
        <table class="xc-matrix xc-matrix-input">
          <caption id={captionId}>
            {matrixLabel}
            <span class="muted"> ({amountsIn})</span>
            {matrix.required && <span class="xc-required"> · {t.requiredMark}</span>}
          </caption>
          <thead>
            <tr>
              <td />
              {columns.map((column) => (
                <th scope="col" key={column.key} class={column.key === MATRIX_TOTAL ? "is-total" : undefined}>
                  {lineLabel(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} class={row.key === MATRIX_TOTAL ? "is-total-row" : undefined} data-row={row.key}>
                <th scope="row">{lineLabel(row)}</th>
                {columns.map((column) => cell(row, column))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FieldInput({
  field,
  inputs,
  notes,
  amountsIn,
  onInput,
  onUnit,
}: {
  field: FormField;
  inputs: ReturnInputs;
  notes: FieldNotes;
  amountsIn: string;
  onInput: (key: string, value: string | string[]) => void;
  onUnit: (unit: string) => void;
}) {
  const { t, lang } = useExchangeText();
  const id = fieldDomId(field.key);
  const name = label(field.labels, lang, field.key);
  const value = inputs.fields[field.key];
  const text = typeof value === "string" ? value : "";
  const invalid = notes.refusals.length > 0 || notes.mismatch !== undefined || undefined;
  const described = describe(
    id,
    notes.refusals.length > 0,
    false,
    (notes.refusals.length === 0 && notes.mismatch !== undefined) || notes.waits,
    notes.computed !== undefined,
  );
  const required = field.required && <span class="xc-required"> ({t.requiredMark})</span>;

  if (field.kind === "choice") {
    const chosen = Array.isArray(value) ? value : text ? [text] : [];
    return (
      <fieldset
        id={id}
        tabIndex={-1}
        class="field xc-choice"
        data-field={field.key}
        aria-invalid={invalid}
        aria-describedby={described}
      >
        <legend>
          {name}
          {required}
        </legend>
        <div class="xc-options">
          {field.options.map((option) => (
            <label key={option.value} class="xc-check">
              <input
                type={field.multiple ? "checkbox" : "radio"}
                name={id}
                value={option.value}
                checked={chosen.includes(option.value)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  if (!field.multiple) onInput(field.key, option.value);
                  else
                    onInput(
                      field.key,
                      on ? [...chosen, option.value] : chosen.filter((entry) => entry !== option.value),
                    );
                }}
              />{" "}
              {label(option.labels, lang, option.value)}
            </label>
          ))}
        </div>
        <Notes id={id} notes={notes} />
      </fieldset>
    );
  }

  const numeric = field.kind === "amount" || field.kind === "number" || field.kind === "integer";
  const unit =
    field.kind === "amount" ? amountsIn : "unit" in field && field.unit ? (t.units[field.unit] ?? field.unit) : null;
  return (
    <div class="field xc-field" data-field={field.key}>
      <label for={id}>
        {name}
        {required}
      </label>
      {field.kind === "text" && field.maxLength > 200 ? (
        <textarea
          id={id}
          class="input xc-textarea"
          rows={3}
          value={text}
          maxLength={field.maxLength}
          aria-invalid={invalid}
          aria-describedby={described}
          onInput={(event) => onInput(field.key, event.currentTarget.value)}
        />
      ) : (
        <span class="xc-input-row">
          <input
            id={id}
            class={`input${numeric ? " xc-number" : ""}${notes.computed !== undefined ? " is-computed" : ""}`}
            type="text"
            inputMode={field.kind === "integer" ? "numeric" : numeric ? "decimal" : undefined}
            autoComplete="off"
            value={text}
            placeholder={notes.computed}
            maxLength={field.kind === "text" ? field.maxLength : undefined}
            aria-invalid={invalid}
            aria-describedby={described}
            onInput={(event) => onInput(field.key, event.currentTarget.value)}
          />
          {unit && <span class="xc-unit">{unit}</span>}
          {field.kind === "number" && field.units && (
            <select
              aria-label={t.unitOf(name)}
              value={inputs.units[field.key] ?? ""}
              onChange={(event) => onUnit(event.currentTarget.value)}
            >
              <option value="">{t.chooseUnit}</option>
              {field.units.map((entry) => (
                <option key={entry} value={entry}>
                  {t.units[entry] ?? entry}
                </option>
              ))}
            </select>
          )}
        </span>
      )}
      <Notes id={id} notes={notes} />
    </div>
  );
}
