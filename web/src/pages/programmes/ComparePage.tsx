import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, ErrorBox, Loading } from "../../components/Status.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import type { Lang } from "../../i18n/index.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { href, navigate, useLocation } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { activityTypeText, areaText, partnerNameOf } from "./logic.ts";
import { Breadcrumbs, VersionStatusPill } from "./shared.tsx";
import { type Change, type CompareResponse, programmeOf, type ProgrammeResponse } from "./types.ts";

/** Two versions of a programme side by side: what was added, removed or changed, the changed fields marked. */
export default function ComparePage({ id }: { id: string }) {
  const { t, lang } = useProgrammeText();
  const { session } = useSession();
  const account = session?.account ?? null;
  const location = useLocation();
  const number = (name: string) => {
    const value = location.query.get(name);
    return value && /^\d+$/.test(value) ? value : null;
  };
  const from = number("from");
  const to = number("to");
  const detail = useApi<ProgrammeResponse>(account ? apiUrl(`/programmes/${encodeURIComponent(id)}`, { lang }) : null, {
    cache: false,
  });
  const programme = detail.data ? programmeOf(detail.data) : undefined;
  const versions = [...(programme?.versions ?? [])].sort((a, b) => a.number - b.number);
  // Without both numbers: the version before the latest, and the latest.
  const latest = versions.at(-1)?.number;
  const before = versions.at(-2)?.number;
  const shownFrom = from ?? (before !== undefined ? String(before) : null);
  const shownTo = to ?? (latest !== undefined ? String(latest) : null);
  const url =
    account && shownFrom && shownTo
      ? apiUrl(`/programmes/${encodeURIComponent(id)}/compare`, { from: shownFrom, to: shownTo, lang })
      : null;
  const compared = useApi<CompareResponse>(url, { cache: false });
  const programmeHref = `/programmes/${encodeURIComponent(id)}`;

  const trail = [
    { href: "/programmes", label: t.programmesTitle },
    {
      href: programmeHref,
      label: programme
        ? t.programmeHeading(
            partnerNameOf(programme, lang),
            programme.kind,
            programme.period.start.slice(0, 4),
            programme.period.end.slice(0, 4),
          )
        : t.programmePageTitle(id),
    },
  ];
  if (!account) {
    return (
      <div class="page page-compare">
        <Breadcrumbs trail={trail} current={t.compareTitle} />
        <h1>{t.compareTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForProgrammes), { status: 401 })} />
      </div>
    );
  }
  const failure = detail.error ?? compared.error;
  const pick = (name: "from" | "to", value: string) =>
    navigate(
      href(`${programmeHref}/compare`, {
        from: name === "from" ? value : shownFrom,
        to: name === "to" ? value : shownTo,
      }),
      { replace: true },
    );
  return (
    <div class="page page-compare">
      <Breadcrumbs trail={trail} current={t.compareTitle} />
      <div class="page-heading">
        {programme && <p class="eyebrow">{trail[1]?.label}</p>}
        <h1>{t.compareTitle}</h1>
        {shownFrom && shownTo && <p class="lede">{t.compareIntro(shownFrom, shownTo)}</p>}
      </div>
      {programme && versions.length > 0 && (
        <form class="toolbar prog-toolbar" onSubmit={(e) => e.preventDefault()}>
          {(["from", "to"] as const).map((name) => (
            <div class="field toolbar-filter" key={name}>
              <label for={`compare-${name}`}>{name === "from" ? t.compareFrom : t.compareTo}</label>
              <select
                id={`compare-${name}`}
                value={(name === "from" ? shownFrom : shownTo) ?? ""}
                onChange={(event) => pick(name, event.currentTarget.value)}
              >
                {versions.map((v) => (
                  <option value={String(v.number)}>{t.versionOption(v.number, t.versionStatuses[v.status])}</option>
                ))}
              </select>
            </div>
          ))}
          {url && (
            <p class="prog-json-link">
              <a href={url} type="application/json" data-testid="json-link">
                <span aria-hidden="true">{"{ } "}</span>
                {t.compareJson}
              </a>
            </p>
          )}
        </form>
      )}
      {failure ? (
        failure.status === 401 || failure.status === 403 ? (
          <AccessErrorBox error={failure} />
        ) : (
          <ErrorBox error={failure} onRetry={failure === detail.error ? detail.retry : compared.retry} />
        )
      ) : !programme || (url && !compared.data) ? (
        <Loading />
      ) : versions.length < 2 ? (
        <p class="empty">{t.onlyOneVersion}</p>
      ) : compared.data ? (
        <Changes
          data={compared.data}
          statusOf={(n) => versions.find((v) => v.number === n)?.status}
          programmeHref={programmeHref}
        />
      ) : null}
    </div>
  );
}

