-- Labelled documents (issue 15): each organisation's library of documents, their versions, each
-- version with its STANAG 4774 confidentiality label bound to its content (STANAG 4778), the
-- security policies the labels are read against, and the personnel security clearances readers
-- hold. Who may read a version is decided by src/domain/labels/access.ts and, for lists and
-- searches, by the same rule in SQL (src/db/repositories/documents.ts): the columns marked
-- "in force" below are the label in force today, denormalised so that rule is a few operators.

-- The policies labels name, as loaded from data/policies/*.json: versioned, never edited.
CREATE TABLE security_policies (
  id                text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  version           integer NOT NULL CHECK (version >= 1),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  organization_code text REFERENCES actors(code),
  definition        jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND pg_column_size(definition) <= 262144),
  digest            text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  loaded_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id, version)
);

CREATE TABLE documents (
  id                bigserial PRIMARY KEY,
  -- Whose library: only that organisation's accounts may ever see it.
  organization_code text NOT NULL REFERENCES actors(code),
  -- What it documents, when it belongs to something: a proposal, a programme, an exchange return.
  subject_kind      text CHECK (subject_kind IN ('proposal', 'programme', 'exchange-return')),
  subject_id        text CHECK (length(subject_id) <= 100),
  -- The registry code of who originated it: the uploader's delegation's state, or the organisation.
  originator_code   text NOT NULL REFERENCES actors(code),
  created_by        uuid REFERENCES accounts(id) ON DELETE SET NULL,
  created_by_name   text NOT NULL CHECK (length(created_by_name) <= 200),
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  current_version   integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((subject_kind IS NULL) = (subject_id IS NULL))
);
CREATE INDEX documents_library ON documents (organization_code, updated_at DESC, id DESC);
CREATE INDEX documents_subject ON documents (subject_kind, subject_id) WHERE subject_kind IS NOT NULL;

CREATE TABLE document_versions (
  document_id          bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  version              integer NOT NULL CHECK (version >= 1),
  -- Metadata in the four languages: at least one title.
  title_en             text CHECK (length(title_en) BETWEEN 1 AND 300),
  title_es             text CHECK (length(title_es) BETWEEN 1 AND 300),
  title_pt             text CHECK (length(title_pt) BETWEEN 1 AND 300),
  title_fr             text CHECK (length(title_fr) BETWEEN 1 AND 300),
  description_en       text CHECK (length(description_en) <= 4000),
  description_es       text CHECK (length(description_es) <= 4000),
  description_pt       text CHECK (length(description_pt) <= 4000),
  description_fr       text CHECK (length(description_fr) <= 4000),
  file_name            text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type           text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 200),
  content              bytea NOT NULL CHECK (octet_length(content) <= 20971520),
  sha384               bytea NOT NULL CHECK (octet_length(sha384) = 48),
  -- The label as given (ConfidentialityLabel), its 4774 XML exactly as bound, and the 4778 binding.
  label                jsonb NOT NULL CHECK (jsonb_typeof(label) = 'object' AND pg_column_size(label) <= 65536),
  label_xml            text NOT NULL CHECK (length(label_xml) <= 65536),
  binding_xml          text NOT NULL CHECK (length(binding_xml) <= 131072),
  -- The label in force today (the label, or the succession's latest label whose day has come),
  -- kept by the job `documents.downgrade`, with what the access rule reads of it:
  label_in_force       jsonb NOT NULL CHECK (jsonb_typeof(label_in_force) = 'object' AND pg_column_size(label_in_force) <= 65536),
  policy_id            text NOT NULL CHECK (length(policy_id) <= 200),
  classification_rank  smallint NOT NULL CHECK (classification_rank BETWEEN 0 AND 100),
  -- Each permissive category's values, one JSON array of strings per category.
  permissive           jsonb NOT NULL CHECK (jsonb_typeof(permissive) = 'array'),
  -- Every restrictive value, each as "<policy id> <value>" (as a reader's authorisations are passed).
  restrictive          text[] NOT NULL DEFAULT '{}',
  -- What search looks through: the titles and descriptions in each language, and the text of a plain-text file.
  search               tsvector NOT NULL,
  created_by           uuid REFERENCES accounts(id) ON DELETE SET NULL,
  created_by_name      text NOT NULL CHECK (length(created_by_name) <= 200),
  created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (document_id, version),
  CHECK (coalesce(title_en, title_es, title_pt, title_fr) IS NOT NULL)
);
CREATE INDEX document_versions_search ON document_versions USING gin (search);

-- A person's security clearance in one policy, granted by their organisation's administrator.
CREATE TABLE personnel_clearances (
  account_id          uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  policy_id           text NOT NULL CHECK (length(policy_id) <= 200),
  classification      text NOT NULL CHECK (length(classification) BETWEEN 1 AND 100),
  classification_rank smallint NOT NULL CHECK (classification_rank BETWEEN 0 AND 100),
  -- Additional-sensitivity (restrictive) values held in this policy.
  authorisations      text[] NOT NULL DEFAULT '{}' CHECK (cardinality(authorisations) <= 50),
  -- Last day in force.
  expires_on          date NOT NULL,
  granted_by          text NOT NULL CHECK (length(granted_by) <= 200),
  granted_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (account_id, policy_id)
);


-- What a version's search looks through, in all four languages at once as the menu's search
-- does (0023, whose menu_search_query reads the query): the titles weigh most, then the
-- descriptions, then the text of a plain-text file (its first 100,000 characters).
CREATE FUNCTION document_search_vector(
  title_en text, title_es text, title_pt text, title_fr text,
  description_en text, description_es text, description_pt text, description_fr text,
  body text
) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('english'::regconfig, public.search_fold(coalesce(title_en, ''))), 'A')
    || setweight(to_tsvector('spanish'::regconfig, public.search_fold(coalesce(title_es, ''))), 'A')
    || setweight(to_tsvector('portuguese'::regconfig, public.search_fold(coalesce(title_pt, ''))), 'A')
    || setweight(to_tsvector('french'::regconfig, public.search_fold(coalesce(title_fr, ''))), 'A')
    || setweight(to_tsvector('simple'::regconfig, public.search_fold(concat_ws(' ', title_en, title_es, title_pt, title_fr))), 'A')
    || setweight(to_tsvector('english'::regconfig, public.search_fold(coalesce(description_en, ''))), 'B')
    || setweight(to_tsvector('spanish'::regconfig, public.search_fold(coalesce(description_es, ''))), 'B')
    || setweight(to_tsvector('portuguese'::regconfig, public.search_fold(coalesce(description_pt, ''))), 'B')
    || setweight(to_tsvector('french'::regconfig, public.search_fold(coalesce(description_fr, ''))), 'B')
    || setweight(to_tsvector('simple'::regconfig, public.search_fold(left(coalesce(body, ''), 100000))), 'C') $$;
