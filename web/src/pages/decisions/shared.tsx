import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, fieldError, focusField } from "../../components/Form.tsx";
import { useDecisionText, type DecisionText } from "../../i18n/decisions/index.ts";
import { intlLocale } from "../../lib/dates.ts";
import type { ShownStatus } from "../../lib/proposal-states.ts";
import type { Fraction, LiveEvent, PositionKind, Procedure } from "../../lib/types.ts";
import "./decisions.css";
import "./proposal-states.css";
import { idempotencyKey } from "../../lib/api.ts";

// ---------------------------------------------------------------- words

function fraction(value: Fraction): string {
  return `${value.numerator}/${value.denominator}`;
}

/** "Consensus", "Silence procedure until 3 March 2026, 12:00 CET", "Majority: 2/3 of all members, quorum 2/3". */
export function procedureText(procedure: Procedure, deadline: string | null, t: DecisionText, lang: string): string {
  switch (procedure.kind) {
    case "consensus":
      return t.consensus;
    case "silence":
      return deadline ? t.silenceUntil(formatMoment(deadline, lang)) : t.silence;
    case "unilateral":
      return t.unilateral;
    case "majority": {
      const base = t.bases[procedure.base];
      const quorum = fraction(procedure.quorum);
      const text =
        procedure.threshold === "simple"
          ? t.simpleMajority(base, quorum)
          : t.majority(fraction(procedure.threshold), base, quorum);
      return procedure.abstentions === "counted" ? `${text}; ${t.abstentionsCounted}` : text;
    }
  }
}

const moments = new Map<string, Intl.DateTimeFormat>();

