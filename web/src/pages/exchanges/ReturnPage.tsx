import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { deadlineOf, formFor } from "../../../../src/domain/exchanges.ts";
import { Link } from "../../components/Link.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { useExchangeText } from "../../i18n/exchanges/index.ts";
import { EXCHANGE_NAV } from "../../i18n/exchanges/nav.ts";
import { apiUrl, useApi } from "../../lib/api.ts";
import { formatDate, formatInstant, today } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import { dashboardHref, formInForce, instantOf, timelinessOf } from "./logic.ts";
import { ReturnForm } from "./ReturnForm.tsx";
import { ReturnView } from "./ReturnView.tsx";
import { Breadcrumbs, RestrictedNotice, RestrictedTag, regimeName, StatusMark, useNames } from "./shared.tsx";
import type { ExchangeForm, RegimeResponse, ReturnResponse, ReturnVersion } from "./types.ts";

/** The versions in force for the year, one per form code (the UN report: standardized and simplified). */
function formsInForce(forms: readonly ExchangeForm[], year: number): ExchangeForm[] {
  return [...new Set(forms.map((form) => form.code))]
    .map((code) => formFor(forms, code, year))
    .filter((form): form is ExchangeForm => form !== undefined);
}

/** Where a regime has more than one form for the year, the delegation chooses which it files. */
function FormChoice(props: { forms: ExchangeForm[]; initial: string; children: (form: ExchangeForm) => JSX.Element }) {
  const { t, lang } = useExchangeText();
  const [code, setCode] = useState(props.initial);
  const chosen = props.forms.find((form) => form.code === code) ?? (props.forms[0] as ExchangeForm);
  if (props.forms.length < 2) return props.children(chosen);
  return (
    <>
      <p class="xc-form-choice">
        <label for="return-form-choice">{t.factForm}</label>{" "}
        <select id="return-form-choice" value={chosen.code} onChange={(e) => setCode(e.currentTarget.value)}>
          {props.forms.map((form) => (
            <option key={form.code} value={form.code}>
              {label(form.names, lang, form.code)}
            </option>
          ))}
        </select>
      </p>
      {props.children(chosen)}
    </>
  );
}

const label = (labels: unknown, lang: string, fallback: string) =>
  (labels as Record<string, string> | undefined)?.[lang] ?? fallback;

/**
 * `/exchanges/:regime/returns/:state/:year`: a state's return for a reporting year. Its delegation
 * fills it in, saves the draft and submits it (ReturnForm); anyone else who may read it sees the
 * submitted return. Every version the reader may see is listed, earlier ones readable.
 */
