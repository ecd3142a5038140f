-- Cooperation programmes (src/domain/cooperation.ts): an organisation's menu of cooperation
-- activities; individual programmes per partner, in versions agreed through the decisions
-- engine, each a tree of strategic objectives, partnership goals and planned activities;
-- events (dated instances of activities) and the nominations of participants to them; results
-- in IATI 2.03's model (indicators with a baseline, periods with targets, actuals from
-- approved updates); and the secret addresses of delegations' calendar feeds.

CREATE TYPE activity_type AS ENUM ('course', 'exercise', 'seminar', 'conference', 'workshop', 'expert-visit', 'training');
CREATE TYPE cooperation_area AS ENUM (
  'building-integrity', 'civil-emergency-planning', 'civil-military-relations', 'consultation-command-control',
  'counter-terrorism', 'counter-ied', 'crisis-management', 'cyber-defence', 'defence-education',
  'defence-policy-planning', 'democratic-control', 'demining', 'emerging-security-challenges', 'energy-security',
  'gender-wps', 'human-security', 'intelligence-sharing', 'interoperability', 'language-training',
  'legal-advisors', 'logistics', 'maritime-security', 'medical', 'military-education', 'military-exercises',
  'non-proliferation', 'operations', 'organised-crime', 'public-diplomacy', 'science-for-peace',
  'security-sector-reform', 'small-arms', 'standardization', 'stratcom');
CREATE TYPE programme_version_status AS ENUM ('draft', 'proposed', 'in-force', 'superseded', 'not-agreed');
CREATE TYPE event_status AS ENUM ('proposed', 'approved', 'confirmed', 'held', 'cancelled');
CREATE TYPE nomination_status AS ENUM ('nominated', 'confirmed', 'declined', 'withdrawn');
CREATE TYPE indicator_measure AS ENUM ('unit', 'percentage', 'nominal', 'ordinal', 'qualitative');
CREATE TYPE indicator_update_status AS ENUM ('draft', 'pending-approval', 'approved', 'returned');

-- Programmes may be agreed through the decisions engine (a proposal whose adoption brings a
-- programme version into force).
ALTER TYPE proposal_purpose ADD VALUE 'programme';

-- ------------------------------------------------------------------------------------ the menu

CREATE TABLE menu_items (
  id                bigserial PRIMARY KEY,
  organization_code text NOT NULL REFERENCES actors(code),
  -- The organisation's own reference for the item, unique in its menu (an import updates by it).
  code              text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
  area              cooperation_area NOT NULL,
  type              activity_type NOT NULL,
  title_en          text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 300),
  title_es          text CHECK (title_es <> '' AND length(title_es) <= 300),
  title_pt          text CHECK (title_pt <> '' AND length(title_pt) <= 300),
  title_fr          text CHECK (title_fr <> '' AND length(title_fr) <= 300),
  description_en    text CHECK (length(description_en) <= 4000),
  description_es    text CHECK (length(description_es) <= 4000),
  description_pt    text CHECK (length(description_pt) <= 4000),
  description_fr    text CHECK (length(description_fr) <= 4000),
  -- Who runs it: the NATO School Oberammergau, the NATO Defense College, a Centre of Excellence, an ally.
  provider          text NOT NULL CHECK (provider <> '' AND length(provider) <= 200),
  -- The languages it is taught in (ISO 639-1).
  languages         text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 12),
  duration_days     integer CHECK (duration_days BETWEEN 1 AND 366),
  -- Who may take part (domain Eligibility), judged against the registry on an event's date.
  eligibility       jsonb NOT NULL DEFAULT '{"kind":"all-partners"}'
                      CHECK (eligibility->>'kind' IN ('all-partners', 'framework', 'states')),
  -- When the item is on the menu: items are added and retired each year.
  valid             daterange NOT NULL CHECK (NOT isempty(valid) AND lower(valid) IS NOT NULL),
  -- A title not taken from a source (a realistic example of the kind of activity).
  illustrative      boolean NOT NULL DEFAULT false,
  source_id         text REFERENCES sources(id),
  UNIQUE (organization_code, code)
);
CREATE INDEX menu_items_organization ON menu_items (organization_code, area, type);
CREATE INDEX menu_items_valid ON menu_items USING gist (organization_code, valid);

