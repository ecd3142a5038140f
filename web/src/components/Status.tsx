import type { ApiError } from "../lib/api.ts";
import { useI18n } from "../i18n/index.ts";
import { signInHref } from "../lib/router.ts";
import { Link } from "./Link.tsx";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label ?? t.loading}
    </p>
  );
}

/** Shows the API's own error message, with a way to try again. */
export function ErrorBox({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="error-box" role="alert">
      <p class="error-title">{t.errorTitle}</p>
      <p class="error-message">{error.message}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/**
 * An error from a page about people: "sign in first" (401) offers the sign-in page and comes
 * back here; "not allowed" (403) shows the API's reason; anything else can be tried again.
 */
export function AccessErrorBox({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = (error as ApiError).status;
  if (status !== 401 && status !== 403) return <ErrorBox error={error} onRetry={onRetry} />;
  return (
    <div class="error-box" role="alert">
      <p class="error-title">{status === 401 ? t.signInNeeded : t.notAllowed}</p>
      <p class="error-message">{error.message}</p>
      {status === 401 ? (
        <Link class="button button-primary" href={signInHref(window.location.pathname + window.location.search)}>
          {t.signIn}
        </Link>
      ) : (
        <Link href="/">{t.backToMap}</Link>
      )}
    </div>
  );
}
