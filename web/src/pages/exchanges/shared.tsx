import { Breadcrumbs as Trail, type Crumb } from "../../components/Breadcrumbs.tsx";
import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { Link } from "../../components/Link.tsx";
import { ErrorBox } from "../../components/Status.tsx";
import { type ExchangeText, useExchangeText } from "../../i18n/exchanges/index.ts";
import { type ApiError, apiUrl, useApi } from "../../lib/api.ts";
import { intlLocale } from "../../lib/dates.ts";
import { signInHref } from "../../lib/router.ts";
import type { ActorsResponse, OrganizationsResponse } from "../../lib/types.ts";
import type { ComplianceStatus, ExchangeRegime } from "./types.ts";
import "./exchanges.css";

// ---------------------------------------------------------------- names from the registry

export type Names = {
  /** A state's name in the reader's language (its code until the registry answers). */
  state: (code: string) => string;
  /** An organisation's short name ("UNASUR", "OEA"), or its code. */
  organization: (code: string) => string;
  /** Sorts states by their names in the reader's language. */
  compare: (a: string, b: string) => number;
};

/** The registry's states and organisations, named in the reader's language (public answers, kept and shared). */
export function useNames(): Names {
  const { lang } = useExchangeText();
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  return useMemo(() => {
    const byCode = new Map((states.data?.actors ?? []).map((actor) => [actor.code, actor.name]));
    const orgs = new Map(
      (organizations.data?.organizations ?? []).map((org) => [org.code, org.abbreviation ?? org.code]),
    );
    const collator = new Intl.Collator(intlLocale(lang));
    const state = (code: string) => byCode.get(code) ?? code;
    return {
      state,
      organization: (code: string) => orgs.get(code) ?? code,
      compare: (a: string, b: string) => collator.compare(state(a), state(b)),
    };
  }, [states.data, organizations.data, lang]);
}

// ---------------------------------------------------------------- numbers and dates

/** A number in the reader's notation, with at most `digits` decimals. */
export function formatNumber(value: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(value);
}

/** Money in a currency (its code when Intl does not know it): "COP 2,400,000". */
export function formatMoney(value: number, currency: string | null, lang: string, compact = false): string {
  const options: Intl.NumberFormatOptions = compact
    ? { notation: "compact", maximumFractionDigits: 1 }
    : { minimumFractionDigits: 0, maximumFractionDigits: 2 };
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(intlLocale(lang), {
        ...options,
        style: "currency",
        currency,
        currencyDisplay: "code",
      }).format(value);
    } catch {
      // An unknown code: the number and the code as given.
    }
  }
  const number = new Intl.NumberFormat(intlLocale(lang), options).format(value);
  return currency ? `${currency} ${number}` : number;
}

/** A fraction (0.0093) as a percentage in the reader's notation ("0.93%"). */
export function formatShare(fraction: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 2 }).format(fraction);
}

/** A percentage as given (0.93 meaning 0.93 %) in the reader's notation. */
export function formatPercent(percent: number, lang: string): string {
  return formatShare(percent / 100, lang);
}

/** "30 June", "30 de junio": a day of every year. */
export function monthDay(month: number, day: number, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2001, month - 1, day)),
  );
}

// ---------------------------------------------------------------- a regime in words

export function regimeName(regime: Pick<ExchangeRegime, "names" | "code">, lang: string): string {
  return (regime.names as Record<string, string>)[lang] ?? regime.names.en ?? regime.code;
}

/** Who takes part, in words. */
export function participantsText(regime: ExchangeRegime, names: Names, t: ExchangeText, lang: string): string {
  const { participants } = regime;
  if (participants.kind === "organisation")
    return t.participantsOrganisation(names.organization(participants.organisation));
  if (participants.kind === "all-states") return t.participantsAll;
  return new Intl.ListFormat(intlLocale(lang), { style: "long", type: "conjunction" }).format(
    participants.states.map(names.state),
  );
}

/** The deadline rule in words: "By 30 June of the year after the reporting year". */
export function deadlineText(regime: ExchangeRegime, t: ExchangeText, lang: string): string {
  const { deadline } = regime;
  const rule = t.deadlineRule(monthDay(deadline.month, deadline.day, lang), deadline.yearOffset);
  return deadline.assumed ? `${rule} ${t.deadlineAssumed}` : rule;
}

// ---------------------------------------------------------------- small pieces

