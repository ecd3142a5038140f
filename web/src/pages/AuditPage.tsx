import { AUDIT_OBJECT_TYPES, isAuditObjectType } from "../../../src/domain/audit-objects.ts";
import { Fragment } from "preact";
import { AUDIT_ACTION_LABELS, auditActionLabel, isAuditAction } from "../../../src/domain/messages/audit-actions.ts";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CopyButton } from "../components/Actions.tsx";
import { DataLinks } from "../components/DataLinks.tsx";
import { TextField } from "../components/Form.tsx";
import { AccessErrorBox, ErrorBox, Loading } from "../components/Status.tsx";
import { useText, type Text } from "../i18n/accounts/index.ts";
import type { Lang } from "../i18n/index.ts";
import { apiUrl, useApi } from "../lib/api.ts";
import { formatInstant, isDay, nextDay } from "../lib/dates.ts";
import { setQuery, type Location } from "../lib/router.ts";
import type { AuditEntry, AuditHeadResponse, AuditResponse, AuditVerdict, SignedHead } from "../lib/types.ts";

const PAGE_SIZE = 50;
const FILTERS = ["actor", "action", "objectType", "objectId", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

/** Actions and object types Concord records today: suggestions only, any text can be searched. */
export const KNOWN_ACTIONS = Object.keys(AUDIT_ACTION_LABELS.en).sort();

/** An action as the reader reads it (src/domain/messages/audit-actions.ts), else its code. */
export function actionLabel(action: string, lang: Lang): string {
  return isAuditAction(action) ? auditActionLabel(action, lang) : action;
}
export const KNOWN_OBJECT_TYPES = AUDIT_OBJECT_TYPES;

/** An object type as the reader reads it; a type this version does not know shows as its code. */
function objectTypeLabel(type: string, t: Text): string {
  return isAuditObjectType(type) ? t.objectTypes[type] : type;
}

function filtersOf(location: Location): Filters {
  const filters = {} as Filters;
  for (const name of FILTERS) filters[name] = location.query.get(name) ?? "";
  return filters;
}

// Where "newer" leads from each page reached by "older": kept across the page's visits, so that
// the browser's Back and Forward buttons and the page's own buttons agree.
const newerPage = new Map<string, string | null>();

export default function AuditPage({ location }: { location: Location }) {
  const { t } = useText();
  const filters = filtersOf(location);
  // Entries that only record a read are left out unless asked for (the API filters them).
  const reads = location.query.get("reads") === "1";
  const beforeRaw = location.query.get("beforeId");
  const beforeId = beforeRaw && /^\d+$/.test(beforeRaw) ? beforeRaw : null;
  const url = apiUrl("/audit", {
    ...filters,
    from: isDay(filters.from) ? filters.from : null,
    // "To" a day means up to the end of that day; the API's `to` is exclusive.
    to: isDay(filters.to) ? nextDay(filters.to) : null,
    beforeId,
    limit: String(PAGE_SIZE),
    reads: reads ? "true" : null,
  });
  const entries = useApi<AuditResponse>(url, { cache: false });
  const verdict = useApi<AuditVerdict>(apiUrl("/audit/verify"), { cache: false });
  const head = useApi<AuditHeadResponse>(apiUrl("/audit/head"), { cache: false });
  const filtered = FILTERS.some((name) => filters[name]);
  const list = entries.data?.entries ?? [];
  const pageKey = `${filtersKey(filters)}|${reads}|${beforeId ?? ""}`;
  const newer = beforeId ? newerPage.get(pageKey) : undefined;

  const goOlder = () => {
    const last = list.at(-1);
    if (!last) return;
    newerPage.set(`${filtersKey(filters)}|${reads}|${last.id}`, beforeId);
    setQuery({ beforeId: String(last.id) }, { replace: false });
  };

  const forbidden =
    entries.error &&
    ((entries.error as { status?: number }).status === 401 || (entries.error as { status?: number }).status === 403)
      ? entries.error
      : null;
  // The page's entries, newest first.
  const newest = list[0];
  const oldest = list.at(-1);

  return (
    <div class="page page-audit">
      <div class="page-heading">
        <p class="eyebrow">{t.navAdministration}</p>
        <h1>{t.auditTitle}</h1>
        <p class="lede">{t.auditIntro}</p>
      </div>
      {forbidden ? (
        <AccessErrorBox error={forbidden} />
      ) : (
        <>
          <VerifyBanner
            verdict={verdict.data}
            error={verdict.error}
            loading={verdict.loading}
            recheck={verdict.retry}
          />
          <div class="audit-top">
            <FilterForm filters={filters} reads={reads} />
            <HeadCard head={head.data?.head} error={head.error} />
          </div>
          <section aria-labelledby="entries-heading" aria-busy={entries.loading}>
            <div class="section-heading">
              <h2 id="entries-heading">{filtered ? t.matchingEntries : t.latestEntries}</h2>
              <DataLinks url={url} what={filtered ? t.matchingEntries : t.latestEntries} />
              {entries.data && (
                <p class="muted" aria-live="polite">
                  {newest && oldest ? t.entriesRange(newest.id, oldest.id, list.length) : t.noEntries}
                </p>
              )}
            </div>
            {entries.error ? (
              <ErrorBox error={entries.error} onRetry={entries.retry} />
            ) : !entries.data ? (
              <Loading />
            ) : list.length === 0 ? (
              <p class="empty">{filtered ? t.noEntriesMatch : t.noEntries}</p>
            ) : (
              <EntriesTable
                entries={list}
                busy={entries.loading}
                brokenId={verdict.data && !verdict.data.ok ? verdict.data.entryId : null}
              />
            )}
            <nav class="pager" aria-label={t.auditPages}>
              {beforeId && (
                <button type="button" class="button" onClick={() => setQuery({ beforeId: null }, { replace: false })}>
                  ⇤ {t.newest}
                </button>
              )}
              {beforeId && newer !== undefined && newer !== null && (
                <button type="button" class="button" onClick={() => setQuery({ beforeId: newer }, { replace: false })}>
                  ← {t.newer}
                </button>
              )}
              <span class="pager-spacer" />
              {list.length === PAGE_SIZE && (
                <button type="button" class="button" onClick={goOlder}>
                  {t.older} →
                </button>
              )}
            </nav>
          </section>
        </>
      )}
    </div>
  );
}

function filtersKey(filters: Filters): string {
  return FILTERS.map((name) => filters[name]).join("\u0000");
}

function VerifyBanner({
  verdict,
  error,
  loading,
  recheck,
}: {
  verdict: AuditVerdict | undefined;
  error: Error | undefined;
  loading: boolean;
  recheck: () => void;
}) {
  const { t } = useText();
  if (error) return <ErrorBox error={error} onRetry={recheck} />;
  if (!verdict) {
    return (
      <div class="banner banner-checking" role="status">
        <span class="spinner" aria-hidden="true" />
        <p>{t.verifying}</p>
      </div>
    );
  }
  if (verdict.ok) {
    return (
      <div
        class={`banner banner-ok${loading ? " is-busy" : ""}`}
        role="status"
        data-testid="verify-banner"
        data-ok="true"
      >
        <span class="banner-icon" aria-hidden="true">
          ✓
        </span>
        <div class="banner-body">
          <h2>{t.verifiesTitle(verdict.count)}</h2>
          <p>{t.verifiesText(verdict.head.entryId)}</p>
          <p class="hash-line">
            <span class="muted">{t.chainHead}:</span> <code class="hash">{verdict.head.hash}</code>
          </p>
        </div>
        <button type="button" class="button banner-button" onClick={recheck} disabled={loading}>
          {loading ? t.verifying : t.checkAgain}
        </button>
      </div>
    );
  }
  return (
    <div class="banner banner-alarm" role="alert" data-testid="verify-banner" data-ok="false">
      <span class="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div class="banner-body">
        <h2>{t.brokenTitle}</h2>
        <p class="broken-entry">
          <strong>{t.brokenAt(verdict.entryId)}</strong> {verdict.reason}
        </p>
        <p>{t.brokenText}</p>
        <p class="banner-actions">
          <button
            type="button"
            class="button"
            onClick={() =>
              setQuery(
                {
                  ...Object.fromEntries(FILTERS.map((name) => [name, null])),
                  // The broken entry is shown whatever it records, a read included.
                  reads: "1",
                  beforeId: String(verdict.entryId + 1),
                },
                { replace: false },
              )
            }
          >
            {t.showEntry(verdict.entryId)}
          </button>
          <button type="button" class="button button-quiet" onClick={recheck} disabled={loading}>
            {t.checkAgain}
          </button>
        </p>
      </div>
    </div>
  );
}

function HeadCard({ head, error }: { head: SignedHead | null | undefined; error: Error | undefined }) {
  const { t, lang } = useText();
  return (
    <section class="card head-card" aria-labelledby="head-heading">
      <h2 id="head-heading">{t.signedHead}</h2>
      {error ? (
        <p class="field-error">{error.message}</p>
      ) : head === undefined ? (
        <Loading />
      ) : head === null ? (
        <p class="muted">{t.noSignedHead}</p>
      ) : (
        <>
          <dl class="head-facts" data-testid="signed-head">
            <div>
              <dt>{t.entry}</dt>
              <dd>#{head.entryId}</dd>
            </div>
            <div>
              <dt>{t.signedAt}</dt>
              <dd>
                <time dateTime={head.signedAt}>
                  {formatInstant(head.signedAt, lang, { seconds: true, zone: true })}
                </time>
              </dd>
            </div>
            <div>
              <dt>{t.hash}</dt>
              <dd>
                <code class="hash">{head.hash}</code>
              </dd>
            </div>
            <div>
              <dt>{t.publicKey}</dt>
              <dd>
                <code class="hash">{head.publicKey}</code>
              </dd>
            </div>
            <div>
              <dt>{t.signature}</dt>
              <dd>
                <code class="hash">{head.signature}</code>
              </dd>
            </div>
          </dl>
          <CopyButton text={JSON.stringify(head, null, 2)} label={t.copyHead} />
        </>
      )}
      <p class="hint">{t.signedHeadHint}</p>
    </section>
  );
}

function FilterForm({ filters, reads }: { filters: Filters; reads: boolean }) {
  const { t, lang } = useText();
  const [draft, setDraft] = useState<Filters>(filters);
  const key = filtersKey(filters);
  // The address is the truth: Back, Forward and links from entries update the form. An address
  // this form set itself is skipped: the form holds it already, and what was typed since stays.
  const appliedHere = useRef<string | null>(null);
  useEffect(() => {
    const mine = appliedHere.current === key;
    appliedHere.current = null;
    if (!mine) setDraft(filters);
  }, [key]);
  const set = (name: Filter) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const apply = (next: Filters) => {
    const trimmed = Object.fromEntries(FILTERS.map((name) => [name, next[name].trim()])) as Filters;
    appliedHere.current = filtersKey(trimmed);
    setQuery(
      { ...Object.fromEntries(FILTERS.map((name) => [name, trimmed[name] || null])), beforeId: null },
      { replace: false },
    );
  };
  const any = FILTERS.some((name) => filters[name]);

  return (
    <search class="card filter-form" aria-labelledby="filter-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <h2 id="filter-heading">{t.filterEntries}</h2>
        <div class="filter-grid">
          <TextField
            id="filter-actor"
            label={t.actor}
            value={draft.actor}
            onInput={set("actor")}
            placeholder={t.actorPlaceholder}
            autoComplete="off"
            spellcheck={false}
          />
          <TextField
            id="filter-action"
            label={t.action}
            value={draft.action}
            onInput={set("action")}
            list="known-actions"
            autoComplete="off"
            spellcheck={false}
            placeholder="account.update"
          />
          <TextField
            id="filter-object-type"
            label={t.objectType}
            value={draft.objectType}
            onInput={set("objectType")}
            list="known-object-types"
            autoComplete="off"
            spellcheck={false}
            placeholder="account"
          />
          <TextField
            id="filter-object-id"
            label={t.objectId}
            value={draft.objectId}
            onInput={set("objectId")}
            autoComplete="off"
            spellcheck={false}
          />
          <TextField id="filter-from" label={t.fromDay} type="date" value={draft.from} onInput={set("from")} />
          <TextField id="filter-to" label={t.toDay} type="date" value={draft.to} onInput={set("to")} />
        </div>
        <datalist id="known-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option value={action}>{actionLabel(action, lang)}</option>
          ))}
        </datalist>
        <datalist id="known-object-types">
          {KNOWN_OBJECT_TYPES.map((type) => (
            <option value={type}>{objectTypeLabel(type, t)}</option>
          ))}
        </datalist>
        <div class="check filter-reads">
          <input
            type="checkbox"
            id="filter-reads"
            checked={reads}
            aria-describedby="filter-reads-hint"
            onChange={(event) =>
              setQuery({ reads: event.currentTarget.checked ? "1" : null, beforeId: null }, { replace: false })
            }
          />
          <label for="filter-reads">{t.showReads}</label>
          <p id="filter-reads-hint" class="hint check-hint">
            {t.showReadsHint}
          </p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {t.applyFilters}
          </button>
          {any && (
            <button
              type="button"
              class="button button-quiet"
              onClick={() => {
                const empty = Object.fromEntries(FILTERS.map((name) => [name, ""])) as Filters;
                setDraft(empty);
                apply(empty);
              }}
            >
              {t.clearFilters}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}

function actorText(entry: AuditEntry, t: Text): string {
  return entry.actorEmail ?? t.systemActors[entry.actor] ?? entry.actor;
}

function shortId(id: string | null): string {
  if (!id) return "";
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id) ? `${id.slice(0, 8)}…` : id;
}

