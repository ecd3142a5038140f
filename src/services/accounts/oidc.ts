/**
 * Single sign-on through OpenID Connect (authorization code flow with PKCE, state and nonce).
 *
 * Between /start and /callback the browser carries the flow's secrets (state, nonce, PKCE
 * verifier, where to go afterwards) in a short-lived cookie sealed with AES-256-GCM, so any
 * instance behind a load balancer can finish a sign-in another one started, and no server
 * memory or table is needed. The key is derived with HKDF-SHA256 from the client secret, which
 * every instance is configured with already; changing the secret only voids sign-ins under way.
 * (The provider knows the secret too, so it could open the cookie: it decides who signs in
 * anyway.) Encrypted, not just signed: the PKCE verifier is what makes a stolen authorization
 * code useless, so it must not be readable by whoever sees the cookie. The cookie is spent by
 * the callback whatever the outcome, and a code replayed with a copy of it is refused by the
 * provider (codes are single-use).
 *
 * Who signs in: the account linked to the provider's identity ("issuer subject"); else the
 * account with the same e-mail address, linked now, but only when the provider says it has
 * verified that address; else a new account in the configured organisation. The claims are the
 * ID token's, completed from UserInfo. The delegation and role claims are applied at every
 * sign-in, so a move at the provider is a move in Concord; a disabled account is refused first.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import * as client from "openid-client";
import { z } from "zod";
import { ConfigError } from "../../config/env.ts";
import type { OidcConfig } from "../../config/oidc.ts";
import type { Database, Transaction } from "../../db/client.ts";
import { AccountsRepository, type AccountRow } from "../../db/repositories/accounts.ts";
import { ROLES, type Role } from "../../domain/accounts.ts";
import { SingleSignOnRepository } from "../../db/repositories/single-sign-on.ts";
import { appendAudit } from "../audit/log.ts";
import { AppError, present } from "../errors.ts";
import { auditView } from "./administration.ts";
import type { Session, SessionsService } from "./sessions.ts";
import { msg } from "../../domain/messages/index.ts";

export const OIDC_COOKIE = "concord_oidc";
export const OIDC_COOKIE_PATH = "/api/v1/auth/oidc";
/** How long a person may spend at the provider before the sign-in must start again. */
export const OIDC_COOKIE_LIFETIME_SECONDS = 600;

/** A sign-in refused on purpose: a 4xx with a stable id and a sentence for the person. */
export class OidcSignInError extends AppError {}

/** The provider cannot be reached, or answers nonsense: not the person's fault, not ours (502). */
export class OidcUnavailableError extends Error {
  readonly status = 502;
  readonly id = "oidc_unavailable";
}

type Pending = { state: string; nonce: string; verifier: string; returnTo: string };

const PendingCookie = z.object({
  v: z.literal(1),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  exp: z.number(),
});

const emailAddress = z.email().max(254);

