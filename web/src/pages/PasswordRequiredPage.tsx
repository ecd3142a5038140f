import { useState } from "preact/hooks";
import { FormError, TextField, errorText, fieldError, focusField } from "../components/Form.tsx";
import { useText } from "../i18n/accounts/index.ts";
import { send } from "../lib/api.ts";
import { useSession } from "../lib/session.tsx";

const FIELDS: Record<string, string> = { currentPassword: "required-current", newPassword: "required-new" };

/**
 * Shown in place of every page while the session's password is one an administrator set
 * (`abilities.account.passwordChangeRequired`): the API refuses everything else until it is
 * changed. Once changed, the session is asked again and the page that was asked for appears.
 */
export default function PasswordRequiredPage() {
  const { t } = useText();
  const { session, adoptCsrfToken, signOut } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const found: Record<string, string> = {};
    if (!current) found["required-current"] = t.enterCurrentPassword;
    if (!next) found["required-new"] = t.enterNewPassword;
    else if (next !== repeat) found["required-repeat"] = t.passwordsDiffer;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focusField(first);
      return;
    }
    setPending(true);
    try {
      const answer = await send<{ csrfToken: string }>("PUT", "/account/password", {
        currentPassword: current,
        newPassword: next,
      });
      // A fresh session without the flag: asking for it again shows the page that was asked for.
      await adoptCsrfToken(answer.csrfToken);
    } catch (failure) {
      const { field, text } = fieldError(failure);
      const id = field ? FIELDS[field] : undefined;
      if (id) {
        setErrors({ [id]: text });
        focusField(id);
      } else setFormError(errorText(failure, t.networkError));
      setPending(false);
    }
  };

  return (
    <div class="page page-auth">
      <div class="auth-card card">
        <h1 id="password-required-heading">{t.passwordRequiredTitle}</h1>
        <p class="lede auth-lede">{t.passwordRequiredIntro}</p>
        {session?.account && <p class="muted">{session.account.email}</p>}
        <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby="password-required-heading">
          <FormError message={formError} />
          <TextField
            id="required-current"
            label={t.temporaryPasswordCurrent}
            type="password"
            autoComplete="current-password"
            value={current}
            onInput={setCurrent}
            error={errors["required-current"]}
            required
          />
          <TextField
            id="required-new"
            label={t.newPassword}
            type="password"
            autoComplete="new-password"
            value={next}
            onInput={setNext}
            hint={t.newPasswordHint}
            error={errors["required-new"]}
            required
          />
          <TextField
            id="required-repeat"
            label={t.repeatPassword}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onInput={setRepeat}
            error={errors["required-repeat"]}
            required
          />
          <button type="submit" class="button button-primary button-block" disabled={pending}>
            {pending ? t.saving : t.changePassword}
          </button>
        </form>
        <p class="auth-links">
          <button type="button" class="link-button" onClick={() => void signOut()}>
            {t.signOut}
          </button>
        </p>
      </div>
    </div>
  );
}