-- ------------------------------------------------------------------------------ programmes

-- One per partner, organisation and cycle; the cycles of one partner never overlap.
CREATE TABLE programmes (
  id                bigserial PRIMARY KEY,
  organization_code text NOT NULL REFERENCES actors(code),
  partner_code      text NOT NULL REFERENCES actors(code),
  -- IPCP, ITPP, or another kind the organisation names.
  kind              text NOT NULL CHECK (kind ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$'),
  period            daterange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL AND upper(period) IS NOT NULL),
  -- Entered from the source documents rather than drafted in Concord.
  reconstructed     boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by        text NOT NULL CHECK (length(created_by) <= 200),
  EXCLUDE USING gist (organization_code WITH =, partner_code WITH =, period WITH &&)
);
CREATE INDEX programmes_partner ON programmes (partner_code, organization_code);

CREATE TABLE programme_versions (
  programme_id   bigint NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  number         integer NOT NULL CHECK (number >= 1),
  status         programme_version_status NOT NULL DEFAULT 'draft',
  -- What this version changes, in a sentence or two.
  summary        text CHECK (length(summary) <= 4000),
  -- The decision agreeing it (its source), once proposed.
  proposal_id    bigint REFERENCES proposals(id),
  -- Agreed versions: the source recording the agreement (a decision here, or a document).
  source_id      text REFERENCES sources(id),
  in_force_from  date,
  in_force_until date,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by     text NOT NULL CHECK (length(created_by) <= 200),
  PRIMARY KEY (programme_id, number),
  CHECK ((status IN ('in-force', 'superseded')) = (in_force_from IS NOT NULL)),
  CHECK ((status = 'superseded') = (in_force_until IS NOT NULL)),
  CHECK (in_force_until IS NULL OR in_force_until >= in_force_from)
);
-- At most one version of a programme in force, and at most one being drafted or agreed.
CREATE UNIQUE INDEX programme_versions_in_force ON programme_versions (programme_id) WHERE status = 'in-force';
CREATE UNIQUE INDEX programme_versions_open ON programme_versions (programme_id) WHERE status IN ('draft', 'proposed');
CREATE UNIQUE INDEX programme_versions_proposal ON programme_versions (proposal_id) WHERE proposal_id IS NOT NULL;

-- The tree of a version: objectives (ends) → goals (ways) → activities (means). Each node has a
-- reference (`ref`) that a new version keeps, so versions compare node by node and results
-- (which belong to the programme, not a version) follow a goal across versions.
CREATE TABLE programme_objectives (
  id           bigserial PRIMARY KEY,
  programme_id bigint NOT NULL,
  version      integer NOT NULL,
  ref          text NOT NULL CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  position     integer NOT NULL DEFAULT 0,
  area         cooperation_area,
  title_en     text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 300),
  title_es     text CHECK (title_es <> '' AND length(title_es) <= 300),
  title_pt     text CHECK (title_pt <> '' AND length(title_pt) <= 300),
  title_fr     text CHECK (title_fr <> '' AND length(title_fr) <= 300),
  description  text CHECK (length(description) <= 4000),
  source_id    text REFERENCES sources(id),
  quote        text CHECK (length(quote) <= 2000),
  FOREIGN KEY (programme_id, version) REFERENCES programme_versions (programme_id, number) ON DELETE CASCADE,
  UNIQUE (programme_id, version, ref)
);

CREATE TABLE programme_goals (
  id           bigserial PRIMARY KEY,
  objective_id bigint NOT NULL REFERENCES programme_objectives(id) ON DELETE CASCADE,
  programme_id bigint NOT NULL,
  version      integer NOT NULL,
  ref          text NOT NULL CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  position     integer NOT NULL DEFAULT 0,
  title_en     text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 300),
  title_es     text CHECK (title_es <> '' AND length(title_es) <= 300),
  title_pt     text CHECK (title_pt <> '' AND length(title_pt) <= 300),
  title_fr     text CHECK (title_fr <> '' AND length(title_fr) <= 300),
  description  text CHECK (length(description) <= 4000),
  source_id    text REFERENCES sources(id),
  quote        text CHECK (length(quote) <= 2000),
  FOREIGN KEY (programme_id, version) REFERENCES programme_versions (programme_id, number) ON DELETE CASCADE,
  UNIQUE (programme_id, version, ref)
);
CREATE INDEX programme_goals_objective ON programme_goals (objective_id);

