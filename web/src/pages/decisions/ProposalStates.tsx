import { useDecisionText } from "../../i18n/decisions/index.ts";
import { intlLocale } from "../../lib/dates.ts";
import { silenceBreak } from "../../lib/proposal-states.ts";
import type { Proposal } from "../../lib/types.ts";
import { formatMoment, useServerNow } from "./shared.tsx";

/**
 * A silence procedure whose silence was broken, said where it is seen first: who broke it, when,
 * in their words, and what happens next under the rules (`decide` in src/domain/procedures.ts:
 * not adopted at the deadline, unless the chair recirculates a revised text in a new round).
 */
export function SilenceBanner({ proposal }: { proposal: Proposal }) {
  const { t, lang } = useDecisionText();
  const broken = silenceBreak(proposal);
  const open = proposal.status === "open";
  const now = useServerNow(proposal.now, open && broken !== null);
  if (!broken) return null;
  const passed = proposal.deadline !== null && Date.parse(proposal.deadline) <= now;
  const others =
    broken.others.length > 0
      ? new Intl.ListFormat(intlLocale(lang), { type: "conjunction" }).format(broken.others)
      : null;
  return (
    <section class="silence-banner" aria-labelledby="silence-banner-heading" data-testid="silence-banner">
      <span class="silence-banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div class="silence-banner-body">
        <h2 id="silence-banner-heading">{t.silenceBrokenBy(broken.name, formatMoment(broken.at, lang))}:</h2>
        {broken.statement && <blockquote class="silence-statement">{broken.statement}</blockquote>}
        {others && <p class="silence-others">{t.silenceAlsoBrokenBy(others)}</p>}
        <p class="silence-next" data-testid="silence-next">
          {!open
            ? t.silenceNextClosed
            : passed
              ? t.silenceNextPassed
              : t.silenceNextOpen(formatMoment(proposal.deadline, lang))}
          {open && !passed && proposal.abilities.chair && <> {t.silenceNextChair}</>}
        </p>
      </div>
    </section>
  );
}
