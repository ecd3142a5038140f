import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/index.ts";
import { addYears, clampDay, dayFromIndex, dayIndex, FIRST_DAY, formatDate, isDay, today } from "../lib/dates.ts";
import { useLocation } from "../lib/router.ts";
import { readDate } from "../lib/useDate.ts";

interface Props {
  value: string;
  onChange: (day: string) => void;
  /** Distinguishes the ids when a page has more than one control. */
  idPrefix?: string;
  /** Shows the chosen date in words beside the input (off where a heading already says it). */
  readout?: boolean;
}

const DECADES = [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020];

/**
 * The registry's "as of" date: a native date input and a native range slider kept in step.
 * The slider moves by days (Page Up/Down by years); while it is dragged, the page is asked
 * to load only after a short pause.
 */
export function DateControl({ value, onChange, idPrefix = "date", readout = true }: Props) {
  const { t, lang } = useI18n();
  const max = today();
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const dateInput = useRef<HTMLInputElement>(null);
  // A date in the link that the page could not use (malformed, out of range): said, not hidden.
  const { refused } = readDate(useLocation().query, max);

  useEffect(() => setDraft(value), [value]);
  // The date input is left alone while someone types in it: writing its value mid-edit would
  // reset the segment being typed (a year is "0001", "0019", "0199" before it is "1999").
  useLayoutEffect(() => {
    const input = dateInput.current;
    if (input && document.activeElement !== input && input.value !== draft) input.value = draft;
  }, [draft]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (day: string, immediate: boolean) => {
    const next = clampDay(day, FIRST_DAY, max);
    setDraft(next);
    setInvalid(false);
    clearTimeout(timer.current);
    if (immediate) {
      if (next !== value) onChange(next);
    } else {
      timer.current = setTimeout(() => onChange(next), 160);
    }
  };

  const maxIndex = dayIndex(max);
  const inputId = `${idPrefix}-input`;
  const sliderId = `${idPrefix}-slider`;
  const helpId = `${idPrefix}-help`;
  const errorId = `${idPrefix}-error`;
  const spoken = formatDate(draft, "day", lang);

  return (
    <div class="date-control">
      {refused && (
        <p class="date-refused" role="alert" data-testid="date-refused">
          {t.dateRefused(
            refused.given,
            refused.reason,
            formatDate(refused.first, "day", lang),
            formatDate(refused.last, "day", lang),
          )}
        </p>
      )}
      <div class="date-control-row">
        <div class="field date-field">
          <label for={inputId}>{t.date}</label>
          <input
            id={inputId}
            type="date"
            min={FIRST_DAY}
            max={max}
            ref={dateInput}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onInput={(event) => {
              const text = event.currentTarget.value;
              if (isDay(text) && text >= FIRST_DAY && text <= max) commit(text, true);
            }}
            onBlur={(event) => {
              const text = event.currentTarget.value;
              if (isDay(text) && text >= FIRST_DAY && text <= max) return;
              // Out of range or unfinished: say so, and show the date still in force.
              setInvalid(text !== "");
              event.currentTarget.value = draft;
            }}
          />
        </div>
        {readout ? (
          <output class="date-readout" for={`${inputId} ${sliderId}`}>
            {spoken}
          </output>
        ) : (
          <span class="date-spacer" />
        )}
        <button type="button" class="button button-quiet" onClick={() => commit(max, true)} disabled={draft === max}>
          {t.today}
        </button>
      </div>
      {invalid && (
        <p id={errorId} class="field-error">
          {t.dateOutOfRange(formatDate(FIRST_DAY, "day", lang), formatDate(max, "day", lang))}
        </p>
      )}
      <div class="slider-field">
        <label for={sliderId} class="slider-label">
          {t.dateSlider}
        </label>
        <input
          id={sliderId}
          class="slider"
          type="range"
          min={0}
          max={maxIndex}
          step={1}
          value={dayIndex(draft)}
          aria-valuetext={spoken}
          aria-describedby={helpId}
          style={{ "--fill": `${(dayIndex(draft) / maxIndex) * 100}%` }}
          onInput={(event) => commit(dayFromIndex(Number(event.currentTarget.value)), false)}
          onChange={(event) => commit(dayFromIndex(Number(event.currentTarget.value)), true)}
          onKeyDown={(event) => {
            if (event.key === "PageUp" || event.key === "PageDown") {
              event.preventDefault();
              commit(addYears(draft, event.key === "PageUp" ? 1 : -1), true);
            }
          }}
        />
        <div class="ticks" aria-hidden="true">
          {DECADES.map((year) => (
            <span
              class={`tick${year % 20 === 0 ? "" : " tick-minor"}`}
              style={{ "--at": dayIndex(`${year}-01-01`) / maxIndex }}
            >
              {year}
            </span>
          ))}
        </div>
        <p id={helpId} class="hint">
          {t.dateHelp}
        </p>
      </div>
    </div>
  );
}
