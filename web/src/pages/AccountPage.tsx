import { useEffect, useRef, useState } from "preact/hooks";
import { SCOPES } from "../../../src/domain/accounts.ts";
import { ConfirmInline, CopyButton } from "../components/Actions.tsx";
import { FormError, FormStatus, TextField, errorText, fieldError, focusField } from "../components/Form.tsx";
import { PasswordChangeForm } from "../components/PasswordChangeForm.tsx";
import { AccessErrorBox, Loading } from "../components/Status.tsx";
import { useText } from "../i18n/accounts/index.ts";
import { ApiError, apiUrl, send, useApi } from "../lib/api.ts";
import { formatInstant } from "../lib/dates.ts";
import { useSession } from "../lib/session.tsx";
import type { Abilities, Account, ApiToken, NewTokenResponse, Scope, TokensResponse } from "../lib/types.ts";

/** One's own account: who one is, the password, and API tokens for scripts. */
export default function AccountPage() {
  const { t } = useText();
  const { session } = useSession();
  const tokens = useApi<TokensResponse>(session?.account ? apiUrl("/account/tokens") : null, { cache: false });

  if (session === undefined) return <Loading />;
  const account = session.account;
  if (!account) {
    return (
      <div class="page page-account">
        <h1>{t.accountTitle}</h1>
        <AccessErrorBox error={Object.assign(new Error(t.signInForAccount), { status: 401 })} />
      </div>
    );
  }

  return (
    <div class="page page-account">
      <div class="page-heading">
        <p class="eyebrow">{t.accountTitle}</p>
        <h1>{account.displayName}</h1>
        {account.displayName !== account.email && <p class="lede">{account.email}</p>}
      </div>
      <div class="account-grid">
        <Profile account={account} />
        <PasswordForm
          liveTokens={
            tokens.data ? tokens.data.tokens.filter((token) => tokenState(token, Date.now()) === "active").length : 0
          }
          onTokensChanged={tokens.retry}
        />
      </div>
      <Tokens
        tokens={tokens.data?.tokens}
        error={tokens.error}
        loading={tokens.loading}
        reload={tokens.retry}
        abilities={session.abilities}
      />
    </div>
  );
}

function Profile({ account }: { account: Account }) {
  const { t } = useText();
  return (
    <section class="card profile-card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t.profile}</h2>
      <dl class="facts">
        <div>
          <dt>{t.email}</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>{t.organization}</dt>
          <dd>{account.organization}</dd>
        </div>
        <div>
          <dt>{t.role}</dt>
          <dd>{t.roles[account.role]}</dd>
        </div>
        <div>
          <dt>{t.delegation}</dt>
          <dd>{account.delegation ? account.delegation.state : <span class="muted">{t.noDelegation}</span>}</dd>
        </div>
      </dl>
      <p class="hint">{t.profileHint}</p>
    </section>
  );
}

function PasswordForm({ liveTokens, onTokensChanged }: { liveTokens: number; onTokensChanged: () => void }) {
  const { t } = useText();
  const [revokeTokens, setRevokeTokens] = useState(false);

  return (
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t.changePassword}</h2>
      <PasswordChangeForm
        idPrefix="password"
        currentLabel={t.currentPassword}
        layout="card"
        extraBody={{ revokeTokens: revokeTokens && liveTokens > 0 }}
        onChanged={(answer) => {
          setRevokeTokens(false);
          if (answer.tokensRevoked > 0) onTokensChanged();
          return `${t.passwordChanged} ${t.passwordChangedTokens(answer.tokensRevoked, answer.tokensRemaining)}`;
        }}
      >
        {liveTokens > 0 && (
          <div class="check">
            <input
              type="checkbox"
              id="password-revoke-tokens"
              checked={revokeTokens}
              aria-describedby="password-revoke-tokens-hint"
              onChange={(event) => setRevokeTokens(event.currentTarget.checked)}
            />
            <label for="password-revoke-tokens">{t.revokeTokensOnChange(liveTokens)}</label>
            <p id="password-revoke-tokens-hint" class="hint check-hint">
              {t.revokeTokensHint}
            </p>
          </div>
        )}
      </PasswordChangeForm>
    </section>
  );
}

const EXPIRY_DAYS = [7, 30, 90, 180, 365];

