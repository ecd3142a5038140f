import { useEffect, useRef, useState } from "preact/hooks";
import { useText } from "../i18n/accounts/index.ts";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): try the older way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  active?.focus();
  return done;
}

/** Copies `text`, then says so (on the button, and to screen readers). */
export function CopyButton({ text, label, class: className }: { text: string; label?: string; class?: string }) {
  const { t } = useText();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <span class="copy">
      <button
        type="button"
        class={`button button-copy${state === "copied" ? " is-done" : ""}${className ? ` ${className}` : ""}`}
        onClick={async () => {
          const ok = await writeClipboard(text);
          setState(ok ? "copied" : "failed");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setState("idle"), 4000);
        }}
      >
        <span aria-hidden="true">{state === "copied" ? "✓" : "⧉"}</span>{" "}
        {state === "copied" ? t.copied : (label ?? t.copy)}
      </button>
      <span class="visually-hidden" role="status" aria-live="polite">
        {state === "copied" ? t.copiedToClipboard : state === "failed" ? t.copyFailed : ""}
      </span>
    </span>
  );
}

/**
 * "Are you sure?" in place of the button that asked: focus moves to the confirming button,
 * Escape or Cancel goes back.
 */
export function ConfirmInline({
  text,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useText();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <fieldset
      class="confirm"
      aria-label={text}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <span class="confirm-text">{text}</span>
      <span class="confirm-buttons">
        <button type="button" class="button button-danger" ref={confirm} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </span>
    </fieldset>
  );
}