export class OidcService {
  private readonly key: Buffer;
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionsService,
    readonly config: OidcConfig,
  ) {
    this.key = Buffer.from(
      hkdfSync(
        "sha256",
        config.clientSecret,
        "concord single sign-on cookie v1",
        `${config.issuer.href} ${config.clientId}`,
        32,
      ),
    );
  }

  /** Fails unless the configured organisation is one in the registry: call it at start-up. */
  async checkOrganization(): Promise<void> {
    if (!(await new SingleSignOnRepository(this.db).isOrganization(this.config.organizationCode))) {
      throw new ConfigError(
        `Invalid configuration: CONCORD_OIDC_ORGANIZATION: ${this.config.organizationCode} is not an organisation in the registry (e.g. NATO, UNASUR)`,
      );
    }
  }

  /**
   * Starts a sign-in: where to send the browser, and the sealed cookie value to set on the way.
   * `returnTo` must already have been checked with `sameSitePath`.
   */
  async begin(returnTo: string | undefined): Promise<{ location: string; cookie: string }> {
    const provider = await this.provider();
    const pending: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo: returnTo ?? "/",
    };
    const location = client.buildAuthorizationUrl(provider, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: "S256",
    });
    return { location: location.href, cookie: this.seal(pending) };
  }

  /**
   * Finishes a sign-in from the provider's redirect (its query string) and the cookie set by
   * `begin`: checks everything, finds or creates the account, starts a session.
   */
  async complete(input: {
    query: string;
    cookie: string | undefined;
    previousSessionToken?: string;
  }): Promise<{ session: Session; returnTo: string }> {
    const pending = input.cookie === undefined ? undefined : this.open(input.cookie);
    if (!pending) {
      throw new OidcSignInError(400, "oidc_state_invalid", msg("oidc.state_invalid"));
    }
    const provider = await this.provider();
    const currentUrl = new URL(this.config.redirectUri);
    currentUrl.search = input.query;
    const tokens = await client
      .authorizationCodeGrant(provider, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      })
      .catch((error: unknown) => {
        throw providerFailure(error);
      });
    // expectedNonce makes the ID token required, and it has been validated (signature, iss, aud, exp, nonce).
    const idToken = present(tokens.claims(), "the ID token's claims");
    const claims = await this.userClaims(provider, tokens.access_token, idToken);
    const account = await this.signInAccount(idToken.iss, idToken.sub, claims);
    const session = await this.sessions.start(account, input.previousSessionToken);
    return { session, returnTo: pending.returnTo };
  }

  /** The provider's metadata, discovered once; a failed discovery is retried on the next sign-in. */
  private provider(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        this.config.issuer,
        this.config.clientId,
        undefined,
        client.ClientSecretBasic(this.config.clientSecret),
        {
          // http:// is accepted by the configuration only for a provider on this machine.
          execute: this.config.issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new OidcUnavailableError(
          `The identity provider at ${this.config.issuer.href} could not be reached or did not describe itself (${describe(error)}). Try again later.`,
        );
      });
    return this.discovered;
  }

  /**
   * The ID token's claims, completed from the UserInfo endpoint: providers that follow OpenID
   * Connect to the letter put scope-requested claims (email, name, …) there, not in the ID token.
   * The ID token wins where both speak; UserInfo is checked to be about the same subject.
   */
  private async userClaims(
    provider: client.Configuration,
    accessToken: string,
    idToken: client.IDToken,
  ): Promise<Record<string, unknown>> {
    if (!provider.serverMetadata().userinfo_endpoint) return idToken;
    const userInfo = await client.fetchUserInfo(provider, accessToken, idToken.sub).catch((error: unknown) => {
      throw providerFailure(error);
    });
    return { ...userInfo, ...idToken };
  }

  /** The account this identity signs in to, with the claims applied; in one transaction. */
  private async signInAccount(issuer: string, subject: string, claims: Record<string, unknown>): Promise<AccountRow> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.resolveAccount(tx, `${issuer} ${subject}`, claims));
      } catch (error) {
        // Two first sign-ins of one person at the same moment: the second finds what the first created.
        if (attempt === 0 && postgresCode(error) === "23505") continue;
        throw error;
      }
    }
  }

  private async resolveAccount(
    tx: Transaction,
    identity: string,
    claims: Record<string, unknown>,
  ): Promise<AccountRow> {
    const { organizationCode } = this.config;
    const accounts = new AccountsRepository(tx);
    const sso = new SingleSignOnRepository(tx);

    const linkedId = await sso.accountIdByIdentity(identity);
    let account = linkedId ? await accounts.findById(linkedId) : undefined;
    let linkNow = false;
    const email = emailClaim(claims.email);
    if (!account) {
      // An identity seen for the first time is known to Concord only by its e-mail address, so the
      // provider must vouch for it (the JSON value true, nothing else), whether an account with
      // that address exists or not: the answer must not tell which, and nobody may take an
      // address that is not theirs before its owner arrives.
      if (claims.email_verified !== true) {
        throw new OidcSignInError(403, "oidc_email_unverified", msg("oidc.email_unverified"));
      }
      account = email ? await accounts.findByEmail(email) : undefined;
      if (account) {
        if (await sso.identityOf(account.id)) {
          throw new OidcSignInError(
            409,
            "oidc_identity_conflict",
            msg("oidc.identity_linked_elsewhere", { email: account.email }),
          );
        }
        linkNow = true;
      }
    }
    if (account && account.organizationCode !== organizationCode) {
      throw new OidcSignInError(
        409,
        "oidc_identity_conflict",
        msg("oidc.other_organization", {
          email: account.email,
          organization: account.organizationCode,
          expected: organizationCode,
        }),
      );
    }
    if (account && account.disabledAt !== null) {
      throw new OidcSignInError(403, "account_disabled", msg("oidc.account_disabled"));
    }

    const displayName = nameClaim(claims.name);

    if (!account) {
      const membership = await this.membership(sso, claims);
      if (!email) {
        throw new OidcSignInError(403, "oidc_email_missing", msg("oidc.email_missing"));
      }
      const id = await sso.insertAccount({
        email,
        displayName: displayName ?? email,
        organizationCode,
        role: membership.role,
        delegationId: await this.delegationId(sso, membership.delegation),
        identity,
      });
      const created = present(await accounts.findById(id), `account ${id}`);
      await appendAudit(tx, {
        actor: id,
        onBehalfOf: created.delegationState ?? organizationCode,
        organization: organizationCode,
        action: "account.sso-create",
        objectType: "account",
        objectId: id,
        after: auditView(created),
        details: { identity },
      });
      return created;
    }

    const before = account;
    if (linkNow) await sso.linkIdentity(account.id, identity);
    // Without CONCORD_OIDC_ALLOW_ADMIN_CLAIM, administrators are made in Concord (the command
    // line), not by the provider; claims then neither make nor unmake one, or the first
    // administrator signing in through the provider would lose the role.
    if (account.role === "secretariat-admin" && !this.config.allowAdminClaim) {
      await sso.applyClaims(account.id, { role: account.role, delegationId: account.delegationId, displayName });
    } else {
      const membership = await this.membership(sso, claims);
      await sso.applyClaims(account.id, {
        role: membership.role,
        delegationId: await this.delegationId(sso, membership.delegation),
        displayName,
      });
    }
    const after = present(await accounts.findById(account.id), `account ${account.id}`);
    const changed = JSON.stringify(auditView(before)) !== JSON.stringify(auditView(after));
    if (linkNow || changed) {
      await appendAudit(tx, {
        actor: after.id,
        onBehalfOf: after.delegationState ?? organizationCode,
        organization: organizationCode,
        action: linkNow ? "account.sso-link" : "account.sso-claims",
        objectType: "account",
        objectId: after.id,
        before: auditView(before),
        after: auditView(after),
        details: { identity },
      });
    }
    return after;
  }

  /** The delegation and role the claims give, checked against the registry and the role rules. */
  private async membership(
    sso: SingleSignOnRepository,
    claims: Record<string, unknown>,
  ): Promise<{ delegation: string | null; role: Role }> {
    const { delegationClaim, roleClaim } = this.config;
    const delegation = delegationCode(claims[delegationClaim], delegationClaim);
    if (delegation !== null && !(await sso.isState(delegation))) {
      throw new OidcSignInError(
        403,
        "oidc_delegation_unknown",
        msg("oidc.delegation_not_a_state", { delegation, claim: delegationClaim }),
      );
    }
    return {
      delegation,
      role: chooseRole(
        roleClaim === undefined ? undefined : claims[roleClaim],
        delegation,
        this.config.allowAdminClaim,
        roleClaim,
      ),
    };
  }

  private async delegationId(sso: SingleSignOnRepository, state: string | null): Promise<number | null> {
    return state === null ? null : sso.ensureDelegation(this.config.organizationCode, state);
  }

  private seal(pending: Pending): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(OIDC_COOKIE));
    const body = JSON.stringify({ v: 1, ...pending, exp: Date.now() + OIDC_COOKIE_LIFETIME_SECONDS * 1000 });
    const sealed = Buffer.concat([cipher.update(body, "utf8"), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
  }

  /** The pending sign-in a cookie holds, or undefined if it was altered, sealed by another key, or expired. */
  private open(value: string): Pending | undefined {
    const raw = Buffer.from(value, "base64url");
    if (raw.length < 12 + 16 + 1 || raw.length > 4096) return undefined;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(OIDC_COOKIE));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const body = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
        "utf8",
      );
      const parsed = PendingCookie.safeParse(JSON.parse(body));
      if (!parsed.success || parsed.data.exp < Date.now()) return undefined;
      const { state, nonce, verifier, returnTo } = parsed.data;
      return { state, nonce, verifier, returnTo };
    } catch {
      return undefined;
    }
  }
}