function EntriesTable({ entries, busy, brokenId }: { entries: AuditEntry[]; busy: boolean; brokenId: number | null }) {
  const { t, lang } = useText();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div class={`table-wrap${busy ? " is-busy" : ""}`}>
      <table class="data-table audit-table">
        <caption class="visually-hidden">{t.auditTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.entryNumber}</th>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.actor}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.object}</th>
            <th scope="col">
              <span class="visually-hidden">{t.details}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const detailId = `entry-${entry.id}-detail`;
            return (
              <Fragment key={entry.id}>
                <tr
                  data-entry={entry.id}
                  data-action={entry.action}
                  class={
                    [expanded ? "is-open" : "", entry.id === brokenId ? "is-broken" : ""].join(" ").trim() || undefined
                  }
                >
                  <td class="entry-id">
                    {entry.id === brokenId && (
                      <span class="broken-mark" title={t.failsVerification}>
                        <span aria-hidden="true">⚠ </span>
                        <span class="visually-hidden">{t.failsVerification}: </span>
                      </span>
                    )}
                    #{entry.id}
                  </td>
                  <td class="entry-when">
                    <time dateTime={entry.at}>{formatInstant(entry.at, lang, { seconds: true, zone: true })}</time>
                  </td>
                  <td class="entry-actor">
                    <span>{actorText(entry, t)}</span>
                    {entry.onBehalfOf && <span class="muted entry-sub">{t.onBehalfOf(entry.onBehalfOf)}</span>}
                  </td>
                  <td class="entry-action">
                    <span class="action-label">{actionLabel(entry.action, lang)}</span>
                    <code class="entry-sub action-code">{entry.action}</code>
                  </td>
                  <td class="entry-object">
                    <span>{objectTypeLabel(entry.objectType, t)}</span>
                    {entry.objectId && (
                      <code class="entry-sub" title={entry.objectId}>
                        {shortId(entry.objectId)}
                      </code>
                    )}
                  </td>
                  <td class="actions-cell">
                    <button
                      type="button"
                      class="button button-quiet button-small"
                      aria-expanded={expanded}
                      aria-controls={detailId}
                      aria-label={t.entryDetailsFor(entry.id)}
                      onClick={() => toggle(entry.id)}
                    >
                      <span aria-hidden="true" class={`caret${expanded ? " is-open" : ""}`}>
                        ▸
                      </span>{" "}
                      {t.details}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr class="entry-detail-row" id={detailId}>
                    <td colSpan={6}>
                      <EntryDetail entry={entry} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type DiffKind = "added" | "removed" | "changed" | "same";
interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  kind: DiffKind;
}