CREATE TABLE programme_activities (
  id           bigserial PRIMARY KEY,
  goal_id      bigint NOT NULL REFERENCES programme_goals(id) ON DELETE CASCADE,
  programme_id bigint NOT NULL,
  version      integer NOT NULL,
  ref          text NOT NULL CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  position     integer NOT NULL DEFAULT 0,
  -- A menu item, or a bespoke activity with its own title.
  menu_item_id bigint REFERENCES menu_items(id),
  title_en     text CHECK (title_en <> '' AND length(title_en) <= 300),
  title_es     text CHECK (title_es <> '' AND length(title_es) <= 300),
  title_pt     text CHECK (title_pt <> '' AND length(title_pt) <= 300),
  title_fr     text CHECK (title_fr <> '' AND length(title_fr) <= 300),
  description  text CHECK (length(description) <= 4000),
  -- The year it is planned for.
  year         integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  source_id    text REFERENCES sources(id),
  quote        text CHECK (length(quote) <= 2000),
  FOREIGN KEY (programme_id, version) REFERENCES programme_versions (programme_id, number) ON DELETE CASCADE,
  UNIQUE (programme_id, version, ref),
  CHECK (menu_item_id IS NOT NULL OR title_en IS NOT NULL)
);
CREATE INDEX programme_activities_goal ON programme_activities (goal_id);
CREATE INDEX programme_activities_menu_item ON programme_activities (menu_item_id) WHERE menu_item_id IS NOT NULL;

-- --------------------------------------------------------------------------------- events

CREATE TABLE events (
  id                  bigserial PRIMARY KEY,
  organization_code   text NOT NULL REFERENCES actors(code),
  menu_item_id        bigint REFERENCES menu_items(id),
  -- A bespoke event's title (else the menu item's).
  title_en            text CHECK (title_en <> '' AND length(title_en) <= 300),
  starts_on           date NOT NULL,
  ends_on             date NOT NULL,
  place               text CHECK (place <> '' AND length(place) <= 200),
  online              boolean NOT NULL DEFAULT false,
  provider            text NOT NULL CHECK (provider <> '' AND length(provider) <= 200),
  capacity            integer CHECK (capacity BETWEEN 1 AND 100000),
  nomination_deadline timestamptz NOT NULL,
  status              event_status NOT NULL DEFAULT 'proposed',
  -- The partner that proposed it, or null when the provider scheduled it.
  proposed_by_state   text REFERENCES actors(code),
  -- The feedback or after-action report, once held.
  report              text CHECK (length(report) <= 20000),
  report_by           text CHECK (length(report_by) <= 200),
  report_at           timestamptz,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by          text NOT NULL CHECK (length(created_by) <= 200),
  CHECK (ends_on >= starts_on),
  CHECK (menu_item_id IS NOT NULL OR title_en IS NOT NULL),
  CHECK (place IS NOT NULL OR online),
  CHECK ((report IS NULL) = (report_at IS NULL))
);
CREATE INDEX events_organization_dates ON events (organization_code, starts_on);
CREATE INDEX events_menu_item ON events (menu_item_id) WHERE menu_item_id IS NOT NULL;

-- Participants put forward by a partner's delegation. Personal data: seen by the organisation's
-- secretariat and the nominating delegation only, and every read of it is audited.
CREATE TABLE nominations (
  id               bigserial PRIMARY KEY,
  event_id         bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  state_code       text NOT NULL REFERENCES actors(code),
  participant_name text NOT NULL CHECK (participant_name <> '' AND length(participant_name) <= 200),
  rank_or_function text NOT NULL CHECK (rank_or_function <> '' AND length(rank_or_function) <= 200),
  -- The participant's nationality (usually the nominating state).
  nation           text NOT NULL REFERENCES actors(code),
  status           nomination_status NOT NULL DEFAULT 'nominated',
  attended         boolean,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by       text NOT NULL CHECK (length(created_by) <= 200),
  decided_at       timestamptz,
  decided_by       text CHECK (length(decided_by) <= 200)
);
CREATE INDEX nominations_event ON nominations (event_id, state_code);

