-- The time-aware registry: actors, their existence, partnership frameworks, relations with
-- valid time, and the sources and claims behind every fact.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE actor_type AS ENUM ('state', 'organization');
CREATE TYPE date_precision AS ENUM ('day', 'month', 'year');
CREATE TYPE relation_kind AS ENUM
  ('member', 'partner', 'associate', 'observer', 'applicant', 'suspended', 'designation');
CREATE TYPE certainty AS ENUM ('confirmed', 'uncertain', 'disputed');
CREATE TYPE claim_field AS ENUM ('relation', 'since', 'until');

CREATE TABLE actors (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
  type        actor_type NOT NULL,
  -- ISO 3166-1 alpha-2 and numeric codes (states only): numeric ids key the world map.
  iso_alpha2  char(2) UNIQUE CHECK (iso_alpha2 ~ '^[A-Z]{2}$'),
  iso_numeric char(3) UNIQUE CHECK (iso_numeric ~ '^[0-9]{3}$'),
  -- Correlates of War state number and abbreviation, where the state is in the COW list.
  cow_code    integer UNIQUE CHECK (cow_code > 0),
  cow_abbrev  text,
  name_en     text NOT NULL CHECK (name_en <> ''),
  name_es     text NOT NULL CHECK (name_es <> ''),
  name_pt     text NOT NULL CHECK (name_pt <> ''),
  name_fr     text NOT NULL CHECK (name_fr <> ''),
  note        text,
  CHECK (type = 'state' OR (iso_alpha2 IS NULL AND iso_numeric IS NULL AND cow_code IS NULL))
);

CREATE TABLE sources (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  title        text NOT NULL CHECK (title <> ''),
  publisher    text NOT NULL CHECK (publisher <> ''),
  published    date,
  published_precision date_precision,
  url          text CHECK (url ~ '^https?://'),
  perspective  text,
  -- The text of the source, where Concord holds it (the documents in shared/sources).
  file         text,
  citation     text,
  CHECK ((published IS NULL) = (published_precision IS NULL))
);

-- The periods during which an actor existed (a state in the state system; an organisation
-- from its founding). A state may have several: Germany, Cuba, the Baltic states.
CREATE TABLE actor_periods (
  id              bigserial PRIMARY KEY,
  actor_code      text NOT NULL REFERENCES actors(code) ON UPDATE CASCADE,
  valid           daterange NOT NULL CHECK (NOT isempty(valid) AND NOT lower_inf(valid)),
  since_precision date_precision NOT NULL,
  until_precision date_precision,
  source_id       text NOT NULL REFERENCES sources(id),
  -- A state keeps its ISO code across COW codes: West Germany (260) and Germany (255) are DEU.
  cow_code        integer,
  CHECK (upper_inf(valid) = (until_precision IS NULL)),
  EXCLUDE USING gist (actor_code WITH =, valid WITH &&)
);

CREATE TABLE frameworks (
  id                 serial PRIMARY KEY,
  organization_code  text NOT NULL REFERENCES actors(code),
  slug               text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  name_en            text NOT NULL,
  name_es            text NOT NULL,
  name_pt            text NOT NULL,
  name_fr            text NOT NULL,
  since              date,
  since_precision    date_precision,
  note               text,
  UNIQUE (organization_code, slug)
);

CREATE TABLE relations (
  id              bigserial PRIMARY KEY,
  subject_code    text NOT NULL REFERENCES actors(code) ON UPDATE CASCADE,
  object_code     text NOT NULL REFERENCES actors(code) ON UPDATE CASCADE,
  kind            relation_kind NOT NULL,
  framework_id    integer REFERENCES frameworks(id),
  designation     text CHECK (designation ~ '^[a-z0-9][a-z0-9-]*$'),
  -- Valid time, half-open: [since, until). An open end means "still holds".
  valid           daterange NOT NULL CHECK (NOT isempty(valid) AND NOT lower_inf(valid)),
  since_precision date_precision NOT NULL,
  until_precision date_precision,
  certainty       certainty NOT NULL DEFAULT 'confirmed',
  note            text,
  CHECK (subject_code <> object_code),
  CHECK ((kind = 'partner') = (framework_id IS NOT NULL)),
  CHECK ((kind = 'designation') = (designation IS NOT NULL)),
  CHECK (upper_inf(valid) = (until_precision IS NULL)),
  -- The same subject cannot stand in the same relation to the same object twice at once:
  -- two overlapping intervals for one fact contradict each other.
  CONSTRAINT relations_no_overlap EXCLUDE USING gist (
    subject_code WITH =, object_code WITH =, kind WITH =,
    (coalesce(designation, '')) WITH =, valid WITH &&
  )
);

-- "Who stood in what relation to this organisation on this date": the registry's hot query.
CREATE INDEX relations_object_valid ON relations USING gist (object_code, valid);

CREATE TABLE claims (
  id                 bigserial PRIMARY KEY,
  relation_id        bigint NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  source_id          text NOT NULL REFERENCES sources(id),
  -- What the claim speaks to: the relation as a whole, or one of its dates.
  field              claim_field NOT NULL DEFAULT 'relation',
  -- The date the source gives for that field, at the precision the source gives it.
  asserted           date,
  asserted_precision date_precision,
  quote              text CHECK (quote <> ''),
  note               text,
  CHECK ((asserted IS NULL) = (asserted_precision IS NULL)),
  CHECK (field = 'relation' OR asserted IS NOT NULL)
);
CREATE INDEX claims_relation ON claims (relation_id);

-- One row per starter data set or import file applied, so a re-run changes nothing.
CREATE TABLE imports (
  name        text PRIMARY KEY,
  checksum    text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  summary     jsonb NOT NULL DEFAULT '{}'
);