export default function ReturnPage({ code, state, year }: { code: string; state: string; year: number }) {
  const { t, lang } = useExchangeText();
  const names = useNames();
  const { session } = useSession();
  const regime = useApi<RegimeResponse>(apiUrl(`/exchanges/${encodeURIComponent(code)}`));
  const answer = useApi<ReturnResponse>(
    session === undefined
      ? null
      : apiUrl(`/exchanges/${encodeURIComponent(code)}/returns/${encodeURIComponent(state)}/${year}`),
    { cache: false },
  );
  const data = regime.data;
  const stateName = names.state(state);
  const name = data ? regimeName(data.regime, lang) : code;
  const heading = t.returnHeading(stateName, year);
  const trail = [
    { href: "/exchanges", label: EXCHANGE_NAV[lang].exchangesTitle },
    { href: `/exchanges/${encodeURIComponent(code)}`, label: name },
  ];

  if (regime.error)
    return (
      <div class="page page-exchange-return">
        <Breadcrumbs trail={trail} current={`${stateName}, ${year}`} />
        <h1>{heading}</h1>
        <ErrorBox error={regime.error} onRetry={regime.retry} />
      </div>
    );
  if (!data || session === undefined) return <Loading />;

  const form = formInForce(data.forms, year);
  const deadline = answer.data?.deadline ?? safeDeadline(data, year);
  const versions = answer.data?.versions ?? [];
  const draft = versions.find((version) => version.status === "draft");
  const current = versions.find((version) => version.status === "submitted");
  const writes = answer.data?.abilities.write ?? false;
  const timeliness = deadline && answer.data ? timelinessOf(state, versions, deadline, today()) : null;
  const formOf = (version: Pick<ReturnVersion, "formCode" | "formVersion">) =>
    data.forms.find((entry) => entry.code === version.formCode && entry.version === version.formVersion);

  return (
    <div class="page page-exchange-return">
      <Breadcrumbs trail={trail} current={`${stateName}, ${year}`} />
      <div class="page-heading">
        <p class="eyebrow">
          <Link href={`/exchanges/${encodeURIComponent(code)}`}>{name}</Link>
        </p>
        <h1>{heading}</h1>
        <p class="xc-heading-tags">
          <RestrictedTag restricted={data.restricted} />
        </p>
      </div>

      <section class="card xc-return-facts" aria-label={heading}>
        <dl class="xc-facts">
          <div>
            <dt>{t.factForm}</dt>
            <dd>{form ? t.formOfVersion(label(form.names, lang, form.code), form.version) : t.noFormForYear(year)}</dd>
          </div>
          {deadline && (
            <div>
              <dt>{t.factDueBy}</dt>
              <dd>{formatDate(deadline, "day", lang)}</dd>
            </div>
          )}
          {answer.data && (
            <div>
              <dt>{t.factStatus}</dt>
              <dd data-testid="return-state">
                {current
                  ? `${t.submittedWhen(formatInstant(instantOf(current.submittedAt), lang))}${
                      current.firstSubmittedAt && current.firstSubmittedAt !== current.submittedAt
                        ? ` (${t.firstSubmittedWhen(formatInstant(instantOf(current.firstSubmittedAt), lang))})`
                        : ""
                    }`
                  : t.notSubmitted}
                {draft && ` · ${t.draftSavedOn(formatInstant(instantOf(draft.createdAt), lang))}`}
              </dd>
            </div>
          )}
          {timeliness && (
            <div>
              <dt>{t.factTimeliness}</dt>
              <dd data-testid="timeliness">
                <StatusMark status={timeliness} />
              </dd>
            </div>
          )}
        </dl>
        <p class="xc-card-links">
          <Link href={`${dashboardHref({ regime: code, from: year, to: year, state })}#dashboard`}>
            {t.seeDashboard}
          </Link>
        </p>
      </section>

      {answer.error ? (
        <RestrictedNotice error={answer.error} organization={data.organization} onRetry={answer.retry} />
      ) : !answer.data ? (
        <Loading />
      ) : writes && form ? (
        <FormChoice forms={formsInForce(data.forms, year)} initial={(draft ?? current)?.formCode ?? form.code}>
          {(chosen) => (
            <ReturnForm
              key={chosen.code}
              regime={data}
              form={chosen}
              state={state}
              stateName={stateName}
              year={year}
              deadline={answer.data?.deadline ?? deadline ?? ""}
              versions={versions}
              onChanged={answer.retry}
            />
          )}
        </FormChoice>
      ) : (
        <section class="xc-section" aria-labelledby="return-view-heading">
          <h2 id="return-view-heading">{t.returnOfState(stateName)}</h2>
          {current && formOf(current) ? (
            <>
              <p class="hint xc-read-note">{t.readOnlyNote}</p>
              <ReturnView form={formOf(current) as ExchangeForm} values={current.values} id="current" />
            </>
          ) : (
            <p class="empty" data-testid="nothing-submitted">
              {t.nothingSubmitted(stateName, year)}
            </p>
          )}
        </section>
      )}

      {answer.data && (
        <Versions versions={versions} formOf={formOf} shownInline={writes ? null : (current?.id ?? null)} />
      )}
    </div>
  );
}

/** The year's deadline by the regime's rule, or null for a year it cannot have one. */
function safeDeadline(data: RegimeResponse, year: number): string | null {
  try {
    return deadlineOf(data.regime, year);
  } catch {
    return null;
  }
}

function Versions({
  versions,
  formOf,
  shownInline,
}: {
  versions: ReturnVersion[];
  formOf: (version: ReturnVersion) => ExchangeForm | undefined;
  /** The version already shown above the list, whole. */
  shownInline: number | null;
}) {
  const { t, lang } = useExchangeText();
  return (
    <section class="xc-section" aria-labelledby="versions-heading" data-testid="versions">
      <h2 id="versions-heading">{t.versionsHeading}</h2>
      <p class="section-intro">{t.versionsIntro}</p>
      {versions.length === 0 ? (
        <p class="empty">{t.noVersions}</p>
      ) : (
        <ol class="plain-list xc-versions">
          {versions.map((version) => {
            const form = formOf(version);
            const when =
              version.status === "draft"
                ? t.savedWhen(formatInstant(instantOf(version.createdAt), lang))
                : t.submittedWhen(formatInstant(instantOf(version.submittedAt), lang));
            return (
              <li key={version.id} class="card xc-version" data-version={version.id} data-status={version.status}>
                <p class="xc-version-head">
                  <span class={`xc-version-status xc-version-${version.status}`}>
                    {t.versionStatuses[version.status]}
                  </span>
                  <strong>{t.versionTitle(version.id)}</strong>
                  <span class="muted">
                    {when}
                    {form && ` · ${t.formOfVersion(label(form.names, lang, form.code), form.version)}`}
                  </span>
                </p>
                {version.status !== "draft" && version.id !== shownInline && form && (
                  <details class="xc-version-details">
                    <summary>{t.showVersion}</summary>
                    <ReturnView form={form} values={version.values} id={`version-${version.id}`} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