/**
 * A path on this site to return to after signing in, or undefined for anything that could lead
 * elsewhere (`//evil.example`, `/\evil.example`, `https://…`, control characters).
 */
export function sameSitePath(value: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character in a path to return to is refused
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value) || value.length > 2000)
    return undefined;
  const base = "http://concord.invalid";
  const url = new URL(value, base);
  if (url.origin !== base) return undefined;
  return url.pathname + url.search + url.hash;
}

/** The state code a delegation claim holds, upper-cased; null when the claim is absent or empty. */
export function delegationCode(value: unknown, claim: string): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || !/^[A-Za-z]{2,8}$/.test(value.trim())) {
    const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
    throw new OidcSignInError(403, "oidc_delegation_unknown", msg("oidc.delegation_not_a_code", { claim, shown }));
  }
  return value.trim().toUpperCase();
}

/**
 * The role the claims give: the role claim when it names a Concord role, else delegation-member
 * for someone in a delegation, else analyst.
 */
export function chooseRole(
  claimed: unknown,
  delegation: string | null,
  allowAdminClaim: boolean,
  claimName = "role",
): Role {
  const role = ROLES.find((known) => known === claimed);
  // Administrators can create accounts and change anyone's role: one wrong group mapping at the
  // provider would hand over the whole organisation. Unless the operator says the provider is
  // trusted with that (CONCORD_OIDC_ALLOW_ADMIN_CLAIM=true), the claim is ignored.
  // A system auditor reads every organisation's audit log: only the command line makes one.
  if (role && role !== "system-auditor" && (role !== "secretariat-admin" || allowAdminClaim)) {
    const delegationRole = role === "delegation-head" || role === "delegation-member";
    const secretariatRole = role === "secretariat-admin" || role === "secretariat-staff";
    if (delegationRole && delegation === null) {
      throw new OidcSignInError(
        403,
        "oidc_role_conflict",
        msg("oidc.role_without_delegation", { role, claim: claimName }),
      );
    }
    if (secretariatRole && delegation !== null) {
      throw new OidcSignInError(
        403,
        "oidc_role_conflict",
        msg("oidc.role_with_delegation", { role, claim: claimName, delegation }),
      );
    }
    return role;
  }
  return delegation !== null ? "delegation-member" : "analyst";
}