-- ------------------------------------------------------------------------------- results

-- An indicator of a partnership goal (by the goal's ref, so it follows the goal across versions).
CREATE TABLE indicators (
  id                 bigserial PRIMARY KEY,
  programme_id       bigint NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  goal_ref           text NOT NULL CHECK (goal_ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  ref                text NOT NULL CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  position           integer NOT NULL DEFAULT 0,
  title_en           text NOT NULL CHECK (title_en <> '' AND length(title_en) <= 300),
  title_es           text CHECK (title_es <> '' AND length(title_es) <= 300),
  title_pt           text CHECK (title_pt <> '' AND length(title_pt) <= 300),
  title_fr           text CHECK (title_fr <> '' AND length(title_fr) <= 300),
  description        text CHECK (length(description) <= 4000),
  measure            indicator_measure NOT NULL,
  -- More is better (IATI's ascending="1"), or less is.
  ascending          boolean NOT NULL DEFAULT true,
  baseline_year      integer CHECK (baseline_year BETWEEN 1900 AND 2200),
  baseline_value     numeric,
  baseline_numerator numeric,
  baseline_denominator numeric CHECK (baseline_denominator > 0),
  baseline_comment   text CHECK (length(baseline_comment) <= 2000),
  UNIQUE (programme_id, ref),
  CHECK ((baseline_numerator IS NULL) = (baseline_denominator IS NULL))
);
CREATE INDEX indicators_goal ON indicators (programme_id, goal_ref);

-- Who reports on an indicator (reminded before a period closes).
CREATE TABLE indicator_reporters (
  indicator_id bigint NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  account_id   uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (indicator_id, account_id)
);
CREATE INDEX indicator_reporters_account ON indicator_reporters (account_id);

CREATE TABLE indicator_periods (
  id                 bigserial PRIMARY KEY,
  indicator_id       bigint NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  starts_on          date NOT NULL,
  ends_on            date NOT NULL,
  target_value       numeric,
  target_numerator   numeric,
  target_denominator numeric CHECK (target_denominator > 0),
  target_comment     text CHECK (length(target_comment) <= 2000),
  -- A locked period takes no more updates (the manager closed it).
  locked_at          timestamptz,
  locked_by          text CHECK (length(locked_by) <= 200),
  CHECK (ends_on >= starts_on),
  CHECK ((target_numerator IS NULL) = (target_denominator IS NULL)),
  CHECK ((locked_at IS NULL) = (locked_by IS NULL)),
  EXCLUDE USING gist (indicator_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);

-- What reporters say happened: counted once approved.
CREATE TABLE indicator_updates (
  id             bigserial PRIMARY KEY,
  period_id      bigint NOT NULL REFERENCES indicator_periods(id) ON DELETE CASCADE,
  value          numeric,
  numerator      numeric,
  denominator    numeric CHECK (denominator > 0),
  narrative      text CHECK (length(narrative) <= 4000),
  status         indicator_update_status NOT NULL DEFAULT 'draft',
  -- Why it was returned for revision.
  review_comment text CHECK (length(review_comment) <= 2000),
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by     text NOT NULL CHECK (length(created_by) <= 200),
  submitted_at   timestamptz,
  reviewed_at    timestamptz,
  reviewed_by    text CHECK (length(reviewed_by) <= 200),
  CHECK ((numerator IS NULL) = (denominator IS NULL)),
  CHECK (status <> 'approved' OR reviewed_at IS NOT NULL)
);
CREATE INDEX indicator_updates_period ON indicator_updates (period_id, status);

-- ---------------------------------------------------------------------- calendar feeds

-- A per-account secret address of the events calendar (.ics): only its SHA-256 is kept; revoked
-- feeds stop answering.
CREATE TABLE calendar_feeds (
  id          bigserial PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  secret_hash bytea NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  revoked_at  timestamptz
);
CREATE UNIQUE INDEX calendar_feeds_live ON calendar_feeds (account_id) WHERE revoked_at IS NULL;
