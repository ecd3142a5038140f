import { Breadcrumbs as Trail, type Crumb } from "../../components/Breadcrumbs.tsx";
import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { Link } from "../../components/Link.tsx";
import { SourceCard } from "../../components/SourceCard.tsx";
import { useDisputeText, type DisputeText } from "../../i18n/disputes/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, intlLocale } from "../../lib/dates.ts";
import { href } from "../../lib/router.ts";
import type {
  ActorsResponse,
  Kind,
  Organization,
  OrganizationsResponse,
  Precision,
  SourceRef,
} from "../../lib/types.ts";
import { bySide, hostilityClass, isHostility } from "./logic.ts";
import type { Citation, DisputeBrief, PartyBrief, RelationOn } from "./types.ts";
import "../../components/DataLinks.css";
import "../../components/SourceCard.css";
import "./disputes.css";

// ---------------------------------------------------------------- names from the registry

export type Names = {
  /** A state's name in the reader's language: the registry's, else the data set's (a COW state), else its code. */
  state: (code: string, given?: string | null) => string;
  /** An organisation's short name ("OAS"), or a state's name for a designating state. */
  organization: (code: string) => string;
  /** A state's ISO numeric code, for the map. */
  numeric: (code: string) => string | null;
  isOrganization: (code: string) => boolean;
  ready: boolean;
};

/** The registry's states and organisations, named in the reader's language (public answers, kept and shared). */
export function useNames(): Names {
  const { lang } = useDisputeText();
  const states = useApi<ActorsResponse>(apiUrl("/actors", { type: "state", lang }));
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  return useMemo(() => {
    const byCode = new Map((states.data?.actors ?? []).map((actor) => [actor.code, actor]));
    const orgs = new Map<string, Organization>((organizations.data?.organizations ?? []).map((org) => [org.code, org]));
    const state = (code: string, given?: string | null) =>
      byCode.get(code)?.name ?? given ?? (code.startsWith("COW:") ? code.replace("COW:", "COW ") : code);
    return {
      state,
      organization: (code: string) => {
        const org = orgs.get(code);
        return org ? (org.abbreviation ?? org.code) : state(code);
      },
      numeric: (code: string) => byCode.get(code)?.isoNumeric ?? null,
      isOrganization: (code: string) => orgs.has(code),
      ready: states.data !== undefined && organizations.data !== undefined,
    };
  }, [states.data, organizations.data]);
}

export function listText(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { style: "long", type: "conjunction" }).format(items);
}

/** "Colombia against Venezuela", "Guyana against Brazil and Venezuela". */
export function partiesText(parties: PartyBrief[], names: Names, t: DisputeText, lang: string): string {
  const { A, B } = bySide(parties);
  const side = (list: PartyBrief[]) =>
    listText(
      list.map((p) => names.state(p.party, p.name)),
      lang,
    );
  return B.length === 0 ? side(A) : `${side(A)} ${t.versus} ${side(B)}`;
}

/** A dispute's name: its own, or "MID 4507: Colombia against Venezuela". */
export function disputeTitle(dispute: DisputeBrief, names: Names, t: DisputeText, lang: string): string {
  if (dispute.name) return dispute.name;
  const parties = partiesText(dispute.parties, names, t, lang);
  return dispute.midNumber === null ? parties : t.midWithParties(dispute.midNumber, parties);
}

/** "1 March 2008 – June 2008", "since 1899, ongoing", or a MID's "ongoing when the data set ends". */
export function disputeDates(
  dispute: Pick<DisputeBrief, "start" | "startPrecision" | "end" | "endPrecision" | "ongoing" | "midNumber">,
  t: DisputeText,
  lang: string,
): string {
  const start = formatDate(dispute.start, dispute.startPrecision, lang);
  if (dispute.end) {
    const end = formatDate(dispute.end, dispute.endPrecision, lang);
    return start === end ? start : t.dateRange(start, end);
  }
  if (dispute.ongoing) return dispute.midNumber === null ? t.sinceOngoing(start) : t.ongoingAtDataEnd(start);
  return start;
}

export function hostilityText(level: number | null | undefined, t: DisputeText): string {
  return isHostility(level) ? t.hostilityLevels[level] : t.hostilityUnknown;
}

/** A hostility level: a swatch for the eye (its colour and height) and always the words. */
export function HostilityTag({ level, compact = false }: { level: number | null | undefined; compact?: boolean }) {
  const { t } = useDisputeText();
  return (
    <span class={`hostility-tag ${hostilityClass(level)}${compact ? " is-compact" : ""}`} data-hostility={level ?? ""}>
      <span class="hostility-swatch" aria-hidden="true" />
      {hostilityText(level, t)}
    </span>
  );
}

// ---------------------------------------------------------------- the registry on a day

const KINDS: Kind[] = ["member", "partner", "associate", "observer", "applicant", "suspended", "designation"];
const isKind = (kind: string): kind is Kind => (KINDS as string[]).includes(kind);

/** "member of OAS", "partner of NATO", "Major non-NATO ally (designated by United States)". */
export function relationText(relation: RelationOn, names: Names, t: DisputeText): string {
  const org = names.organization(relation.organization);
  if (relation.kind === "designation" && relation.designation)
    return t.designatedAs(t.designations[relation.designation] ?? relation.designation, org);
  return isKind(relation.kind) ? t.relationPhrases[relation.kind](org) : `${relation.kind} · ${org}`;
}

