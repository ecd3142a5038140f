-- The annual information exchanges (src/domain/exchanges.ts): regimes and their versioned forms
-- held as data (their definitions, loaded from data/starter/exchanges/regimes.json and checked
-- there), the returns states submit for a reporting year, and what regimes' publications said.
-- A return is a draft (at most one per regime, state and year), then submitted; a correction is
-- a new row that supersedes the submitted one, which stays readable. Timeliness counts from the
-- first submission (first_submitted_at, carried by every correction).

CREATE TYPE exchange_return_status AS ENUM ('draft', 'submitted', 'superseded');

CREATE TABLE exchange_regimes (
  code              text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,59}$'),
  -- The regime as the domain reads it (names, participants, first year, deadline rule, restricted).
  definition        jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND pg_column_size(definition) <= 65536),
  -- The organisation whose members take part, when they are an organisation's: its secretariat
  -- keeps the regime in Concord. Not a foreign key: a regime may name one the registry lacks yet.
  organization_code text CHECK (organization_code ~ '^[A-Z][A-Z0-9-]{1,15}$'),
  restricted        boolean NOT NULL,
  first_year        integer NOT NULL CHECK (first_year BETWEEN 1900 AND 2200)
);

CREATE TABLE exchange_forms (
  code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,59}$'),
  version     integer NOT NULL CHECK (version >= 1),
  regime_code text NOT NULL REFERENCES exchange_regimes(code),
  valid_from  integer NOT NULL,
  valid_to    integer,
  definition  jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND pg_column_size(definition) <= 262144),
  PRIMARY KEY (code, version),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE exchange_returns (
  id                 bigserial PRIMARY KEY,
  regime_code        text NOT NULL REFERENCES exchange_regimes(code),
  form_code          text NOT NULL,
  form_version       integer NOT NULL,
  state_code         text NOT NULL REFERENCES actors(code),
  year               integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  -- What the delegation filled in (ReturnValues): currency, scale, nil, units, fields.
  values             jsonb NOT NULL CHECK (jsonb_typeof(values) = 'object' AND pg_column_size(values) <= 262144),
  status             exchange_return_status NOT NULL,
  supersedes         bigint REFERENCES exchange_returns(id),
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by         text NOT NULL CHECK (length(created_by) <= 200),
  submitted_at       timestamptz,
  submitted_by       text CHECK (length(submitted_by) <= 200),
  first_submitted_at timestamptz,
  FOREIGN KEY (form_code, form_version) REFERENCES exchange_forms(code, version),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'draft') = (first_submitted_at IS NULL))
);
CREATE UNIQUE INDEX exchange_returns_one_draft ON exchange_returns (regime_code, state_code, year) WHERE status = 'draft';
CREATE UNIQUE INDEX exchange_returns_one_current ON exchange_returns (regime_code, state_code, year) WHERE status = 'submitted';
CREATE INDEX exchange_returns_year ON exchange_returns (regime_code, year, state_code);

-- What a regime's publication said, figure by figure, as the sources give it (reconstructed
-- where a figure is aggregated): published data, kept whole.
CREATE TABLE exchange_publications (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,59}$'),
  regime_code text NOT NULL REFERENCES exchange_regimes(code),
  definition  jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND pg_column_size(definition) <= 262144)
);
