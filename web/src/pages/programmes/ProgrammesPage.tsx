import { useState } from "preact/hooks";
import { PROGRAMME_KINDS } from "../../../../src/domain/cooperation.ts";
import { DataLinks } from "../../components/DataLinks.tsx";
import { FormStatus, focusField, FormAlerts } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, ErrorBox, Loading } from "../../components/Status.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { navigate, setQuery, type Location } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { partnerNameOf, periodText } from "./logic.ts";
import {
  describedBy,
  FieldError,
  ProgressMeter,
  ReconstructedTag,
  useChangeForm,
  VersionStatusPill,
} from "./shared.tsx";
import { programmeOf, type ProgrammeResponse, type ProgrammeSummary, type ProgrammesResponse } from "./types.ts";

/** The API's page of programmes, and the most it gives at once. */
const PAGE = 100;
const PAGE_MAX = 1000;

/** The programmes the reader may see, filtered by partner and kind; the secretariat opens new ones here. */
export default function ProgrammesPage({ location }: { location: Location }) {
  const { t, lang } = useProgrammeText();
  const { session } = useSession();
  const account = session?.account ?? null;
  const partner = location.query.get("partner")?.toUpperCase() || null;
  const kind = location.query.get("kind") || null;
  const filtered = partner !== null || kind !== null;
  // A page at a time (the API's default is 100); "Show more" asks for the next hundred as well.
  const [limit, setLimit] = useState(PAGE);
  const page = limit === PAGE ? null : String(limit);
  const all = useApi<ProgrammesResponse>(account ? apiUrl("/programmes", { lang, limit: page }) : null, {
    cache: false,
  });
  const list = useApi<ProgrammesResponse>(
    account && filtered ? apiUrl("/programmes", { partner, kind, lang, limit: page }) : null,
    { cache: false },
  );
  const shown = filtered ? list : all;

  if (!account) {
    return (
      <div class="page page-programmes">
        <h1>{t.programmesTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForProgrammes), { status: 401 })} />
      </div>
    );
  }
  const forbidden = shown.error && (shown.error.status === 401 || shown.error.status === 403) ? shown.error : null;
  const everything = all.data?.programmes ?? [];
  const partners = [...new Map(everything.map((p) => [p.partner, partnerNameOf(p, lang)])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], lang),
  );
  const kinds = [
    ...new Set([
      ...PROGRAMME_KINDS.filter((k) => everything.some((p) => p.kind === k)),
      ...everything.map((p) => p.kind),
    ]),
  ];
  const secretariat = account.role === "secretariat-admin" || account.role === "secretariat-staff";
  const programmes = shown.data?.programmes ?? [];

  return (
    <div class="page page-programmes">
      <div class="page-heading">
        <p class="eyebrow">{account.organization}</p>
        <h1>{t.programmesTitle}</h1>
        <p class="lede">{t.programmesIntro}</p>
      </div>
      {account.delegation && (
        <p>
          <Link href="/our-programme" class="button">
            {t.ourProgrammeTitle} <span aria-hidden="true">→</span>
          </Link>
        </p>
      )}
      {forbidden ? (
        <AccessErrorBox error={forbidden} />
      ) : (
        <section aria-labelledby="programmes-heading" aria-busy={shown.loading}>
          <h2 id="programmes-heading" class="visually-hidden">
            {t.programmesCaption}
          </h2>
          <div class="toolbar prog-toolbar">
            <div class="field toolbar-filter">
              <label for="programmes-partner">{t.filterPartner}</label>
              <select
                id="programmes-partner"
                value={partner ?? ""}
                onChange={(event) => setQuery({ partner: event.currentTarget.value || null })}
              >
                <option value="">{t.allPartners}</option>
                {partner && !partners.some(([code]) => code === partner) && <option value={partner}>{partner}</option>}
                {partners.map(([code, name]) => (
                  <option value={code}>{name === code ? code : `${name} (${code})`}</option>
                ))}
              </select>
            </div>
            <div class="field toolbar-filter">
              <label for="programmes-kind">{t.filterProgrammeKind}</label>
              <select
                id="programmes-kind"
                value={kind ?? ""}
                onChange={(event) => setQuery({ kind: event.currentTarget.value || null })}
              >
                <option value="">{t.allProgrammeKinds}</option>
                {kind && !kinds.includes(kind) && <option value={kind}>{kind}</option>}
                {kinds.map((k) => (
                  <option value={k}>{t.kindName(k)}</option>
                ))}
              </select>
            </div>
            {shown.data && (
              <p class="toolbar-count muted" aria-live="polite">
                {(shown.data.total ?? programmes.length) > programmes.length
                  ? t.programmeCountOf(programmes.length, shown.data.total)
                  : t.programmeCount(programmes.length)}
              </p>
            )}
            <DataLinks path="/programmes" params={{ partner, kind }} what={t.programmesCaption} />
          </div>
          {shown.error ? (
            <ErrorBox error={shown.error} onRetry={shown.retry} />
          ) : !shown.data ? (
            <Loading />
          ) : programmes.length === 0 ? (
            <p class="empty">{filtered ? t.noProgrammesFiltered : t.noProgrammes}</p>
          ) : (
            <>
              <ProgrammeTable programmes={programmes} busy={shown.loading} />
              {shown.data.total > programmes.length && limit < PAGE_MAX && (
                <p>
                  <button type="button" class="button" onClick={() => setLimit(limit + PAGE)} disabled={shown.loading}>
                    {t.showMoreProgrammes}
                  </button>
                </p>
              )}
            </>
          )}
        </section>
      )}
      {secretariat && <NewProgrammeForm organization={account.organization} />}
    </div>
  );
}

