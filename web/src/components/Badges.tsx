import { useI18n } from "../i18n/index.ts";
import { formatDate } from "../lib/dates.ts";
import { KIND_STYLE } from "../lib/kinds.ts";
import type { Certainty, Kind, Precision } from "../lib/types.ts";

export function CertaintyBadge({ certainty }: { certainty: Certainty }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-${certainty}`}>
      <span class="badge-icon" aria-hidden="true">
        {certainty === "confirmed" ? "✓" : certainty === "disputed" ? "⚠" : "?"}
      </span>
      {t.certainty[certainty]}
    </span>
  );
}

/** A small colour key followed by the kind's name: colour always comes with words. */
export function KindLabel({ kind, text }: { kind: Kind; text?: string }) {
  const { t } = useI18n();
  return (
    <span class="kind-label">
      <Swatch kind={kind} />
      {text ?? t.kinds[kind]}
    </span>
  );
}

export function Swatch({ kind }: { kind: Kind }) {
  const style = KIND_STYLE[kind];
  return (
    <span
      class={`swatch${style.pattern ? ` swatch-${style.pattern}` : ""}`}
      style={{ "--swatch": style.fill }}
      aria-hidden="true"
    />
  );
}

/** A date at its known precision, machine-readable in `<time>`, with the precision as a tooltip. */
export function DateText({ date, precision }: { date: string | null; precision: Precision | null }) {
  const { t, lang } = useI18n();
  if (!date) return null;
  const p = precision ?? "day";
  const datetime = p === "day" ? date : p === "month" ? date.slice(0, 7) : date.slice(0, 4);
  return (
    <time dateTime={datetime} title={p === "day" ? undefined : t.precision[p]}>
      {formatDate(date, p, lang)}
    </time>
  );
}