/** A moment with its time zone, since delegations sit in many: "3 Mar 2026, 12:00 CET". */
export function formatMoment(
  iso: string | null | undefined,
  lang: string,
  options: { seconds?: boolean } = {},
): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${lang}:${options.seconds ? "s" : ""}`;
  let format = moments.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: options.seconds ? "2-digit" : undefined,
      timeZoneName: "short",
    });
    moments.set(key, format);
  }
  return format.format(date);
}

/** The reader's own time zone, named ("Europe/Madrid"), for the hints under date-time fields. */
export function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const UNITS = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
] as const;

/**
 * "2 days, 3 hr, 4 min, 5 sec" in the reader's language; days and hours only when a week or more
 * is left; without seconds when `seconds` is false (lists, which do not tick).
 */
export function formatDuration(ms: number, lang: string, options: { seconds?: boolean } = {}): string {
  const seconds = options.seconds !== false;
  let rest = Math.max(0, Math.floor(ms / 1000) * 1000);
  const parts: string[] = [];
  const long = ms >= 7 * 86_400_000;
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (long && (unit === "minute" || unit === "second")) continue;
    if (!seconds && unit === "second" && parts.length > 0) continue;
    if (count === 0 && !(unit === "second" && parts.length === 0)) continue;
    parts.push(
      new Intl.NumberFormat(intlLocale(lang), {
        style: "unit",
        unit,
        unitDisplay: unit === "day" ? "long" : "short",
      }).format(count),
    );
  }
  return new Intl.ListFormat(intlLocale(lang), { style: "short", type: "unit" }).format(parts);
}

// ---------------------------------------------------------------- time

/**
 * The server's clock, followed locally: `now` came with the answer, and the difference from the
 * browser's clock stays the same, so a wrong clock on the reader's computer does not move the
 * deadline. Ticks every second while `running`.
 */
export function useServerNow(serverNow: string | undefined, running: boolean): number {
  // Measured when an answer arrives (not in an effect: the first render must count right too).
  const offset = useRef<{ from: string | undefined; ms: number }>({ from: undefined, ms: 0 });
  if (serverNow && offset.current.from !== serverNow) {
    const parsed = Date.parse(serverNow);
    offset.current = { from: serverNow, ms: Number.isNaN(parsed) ? 0 : parsed - Date.now() };
  }
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Date.now() + offset.current.ms;
}

// ---------------------------------------------------------------- live updates

export type LiveState = "connecting" | "live" | "offline";

/**
 * Follows GET /api/v1/events. `onChange` hears every change the reader may see; `onReconnect`
 * is called when the stream comes back after a break (changes may have been missed meanwhile).
 */
export function useLiveEvents(
  onChange: (event: LiveEvent) => void,
  onReconnect: () => void,
  enabled = true,
): LiveState {
  const handlers = useRef({ onChange, onReconnect });
  handlers.current = { onChange, onReconnect };
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    // Only for someone signed in: the stream answers nobody else.
    if (!enabled) return;
    if (typeof EventSource === "undefined") {
      setState("offline");
      return;
    }
    const source = new EventSource("/api/v1/events");
    let readyBefore = false;
    source.addEventListener("ready", () => {
      setState("live");
      if (readyBefore) handlers.current.onReconnect();
      readyBefore = true;
    });
    source.addEventListener("change", (message) => {
      let event: LiveEvent;
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      } catch {
        return;
      }
      handlers.current.onChange(event);
    });
    // The browser tries again by itself after a dropped connection; a refused one (401, 503) stays closed.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => source.close();
  }, [enabled]);
  return state;
}

/**
 * `run`, at most once per `ms`: a burst of changes (a dozen delegations concurring at once) asks
 * the server once, shortly after the last of them.
 */
export function useCoalesced(run: () => void, ms = 250): () => void {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  };
}

export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useDecisionText();
  return (
    <p class={`live-indicator is-${state}`} data-live={state}>
      <span class="live-dot" aria-hidden="true" />
      {state === "live" ? t.liveOn : state === "connecting" ? t.liveConnecting : t.liveOff}
    </p>
  );
}

// ---------------------------------------------------------------- small pieces

const STATUS_ICON: Record<ShownStatus, string> = {
  open: "◷",
  "silence-broken": "⚠",
  adopted: "✓",
  "not-adopted": "✕",
  withdrawn: "↩",
};

/** Where a proposal stands, in words that say what happened: "Silence broken" rather than "Open". */
export function StatusPill({ status }: { status: ShownStatus }) {
  const { t } = useDecisionText();
  return (
    <span class={`status-pill proposal-status status-${status}`} data-testid="status">
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {status === "silence-broken" ? t.statusSilenceBroken : t.statuses[status]}
    </span>
  );
}

const POSITION_ICON: Record<PositionKind, string> = {
  concur: "✓",
  "concur-with-reservation": "✓",
  object: "✕",
  amend: "✎",
  abstain: "○",
};

/** A member's position; no position under a silence procedure (`silent`) is agreement, and says so. */
export function PositionPill({ position, silent = false }: { position: PositionKind | null; silent?: boolean }) {
  const { t } = useDecisionText();
  if (position === null && silent)
    return (
      <span class="position-pill position-silent">
        <span aria-hidden="true">… </span>
        {t.silentAgrees}
      </span>
    );
  if (position === null) return <span class="position-pill position-none">{t.noPosition}</span>;
  return (
    <span class={`position-pill position-${position}`}>
      <span aria-hidden="true">{POSITION_ICON[position]} </span>
      {t.positionNames[position]}
    </span>
  );
}

export function ReconstructedTag() {
  const { t } = useDecisionText();
  return (
    <span class="tag tag-reconstructed" title={t.reconstructedHint}>
      {t.reconstructed}
    </span>
  );
}

// ---------------------------------------------------------------- form fields

interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null | undefined;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldFoot({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string | null | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

function Label({
  id,
  label,
  required,
  markRequired,
}: {
  id: string;
  label: ComponentChildren;
  required?: boolean;
  /** Says "(required)" beside the label, where a field is required only for some choices. */
  markRequired?: boolean;
}) {
  const { t } = useDecisionText();
  return (
    <label for={id}>
      {label}
      {required === false && <span class="optional"> {t.optional}</span>}
      {required && markRequired && <span class="required-mark"> {t.required}</span>}
    </label>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  required,
  value,
  onInput,
  rows = 4,
  maxLength,
  markRequired,
}: FieldProps & {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  maxLength?: number;
  markRequired?: boolean;
}) {
  return (
    <div class="field">
      <Label id={id} label={label} required={required} markRequired={markRequired} />
      <textarea
        id={id}
        class="input textarea"
        rows={rows}
        value={value}
        maxLength={maxLength}
        required={markRequired ? required : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldFoot id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  children,
}: FieldProps & { value: string; onChange: (value: string) => void; children: ComponentChildren }) {
  return (
    <div class="field">
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {children}
      </select>
      <FieldFoot id={id} hint={hint} error={error} />
    </div>
  );
}

/** A date and time in the reader's own time zone; the value is `YYYY-MM-DDTHH:MM` as typed. */
export function DateTimeField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onInput,
  min,
}: FieldProps & { value: string; onInput: (value: string) => void; min?: string }) {
  const { t } = useDecisionText();
  const fullHint = (
    <>
      {hint && <>{hint} </>}
      {t.yourTimeZone(timeZoneName())}
    </>
  );
  return (
    <div class="field">
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        type="datetime-local"
        class="input input-datetime"
        value={value}
        min={min}
        // The native attribute, which the browser maps to "required" for a date input (it has no
        // ARIA role to carry aria-required); the form is `noValidate`, so it blocks nothing.
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, true, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldFoot id={id} hint={fullHint} error={error} />
    </div>
  );
}

/** The state of a form that sends one change: pending, errors per field, the form's own error. */
export function useChangeForm(prefix: string) {
  const { t } = useDecisionText();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const key = useRef(idempotencyKey());
  return {
    pending,
    errors,
    formError,
    /** Client-side checks first; returns false (and focuses the first problem) when any fail. */
    check(found: Record<string, string>): boolean {
      setErrors(found);
      setFormError(null);
      const first = Object.keys(found)[0];
      if (first) focusField(`${prefix}-${first}`);
      return !first;
    },
    async run<T>(work: (key: string) => Promise<T>, fields: readonly string[]): Promise<T | undefined> {
      setPending(true);
      try {
        const answer = await work(key.current);
        key.current = idempotencyKey();
        return answer;
      } catch (failure) {
        const { field, text } = fieldError(failure);
        if (field && fields.includes(field)) {
          setErrors({ [field]: text });
          focusField(`${prefix}-${field}`);
        } else {
          setFormError(errorText(failure, t.networkError));
          focusField(`${prefix}-submit`);
        }
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}
