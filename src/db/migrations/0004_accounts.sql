-- Who acts: accounts of an organisation's secretariat or of a state's delegation to it, with
-- one role each; their browser sessions and API tokens. Secrets are stored only as hashes.

CREATE TYPE account_role AS ENUM
  ('secretariat-admin', 'secretariat-staff', 'delegation-head', 'delegation-member', 'analyst');

-- A state's delegation to an organisation: the unit national accounts belong to.
CREATE TABLE delegations (
  id                bigserial PRIMARY KEY,
  organization_code text NOT NULL REFERENCES actors(code),
  state_code        text NOT NULL REFERENCES actors(code),
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_code, state_code)
);

CREATE TABLE accounts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-cased: one person, one account, however they type their address.
  email             text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  display_name      text NOT NULL CHECK (display_name <> ''),
  organization_code text NOT NULL REFERENCES actors(code),
  role              account_role NOT NULL,
  delegation_id     bigint REFERENCES delegations(id),
  -- Argon2id in PHC string form; null for an account that signs in only through single sign-on.
  password_hash     text CHECK (password_hash LIKE '$argon2id$%'),
  -- "issuer subject" of the single-sign-on identity linked to this account.
  oidc_identity     text UNIQUE,
  disabled_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- Delegation roles speak for a state: they need a delegation; secretariat roles must not have one.
  CHECK (role NOT IN ('delegation-head', 'delegation-member') OR delegation_id IS NOT NULL),
  CHECK (role NOT IN ('secretariat-admin', 'secretariat-staff') OR delegation_id IS NULL)
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE INDEX accounts_delegation ON accounts (delegation_id);

CREATE TABLE sessions (
  -- SHA-256 of the cookie's random value: a stolen copy of this table opens no session.
  token_hash   bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  account_id   uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id   uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (name <> ''),
  token_hash   bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
  scopes       text[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
