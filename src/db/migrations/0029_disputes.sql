-- Interstate disputes (src/domain/disputes.ts): disputes with their parties, the years of each
-- pair of parties (the Militarized Interstate Dispute data's dyad-years), a timeline of dated
-- incidents, other sources' accounts of their facts side by side; court and arbitration cases
-- with their stages; dialogue and confidence-building between the parties. Codes are kept as
-- the MID data sets number them (hostility 1–5, highest action 0–21, fatality band 0–6, outcome
-- 1–9, settlement 1–4); a missing value (-9 in the data) is NULL, never a guess. Dates keep the
-- precision their source gives. Every row cites its source; imported rows also name the data
-- set's version, so a later version updates them rather than adding copies.

CREATE TYPE dispute_side AS ENUM ('A', 'B');
CREATE TYPE revision_type AS ENUM ('territory', 'policy', 'regime', 'other');
CREATE TYPE case_stage AS ENUM ('filing', 'provisional-measures', 'preliminary-objections', 'jurisdiction', 'merits',
                                'judgment', 'interpretation', 'discontinuance');
CREATE TYPE case_status AS ENUM ('pending', 'decided', 'discontinued');
CREATE TYPE dialogue_kind AS ENUM ('meeting', 'bilateral-commission', 'hotline', 'agreement', 'verification-visit',
                                   'mediation', 'other');
CREATE TYPE dispute_claim_field AS ENUM ('start', 'end', 'hostility', 'outcome', 'summary');

CREATE TABLE disputes (
  -- 'mid-<number>' for a dispute of the MID data; a lower-case name for one recorded here.
  id                text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,59}$'),
  mid_number        integer UNIQUE CHECK (mid_number > 0),
  -- For a dispute recorded here: the MID disputes that are episodes of it, by number.
  mid_episodes      integer[] NOT NULL DEFAULT '{}',
  name_en           text CHECK (name_en <> '' AND length(name_en) <= 200),
  name_es           text CHECK (name_es <> '' AND length(name_es) <= 200),
  name_pt           text CHECK (name_pt <> '' AND length(name_pt) <= 200),
  name_fr           text CHECK (name_fr <> '' AND length(name_fr) <= 200),
  summary_en        text CHECK (length(summary_en) <= 4000),
  summary_es        text CHECK (length(summary_es) <= 4000),
  summary_pt        text CHECK (length(summary_pt) <= 4000),
  summary_fr        text CHECK (length(summary_fr) <= 4000),
  starts_on         date NOT NULL,
  start_precision   date_precision NOT NULL,
  ends_on           date,
  end_precision     date_precision,
  -- From the first day of its start to the last day of its end, at their precision: what
  -- "active on a date" asks. Unbounded while it goes on.
  active            daterange NOT NULL CHECK (NOT isempty(active)),
  ongoing           boolean NOT NULL DEFAULT false,
  hostility         smallint CHECK (hostility BETWEEN 1 AND 5),
  highest_action    smallint CHECK (highest_action BETWEEN 0 AND 21),
  fatality          smallint CHECK (fatality BETWEEN 0 AND 6),
  outcome           smallint CHECK (outcome BETWEEN 1 AND 9),
  settlement        smallint CHECK (settlement BETWEEN 1 AND 4),
  min_duration_days integer CHECK (min_duration_days >= 0),
  max_duration_days integer CHECK (max_duration_days >= 0),
  source_id         text NOT NULL REFERENCES sources(id),
  quote             text CHECK (length(quote) <= 2000),
  locator           text CHECK (length(locator) <= 200),
  -- The data set and version an imported dispute comes from ('gml-2.1.1'), and the digest of
  -- what it said, so that a re-run knows what is unchanged.
  dataset_version   text CHECK (length(dataset_version) <= 40),
  imported_digest   text CHECK (length(imported_digest) <= 100),
  -- The organisation whose secretariat recorded it; NULL for Concord's own data and imports.
  recorded_by       text REFERENCES actors(code),
  CHECK ((ends_on IS NULL) = (end_precision IS NULL)),
  CHECK (mid_number IS NULL OR dataset_version IS NOT NULL)
);
CREATE INDEX disputes_active ON disputes USING gist (active);