/** Whether each scope is within what the account may do now (a token never exceeds its account). */
function scopeAllowed(scope: Scope, abilities: Abilities): boolean {
  switch (scope) {
    case "registry:write":
      return abilities.registry.write;
    case "decisions:write":
      return abilities.decisions.chair || abilities.decisions.speakFor !== null;
    case "accounts:admin":
      return abilities.administration.manage;
    case "audit:read":
      return abilities.audit.read;
    case "documents:read":
      return abilities.documents.read;
    case "documents:write":
      return abilities.documents.upload;
  }
}

function tokenState(token: ApiToken, now: number): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  return Date.parse(token.expiresAt) <= now ? "expired" : "active";
}

function Tokens(props: {
  tokens: ApiToken[] | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  abilities: Abilities;
}) {
  const { t, lang } = useText();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [days, setDays] = useState(90);
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<NewTokenResponse | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<{ id: string; text: string } | null>(null);
  const secretHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) secretHeading.current?.focus();
  }, [created]);

  const onCreate = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    setFormError(null);
    const found: { name?: string; scopes?: string } = {};
    if (!name.trim()) found.name = t.enterTokenName;
    if (scopes.length === 0) found.scopes = t.chooseScope;
    setErrors(found);
    if (found.name || found.scopes) {
      focusField(found.name ? "token-name" : `token-scope-${SCOPES[0]}`);
      return;
    }
    setPending(true);
    try {
      const answer = await send<NewTokenResponse>("POST", "/account/tokens", {
        name: name.trim(),
        scopes,
        expiresInDays: days,
        ...(password ? { password } : {}),
      });
      setCreated(answer);
      setName("");
      setScopes([]);
      setPassword("");
      setStatus(t.tokenCreated(answer.apiToken.name));
      props.reload();
    } catch (failure) {
      const { field, text } = fieldError(failure);
      if (failure instanceof ApiError && failure.id === "reauthentication_required") {
        setErrors({ password: t.tokenPasswordNeeded });
        focusField("token-password");
      } else if (field === "name" || field === "scopes" || field === "password") {
        setErrors({ [field]: text });
        focusField(field === "scopes" ? `token-scope-${SCOPES[0]}` : `token-${field}`);
      } else setFormError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  const onRevoke = async (token: ApiToken) => {
    setRevokeError(null);
    try {
      await send<void>("DELETE", `/account/tokens/${encodeURIComponent(token.id)}`);
      setConfirming(null);
      if (created?.apiToken.id === token.id) setCreated(null);
      setStatus(t.tokenRevoked(token.name));
      props.reload();
      focusField("token-name");
    } catch (failure) {
      setRevokeError({ id: token.id, text: errorText(failure, t.networkError) });
    }
  };

  const now = Date.now();
  const list = [...(props.tokens ?? [])].sort((a, b) => {
    const rank = (token: ApiToken) => (tokenState(token, now) === "active" ? 0 : 1);
    return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
  });

  return (
    <section class="tokens-section" aria-labelledby="tokens-heading">
      <div class="section-heading">
        <h2 id="tokens-heading">{t.apiTokens}</h2>
      </div>
      <p class="section-intro">
        {t.tokensIntro} <code>Authorization: Bearer concord_…</code>
      </p>

      <form class="card token-form" onSubmit={onCreate} noValidate aria-labelledby="token-form-heading">
        <h3 id="token-form-heading">{t.newToken}</h3>
        <FormError message={formError} />
        <div class="token-form-grid">
          <div class="token-form-main">
            <TextField
              id="token-name"
              label={t.tokenName}
              value={name}
              onInput={setName}
              hint={t.tokenNameHint}
              error={errors.name}
              maxLength={100}
              required
            />
            <div class="field">
              <label for="token-expiry">{t.expiresIn}</label>
              <select
                id="token-expiry"
                value={String(days)}
                onChange={(event) => setDays(Number(event.currentTarget.value))}
              >
                {EXPIRY_DAYS.map((n) => (
                  <option value={String(n)}>{t.days(n)}</option>
                ))}
              </select>
            </div>
            <TextField
              id="token-password"
              label={t.tokenPassword}
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={setPassword}
              hint={t.tokenPasswordHint}
              error={errors.password}
            />
          </div>
          <fieldset class="field scopes-field" aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
            <legend>{t.scopes}</legend>
            {SCOPES.map((scope) => {
              const allowed = scopeAllowed(scope, props.abilities);
              return (
                <div class="check">
                  <input
                    type="checkbox"
                    id={`token-scope-${scope}`}
                    checked={scopes.includes(scope)}
                    aria-describedby={`token-scope-${scope}-hint`}
                    aria-invalid={errors.scopes ? true : undefined}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
                    }}
                  />
                  <label for={`token-scope-${scope}`}>
                    {t.scopeNames[scope]} <code class="scope-code">{scope}</code>
                  </label>
                  <p id={`token-scope-${scope}-hint`} class="hint check-hint">
                    {t.scopeHints[scope]}
                    {!allowed && <span class="not-allowed"> {t.scopeNotAllowed}</span>}
                  </p>
                </div>
              );
            })}
            {errors.scopes && (
              <p id="token-scopes-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {errors.scopes}
              </p>
            )}
          </fieldset>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={pending}>
            {pending ? t.creating : t.createToken}
          </button>
        </div>
      </form>

      <FormStatus message={status} />

      {created && (
        <section class="secret-panel" aria-labelledby="secret-heading" data-testid="new-token">
          <h3 id="secret-heading" tabIndex={-1} ref={secretHeading}>
            {t.newTokenTitle(created.apiToken.name)}
          </h3>
          <p class="secret-warning">
            <strong>{t.copyNow}</strong> {t.shownOnce}
          </p>
          <div class="secret-row">
            <label class="visually-hidden" for="new-token-secret">
              {t.tokenSecret}
            </label>
            <input
              id="new-token-secret"
              class="input secret"
              readOnly
              value={created.token}
              spellcheck={false}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton text={created.token} label={t.copyToken} />
          </div>
          <button type="button" class="button button-quiet" onClick={() => setCreated(null)}>
            {t.storedIt}
          </button>
        </section>
      )}

      <h3 class="list-heading">{t.yourTokens}</h3>
      {props.error ? (
        <AccessErrorBox error={props.error} onRetry={props.reload} />
      ) : !props.tokens ? (
        <Loading />
      ) : list.length === 0 ? (
        <p class="empty">{t.noTokens}</p>
      ) : (
        <div class={`table-wrap${props.loading ? " is-busy" : ""}`}>
          <table class="data-table responsive-table tokens-table">
            <caption class="visually-hidden">{t.yourTokens}</caption>
            <thead>
              <tr>
                <th scope="col">{t.tokenName}</th>
                <th scope="col">{t.scopes}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.expires}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => {
                const state = tokenState(token, now);
                return (
                  <tr key={token.id} data-token={token.name} class={state === "active" ? undefined : "is-inactive"}>
                    <th scope="row" data-label={t.tokenName}>
                      {token.name}
                    </th>
                    <td data-label={t.scopes}>
                      <span class="chips">
                        {token.scopes.map((scope) => (
                          <span class="chip" title={t.scopeNames[scope]}>
                            {scope}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td data-label={t.created}>{formatInstant(token.createdAt, lang, { dateOnly: true })}</td>
                    <td data-label={t.expires}>{formatInstant(token.expiresAt, lang, { dateOnly: true })}</td>
                    <td data-label={t.lastUsed}>
                      {token.lastUsedAt ? formatInstant(token.lastUsedAt, lang) : <span class="muted">{t.never}</span>}
                    </td>
                    <td data-label={t.status}>
                      <span class={`status-pill status-${state}`}>{t.tokenStates[state]}</span>
                      {state === "revoked" && token.revokedAt && (
                        <span class="muted small-note">
                          {" "}
                          {formatInstant(token.revokedAt, lang, { dateOnly: true })}
                        </span>
                      )}
                    </td>
                    <td data-label={t.actions} class={state === "revoked" ? "is-empty" : "actions-cell"}>
                      {state !== "revoked" &&
                        (confirming === token.id ? (
                          <ConfirmInline
                            text={t.confirmRevoke(token.name)}
                            confirmLabel={t.revoke}
                            onConfirm={() => onRevoke(token)}
                            onCancel={() => {
                              setConfirming(null);
                              setRevokeError(null);
                              focusField(`revoke-${token.id}`);
                            }}
                          />
                        ) : (
                          <button
                            type="button"
                            id={`revoke-${token.id}`}
                            class="button button-quiet"
                            aria-label={t.revokeToken(token.name)}
                            onClick={() => setConfirming(token.id)}
                          >
                            {t.revoke}
                          </button>
                        ))}
                      {revokeError?.id === token.id && (
                        <p class="field-error" role="alert">
                          {revokeError.text}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
