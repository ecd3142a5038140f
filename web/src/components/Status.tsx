import type { ApiError } from '../lib/api.ts';
import { useI18n } from '../i18n/index.ts';

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
