import { useI18n } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import type { PendingNotice, PendingNoticesResponse } from "../lib/types.ts";

/**
 * Notices given by a state (or to an organisation) that have not taken effect yet: "notice given
 * on D, takes effect on E", sourced to the notice (the registry's source `notice-<id>`), and
 * whether the depositary has acknowledged it. Public, as the registry is; shows nothing when
 * there is none. `relationId` narrows it to the notices on one relation.
 */
export function PendingNotices({
  actor,
  relationId,
  nameOf,
}: {
  actor: string;
  relationId?: number;
  nameOf: (code: string) => string;
}) {
  const { t, lang } = useI18n();
  const answer = useApi<PendingNoticesResponse>(apiUrl(`/actors/${encodeURIComponent(actor)}/pending-notices`, {}), {
    cache: false,
  });
  const notices = (answer.data?.notices ?? []).filter(
    (notice: PendingNotice) => relationId === undefined || notice.relationId === relationId,
  );
  if (notices.length === 0) return null;
  return (
    <section class="card pending-notices" aria-labelledby="pending-notices-heading" data-testid="pending-notices">
      <h2 id="pending-notices-heading">{t.pendingNotices.heading}</h2>
      <ul class="plain-list">
        {notices.map((notice) => (
          <li key={notice.id} data-notice={notice.id}>
            <p>
              {t.pendingNotices.given(
                notice.kind,
                nameOf(notice.state),
                nameOf(notice.organization),
                formatDate(notice.filedOn, "day", lang),
                formatDate(notice.effectiveOn, "day", lang),
              )}
            </p>
            <p class="muted small-note">
              {notice.acknowledged ? t.pendingNotices.acknowledged : t.pendingNotices.awaiting}{" "}
              {t.pendingNotices.source}: <code>{notice.sourceId}</code>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
