import { PasswordChangeForm } from "../components/PasswordChangeForm.tsx";
import { useText } from "../i18n/accounts/index.ts";
import { useSession } from "../lib/session.tsx";

/**
 * Shown in place of every page while the session's password is one an administrator set
 * (`abilities.account.passwordChangeRequired`): the API refuses everything else until it is
 * changed. Once changed, the session is asked again and the page that was asked for appears.
 */
export default function PasswordRequiredPage() {
  const { t } = useText();
  const { session, signOut } = useSession();

  return (
    <div class="page page-auth">
      <div class="auth-card card">
        <h1 id="password-required-heading">{t.passwordRequiredTitle}</h1>
        <p class="lede auth-lede">{t.passwordRequiredIntro}</p>
        {session?.account && <p class="muted">{session.account.email}</p>}
        {/* The fresh session it adopts has no flag: the page that was asked for appears. */}
        <PasswordChangeForm
          idPrefix="required"
          currentLabel={t.temporaryPasswordCurrent}
          layout="auth"
          labelledBy="password-required-heading"
        />
        <p class="auth-links">
          <button type="button" class="link-button" onClick={() => void signOut()}>
            {t.signOut}
          </button>
        </p>
      </div>
    </div>
  );
}