CREATE TABLE dispute_parties (
  dispute_id     text NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  -- A state of the registry by its ISO code, or a Correlates of War state with none in the
  -- registry (Austria-Hungary, Bavaria) as 'COW:<code>'.
  party          text NOT NULL CHECK (party ~ '^([A-Z]{3}|COW:[0-9]{1,4})$'),
  -- The registry's state when there is one; the COW code when the data set gave one.
  state_code     text REFERENCES actors(code),
  cow_code       integer CHECK (cow_code > 0),
  -- A state with no ISO code is named as the data set names it.
  name           text CHECK (name <> '' AND length(name) <= 200),
  side           dispute_side NOT NULL,
  -- Joined after the dispute began (the MID data's originator flag, inverted).
  joined         boolean NOT NULL DEFAULT false,
  revisionist    boolean NOT NULL DEFAULT false,
  seeks          revision_type[] NOT NULL DEFAULT '{}',
  hostility      smallint CHECK (hostility BETWEEN 1 AND 5),
  highest_action smallint CHECK (highest_action BETWEEN 0 AND 21),
  fatality       smallint CHECK (fatality BETWEEN 0 AND 6),
  first_year     integer,
  last_year      integer,
  PRIMARY KEY (dispute_id, party),
  CHECK (state_code IS NULL OR party = state_code)
);
CREATE INDEX dispute_parties_party ON dispute_parties (party, dispute_id);

-- One row per pair and year, the pair ordered (party_1 < party_2): the data set gives each
-- dyad in both directions.
CREATE TABLE dispute_dyad_years (
  dispute_id  text NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  party_1     text NOT NULL CHECK (party_1 ~ '^([A-Z]{3}|COW:[0-9]{1,4})$'),
  party_2     text NOT NULL CHECK (party_2 ~ '^([A-Z]{3}|COW:[0-9]{1,4})$'),
  year        integer NOT NULL,
  hostility_1 smallint CHECK (hostility_1 BETWEEN 1 AND 5),
  hostility_2 smallint CHECK (hostility_2 BETWEEN 1 AND 5),
  action_1    smallint CHECK (action_1 BETWEEN 0 AND 21),
  action_2    smallint CHECK (action_2 BETWEEN 0 AND 21),
  fatality_1  smallint CHECK (fatality_1 BETWEEN 0 AND 6),
  fatality_2  smallint CHECK (fatality_2 BETWEEN 0 AND 6),
  PRIMARY KEY (dispute_id, party_1, party_2, year),
  CHECK (party_1 < party_2)
);
CREATE INDEX dispute_dyad_years_pair ON dispute_dyad_years (party_1, party_2, year);
CREATE INDEX dispute_dyad_years_second ON dispute_dyad_years (party_2, party_1);

CREATE TABLE dispute_incidents (
  id             bigserial PRIMARY KEY,
  dispute_id     text NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  occurred_on    date NOT NULL,
  precision      date_precision NOT NULL,
  title_en       text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 500),
  title_es       text CHECK (title_es <> '' AND length(title_es) <= 500),
  title_pt       text CHECK (title_pt <> '' AND length(title_pt) <= 500),
  title_fr       text CHECK (title_fr <> '' AND length(title_fr) <= 500),
  hostility      smallint CHECK (hostility BETWEEN 1 AND 5),
  highest_action smallint CHECK (highest_action BETWEEN 0 AND 21),
  source_id      text NOT NULL REFERENCES sources(id),
  quote          text CHECK (length(quote) <= 2000),
  locator        text CHECK (length(locator) <= 200),
  recorded_by    text REFERENCES actors(code)
);
CREATE INDEX dispute_incidents_dispute ON dispute_incidents (dispute_id, occurred_on);

