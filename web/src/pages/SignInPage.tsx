import { useRef, useState } from "preact/hooks";
import { FormError, TextField, errorText, focusField } from "../components/Form.tsx";
import { Link } from "../components/Link.tsx";
import { Loading } from "../components/Status.tsx";
import { useI18n } from "../i18n/index.ts";
import { ApiError, apiUrl, useApi } from "../lib/api.ts";
import { href, navigate, safeReturnTo, type Location } from "../lib/router.ts";
import { CookieRefusedError, useSession } from "../lib/session.tsx";
import type { AuthProviders } from "../lib/types.ts";

export function SignInPage({ location }: { location: Location }) {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  const returnTo = safeReturnTo(location.query.get("returnTo"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const passwordInput = useRef<HTMLInputElement>(null);
  // Single sign-on, when the server offers it. A server without the endpoint (404) offers none.
  const providers = useApi<AuthProviders>(apiUrl("/auth/providers"), { cache: false });
  const sso = providers.data?.oidc.enabled && providers.data.oidc.startUrl ? providers.data.oidc.startUrl : null;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const empty = { email: email.trim() === "", password: password === "" };
    setMissing(empty);
    if (empty.email || empty.password) {
      setError(null);
      focusField(empty.email ? "sign-in-email" : "sign-in-password");
      return;
    }
    setPending(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(returnTo ?? "/");
    } catch (failure) {
      setPassword("");
      if (failure instanceof CookieRefusedError) setError(t.cookiesRefused);
      else if (failure instanceof ApiError && failure.status === 429) setError(failure.message);
      else setError(errorText(failure, t.networkError));
      focusField(null, passwordInput.current);
    } finally {
      setPending(false);
    }
  };

  if (session === undefined) return <Loading />;

  if (session.account) {
    return (
      <div class="page page-auth">
        <div class="auth-card card">
          <h1>{t.signInTitle}</h1>
          <p>{t.alreadySignedIn(session.account.displayName)}</p>
          <p class="auth-links">
            <Link href={returnTo ?? "/account"} class="button button-primary">
              {returnTo ? t.continueTo : t.goToAccount}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div class="page page-auth">
      <div class="auth-card card">
        <h1>{t.signInTitle}</h1>
        <p class="lede auth-lede">{t.signInIntro}</p>
        <form class="stack-form" onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
          <div id="sign-in-error">
            <FormError message={error} />
          </div>
          <TextField
            id="sign-in-email"
            label={t.email}
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            value={email}
            onInput={setEmail}
            required
            error={missing.email ? t.enterEmail : null}
          />
          <div class="field">
            <label for="sign-in-password">{t.password}</label>
            <div class="password-wrap">
              <input
                id="sign-in-password"
                class="input"
                type={(showPassword ? "text" : "password") as "password"}
                autoComplete="current-password"
                value={password}
                ref={passwordInput}
                aria-required="true"
                aria-invalid={missing.password ? true : undefined}
                aria-describedby={missing.password ? "sign-in-password-error" : undefined}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
              <button
                type="button"
                class="reveal-button"
                aria-pressed={showPassword}
                aria-controls="sign-in-password"
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? t.hidePassword : t.showPassword}
              </button>
            </div>
            {missing.password && (
              <p id="sign-in-password-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {t.enterPassword}
              </p>
            )}
          </div>
          <button type="submit" class="button button-primary button-block" disabled={pending}>
            {pending ? t.signingIn : t.signIn}
          </button>
        </form>
        {sso && (
          <>
            <p class="or-divider">
              <span>{t.or}</span>
            </p>
            <a class="button button-block" href={href(sso, { returnTo })}>
              {t.signInWithSso}
            </a>
          </>
        )}
        <p class="hint auth-help">{t.forgotPassword}</p>
      </div>
    </div>
  );
}