/** Nested objects as dotted paths ("filter.action"); arrays and values as leaves. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [key, inner] of entries) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix || "—", value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diff(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before ?? undefined, "", new Map());
  const b = flatten(after ?? undefined, "", new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const inBefore = a.has(path);
    const inAfter = b.has(path);
    const kind: DiffKind = !inBefore
      ? "added"
      : !inAfter
        ? "removed"
        : same(a.get(path), b.get(path))
          ? "same"
          : "changed";
    return { path, before: a.get(path), after: b.get(path), kind };
  });
}

function Value({ value }: { value: unknown }) {
  const { t } = useText();
  if (value === undefined) return <span class="muted">{t.none}</span>;
  if (value === null) return <span class="muted value-null">{t.emptyValue}</span>;
  if (typeof value === "string") return <span class="value">{value}</span>;
  if (typeof value === "boolean") return <span class="value">{value ? t.yes : t.no}</span>;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) {
    return value.length === 0 ? (
      <span class="muted">[ ]</span>
    ) : (
      <span class="value">{value.map(String).join(", ")}</span>
    );
  }
  return <code class="value">{JSON.stringify(value)}</code>;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useText();
  const rows = useMemo(() => diff(entry.before, entry.after), [entry]);
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  if (!hasBefore && !hasAfter) return null;
  const changed = rows.filter((row) => row.kind !== "same");
  const single = !hasBefore || !hasAfter;
  return (
    <div class="entry-section is-wide">
      <h3>{!hasBefore ? t.recordedValues : !hasAfter ? t.removedValues : t.changes}</h3>
      {!single && (
        <p class="diff-summary">
          {changed.length === 0 ? t.nothingChanged : t.changedFields(changed.map((row) => row.path))}
        </p>
      )}
      <div class="diff-wrap">
        <table class="diff-table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              {single ? (
                <th scope="col">{t.value}</th>
              ) : (
                <>
                  <th scope="col">{t.before}</th>
                  <th scope="col">{t.after}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr class={single ? undefined : `diff-${row.kind}`}>
                <th scope="row">
                  <code>{row.path}</code>
                  {!single && row.kind !== "same" && (
                    <span class={`diff-tag diff-tag-${row.kind}`}>{t.diffKinds[row.kind]}</span>
                  )}
                </th>
                {single ? (
                  <td class="diff-single">
                    <Value value={hasAfter ? row.after : row.before} />
                  </td>
                ) : (
                  <>
                    <td class="diff-before" data-label={t.before}>
                      {row.kind === "changed" || row.kind === "removed" ? (
                        <del>
                          <Value value={row.before} />
                        </del>
                      ) : (
                        <Value value={row.before} />
                      )}
                    </td>
                    <td class="diff-after" data-label={t.after}>
                      {row.kind === "changed" || row.kind === "added" ? (
                        <ins>
                          <Value value={row.after} />
                        </ins>
                      ) : (
                        <Value value={row.after} />
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useText();
  const details = useMemo(() => [...flatten(entry.details ?? undefined, "", new Map()).entries()], [entry]);
  const panel = useRef<HTMLDivElement>(null);
  return (
    <div class="entry-detail" ref={panel}>
      <Changes entry={entry} />
      {details.length > 0 && (
        <div class="entry-section">
          <h3>{t.details}</h3>
          <dl class="kv">
            {details.map(([key, value]) => (
              <div>
                <dt>
                  <code>{key}</code>
                </dt>
                <dd>
                  <Value value={value} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div class="entry-section">
        <h3>{t.record}</h3>
        <dl class="kv">
          <div>
            <dt>{t.when}</dt>
            <dd>
              <code>{entry.at}</code>
            </dd>
          </div>
          <div>
            <dt>{t.actor}</dt>
            <dd>
              {actorText(entry, t)} {entry.actorEmail && <code class="muted">{entry.actor}</code>}
            </dd>
          </div>
          {entry.onBehalfOf && (
            <div>
              <dt>{t.onBehalfOfLabel}</dt>
              <dd>{entry.onBehalfOf}</dd>
            </div>
          )}
          <div>
            <dt>{t.object}</dt>
            <dd>
              {objectTypeLabel(entry.objectType, t)} {entry.objectId && <code>{entry.objectId}</code>}
            </dd>
          </div>
          <div>
            <dt>{t.hash}</dt>
            <dd>
              <code class="hash">{entry.hash}</code>
            </dd>
          </div>
        </dl>
        <p class="entry-links">
          <button
            type="button"
            class="link-button"
            onClick={() => setQuery({ actor: entry.actorEmail ?? entry.actor, beforeId: null }, { replace: false })}
          >
            {t.sameActor}
          </button>
          {entry.objectId && (
            <button
              type="button"
              class="link-button"
              onClick={() =>
                setQuery({ objectType: entry.objectType, objectId: entry.objectId, beforeId: null }, { replace: false })
              }
            >
              {t.sameObject}
            </button>
          )}
        </p>
      </div>
      <details class="raw-json">
        <summary>{t.rawJson}</summary>
        <pre>{JSON.stringify(entry, null, 2)}</pre>
      </details>
    </div>
  );
}
