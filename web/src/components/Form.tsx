import type { ComponentChildren, Ref } from "preact";
import { useI18n } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";

/**
 * The API names the field at fault (`json.newPassword: must be at least 12 characters long`):
 * split that into the field and what is wrong with it, so the message can sit under the input.
 */
export function fieldError(error: unknown): { field: string | null; text: string } {
  const message = error instanceof Error ? error.message : String(error);
  // Request validation says `json.field`; the services' own checks say `body.field`.
  const match = /^(?:json|body|query|param)\.([\w.]+): ([\s\S]+)$/.exec(message);
  if (!match?.[1] || !match[2]) return { field: null, text: message };
  const text = match[2];
  return { field: match[1], text: text.charAt(0).toUpperCase() + text.slice(1) };
}

/** A failed request's message for people: the API's own words, or the network's. */
export function errorText(error: unknown, networkText: string): string {
  if (error instanceof ApiError && error.status === 0) return networkText;
  return error instanceof Error ? error.message : String(error);
}

interface InputProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "password" | "search" | "date";
  autoComplete?: string;
  hint?: ComponentChildren;
  error?: string | null | undefined;
  required?: boolean;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  list?: string;
  maxLength?: number;
  spellcheck?: boolean;
  class?: string;
  inputClass?: string;
  autoCapitalize?: "none" | "characters" | "off" | "on" | "sentences" | "words";
}

/** A labelled input with its hint and its error, tied together for assistive technology. */
export function TextField({
  id,
  label,
  value,
  onInput,
  type = "text",
  hint,
  error,
  required,
  inputRef,
  class: className,
  inputClass,
  ...rest
}: InputProps) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${className ? ` ${className}` : ""}`}>
      <label for={id}>
        {label}
        {required === false && <span class="optional"> {t.optional}</span>}
      </label>
      <input
        id={id}
        type={type as "text"}
        value={value}
        ref={inputRef}
        class={`input${inputClass ? ` ${inputClass}` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete={rest.autoComplete}
        placeholder={rest.placeholder}
        list={rest.list}
        maxLength={rest.maxLength}
        spellcheck={rest.spellcheck}
        autoCapitalize={rest.autoCapitalize}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p id={hintId} class="hint field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The outcome of a form, announced politely: the region is always in the page, so that screen
 * readers notice when words appear in it. `tone` colours it; the words say it.
 */
export function FormStatus({
  message,
  tone = "success",
  id,
}: {
  message: string | null;
  tone?: "success" | "info";
  id?: string;
}) {
  return (
    <div id={id} class={`form-status${message ? ` is-${tone}` : ""}`} role="status" aria-live="polite">
      {message && (
        <>
          <span class="form-status-icon" aria-hidden="true">
            {tone === "success" ? "✓" : "ℹ"}
          </span>
          <span>{message}</span>
        </>
      )}
    </div>
  );
}

/** A form's failure, announced at once. */
export function FormError({ message, children }: { message: string | null; children?: ComponentChildren }) {
  if (!message) return null;
  return (
    <div class="form-error" role="alert">
      <span class="form-error-icon" aria-hidden="true">
        ⚠
      </span>
      <div>
        <p>{message}</p>
        {children}
      </div>
    </div>
  );
}

/** Moves focus to the first field the API complained about (or to `fallback`). */
export function focusField(id: string | null, fallback?: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target = (id ? document.getElementById(id) : null) ?? fallback;
    target?.focus();
  });
}

/**
 * A form's failure at the top (announced at once), and its fields' problems read out as well:
 * each also sits under its field, tied to it, and focus moves to the first.
 */
export function FormAlerts({ form }: { form: { formError: string | null; errors: Record<string, string> } }) {
  return (
    <>
      <FormError message={form.formError} />
      <p class="visually-hidden" role="alert">
        {Object.values(form.errors).join(" ")}
      </p>
    </>
  );
}
