import { useState } from "preact/hooks";
import { Confirm } from "../../components/Confirm.tsx";
import { errorText, FormError, FormStatus, fieldError, focusField } from "../../components/Form.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { DOCUMENT_NAV } from "../../i18n/documents/nav.ts";
import { useDocumentText } from "../../i18n/documents/index.ts";
import { ApiError, apiUrl, send, useApi } from "../../lib/api.ts";
import { formatInstant, today } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import type { AdminAccountsResponse } from "../../lib/types.ts";
import { defaultPolicy, isPast, policyOf } from "./logic.ts";
import { Breadcrumbs, dayIn, usePolicies } from "./shared.tsx";
import type { Clearance, ClearancesResponse, SecurityPolicy } from "./types.ts";

type Grant = { account: string; policy: string; classification: string; authorisations: string[]; expiresOn: string };

/** A year from today: a clearance's usual term, offered as its last day. */
function inAYear(): string {
  const day = today();
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`.replace(/-02-29$/, "-02-28");
}

/**
 * `/documents/clearances`: the organisation's administrators grant, change and withdraw the
 * personnel security clearances of its accounts: a classification of a policy reached, the
 * additional sensitivities authorised, the last day it holds. A change holds from the account's
 * next request; a withdrawal asks first, in words naming its effect.
 */
export default function ClearancesPage() {
  const { t, lang } = useDocumentText();
  const { session } = useSession();
  const allowed = session?.abilities.documents.manageClearances;
  const clearances = useApi<ClearancesResponse>(allowed ? apiUrl("/clearances") : null, { cache: false });
  const accounts = useApi<AdminAccountsResponse>(allowed ? apiUrl("/admin/accounts") : null, { cache: false });
  const policies = usePolicies();
  const policyList = policies.data?.policies ?? [];
  const first = defaultPolicy(policyList, session?.account?.organization);
  const blank = (policy: SecurityPolicy | undefined): Grant => ({
    account: "",
    policy: policy?.id ?? "",
    classification: policy?.classifications[1]?.name ?? policy?.classifications[0]?.name ?? "",
    authorisations: [],
    expiresOn: inAYear(),
  });
  const [grant, setGrant] = useState<Grant | null>(null);
  const form = grant ?? blank(first);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Clearance | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);
  const title = DOCUMENT_NAV[lang].clearancesTitle;

  const policyName = (id: string) => policyOf(policyList, id)?.name ?? id;
  const accountName = (id: string) => {
    const account = accounts.data?.accounts.find((entry) => entry.id === id);
    return (
      account?.displayName ?? clearances.data?.clearances.find((entry) => entry.accountId === id)?.displayName ?? id
    );
  };
  const set = (next: Partial<Grant>) => {
    setGrant({ ...form, ...next });
    setErrors((previous) => {
      const rest = { ...previous };
      for (const key of Object.keys(next)) delete rest[key];
      return rest;
    });
  };
  const policy = policyOf(policyList, form.policy);
  const sensitivities = policy?.categories.filter((c) => c.type === "restrictive").flatMap((c) => c.values ?? []) ?? [];

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    setFormError(null);
    const found: Record<string, string> = {};
    if (!form.account) found.account = t.accountRequired;
    if (!form.expiresOn) found.expiresOn = t.expiresRequired;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t.fixFields);
      focusField(`clearance-${Object.keys(found)[0]}`);
      return;
    }
    setPending(true);
    try {
      await send("PUT", "/clearances", form);
      setStatus(t.granted(accountName(form.account), form.classification, policyName(form.policy)));
      setGrant(null);
      clearances.retry();
    } catch (failure) {
      const { field, text } = fieldError(failure);
      if (field) {
        const at = field === "accountId" ? "account" : field;
        setErrors({ [at]: text });
        setFormError(t.fixFields);
        focusField(`clearance-${at}`);
      } else if (failure instanceof ApiError && failure.status === 404) {
        setErrors({ account: failure.message });
        focusField("clearance-account");
      } else setFormError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  const withdraw = async () => {
    if (!withdrawing) return;
    setPending(true);
    setWithdrawError(null);
    try {
      await send(
        "DELETE",
        `/clearances?${new URLSearchParams({ account: withdrawing.accountId, policy: withdrawing.policyId })}`,
      );
      setStatus(t.withdrawn(withdrawing.displayName, policyName(withdrawing.policyId)));
      setWithdrawing(null);
      clearances.retry();
    } catch (failure) {
      setWithdrawError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  const fieldErrorOf = (name: string) =>
    errors[name] ? (
      <p id={`clearance-${name}-error`} class="field-error">
        <span aria-hidden="true">⚠ </span>
        {errors[name]}
      </p>
    ) : null;
  const describedBy = (name: string, hint?: string) =>
    [hint ?? "", errors[name] ? `clearance-${name}-error` : ""].filter(Boolean).join(" ") || undefined;

  const withdrawnPolicy = withdrawing ? policyOf(policyList, withdrawing.policyId) : undefined;

  return (
    <div class="page page-documents page-clearances">
      <Breadcrumbs trail={[{ href: "/documents", label: t.libraryCrumb }]} current={title} />
      <div class="page-heading">
        <h1>{title}</h1>
        <p class="lede">{t.clearancesIntro}</p>
      </div>
      {!allowed ? (
        <AccessErrorBox error={new ApiError(t.clearancesNotAllowed, session?.account ? 403 : 401, "forbidden")} />
      ) : clearances.error ? (
        <AccessErrorBox error={clearances.error} onRetry={clearances.retry} />
      ) : !clearances.data || !policies.data ? (
        <Loading />
      ) : (
        <>
          <FormStatus message={status} />
          <section class="dc-section" aria-labelledby="clearances-heading">
            <h2 id="clearances-heading">{t.clearancesListHeading}</h2>
            {clearances.data.clearances.length === 0 ? (
              <p class="card dc-empty" data-testid="no-clearances">
                {t.noClearances}
              </p>
            ) : (
              <div class="table-wrap">
                <table class="data-table responsive-table dc-clearances" data-testid="clearances">
                  <thead>
                    <tr>
                      <th scope="col">{t.colAccount}</th>
                      <th scope="col">{t.colPolicy}</th>
                      <th scope="col">{t.colClassification}</th>
                      <th scope="col">{t.colAuthorisations}</th>
                      <th scope="col">{t.colExpires}</th>
                      <th scope="col">{t.colGranted}</th>
                      <th scope="col">{t.colActions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {clearances.data.clearances.map((clearance) => {
                      const expired = isPast(clearance.expiresOn, today());
                      const name = policyName(clearance.policyId);
                      return (
                        <tr
                          key={`${clearance.accountId} ${clearance.policyId}`}
                          data-account={clearance.accountId}
                          data-policy={clearance.policyId}
                          class={expired ? "is-inactive" : undefined}
                        >
                          <th scope="row" data-label={t.colAccount}>
                            <span class="dc-account-name">{clearance.displayName}</span>
                            <span class="dc-account-email">{clearance.email}</span>
                          </th>
                          <td data-label={t.colPolicy}>
                            <span>{name}</span>
                          </td>
                          <td data-label={t.colClassification}>
                            <span data-testid="clearance-classification">{clearance.classification}</span>
                          </td>
                          <td data-label={t.colAuthorisations}>
                            <span>
                              {clearance.authorisations.length === 0
                                ? t.noneAuthorised
                                : clearance.authorisations.map((value) => (
                                    <code class="dc-value" key={value}>
                                      {value}
                                    </code>
                                  ))}
                            </span>
                          </td>
                          <td data-label={t.colExpires}>
                            <span>
                              <time dateTime={clearance.expiresOn}>{dayIn(clearance.expiresOn, lang)}</time>
                              {expired && <span class="dc-tag dc-tag-expired"> {t.expiredTag}</span>}
                            </span>
                          </td>
                          <td data-label={t.colGranted}>
                            <span>
                              {t.grantedByOn(
                                clearance.grantedBy,
                                formatInstant(clearance.grantedAt, lang, { dateOnly: true }),
                              )}
                            </span>
                          </td>
                          <td data-label={t.colActions} class="actions-cell">
                            <span class="row-buttons">
                              <button
                                type="button"
                                class="button button-small"
                                aria-label={t.changeFor(clearance.displayName, name)}
                                onClick={() => {
                                  setGrant({
                                    account: clearance.accountId,
                                    policy: clearance.policyId,
                                    classification: clearance.classification,
                                    authorisations: clearance.authorisations,
                                    expiresOn: expired ? inAYear() : clearance.expiresOn,
                                  });
                                  setErrors({});
                                  focusField("clearance-classification");
                                }}
                              >
                                {t.changeButton}
                              </button>
                              <button
                                type="button"
                                class="button button-small button-danger"
                                aria-label={t.withdrawFor(clearance.displayName, name)}
                                onClick={() => {
                                  setWithdrawError(null);
                                  setWithdrawing(clearance);
                                }}
                              >
                                {t.withdraw}
                              </button>
                            </span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section class="card dc-section" aria-labelledby="grant-heading">
            <h2 id="grant-heading">{t.grantHeading}</h2>
            <form onSubmit={submit} noValidate data-testid="grant-form">
              <FormError message={formError} />
              <p class="visually-hidden" role="alert">
                {Object.values(errors).join(" ")}
              </p>
              <div class="form-grid form-grid-two">
                <div class="field">
                  <label for="clearance-account">{t.accountField}</label>
                  <select
                    id="clearance-account"
                    value={form.account}
                    aria-invalid={errors.account ? true : undefined}
                    aria-describedby={describedBy("account")}
                    onChange={(event) => set({ account: event.currentTarget.value })}
                  >
                    <option value="">{t.chooseAccount}</option>
                    {(accounts.data?.accounts ?? [])
                      .filter((account) => !account.disabled)
                      .map((account) => (
                        <option key={account.id} value={account.id}>
                          {account.displayName} · {account.email}
                        </option>
                      ))}
                  </select>
                  {fieldErrorOf("account")}
                </div>
                <div class="field">
                  <label for="clearance-policy">{t.policyField}</label>
                  <select
                    id="clearance-policy"
                    value={form.policy}
                    aria-invalid={errors.policy ? true : undefined}
                    aria-describedby={describedBy("policy")}
                    onChange={(event) => {
                      const next = policyOf(policyList, event.currentTarget.value);
                      set({
                        policy: event.currentTarget.value,
                        classification: next?.classifications[1]?.name ?? next?.classifications[0]?.name ?? "",
                        authorisations: [],
                      });
                    }}
                  >
                    {policyList.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name}
                      </option>
                    ))}
                  </select>
                  {fieldErrorOf("policy")}
                </div>
                <div class="field">
                  <label for="clearance-classification">{t.classificationField}</label>
                  <select
                    id="clearance-classification"
                    value={form.classification}
                    aria-invalid={errors.classification ? true : undefined}
                    aria-describedby={describedBy("classification")}
                    onChange={(event) => set({ classification: event.currentTarget.value })}
                  >
                    {policy?.classifications.map((classification) => (
                      <option key={classification.name} value={classification.name}>
                        {classification.name}
                      </option>
                    ))}
                  </select>
                  {fieldErrorOf("classification")}
                </div>
                <div class="field">
                  <label for="clearance-expiresOn">{t.expiresField}</label>
                  <input
                    id="clearance-expiresOn"
                    type="date"
                    class="input dc-date"
                    value={form.expiresOn}
                    min={today()}
                    aria-invalid={errors.expiresOn ? true : undefined}
                    aria-describedby={describedBy("expiresOn")}
                    onInput={(event) => set({ expiresOn: event.currentTarget.value })}
                  />
                  {fieldErrorOf("expiresOn")}
                </div>
              </div>
              <fieldset class="dc-checks dc-authorisations" aria-describedby={describedBy("authorisations")}>
                <legend class="dc-sublegend">{t.authorisationsLegend}</legend>
                {sensitivities.length === 0 ? (
                  <p class="hint">{t.noSensitivities}</p>
                ) : (
                  <div class="dc-check-grid">
                    {sensitivities.map((value, index) => (
                      <label class="check-inline" key={value}>
                        <input
                          type="checkbox"
                          id={index === 0 ? "clearance-authorisations" : undefined}
                          checked={form.authorisations.includes(value)}
                          onChange={(event) =>
                            set({
                              authorisations: event.currentTarget.checked
                                ? [...form.authorisations, value]
                                : form.authorisations.filter((held) => held !== value),
                            })
                          }
                        />{" "}
                        <code>{value}</code>
                      </label>
                    ))}
                  </div>
                )}
                {fieldErrorOf("authorisations")}
              </fieldset>
              <div class="form-actions">
                <button type="submit" class="button button-primary" disabled={pending}>
                  {pending ? t.granting : t.grantButton}
                </button>
              </div>
            </form>
          </section>

          <Confirm
            open={withdrawing !== null}
            title={withdrawing ? t.withdrawTitle(withdrawing.displayName, policyName(withdrawing.policyId)) : ""}
            confirmLabel={t.withdrawConfirm}
            cancelLabel={t.withdrawCancel}
            pending={pending}
            onConfirm={withdraw}
            onCancel={() => setWithdrawing(null)}
          >
            {withdrawing && (
              <>
                <p data-testid="withdraw-effect">
                  {t.withdrawText(
                    withdrawing.displayName,
                    withdrawnPolicy?.classifications[0]?.name ?? "",
                    policyName(withdrawing.policyId),
                  )}
                </p>
                <FormError message={withdrawError} />
              </>
            )}
          </Confirm>
        </>
      )}
    </div>
  );
}