-- Another source's account of a dispute's fact, shown beside the one adopted.
CREATE TABLE dispute_claims (
  id         bigserial PRIMARY KEY,
  dispute_id text NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  field      dispute_claim_field NOT NULL,
  value      text NOT NULL CHECK (value <> '' AND length(value) <= 4000),
  source_id  text NOT NULL REFERENCES sources(id),
  quote      text CHECK (length(quote) <= 2000),
  locator    text CHECK (length(locator) <= 200)
);
CREATE INDEX dispute_claims_dispute ON dispute_claims (dispute_id);

CREATE TABLE court_cases (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,59}$'),
  court         text NOT NULL CHECK (court <> '' AND length(court) <= 100),
  title_en      text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 500),
  title_es      text CHECK (title_es <> '' AND length(title_es) <= 500),
  title_pt      text CHECK (title_pt <> '' AND length(title_pt) <= 500),
  title_fr      text CHECK (title_fr <> '' AND length(title_fr) <= 500),
  applicant     text NOT NULL REFERENCES actors(code),
  respondent    text NOT NULL REFERENCES actors(code),
  dispute_id    text REFERENCES disputes(id),
  basis         text NOT NULL CHECK (basis <> '' AND length(basis) <= 1000),
  status        case_status NOT NULL,
  source_id     text NOT NULL REFERENCES sources(id),
  quote         text CHECK (length(quote) <= 2000),
  locator       text CHECK (length(locator) <= 200),
  recorded_by   text REFERENCES actors(code),
  CHECK (applicant <> respondent)
);
CREATE INDEX court_cases_applicant ON court_cases (applicant);
CREATE INDEX court_cases_respondent ON court_cases (respondent);

CREATE TABLE court_case_stages (
  id          bigserial PRIMARY KEY,
  case_id     text NOT NULL REFERENCES court_cases(id) ON DELETE CASCADE,
  stage       case_stage NOT NULL,
  decided_on  date NOT NULL,
  summary_en  text NOT NULL CHECK (summary_en <> '' AND length(summary_en) <= 4000),
  summary_es  text CHECK (length(summary_es) <= 4000),
  summary_pt  text CHECK (length(summary_pt) <= 4000),
  summary_fr  text CHECK (length(summary_fr) <= 4000),
  document    text CHECK (length(document) <= 2000),
  source_id   text NOT NULL REFERENCES sources(id),
  quote       text CHECK (length(quote) <= 2000),
  locator     text CHECK (length(locator) <= 200)
);
CREATE INDEX court_case_stages_case ON court_case_stages (case_id, decided_on);

CREATE TABLE dialogues (
  id              text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,59}$'),
  kind            dialogue_kind NOT NULL,
  title_en        text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 500),
  title_es        text CHECK (title_es <> '' AND length(title_es) <= 500),
  title_pt        text CHECK (title_pt <> '' AND length(title_pt) <= 500),
  title_fr        text CHECK (title_fr <> '' AND length(title_fr) <= 500),
  states          text[] NOT NULL CHECK (cardinality(states) BETWEEN 2 AND 40),
  dispute_id      text REFERENCES disputes(id),
  starts_on       date NOT NULL,
  start_precision date_precision NOT NULL,
  ends_on         date,
  end_precision   date_precision,
  participants    text CHECK (length(participants) <= 1000),
  outcome         text CHECK (length(outcome) <= 2000),
  source_id       text NOT NULL REFERENCES sources(id),
  quote           text CHECK (length(quote) <= 2000),
  locator         text CHECK (length(locator) <= 200),
  recorded_by     text REFERENCES actors(code),
  CHECK ((ends_on IS NULL) = (end_precision IS NULL))
);
CREATE INDEX dialogues_states ON dialogues USING gin (states);
CREATE INDEX dialogues_dispute ON dialogues (dispute_id) WHERE dispute_id IS NOT NULL;