function emailClaim(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = emailAddress.safeParse(value.trim());
  return parsed.success ? parsed.data.toLowerCase() : undefined;
}

function nameClaim(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a display name loses its control characters
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, 200);
  return name === "" ? undefined : name;
}

/** What the provider's refusal or failure means for the person in front of the browser. */
function providerFailure(error: unknown): Error {
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcSignInError(
      403,
      "oidc_denied",
      msg("oidc.denied", {
        detail: `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`,
      }),
    );
  }
  if (error instanceof client.ResponseBodyError) {
    if (error.status >= 500)
      return new OidcUnavailableError(
        `The identity provider failed (${error.status} ${error.error}). Try again later.`,
      );
    return new OidcSignInError(
      400,
      "oidc_failed",
      msg("oidc.failed", { detail: `${error.error}${error.error_description ? `: ${error.error_description}` : ""}` }),
    );
  }
  if (error instanceof client.ClientError || error instanceof client.WWWAuthenticateChallengeError) {
    if (
      error instanceof client.ClientError &&
      (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || error.code === "OAUTH_RESPONSE_IS_NOT_JSON")
    ) {
      return new OidcUnavailableError(
        `The identity provider answered unexpectedly (${error.message}). Try again later.`,
      );
    }
    // openid-client's own message is generic ("invalid response encountered"); the cause says what.
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return new OidcSignInError(400, "oidc_failed", msg("oidc.unverifiable", { reason }));
  }
  if (isNetworkFailure(error))
    return new OidcUnavailableError(
      `The identity provider could not be reached (${describe(error)}). Try again later.`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError && error.message === "fetch failed") return true;
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : "";
  return `${error.message}${cause}`;
}

function postgresCode(error: unknown): string | undefined {
  for (
    let current = error;
    current instanceof Error || (typeof current === "object" && current !== null);
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    if (!("cause" in (current as object))) break;
  }
  return undefined;
}
