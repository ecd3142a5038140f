import { useMemo, useRef, useState } from "preact/hooks";
import { ASSIGNABLE_ROLES, delegationNeed } from "../../../../src/domain/accounts.ts";
import { FormError, FormStatus, TextField, errorText, fieldError, focusField } from "../../components/Form.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { useText } from "../../i18n/accounts/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { setQuery, type Location } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import type { AdminAccount, AdminAccountsResponse, DelegationsResponse, Role } from "../../lib/types.ts";
import { AdminHeading } from "./AdminHeading.tsx";

const STATE_CODE = /^[A-Za-z]{3}$/;

function DelegationOptions({ id, states }: { id: string; states: string[] }) {
  return (
    <datalist id={id}>
      {states.map((state) => (
        <option value={state} />
      ))}
    </datalist>
  );
}

export default function AccountsPage({ location }: { location: Location }) {
  const { t, lang } = useText();
  const { session } = useSession();
  const accounts = useApi<AdminAccountsResponse>(apiUrl("/admin/accounts"), { cache: false });
  // Existing delegations, offered as suggestions (asked only once the accounts are allowed).
  const delegations = useApi<DelegationsResponse>(accounts.data ? apiUrl("/admin/delegations") : null, {
    cache: false,
  });
  const states = delegations.data?.delegations.map((d) => d.state) ?? [];
  const query = location.query.get("q") ?? "";
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const rows = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const needle = query.trim().toLowerCase();
    return (accounts.data?.accounts ?? [])
      .filter(
        (a) =>
          !needle ||
          [a.displayName, a.email, a.role, t.roles[a.role], a.delegation?.state ?? ""].some((text) =>
            text.toLowerCase().includes(needle),
          ),
      )
      .sort((a, b) => collator.compare(a.displayName, b.displayName));
  }, [accounts.data, query, lang]);
  const total = accounts.data?.accounts.length ?? 0;

  const reload = () => {
    accounts.retry();
    delegations.retry();
  };

  return (
    <div class="page page-admin">
      <AdminHeading current="accounts" title={t.accountsTitle} intro={t.accountsIntro} />
      {accounts.error ? (
        <AccessErrorBox error={accounts.error} onRetry={accounts.retry} />
      ) : !accounts.data ? (
        <Loading />
      ) : (
        <>
          <div class="toolbar">
            <div class="field toolbar-filter">
              <label for="account-filter">{t.filterAccounts}</label>
              <input
                id="account-filter"
                class="input"
                type="search"
                value={query}
                placeholder={t.filterAccountsPlaceholder}
                onInput={(event) => setQuery({ q: event.currentTarget.value || null })}
              />
            </div>
            <p class="muted toolbar-count" aria-live="polite">
              {query ? t.showing(rows.length, total) : t.accountCount(total)}
            </p>
            <button
              type="button"
              class="button button-primary"
              ref={newButton}
              aria-expanded={creating}
              aria-controls="new-account"
              onClick={() => {
                setCreating((open) => !open);
                setStatus(null);
                if (!creating) focusField("new-account-email");
              }}
            >
              <span aria-hidden="true" class="plus">
                +
              </span>
              {t.newAccount}
            </button>
          </div>
          {creating && (
            <CreateAccount
              states={states}
              singleSignOn={accounts.data.singleSignOn.configured}
              onCancel={() => {
                setCreating(false);
                focusField(null, newButton.current);
              }}
              onCreated={(account) => {
                setCreating(false);
                setStatus(t.accountCreated(account.displayName, account.email));
                reload();
                focusField(null, newButton.current);
              }}
            />
          )}
          <FormStatus message={status} />
          <DelegationOptions id="delegation-options" states={states} />
          {rows.length === 0 ? (
            <p class="empty">{t.noAccountsMatch}</p>
          ) : (
            <div class={`table-wrap${accounts.loading ? " is-busy" : ""}`}>
              <table class="data-table responsive-table accounts-table">
                <caption class="visually-hidden">{t.accountsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.colName}</th>
                    <th scope="col">{t.role}</th>
                    <th scope="col">{t.delegation}</th>
                    <th scope="col">{t.signInMethod}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((account) => (
                    <AccountRow
                      key={account.id}
                      account={account}
                      self={account.id === session?.account?.id}
                      onSaved={(saved) => {
                        setStatus(t.accountSaved(saved.displayName));
                        reload();
                      }}
                      onTemporaryPassword={(saved, sessionsEnded) => {
                        setStatus(t.temporaryPasswordSet(saved.displayName, sessionsEnded));
                        reload();
                      }}
                    />
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

const NEW_FIELDS = ["email", "displayName", "role", "delegation", "password"] as const;

function CreateAccount({
  states,
  singleSignOn,
  onCreated,
  onCancel,
}: {
  states: string[];
  /** Whether single sign-on is configured for the organisation: "single sign-on only" needs it. */
  singleSignOn: boolean;
  onCreated: (account: AdminAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useText();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("delegation-member");
  const [delegation, setDelegation] = useState("");
  const [password, setPassword] = useState("");
  const [ssoOnly, setSsoOnly] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<(typeof NEW_FIELDS)[number], string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const need = delegationNeed(role);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const found: typeof errors = {};
    if (!email.trim()) found.email = t.enterEmail;
    if (!displayName.trim()) found.displayName = t.enterDisplayName;
    if (!ssoOnly && !password) found.password = t.enterTemporaryPassword;
    if (need === "required" && !delegation.trim()) found.delegation = t.enterDelegation;
    else if (need !== "none" && delegation.trim() && !STATE_CODE.test(delegation.trim()))
      found.delegation = t.delegationFormat;
    setErrors(found);
    const first = NEW_FIELDS.find((field) => found[field]);
    if (first) {
      focusField(`new-account-${first}`);
      return;
    }
    setPending(true);
    try {
      const body: Record<string, unknown> = { email: email.trim(), displayName: displayName.trim(), role };
      if (need !== "none" && delegation.trim()) body.delegation = delegation.trim().toUpperCase();
      if (!ssoOnly) body.password = password;
      const answer = await send<{ account: AdminAccount }>("POST", "/admin/accounts", body);
      onCreated(answer.account);
    } catch (failure) {
      const { field, text } = fieldError(failure);
      const known = NEW_FIELDS.find((name) => name === field);
      if (known) {
        setErrors({ [known]: text });
        focusField(`new-account-${known}`);
      } else setFormError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      id="new-account"
      class="card create-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-account-heading"
    >
      <h2 id="new-account-heading">{t.newAccount}</h2>
      <FormError message={formError} />
      <div class="form-grid form-grid-two">
        <TextField
          id="new-account-email"
          label={t.email}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          value={email}
          onInput={setEmail}
          error={errors.email}
          required
        />
        <TextField
          id="new-account-displayName"
          label={t.displayName}
          autoComplete="off"
          value={displayName}
          onInput={setDisplayName}
          error={errors.displayName}
          required
        />
        <div class="field">
          <label for="new-account-role">{t.role}</label>
          <select
            id="new-account-role"
            value={role}
            aria-describedby="new-account-role-hint"
            onChange={(event) => {
              setRole(event.currentTarget.value as Role);
              setErrors((current) => ({ ...current, delegation: undefined }));
            }}
          >
            {ASSIGNABLE_ROLES.map((r) => (
              <option value={r}>{t.roles[r]}</option>
            ))}
          </select>
          <p id="new-account-role-hint" class="hint field-hint">
            {t.roleHints[role]}
          </p>
          {errors.role && <p class="field-error">{errors.role}</p>}
        </div>
        {need !== "none" ? (
          <TextField
            id="new-account-delegation"
            label={t.delegation}
            value={delegation}
            onInput={(value) => setDelegation(value.toUpperCase())}
            list="new-account-delegations"
            maxLength={3}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            inputClass="input-code"
            hint={t.delegationHint}
            error={errors.delegation}
            required={need === "required"}
          />
        ) : (
          <div class="field field-note">
            <span class="field-note-label">{t.delegation}</span>
            <p class="hint">{t.secretariatNoDelegation}</p>
          </div>
        )}
        <fieldset class="field sign-in-choice">
          <legend>{t.signInChoice}</legend>
          <div class="check">
            <input
              type="radio"
              id="new-account-with-password"
              name="new-account-sign-in"
              checked={!ssoOnly}
              onChange={() => setSsoOnly(false)}
            />
            <label for="new-account-with-password">{t.signInWithTemporaryPassword}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="new-account-sso-only"
              name="new-account-sign-in"
              checked={ssoOnly}
              disabled={!singleSignOn}
              aria-describedby="new-account-sso-only-hint"
              onChange={() => setSsoOnly(true)}
            />
            <label for="new-account-sso-only">{t.signInWithSsoOnly}</label>
            <p id="new-account-sso-only-hint" class="hint check-hint">
              {singleSignOn ? t.ssoOnlyHint : t.ssoNotConfigured}
            </p>
          </div>
        </fieldset>
        {!ssoOnly && (
          <TextField
            id="new-account-password"
            label={t.initialPassword}
            type="password"
            autoComplete="new-password"
            value={password}
            onInput={setPassword}
            hint={t.temporaryPasswordHint}
            error={errors.password}
            required
          />
        )}
      </div>
      <DelegationOptions id="new-account-delegations" states={states} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={pending}>
          {pending ? t.creating : t.createAccount}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function AccountRow({
  account,
  self,
  onSaved,
  onTemporaryPassword,
}: {
  account: AdminAccount;
  self: boolean;
  onSaved: (account: AdminAccount) => void;
  onTemporaryPassword: (account: AdminAccount, sessionsEnded: number) => void;
}) {
  const { t } = useText();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [role, setRole] = useState<Role>(account.role);
  const [delegation, setDelegation] = useState(account.delegation?.state ?? "");
  const [displayName, setDisplayName] = useState(account.displayName);
  const [disabled, setDisabled] = useState(account.disabled);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const need = delegationNeed(role);
  const rowId = `account-${account.id}`;

  const start = () => {
    setRole(account.role);
    setDelegation(account.delegation?.state ?? "");
    setDisplayName(account.displayName);
    setDisabled(account.disabled);
    setError(null);
    setEditing(true);
    focusField(`${rowId}-role`);
  };
  const stop = () => {
    setEditing(false);
    setError(null);
    focusField(`${rowId}-edit`);
  };

  const save = async () => {
    const code = need === "none" ? "" : delegation.trim().toUpperCase();
    if (need === "required" && !code) {
      setError(t.enterDelegation);
      focusField(`${rowId}-delegation`);
      return;
    }
    if (code && !STATE_CODE.test(code)) {
      setError(t.delegationFormat);
      focusField(`${rowId}-delegation`);
      return;
    }
    const change: Record<string, unknown> = {};
    if (role !== account.role) change.role = role;
    if (code !== (account.delegation?.state ?? "")) change.delegation = code || null;
    if (displayName.trim() && displayName.trim() !== account.displayName) change.displayName = displayName.trim();
    if (disabled !== account.disabled) change.disabled = disabled;
    if (Object.keys(change).length === 0) {
      stop();
      return;
    }
    setPending(true);
    setError(null);
    try {
      const answer = await send<{ account: AdminAccount }>(
        "PATCH",
        `/admin/accounts/${encodeURIComponent(account.id)}`,
        change,
      );
      setEditing(false);
      onSaved(answer.account);
      focusField(`${rowId}-edit`);
    } catch (failure) {
      setError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  const you = self && <span class="you-tag">{t.you}</span>;
  const signInText = !account.hasPassword
    ? t.signInSsoOnly
    : account.temporaryPassword
      ? t.signInPasswordTemporary
      : t.signInPassword;
  // One's own password is changed on one's account page; a system auditor's on the command line.
  const canReset = !self && account.role !== "system-auditor";

  if (!editing) {
    return (
      <>
        <tr id={rowId} data-email={account.email} class={account.disabled ? "is-inactive" : undefined}>
          <th scope="row" data-label={t.colName}>
            <span class="account-cell-name">
              {account.displayName} {you}
            </span>
            <span class="account-cell-email">{account.email}</span>
          </th>
          <td data-label={t.role}>
            <span class={`role-tag role-${account.role}`}>{t.roles[account.role]}</span>
          </td>
          <td data-label={t.delegation}>
            {account.delegation ? (
              <span class="code-pill">{account.delegation.state}</span>
            ) : (
              <span class="muted">{t.none}</span>
            )}
          </td>
          <td data-label={t.signInMethod}>{signInText}</td>
          <td data-label={t.status}>
            <span class={`status-pill ${account.disabled ? "status-revoked" : "status-active"}`}>
              {account.disabled ? t.disabled : t.active}
            </span>
          </td>
          <td data-label={t.actions} class="actions-cell">
            <button
              type="button"
              id={`${rowId}-edit`}
              class="button button-quiet"
              aria-label={t.editAccount(account.displayName)}
              onClick={start}
            >
              {t.edit}
            </button>
            {canReset && (
              <button
                type="button"
                id={`${rowId}-reset`}
                class="button button-quiet"
                aria-label={t.setTemporaryPasswordFor(account.displayName)}
                aria-expanded={resetting}
                aria-controls={`${rowId}-temporary`}
                onClick={() => {
                  setResetting((open) => !open);
                  if (!resetting) focusField(`${rowId}-temporary-password`);
                }}
              >
                {t.setTemporaryPassword}
              </button>
            )}
          </td>
        </tr>
        {resetting && (
          <TemporaryPasswordRow
            account={account}
            rowId={rowId}
            onDone={(saved, sessionsEnded) => {
              setResetting(false);
              onTemporaryPassword(saved, sessionsEnded);
              focusField(`${rowId}-reset`);
            }}
            onCancel={() => {
              setResetting(false);
              focusField(`${rowId}-reset`);
            }}
          />
        )}
      </>
    );
  }

  return (
    <>
      <tr
        id={rowId}
        data-email={account.email}
        class="is-editing"
        onKeyDown={(event) => event.key === "Escape" && stop()}
      >
        <th scope="row" data-label={t.colName}>
          <label class="visually-hidden" for={`${rowId}-name`}>
            {t.displayNameOf(account.email)}
          </label>
          <input
            id={`${rowId}-name`}
            class="input input-compact"
            value={displayName}
            onInput={(event) => setDisplayName(event.currentTarget.value)}
          />
          <span class="account-cell-email">
            {account.email} {you}
          </span>
        </th>
        <td data-label={t.role}>
          <label class="visually-hidden" for={`${rowId}-role`}>
            {t.roleOf(account.displayName)}
          </label>
          {account.role === "system-auditor" ? (
            // Granted and taken back on the server's command line only.
            <span id={`${rowId}-role`} class={`role-tag role-${account.role}`}>
              {t.roles[account.role]}
            </span>
          ) : (
            <select
              id={`${rowId}-role`}
              class="input-compact"
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              {ASSIGNABLE_ROLES.map((r) => (
                <option value={r}>{t.roles[r]}</option>
              ))}
            </select>
          )}
        </td>
        <td data-label={t.delegation}>
          {need === "none" ? (
            <span class="muted">{t.none}</span>
          ) : (
            <>
              <label class="visually-hidden" for={`${rowId}-delegation`}>
                {t.delegationOf(account.displayName)}
              </label>
              <input
                id={`${rowId}-delegation`}
                class="input input-compact input-code"
                value={delegation}
                maxLength={3}
                list="delegation-options"
                placeholder={need === "required" ? "COL" : t.none}
                autoComplete="off"
                spellcheck={false}
                aria-required={need === "required" || undefined}
                onInput={(event) => setDelegation(event.currentTarget.value.toUpperCase())}
              />
            </>
          )}
        </td>
        <td data-label={t.signInMethod}>{signInText}</td>
        <td data-label={t.status}>
          <span class="check check-inline">
            <input
              id={`${rowId}-disabled`}
              type="checkbox"
              checked={disabled}
              onChange={(event) => setDisabled(event.currentTarget.checked)}
            />
            <label for={`${rowId}-disabled`}>{t.disabled}</label>
          </span>
        </td>
        <td data-label={t.actions} class="actions-cell">
          <span class="row-buttons">
            <button type="button" class="button button-primary" disabled={pending} onClick={save}>
              {pending ? t.saving : t.save}
            </button>
            <button type="button" class="button button-quiet" onClick={stop}>
              {t.cancel}
            </button>
          </span>
        </td>
      </tr>
      {error && (
        <tr class="row-message">
          <td colSpan={6}>
            <div class="form-error" role="alert">
              <span class="form-error-icon" aria-hidden="true">
                ⚠
              </span>
              <p>{error}</p>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Setting a temporary password, under the account's row: the form says what it does (every
 * session of the account ends; a new password is asked at its next sign-in) on the button itself.
 */
function TemporaryPasswordRow({
  account,
  rowId,
  onDone,
  onCancel,
}: {
  account: AdminAccount;
  rowId: string;
  onDone: (account: AdminAccount, sessionsEnded: number) => void;
  onCancel: () => void;
}) {
  const { t } = useText();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = `${rowId}-temporary-password`;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!password) {
      setError(t.enterTemporaryPassword);
      focusField(inputId);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const answer = await send<{ account: AdminAccount; sessionsEnded: number }>(
        "PUT",
        `/admin/accounts/${encodeURIComponent(account.id)}/temporary-password`,
        { password },
      );
      onDone(answer.account, answer.sessionsEnded);
    } catch (failure) {
      const { field, text } = fieldError(failure);
      setError(field ? text : errorText(failure, t.networkError));
      focusField(inputId);
    } finally {
      setPending(false);
    }
  };

  return (
    <tr class="row-message temporary-password-row" id={`${rowId}-temporary`}>
      <td colSpan={6} class="temporary-password-cell">
        <form
          class="temporary-password-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={t.setTemporaryPasswordFor(account.displayName)}
          onKeyDown={(event) => event.key === "Escape" && onCancel()}
        >
          <TextField
            id={inputId}
            label={t.temporaryPasswordOf(account.displayName)}
            type="password"
            autoComplete="new-password"
            value={password}
            onInput={setPassword}
            hint={t.temporaryPasswordHint}
            error={error}
            required
          />
          <p class="confirm-text" id={`${rowId}-temporary-effect`}>
            {t.temporaryPasswordEffect(account.displayName)}
          </p>
          <div class="form-actions">
            <button
              type="submit"
              class="button button-danger"
              disabled={pending}
              aria-describedby={`${rowId}-temporary-effect`}
            >
              {pending ? t.saving : t.confirmTemporaryPassword}
            </button>
            <button type="button" class="button button-quiet" onClick={onCancel}>
              {t.cancel}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