/** "Exchanges / UNASUR registry / …": where the page sits. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useExchangeText();
  return <Trail label={t.breadcrumb} trail={trail} current={current} />;
}

/** A shape for each status, so that colour is never the only sign: a tick, a clock, a cross, an empty circle, a dash. */
function StatusShape({ status }: { status: ComplianceStatus | "none" }) {
  return (
    <svg class="xc-shape" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {status === "on-time" ? (
        <>
          <circle cx="8" cy="8" r="7.5" class="xc-fill" />
          <path d="M4.3 8.3l2.4 2.4 5-5.2" class="xc-stroke-inverse" />
        </>
      ) : status === "late" ? (
        <>
          <path d="M8 0.8l7.2 13.6H0.8z" class="xc-fill" />
          <path d="M8 5.6v4.4M8 11.6v0.8" class="xc-stroke-inverse" />
        </>
      ) : status === "missing" ? (
        <>
          <rect x="1" y="1" width="14" height="14" rx="2" class="xc-fill" />
          <path d="M5 5l6 6M11 5l-6 6" class="xc-stroke-inverse" />
        </>
      ) : status === "not-yet-due" ? (
        <circle cx="8" cy="8" r="6.5" class="xc-outline" />
      ) : (
        <path d="M4 8h8" class="xc-stroke" />
      )}
    </svg>
  );
}

/** A status: its shape and colour for the eye, and always its word. */
export function StatusMark({ status, detail }: { status: ComplianceStatus | "none"; detail?: string | null }) {
  const { t } = useExchangeText();
  return (
    <span class={`xc-status xc-status-${status}`} data-status={status}>
      <StatusShape status={status} />
      <span class="xc-status-word">{status === "none" ? t.notTakingPart : t.statuses[status]}</span>
      {detail && <span class="xc-status-detail">{detail}</span>}
    </span>
  );
}

/** A padlock, for the eye only: the words beside it say it. */
function LockIcon() {
  return (
    <svg class="xc-lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" />
    </svg>
  );
}

export function RestrictedTag({ restricted }: { restricted: boolean }) {
  const { t } = useExchangeText();
  return (
    <span
      class={`xc-tag ${restricted ? "xc-tag-restricted" : "xc-tag-public"}`}
      data-restricted={restricted ? "true" : "false"}
    >
      {restricted && <LockIcon />}
      {restricted ? t.regimeRestricted : t.regimePublic}
    </span>
  );
}

export function ReconstructedTag({ reconstructed }: { reconstructed: boolean }) {
  const { t } = useExchangeText();
  if (!reconstructed) return <span class="xc-tag xc-tag-reported">{t.asReported}</span>;
  return (
    <span class="xc-tag xc-tag-reconstructed" title={t.reconstructedHint} data-reconstructed="true">
      {t.reconstructed}
      <span class="visually-hidden">: {t.reconstructedHint}</span>
    </span>
  );
}

/** A source's identifier in the registry and the words quoted from it. */
export function SourceQuote({ source, quote }: { source: string; quote?: string | undefined }) {
  return (
    <span class="xc-source" data-source={source}>
      <code class="xc-source-id">{source}</code>
      {quote && <q class="xc-quote">{quote}</q>}
    </span>
  );
}

/**
 * Why a restricted exchange's returns are not shown: to an anonymous reader, whom to sign in
 * as (with a way to); to another account, that it speaks for no participant. Anything else
 * is the API's own error, with a way to try again.
 */
export function RestrictedNotice({
  error,
  organization,
  onRetry,
  children,
}: {
  error: ApiError;
  organization: string | null;
  onRetry?: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useExchangeText();
  const names = useNames();
  if (error.status !== 401 && error.status !== 403) return <ErrorBox error={error} onRetry={onRetry} />;
  const org = organization ? names.organization(organization) : "";
  return (
    <div class="xc-restricted card" data-testid="restricted-notice" data-status={error.status}>
      <h3 class="xc-restricted-title">
        <LockIcon />
        {t.restrictedHeading}
      </h3>
      <p>{error.status === 401 ? t.restrictedSignIn(org) : t.restrictedForbidden(org)}</p>
      {children}
      {error.status === 401 && (
        <p>
          <Link class="button button-primary" href={signInHref(window.location.pathname + window.location.search)}>
            {t.signIn}
          </Link>
        </p>
      )}
    </div>
  );
}
