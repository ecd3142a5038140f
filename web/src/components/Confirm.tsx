import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import "./Confirm.css";

let counter = 0;

/**
 * Asks before an action that cannot be taken back: a title that asks the question, a text that
 * names the effect, the action's own label, and a way out. A native modal <dialog>: focus moves
 * into it (to the way out, the safer choice) and stays there, Escape cancels, and focus returns
 * to where it was (the button that asked) when it closes. Nothing happens until `onConfirm`.
 */
export function Confirm({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = true,
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  /** The question, naming what is acted on: "Break silence on proposal 17?" */
  title: ComponentChildren;
  /** What will happen, in words: the effect for everyone concerned. */
  children: ComponentChildren;
  /** The action itself ("Break silence"), never a bare "OK". */
  confirmLabel: ComponentChildren;
  cancelLabel: ComponentChildren;
  /** The action ends or removes something (drawn as a warning). */
  danger?: boolean;
  /** The action is under way: both buttons wait. */
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const ids = useRef<string | null>(null);
  if (ids.current === null) ids.current = `confirm-${++counter}`;
  const id = ids.current;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof element.showModal === "function") element.showModal();
      else element.setAttribute("open", "");
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);

  // Closed by the page going away while open: give focus back all the same.
  useEffect(
    () => () => {
      const back = returnTo.current;
      if (back?.isConnected) back.focus();
    },
    [],
  );

  return (
    <dialog
      ref={dialog}
      class={`confirm-dialog${danger ? " is-danger" : ""}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      // Escape: the dialog's own cancel, turned into ours so that `open` stays the one truth.
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="confirm-dialog-title">
        {title}
      </h2>
      <div id={`${id}-text`} class="confirm-dialog-text">
        {children}
      </div>
      <div class="confirm-dialog-actions">
        <button ref={cancel} type="button" class="button" disabled={pending} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          class={`button ${danger ? "button-danger" : "button-primary"}`}
          disabled={pending}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