function Changes({
  data,
  statusOf,
  programmeHref,
}: {
  data: CompareResponse;
  statusOf: (n: number) => Parameters<typeof VersionStatusPill>[0]["status"] | undefined;
  programmeHref: string;
}) {
  const { t } = useProgrammeText();
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const change of data.changes) counts[change.change] += 1;
  const fromStatus = statusOf(data.from);
  const toStatus = statusOf(data.to);
  return (
    <section aria-labelledby="changes-heading" data-testid="changes">
      <h2 id="changes-heading">{t.changesHeading(data.changes.length)}</h2>
      <p class="prog-change-counts">
        <span class="prog-change-pill is-added">{t.addedCount(counts.added)}</span>
        <span class="prog-change-pill is-removed">{t.removedCount(counts.removed)}</span>
        <span class="prog-change-pill is-changed">{t.changedCount(counts.changed)}</span>
      </p>
      <div class="prog-compare-columns-head" aria-hidden="true">
        <span>
          <Link href={href(programmeHref, { version: String(data.from) })}>{t.versionNumber(data.from)}</Link>{" "}
          {fromStatus && <VersionStatusPill status={fromStatus} />}
        </span>
        <span>
          <Link href={href(programmeHref, { version: String(data.to) })}>{t.versionNumber(data.to)}</Link>{" "}
          {toStatus && <VersionStatusPill status={toStatus} />}
        </span>
      </div>
      {data.changes.length === 0 ? (
        <p class="empty">{t.noChanges}</p>
      ) : (
        <ol class="prog-changes">
          {data.changes.map((change) => (
            <ChangeItem key={`${change.level}:${change.ref}`} change={change} from={data.from} to={data.to} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The fields a side shows, in a steady order (the API's own names: titles, area, year, menuItem…). */
const FIELD_ORDER = [
  "titles",
  "title",
  "area",
  "objective",
  "goal",
  "year",
  "menuItem",
  "description",
  "source",
  "quote",
];
const LANGS = ["en", "es", "pt", "fr"] as const;

function fieldsOf(change: Change): string[] {
  const names = new Set<string>([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]);
  // The ref names the node already; ids and children are not the node's own fields.
  for (const hidden of ["ref", "id", "goals", "activities", "progress"]) names.delete(hidden);
  return [...names].sort((a, b) => {
    const ia = FIELD_ORDER.indexOf(a);
    const ib = FIELD_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

function titlesOf(value: unknown): Partial<Record<(typeof LANGS)[number], string | null>> {
  return value && typeof value === "object" ? (value as Partial<Record<(typeof LANGS)[number], string | null>>) : {};
}

function valueText(name: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === "") return "—";
  if (name === "area" && typeof value === "string") return areaText(value, lang);
  if (typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (typeof record.code === "string")
      return `${record.code}${typeof record.type === "string" ? ` · ${activityTypeText(record.type, lang)}` : ""}`;
    if (typeof record.title === "string") return record.title;
    return JSON.stringify(value);
  }
  return String(value);
}

/** A node's name in the reader's language (English when it has none). */
function nameOf(side: Record<string, unknown> | null, lang: Lang): string | null {
  if (!side) return null;
  if (typeof side.title === "string") return side.title;
  const titles = titlesOf(side.titles);
  return titles[lang] ?? titles.en ?? null;
}

function ChangeItem({ change, from, to }: { change: Change; from: number; to: number }) {
  const { t, lang } = useProgrammeText();
  const changed = new Set(change.fields);
  const name = nameOf(change.after, lang) ?? nameOf(change.before, lang) ?? "";
  const empty = (value: unknown) => value === null || value === undefined || value === "";
  // A field empty on both sides says nothing.
  const fields = fieldsOf(change).filter(
    (field) => changed.has(field) || !empty(change.before?.[field]) || !empty(change.after?.[field]),
  );
  const label = (field: string) => t.fieldNames[field] ?? field;
  const side = (which: "before" | "after") => {
    const values = change[which];
    const other = change[which === "before" ? "after" : "before"];
    const version = which === "before" ? from : to;
    const marked = (isChanged: boolean, text: string) =>
      isChanged && change.change === "changed" ? <mark>{text}</mark> : text;
    return (
      <div class={`prog-compare-side is-${which}`}>
        <p class="prog-compare-side-label">{t.versionNumber(version)}</p>
        {values === null ? (
          <p class="muted prog-compare-absent">{which === "before" ? t.notInVersion : t.removedInVersion}</p>
        ) : (
          <dl class="prog-compare-fields">
            {fields.map((field) => {
              const isChanged = changed.has(field);
              if (field === "titles") {
                // Each language on its own line, the ones that differ marked.
                const mine = titlesOf(values.titles);
                const theirs = titlesOf(other?.titles);
                // The reader's language (else English), and every language whose title changed.
                const own = mine[lang] ? lang : "en";
                const shown = LANGS.filter(
                  (l) => mine[l] && (l === own || (isChanged && (mine[l] ?? null) !== (theirs[l] ?? null))),
                );
                return (
                  <div key={field} class={isChanged ? "is-changed" : undefined} data-field={field}>
                    <dt>
                      {label(field)}
                      {isChanged && <span class="visually-hidden"> ({t.changedField})</span>}
                    </dt>
                    <dd>
                      {shown.length === 0 ? (
                        "—"
                      ) : (
                        <ul class="prog-compare-titles">
                          {shown.map((l) => (
                            <li key={l} lang={l}>
                              <abbr class="prog-lang" title={l}>
                                {l.toUpperCase()}
                              </abbr>{" "}
                              {marked(isChanged && (mine[l] ?? null) !== (theirs[l] ?? null), mine[l] ?? "")}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                );
              }
              return (
                <div key={field} class={isChanged ? "is-changed" : undefined} data-field={field}>
                  <dt>
                    {label(field)}
                    {isChanged && <span class="visually-hidden"> ({t.changedField})</span>}
                  </dt>
                  <dd>{marked(isChanged, valueText(field, values[field], lang))}</dd>
                </div>
              );
            })}
          </dl>
        )}
      </div>
    );
  };
  return (
    <li
      class={`prog-change is-${change.change}`}
      data-change={change.change}
      data-ref={change.ref}
      data-level={change.level}
    >
      <div class="prog-change-head">
        <span class={`prog-change-pill is-${change.change}`}>{t.changeKinds[change.change]}</span>
        <span class="prog-level">{t.levels[change.level]}</span>
        <span class="prog-ref">{change.ref}</span>
        <strong class="prog-change-name">{name}</strong>
      </div>
      {change.change === "changed" && change.fields.length > 0 && (
        <p class="small-note muted" data-testid="fields-changed">
          {t.fieldsChanged(change.fields.map(label).join(", "))}
        </p>
      )}
      <div class="prog-compare-sides">
        {side("before")}
        {side("after")}
      </div>
    </li>
  );
}
