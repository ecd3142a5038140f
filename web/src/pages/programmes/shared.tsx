import { Breadcrumbs as Trail, type Crumb } from "../../components/Breadcrumbs.tsx";
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { errorText, focusField } from "../../components/Form.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import type { VersionStatus } from "./types.ts";
import { fieldErrors, fieldId, percentOf } from "./logic.ts";
import type { SourceMention } from "./types.ts";
import "./programmes.css";
import { idempotencyKey } from "../../lib/api.ts";

/** "Partnership programmes / Colombia: IPCP / …": where the page sits. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useProgrammeText();
  return <Trail label={t.breadcrumb} trail={trail} current={current} />;
}

/** A version's status: a colour, and always the word. */
export function VersionStatusPill({ status }: { status: VersionStatus }) {
  const { t } = useProgrammeText();
  return (
    <span class={`prog-status prog-status-${status}`} data-status={status}>
      {t.versionStatuses[status]}
    </span>
  );
}

export function ReconstructedTag() {
  const { t } = useProgrammeText();
  return (
    <span class="prog-tag prog-tag-reconstructed" title={t.reconstructedHint}>
      {t.reconstructed}
      <span class="visually-hidden">: {t.reconstructedHint}</span>
    </span>
  );
}

/**
 * How far from the baselines towards the targets: the figure (read aloud in words) and a bar
 * drawn beside it for the eye only.
 */
export function ProgressMeter({ share, testId }: { share: number | null; testId?: string }) {
  const { t } = useProgrammeText();
  const pct = percentOf(share);
  return (
    <span class="prog-progress" data-testid={testId} data-progress={pct ?? ""}>
      {pct === null ? (
        <span class="prog-progress-text muted">{t.noProgress}</span>
      ) : (
        <>
          <span class="prog-progress-text" aria-hidden="true">
            {t.progressShort(pct)}
          </span>
          <span class="visually-hidden">{t.progressWords(pct)}</span>
          <span class="prog-progress-bar" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </span>
        </>
      )}
    </span>
  );
}

/** A fact's source and the quote it rests on, compactly. */
export function Citation({ source, quote }: { source: SourceMention | null; quote: string | null }) {
  const { t } = useProgrammeText();
  if (!source && !quote) return null;
  return (
    <div class="prog-citation" data-source={source?.id}>
      {source && (
        <p class="prog-citation-source">
          <span class="muted">{t.source}: </span>
          {source.url ? (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.title}
              <span class="visually-hidden"> {t.opensInNewTab}</span>
              <span aria-hidden="true"> ↗</span>
            </a>
          ) : (
            <cite>{source.title}</cite>
          )}
          {source.publisher && <span class="muted"> · {source.publisher}</span>}
        </p>
      )}
      {quote && (
        <blockquote class="prog-quote">
          <p>{quote}</p>
        </blockquote>
      )}
    </div>
  );
}

export type ChangeForm = ReturnType<typeof useChangeForm>;

/**
 * The state of a form that sends one change: pending, errors per field (by the API's path of
 * the field, `objectives.0.goals.1.ref`), the form's own error. Inputs have the id
 * `${prefix}-${path with dashes}`, so the API's refusal lands next to the field it names, and
 * focus moves there.
 */
export function useChangeForm(prefix: string) {
  const { t } = useProgrammeText();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const key = useRef(idempotencyKey());
  return {
    prefix,
    pending,
    errors,
    formError,
    /** The error under a field, and the attributes that tie it to its input. */
    field(path: string): { id: string; error: string | undefined } {
      return { id: fieldId(prefix, path), error: errors[path] };
    },
    /** Client-side checks first; returns false (and focuses the first problem) when any fail. */
    check(found: Record<string, string>): boolean {
      setErrors(found);
      setFormError(null);
      const first = Object.keys(found)[0];
      if (first) focusField(fieldId(prefix, first));
      return !first;
    },
    reset() {
      setErrors({});
      setFormError(null);
    },
    /**
     * Sends the change; a refusal naming fields the form shows goes under each (`place` says
     * whether the form has the field, or which of its fields stands for it); anything else is the
     * form's error.
     */
    async run<T>(work: (key: string) => Promise<T>, place: (path: string) => boolean | string): Promise<T | undefined> {
      setPending(true);
      setFormError(null);
      try {
        const answer = await work(key.current);
        key.current = idempotencyKey();
        setErrors({});
        return answer;
      } catch (failure) {
        const message = errorText(failure, t.networkError);
        const { fields, rest } = fieldErrors(message);
        const shown: Record<string, string> = {};
        const unplaced = [...rest];
        for (const [path, text] of Object.entries(fields)) {
          const placed = place(path);
          const at = placed === true ? path : placed === false ? null : placed;
          if (at !== null && shown[at] === undefined) shown[at] = text;
          else unplaced.push(`${path}: ${text}`);
        }
        setErrors(shown);
        setFormError(unplaced.length > 0 ? unplaced.join(" ") : null);
        const first = Object.keys(shown)[0];
        focusField(first ? fieldId(prefix, first) : `${prefix}-submit`);
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}

/** A field's error, tied to its input by id (`${id}-error`). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

/** The attributes tying an input to its hint and error. */
export function describedBy(id: string, error: string | undefined, hint = false): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A card with a heading, for the page's side column. */
export function SideCard({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: ComponentChildren;
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <section class="card prog-side-card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
