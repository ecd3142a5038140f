import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Eligibility, EventStatus, NominationStatus } from "../../../../src/domain/cooperation.ts";
import { errorText, fieldError, focusField } from "../../components/Form.tsx";
import { useI18n } from "../../i18n/index.ts";
import type { CooperationText } from "../../i18n/cooperation/index.ts";
import { apiUrl, useApi, idempotencyKey } from "../../lib/api.ts";
import { formatDate, intlLocale } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import type { ActorsResponse, OrganizationsResponse } from "../../lib/types.ts";
import type { CooperationEvent } from "./types.ts";
import "./cooperation.css";

// ---------------------------------------------------------------- who is reading

/**
 * The reader as the menu and events pages need them: the organisation whose menu and events they
 * see by default, and whether they sit in its secretariat or a delegation. The server decides what
 * each may do (an event's `abilities`); this only chooses which forms to offer.
 */
export function useReader() {
  const { session } = useSession();
  const account = session?.account ?? null;
  return {
    account,
    organization: account?.organization ?? "NATO",
    secretariat: account !== null && (account.role === "secretariat-admin" || account.role === "secretariat-staff"),
    delegationState: account?.delegation?.state ?? null,
    delegationHead: account?.role === "delegation-head" && account.delegation !== null,
    csrfToken: session?.csrfToken ?? null,
  };
}

// ---------------------------------------------------------------- names from the registry

/**
 * The names of states and of an organisation's frameworks in the reader's language, for
 * eligibility in words ("Partners across the globe", "Colombia, Mongolia"). Public registry
 * answers: kept, and shared by every page that asks.
 */
export function useRegistryNames(organization: string) {
  const { lang } = useI18n();
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const stateNames = new Map((states.data?.actors ?? []).map((actor) => [actor.code, actor.name]));
  const org = organizations.data?.organizations.find((o) => o.code === organization);
  const frameworkNames = new Map((org?.frameworks ?? []).map((framework) => [framework.slug, framework.name]));
  return { stateNames, frameworkNames };
}

export function listText(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { style: "long", type: "conjunction" }).format(items);
}

/** Who may take part, in words: "All partners", "Partners across the globe", "Colombia and Mongolia". */
export function eligibilityText(
  eligibility: Eligibility,
  t: CooperationText,
  lang: string,
  names: { stateNames: Map<string, string>; frameworkNames: Map<string, string> },
): string {
  switch (eligibility.kind) {
    case "all-partners":
      return t.allPartners;
    case "framework":
      return names.frameworkNames.get(eligibility.framework) ?? eligibility.framework;
    case "states":
      return listText(
        eligibility.states.map((code) => names.stateNames.get(code) ?? code),
        lang,
      );
  }
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language ("fr" → "francés" in Spanish). */
export function languageName(code: string, lang: string): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames(intlLocale(lang), { type: "language" });
    languageNames.set(lang, names);
  }
  try {
    const name = names.of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(intlLocale(lang)) + name.slice(1);
  } catch {
    return code;
  }
}

// ---------------------------------------------------------------- dates and moments

/** "3–7 March 2026", "28 February – 2 March 2026", or a single day. */
export function dateRangeText(start: string, end: string, lang: string): string {
  if (start === end) return formatDate(start, "day", lang);
  const format = new Intl.DateTimeFormat(intlLocale(lang), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
  return format.formatRange(toDate(start), toDate(end));
}

/** "March 2026" (in the reader's language). */
export function monthText(month: string, lang: string): string {
  return formatDate(`${month}-01`, "month", lang);
}

const moments = new Map<string, Intl.DateTimeFormat>();

/** A moment in the reader's own time zone, named: "3 Mar 2026, 12:00 CET". */
export function formatMoment(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = moments.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    moments.set(lang, format);
  }
  return format.format(date);
}

/** The reader's time zone by name ("Europe/Madrid"). */
export function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** "3 days, 4 hr" or "5 hr, 10 min": how long is left, roughly. */
export function durationText(ms: number, lang: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts: Array<[number, "day" | "hour" | "minute"]> =
    days > 0
      ? [
          [days, "day"],
          [hours, "hour"],
        ]
      : [
          [hours, "hour"],
          [minutes % 60, "minute"],
        ];
  const shown = parts.filter(([count], index) => count > 0 || index === parts.length - 1);
  return new Intl.ListFormat(intlLocale(lang), { style: "short", type: "unit" }).format(
    shown.map(([count, unit]) =>
      new Intl.NumberFormat(intlLocale(lang), {
        style: "unit",
        unit,
        unitDisplay: unit === "day" ? "long" : "short",
      }).format(count),
    ),
  );
}

// ---------------------------------------------------------------- small pieces

/** Whether a CSS media query holds, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() =>
    typeof window === "undefined" || !window.matchMedia ? false : window.matchMedia(query).matches,
  );
  useEffect(() => {
    if (!window.matchMedia) return;
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return matches;
}

export function EventStatusPill({ status, t }: { status: EventStatus; t: CooperationText }) {
  return <span class={`status-pill event-status event-status-${status}`}>{t.eventStatuses[status]}</span>;
}

export function NominationStatusPill({ status, t }: { status: NominationStatus; t: CooperationText }) {
  return (
    <span class={`status-pill nomination-status nomination-status-${status}`}>{t.nominationStatuses[status]}</span>
  );
}

/** Where: "Rome", "Online", "Rome, and online", or not yet known. */
export function placeText(event: Pick<CooperationEvent, "place" | "online">, t: CooperationText): string {
  if (event.place && event.online) return t.placeAndOnline(event.place);
  if (event.place) return event.place;
  return event.online ? t.online : t.placeUnknown;
}

/** "Open to you" / "Not open to your state", for a reader with a state. */
export function EligibleTag({ eligible, t }: { eligible: boolean | null; t: CooperationText }) {
  if (eligible === null) return null;
  return (
    <span class={`tag eligible-tag ${eligible ? "is-open" : "is-closed"}`}>
      <span aria-hidden="true">{eligible ? "✓ " : "✕ "}</span>
      {eligible ? t.openToYou : t.notOpenToYou}
    </span>
  );
}

/** A labelled select whose error sits under it, tied to it for assistive technology. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  children,
}: {
  id: string;
  label: ComponentChildren;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: ComponentChildren;
  children: ComponentChildren;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} class="hint field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- forms

/**
 * The state of a form that sends one change: pending, the API's complaint under the field it
 * names (`body.participantName: …` goes under `${prefix}-participantName`), or the form's own.
 */
export function useChangeForm(prefix: string, networkText: string) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  return {
    pending,
    errors,
    formError,
    reset() {
      setErrors({});
      setFormError(null);
    },
    /** Checks made before sending; false (and focus on the first problem) when any fails. */
    check(found: Record<string, string>): boolean {
      setErrors(found);
      setFormError(null);
      const first = Object.keys(found)[0];
      if (first) focusField(`${prefix}-${first}`);
      return !first;
    },
    async run<T>(work: (key: string) => Promise<T>, fields: readonly string[]): Promise<T | undefined> {
      setPending(true);
      setErrors({});
      setFormError(null);
      try {
        const answer = await work(key);
        setKey(idempotencyKey());
        return answer;
      } catch (failure) {
        const { field, text } = fieldError(failure);
        if (field && fields.includes(field)) {
          setErrors({ [field]: text });
          focusField(`${prefix}-${field}`);
        } else {
          setFormError(errorText(failure, networkText));
        }
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}
