import { useMemo, useState } from "preact/hooks";
import { FormError, FormStatus, errorText, focusField } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useText } from "../../i18n/accounts/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { href } from "../../lib/router.ts";
import type { ActorsResponse, DelegationsResponse } from "../../lib/types.ts";
import { AdminHeading } from "./AdminHeading.tsx";

export default function DelegationsPage() {
  const { t, lang } = useText();
  const delegations = useApi<DelegationsResponse>(apiUrl("/admin/delegations"), { cache: false });
  // The registry's states, for their names and for the choice of a new delegation.
  const actors = useApi<ActorsResponse>(apiUrl("/actors", { lang }));
  const [state, setState] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const names = useMemo(
    () => new Map((actors.data?.actors ?? []).map((actor) => [actor.code, actor.name])),
    [actors.data],
  );
  const taken = new Set(delegations.data?.delegations.map((d) => d.state));
  const choices = useMemo(() => {
    const collator = new Intl.Collator(lang);
    // Only the states the registry relates to the organisation today: the server records no other.
    const eligible = new Set(delegations.data?.eligible ?? []);
    return (actors.data?.actors ?? [])
      .filter((actor) => actor.type === "state" && eligible.has(actor.code))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [actors.data, delegations.data, lang]);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return [...(delegations.data?.delegations ?? [])].sort((a, b) =>
      collator.compare(names.get(a.state) ?? a.state, names.get(b.state) ?? b.state),
    );
  }, [delegations.data, names, lang]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    setError(null);
    if (!state) {
      setError(t.chooseState);
      focusField("delegation-state");
      return;
    }
    setPending(true);
    try {
      const answer = await send<{ delegation: { id: number; state: string } }>("POST", "/admin/delegations", { state });
      setStatus(t.delegationRecorded(names.get(answer.delegation.state) ?? answer.delegation.state));
      setState("");
      delegations.retry();
    } catch (failure) {
      setError(errorText(failure, t.networkError));
      focusField("delegation-state");
    } finally {
      setPending(false);
    }
  };

  return (
    <div class="page page-admin">
      <AdminHeading current="delegations" title={t.delegationsTitle} intro={t.delegationsIntro} />
      {delegations.error ? (
        <AccessErrorBox error={delegations.error} onRetry={delegations.retry} />
      ) : !delegations.data ? (
        <Loading />
      ) : (
        <>
          <form class="card inline-form" onSubmit={onSubmit} noValidate aria-labelledby="new-delegation-heading">
            <h2 id="new-delegation-heading">{t.newDelegation}</h2>
            <FormError message={error} />
            <div class="inline-form-row">
              <div class="field">
                <label for="delegation-state">{t.state}</label>
                <select
                  id="delegation-state"
                  value={state}
                  aria-describedby="delegation-state-hint"
                  onChange={(event) => setState(event.currentTarget.value)}
                >
                  <option value="">{actors.data ? t.chooseStateOption : t.loading}</option>
                  {choices.map((actor) => (
                    <option value={actor.code} disabled={taken.has(actor.code)}>
                      {actor.name} ({actor.code}){taken.has(actor.code) ? ` — ${t.alreadyRecorded}` : ""}
                    </option>
                  ))}
                </select>
                <p id="delegation-state-hint" class="hint field-hint">
                  {t.newDelegationHint}
                </p>
              </div>
              <button type="submit" class="button button-primary" disabled={pending}>
                {pending ? t.saving : t.recordDelegation}
              </button>
            </div>
          </form>
          <FormStatus message={status} />
          <div class="section-heading">
            <h2>{t.delegationCount(rows.length)}</h2>
          </div>
          {rows.length === 0 ? (
            <p class="empty">{t.noDelegations}</p>
          ) : (
            <div class={`table-wrap${delegations.loading ? " is-busy" : ""}`}>
              <table class="data-table responsive-table delegations-table">
                <caption class="visually-hidden">{t.delegationsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.state}</th>
                    <th scope="col">{t.accountsTitle}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((delegation) => (
                    <tr key={delegation.id} data-state={delegation.state}>
                      <th scope="row" data-label={t.state}>
                        <Link href={`/actors/${delegation.state}`}>
                          {names.get(delegation.state) ?? delegation.state}
                        </Link>
                        <span class="muted code-suffix"> {delegation.state}</span>
                      </th>
                      <td data-label={t.accountsTitle}>{t.accountCount(delegation.accounts)}</td>
                      <td data-label={t.actions} class={delegation.accounts === 0 ? "is-empty" : "actions-cell"}>
                        {delegation.accounts > 0 && (
                          <Link
                            href={href("/admin/accounts", { q: delegation.state })}
                            aria-label={t.showAccountsOf(names.get(delegation.state) ?? delegation.state)}
                          >
                            {t.showAccounts} →
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