function ProgrammeTable({ programmes, busy }: { programmes: ProgrammeSummary[]; busy: boolean }) {
  const { t, lang } = useProgrammeText();
  return (
    <div class={`table-wrap${busy ? " is-busy" : ""}`}>
      <table class="data-table responsive-table prog-table" data-testid="programmes">
        <caption class="visually-hidden">{t.programmesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colPartner}</th>
            <th scope="col">{t.colProgrammeKind}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colInForce}</th>
            <th scope="col">{t.colProgress}</th>
          </tr>
        </thead>
        <tbody>
          {programmes.map((programme) => (
            <tr key={programme.id} data-programme={programme.id}>
              <th scope="row" data-label={t.colPartner}>
                <span class="prog-cell-title">
                  <Link href={`/programmes/${programme.id}`}>{partnerNameOf(programme, lang)}</Link>
                  <span class="muted code-suffix">{programme.partner}</span>
                  {programme.reconstructed && <ReconstructedTag />}
                </span>
              </th>
              <td data-label={t.colProgrammeKind}>
                <span>{t.kindName(programme.kind)}</span>
              </td>
              <td data-label={t.colPeriod}>
                <span>{periodText(programme.period, lang)}</span>
              </td>
              <td data-label={t.colStatus}>
                <span>
                  <VersionStatusPill status={programme.status} />
                </span>
              </td>
              <td data-label={t.colInForce}>
                <span>{programme.inForce === null ? t.noVersionInForce : t.versionNumber(programme.inForce)}</span>
              </td>
              <td data-label={t.colProgress}>
                <ProgressMeter share={programme.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const NEW_FIELDS = ["partner", "kind", "start", "end", "organization"];

/** The secretariat opens a programme: version 1, an empty draft, for the partner's delegation to fill in. */
function NewProgrammeForm({ organization }: { organization: string }) {
  const { t, lang } = useProgrammeText();
  const [open, setOpen] = useState(false);
  const [partner, setPartner] = useState("");
  const [kind, setKind] = useState<string>("ITPP");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm("new-programme");

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (!partner.trim()) found.partner = t.partnerNeeded;
    if (!kind.trim()) found.kind = t.kindNeeded;
    if (!start) found.start = t.dateNeeded;
    if (!end) found.end = t.dateNeeded;
    if (!form.check(found)) return;
    const answer = await form.run(
      (key) =>
        send<ProgrammeResponse>(
          "POST",
          `/programmes?lang=${lang}`,
          { organization, partner: partner.trim().toUpperCase(), kind: kind.trim(), start, end },
          { idempotencyKey: key },
        ),
      (path) => NEW_FIELDS.includes(path),
    );
    if (answer) {
      const created = programmeOf(answer);
      setDone(t.programmeCreated);
      navigate(`/programmes/${created.id}`);
    }
  };

  const field = (path: string) => form.field(path);
  return (
    <section class="card prog-new" aria-labelledby="new-programme-heading" data-testid="new-programme">
      <h2 id="new-programme-heading">{t.newProgramme}</h2>
      <p class="hint">{t.newProgrammeIntro}</p>
      {!open ? (
        <button
          type="button"
          class="button"
          aria-expanded="false"
          onClick={() => {
            setOpen(true);
            focusField("new-programme-partner");
          }}
        >
          <span aria-hidden="true">+ </span>
          {t.newProgramme}
        </button>
      ) : (
        <form class="stack-form" onSubmit={submit} noValidate>
          <FormAlerts form={form} />
          <div class="prog-form-grid">
            <div class="field">
              <label for={field("partner").id}>{t.partnerLabel}</label>
              <input
                id={field("partner").id}
                class="input input-code"
                value={partner}
                maxLength={3}
                autoCapitalize="characters"
                aria-invalid={field("partner").error ? true : undefined}
                aria-describedby={describedBy(field("partner").id, field("partner").error, true)}
                onInput={(e) => setPartner(e.currentTarget.value)}
              />
              <p id={`${field("partner").id}-hint`} class="hint field-hint">
                {t.partnerHint}
              </p>
              <FieldError {...field("partner")} />
            </div>
            <div class="field">
              <label for={field("kind").id}>{t.kindLabel}</label>
              <input
                id={field("kind").id}
                class="input"
                value={kind}
                list="programme-kinds"
                maxLength={40}
                aria-invalid={field("kind").error ? true : undefined}
                aria-describedby={describedBy(field("kind").id, field("kind").error, true)}
                onInput={(e) => setKind(e.currentTarget.value)}
              />
              <datalist id="programme-kinds">
                {PROGRAMME_KINDS.map((k) => (
                  <option value={k}>{t.kindName(k)}</option>
                ))}
              </datalist>
              <p id={`${field("kind").id}-hint`} class="hint field-hint">
                {t.kindHint}
              </p>
              <FieldError {...field("kind")} />
            </div>
            <div class="field">
              <label for={field("start").id}>{t.startLabel}</label>
              <input
                id={field("start").id}
                type="date"
                class="input"
                value={start}
                aria-invalid={field("start").error ? true : undefined}
                aria-describedby={describedBy(field("start").id, field("start").error)}
                onInput={(e) => setStart(e.currentTarget.value)}
              />
              <FieldError {...field("start")} />
            </div>
            <div class="field">
              <label for={field("end").id}>{t.endLabel}</label>
              <input
                id={field("end").id}
                type="date"
                class="input"
                value={end}
                aria-invalid={field("end").error ? true : undefined}
                aria-describedby={describedBy(field("end").id, field("end").error)}
                onInput={(e) => setEnd(e.currentTarget.value)}
              />
              <FieldError {...field("end")} />
            </div>
          </div>
          <div class="form-actions">
            <button type="submit" id="new-programme-submit" class="button button-primary" disabled={form.pending}>
              {form.pending ? t.creating : t.createProgramme}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
          <FormStatus message={done} />
        </form>
      )}
    </section>
  );
}
