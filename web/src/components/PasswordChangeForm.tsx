import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useText } from "../i18n/accounts/index.ts";
import { send } from "../lib/api.ts";
import { useSession } from "../lib/session.tsx";
import { FormError, FormStatus, TextField, errorText, fieldError, focusField } from "./Form.tsx";

/** What `PUT /account/password` answers. */
export interface PasswordChanged {
  csrfToken: string;
  tokensRevoked: number;
  tokensRemaining: number;
}

/**
 * Changing one's own password: the current one, the new one twice. Ids are `${idPrefix}-current`,
 * `${idPrefix}-new` and `${idPrefix}-repeat`. The server ends every session of the account and
 * starts a fresh one here, whose token is adopted before `onChanged` is called.
 *
 * `layout`: "card" puts the button in an actions row and announces what `onChanged` returns under
 * it; "auth" (the sign-in card) has a full-width button and no announcement (the page goes away).
 */
export function PasswordChangeForm({
  idPrefix,
  currentLabel,
  layout,
  labelledBy,
  extraBody,
  onChanged,
  children,
}: {
  idPrefix: string;
  currentLabel: string;
  layout: "card" | "auth";
  labelledBy?: string;
  /** More of the request's body (e.g. `revokeTokens`). */
  extraBody?: Record<string, unknown>;
  /** After the change; what it returns is announced (layout "card"). */
  onChanged?: (answer: PasswordChanged) => string | undefined;
  /** Further controls, between the fields and the button. */
  children?: ComponentChildren;
}) {
  const { t } = useText();
  const { adoptCsrfToken } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { current: `${idPrefix}-current`, new: `${idPrefix}-new`, repeat: `${idPrefix}-repeat` };
  // The API's field names, to the inputs they are about.
  const fieldIds: Record<string, string> = { currentPassword: ids.current, newPassword: ids.new };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    setFormError(null);
    const found: Record<string, string> = {};
    if (!current) found[ids.current] = t.enterCurrentPassword;
    if (!next) found[ids.new] = t.enterNewPassword;
    else if (next !== repeat) found[ids.repeat] = t.passwordsDiffer;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focusField(first);
      return;
    }
    setPending(true);
    try {
      const answer = await send<PasswordChanged>("PUT", "/account/password", {
        currentPassword: current,
        newPassword: next,
        ...extraBody,
      });
      await adoptCsrfToken(answer.csrfToken);
      setCurrent("");
      setNext("");
      setRepeat("");
      setDone(onChanged?.(answer) ?? null);
    } catch (failure) {
      const { field, text } = fieldError(failure);
      const id = field ? fieldIds[field] : undefined;
      if (id) {
        setErrors({ [id]: text });
        focusField(id);
      } else {
        setFormError(errorText(failure, t.networkError));
      }
    } finally {
      setPending(false);
    }
  };

  const button = (
    <button type="submit" class={`button button-primary${layout === "auth" ? " button-block" : ""}`} disabled={pending}>
      {pending ? t.saving : t.changePassword}
    </button>
  );

  return (
    <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <FormError message={formError} />
      <TextField
        id={ids.current}
        label={currentLabel}
        type="password"
        autoComplete="current-password"
        value={current}
        onInput={setCurrent}
        error={errors[ids.current]}
        required
      />
      <TextField
        id={ids.new}
        label={t.newPassword}
        type="password"
        autoComplete="new-password"
        value={next}
        onInput={setNext}
        hint={t.newPasswordHint}
        error={errors[ids.new]}
        required
      />
      <TextField
        id={ids.repeat}
        label={t.repeatPassword}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onInput={setRepeat}
        error={errors[ids.repeat]}
        required
      />
      {children}
      {layout === "auth" ? (
        button
      ) : (
        <>
          <div class="form-actions">{button}</div>
          <FormStatus message={done} />
        </>
      )}
    </form>
  );
}