/** A party's relations on the day in words, each organisation a link to its page on that day. */
export function RelationsLine({ relations, at }: { relations: RelationOn[] | undefined; at: string }) {
  const { t } = useDisputeText();
  const names = useNames();
  if (!relations || relations.length === 0) return <span class="muted">{t.noRelationThatDay}</span>;
  return (
    <span class="relations-line">
      {relations.map((relation, index) => (
        <span key={`${relation.organization}:${relation.kind}`}>
          {index > 0 && ", "}
          <Link
            href={href(
              names.isOrganization(relation.organization)
                ? `/organizations/${relation.organization}`
                : `/actors/${relation.organization}`,
              { at },
            )}
          >
            {relationText(relation, names, t)}
          </Link>
        </span>
      ))}
    </span>
  );
}

/** A state's name, linked to its page (on `at`, if given) when the registry knows it. */
export function StateLink({ code, name, at }: { code: string; name?: string | null; at?: string | null }) {
  const names = useNames();
  const shown = names.state(code, name);
  if (code.startsWith("COW:")) return <span>{shown}</span>;
  return <Link href={href(`/actors/${code}`, { at: at ?? null })}>{shown}</Link>;
}

// ---------------------------------------------------------------- small pieces

/** "Disputes / Venezuela–Guyana": where the page sits. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useDisputeText();
  return <Trail label={t.breadcrumb} trail={trail} current={current} />;
}

export function DateOf({ date, precision }: { date: string; precision: Precision | null }) {
  const { t, lang } = useDisputeText();
  const p = precision ?? "day";
  const datetime = p === "day" ? date : p === "month" ? date.slice(0, 7) : date.slice(0, 4);
  return (
    <time dateTime={datetime} title={p === "day" ? undefined : t.precision[p]}>
      {formatDate(date, p, lang)}
    </time>
  );
}

export function CaseStatusPill({ status }: { status: "pending" | "decided" | "discontinued" }) {
  const { t } = useDisputeText();
  return <span class={`case-status case-status-${status}`}>{t.caseStatuses[status]}</span>;
}

/** A case's stage in words, the code itself should a new stage arrive before its name. */
export function stageName(stage: string, t: DisputeText): string {
  return (t.caseStages as Record<string, string>)[stage] ?? stage;
}

// ---------------------------------------------------------------- sources

export type Supported = { key: string; what: ComponentChildren; quote: string | null; locator: string | null };

/** Things cited on a page, grouped by the source they cite, each source once, in the order first met. */
export function groupBySource(items: Array<Citation & { key: string; what: ComponentChildren }>) {
  const groups = new Map<string, Supported[]>();
  for (const item of items) {
    const list = groups.get(item.sourceId) ?? [];
    list.push({ key: item.key, what: item.what, quote: item.quote, locator: item.locator });
    groups.set(item.sourceId, list);
  }
  return [...groups.entries()].map(([sourceId, supported]) => ({ sourceId, supported }));
}

/**
 * The sources of a page, each once with what it supports here, where in it and the quote. With
 * the source's details (the API's `sources`), the registry's own SourceCard (title, publisher,
 * "Cite this"); without them, the same card around the source's identifier in the registry.
 */
export function SourceCards({
  groups,
  sources,
  at,
}: {
  groups: Array<{ sourceId: string; supported: Supported[] }>;
  sources: Record<string, SourceRef> | undefined;
  at: string;
}) {
  const { t } = useDisputeText();
  return (
    <ul class="sources-grid" data-testid="dispute-sources">
      {groups.map(({ sourceId, supported }) => {
        const details = sources?.[sourceId];
        const claims = supported.map((item) => ({
          key: item.key,
          what: item.what,
          quote: item.quote,
          locator: item.locator,
        }));
        if (details) return <SourceCard key={sourceId} source={details} claims={claims} at={at} />;
        return (
          <li
            key={sourceId}
            class="source-card claim-card"
            data-source={sourceId}
            aria-labelledby={`source-${sourceId}`}
          >
            <div class="claim-head">
              <span class="claim-publisher">{t.sourceInRegistry}</span>
            </div>
            <h3 id={`source-${sourceId}`} class="claim-title">
              <code>{sourceId}</code>
            </h3>
            <ul class="source-claims">
              {claims.map((claim) => (
                <li key={claim.key} class="source-claim">
                  <div class="source-claim-what">{claim.what}</div>
                  {claim.locator && (
                    <p class="source-locator">
                      <span class="muted">{t.locator}:</span> {claim.locator}
                    </p>
                  )}
                  {claim.quote && (
                    <blockquote class="claim-quote">
                      <p>{claim.quote}</p>
                    </blockquote>
                  )}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** A fact's citation in one line: the source's identifier (a link to its card below), where in it, and the quote. */
export function CitationLine({ citation }: { citation: Citation }) {
  const { t } = useDisputeText();
  return (
    <p class="citation-line" data-source={citation.sourceId}>
      <a href={`#source-${citation.sourceId}`} aria-label={t.sourceLink(citation.sourceId)}>
        <span aria-hidden="true">↳ </span>
        <code>{citation.sourceId}</code>
      </a>
      {citation.locator && <span class="muted"> · {citation.locator}</span>}
      {citation.quote && <q class="citation-quote">{citation.quote}</q>}
    </p>
  );
}
