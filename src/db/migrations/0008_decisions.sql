-- Decisions: bodies of organisations (and of states, for decisions a state takes alone),
-- proposals with a procedure fixed at opening, their rounds, the positions member states take,
-- the outcome Concord determines, and the notices that follow. Also the notices by which a state
-- suspends its participation in, or withdraws from, an organisation.

CREATE TYPE proposal_status AS ENUM ('open', 'adopted', 'not-adopted', 'withdrawn');
CREATE TYPE position_kind AS ENUM ('concur', 'concur-with-reservation', 'object', 'amend', 'abstain');
CREATE TYPE proposal_purpose AS ENUM ('general', 'request', 'designation', 'revocation');

-- A deciding body: the North Atlantic Council, a committee, UNASUR's South American Defence
-- Council; or a state's own organ for unilateral designations (the US President for MNNA).
CREATE TABLE bodies (
  id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  -- The organisation whose member states sit in the body, or the state that decides alone.
  actor_code        text NOT NULL REFERENCES actors(code),
  name_en           text NOT NULL CHECK (name_en <> ''),
  name_es           text NOT NULL CHECK (name_es <> ''),
  name_pt           text NOT NULL CHECK (name_pt <> ''),
  name_fr           text NOT NULL CHECK (name_fr <> ''),
  -- Who chairs its proposals unless one names another (the Secretary General for the Council).
  chair             text NOT NULL CHECK (chair <> ''),
  -- The procedure a new proposal gets unless it names another (domain Procedure as JSON).
  default_procedure jsonb NOT NULL,
  note              text
);

-- What an organisation's rules say: where a state's request goes, and notice periods.
CREATE TABLE organization_rules (
  organization_code text PRIMARY KEY REFERENCES actors(code),
  request_body_id   text REFERENCES bodies(id),
  -- Months between a notice being filed and taking effect (UNASUR: 6 for withdrawal; OAS: 24).
  withdrawal_notice_months integer NOT NULL DEFAULT 0 CHECK (withdrawal_notice_months >= 0),
  suspension_notice_months integer NOT NULL DEFAULT 0 CHECK (suspension_notice_months >= 0),
  source_id         text REFERENCES sources(id),
  note              text
);

CREATE TABLE proposals (
  id              bigserial PRIMARY KEY,
  body_id         text NOT NULL REFERENCES bodies(id),
  title           text NOT NULL CHECK (title <> '' AND length(title) <= 300),
  -- The domain Procedure (kind and, for majority, threshold, base, quorum, abstentions).
  procedure       jsonb NOT NULL CHECK (procedure->>'kind' IN ('consensus', 'silence', 'majority', 'unilateral')),
  chair           text NOT NULL CHECK (chair <> ''),
  purpose         proposal_purpose NOT NULL DEFAULT 'general',
  -- What adoption does to the registry (a relation to start or to end), if anything.
  effect          jsonb,
  -- The state that asked (a request) or is concerned (a designation or its revocation).
  concerns_state  text REFERENCES actors(code),
  opened_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  opened_by       text NOT NULL,
  status          proposal_status NOT NULL DEFAULT 'open',
  decided_at      timestamptz,
  -- The decision's date as the sources give it (reconstructed decisions may know only a month).
  decided_on      date,
  decided_on_precision date_precision,
  -- The exact rule that decided (domain DecisionRule, 'chair.closed' or 'withdrawn') and why.
  outcome_rule    text,
  outcome_explanation text,
  -- Which Concord instance recorded the outcome, or 'chair', or 'starter data'.
  decided_by      text,
  -- The relation the decision started or ended, and the source recording the decision.
  effect_relation_id bigint REFERENCES relations(id),
  decision_source_id text REFERENCES sources(id),
  -- A historical decision entered from the sources rather than taken in Concord.
  reconstructed   boolean NOT NULL DEFAULT false,
  CHECK ((status = 'open') = (decided_at IS NULL AND outcome_rule IS NULL)),
  CHECK ((decided_on IS NULL) = (decided_on_precision IS NULL))
);
CREATE INDEX proposals_status ON proposals (status, id DESC);
CREATE INDEX proposals_body ON proposals (body_id, id DESC);

-- Who could decide: the body's member states when the proposal opened, fixed for its life.
CREATE TABLE proposal_members (
  proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  state_code  text NOT NULL REFERENCES actors(code),
  PRIMARY KEY (proposal_id, state_code)
);
CREATE INDEX proposal_members_state ON proposal_members (state_code, proposal_id);

-- Each circulation of a text: the first, and every recirculation of an amended text.
CREATE TABLE proposal_rounds (
  proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  number      integer NOT NULL CHECK (number >= 1),
  text        text NOT NULL CHECK (text <> ''),
  opened_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  deadline    timestamptz,
  -- Every extension of this round's deadline: [{"from","to","at","by"}], oldest first.
  extensions  jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (proposal_id, number),
  CHECK (deadline IS NULL OR deadline > opened_at)
);

CREATE TABLE proposal_attachments (
  id          bigserial PRIMARY KEY,
  proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (name <> '' AND length(name) <= 200),
  media_type  text NOT NULL,
  content     bytea NOT NULL CHECK (octet_length(content) <= 5242880),
  added_by    text NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX proposal_attachments_proposal ON proposal_attachments (proposal_id);

-- Every position ever cast, changes included; the latest per state and round is the one that counts.
CREATE TABLE positions (
  id          bigserial PRIMARY KEY,
  proposal_id bigint NOT NULL,
  round       integer NOT NULL,
  state_code  text NOT NULL,
  position    position_kind NOT NULL,
  -- Reasons for an objection, the amendment proposed, the reservation recorded.
  statement   text CHECK (statement <> ''),
  cast_by     text NOT NULL,
  cast_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (proposal_id, round) REFERENCES proposal_rounds (proposal_id, number) ON DELETE CASCADE,
  FOREIGN KEY (proposal_id, state_code) REFERENCES proposal_members (proposal_id, state_code) ON DELETE CASCADE,
  CHECK (position NOT IN ('object', 'amend', 'concur-with-reservation') OR statement IS NOT NULL)
);
CREATE INDEX positions_proposal ON positions (proposal_id, round, id);

-- Positions are history: never changed, never removed (a new position supersedes).
CREATE FUNCTION refuse_position_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'positions are append-only: cast a new position instead';
END;
$$;
CREATE TRIGGER positions_append_only BEFORE UPDATE OR DELETE ON positions
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_position_change();

-- What each member delegation is told: the outcome of a proposal, a reminder before a deadline.
CREATE TABLE delegation_notices (
  id          bigserial PRIMARY KEY,
  proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  state_code  text NOT NULL REFERENCES actors(code),
  kind        text NOT NULL CHECK (kind IN ('outcome', 'reminder')),
  message     jsonb NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX delegation_notices_state ON delegation_notices (state_code, id DESC);
CREATE UNIQUE INDEX delegation_notices_one_outcome ON delegation_notices (proposal_id, state_code) WHERE kind = 'outcome';

-- A state's notice that it suspends its participation in, or withdraws from, an organisation.
-- The relation's end (and, for a suspension, the suspended relation) is scheduled when the
-- notice is filed and applied on its effective date by the job queue.
CREATE TABLE status_notices (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('suspension', 'withdrawal')),
  state_code        text NOT NULL REFERENCES actors(code),
  organization_code text NOT NULL REFERENCES actors(code),
  relation_id       bigint NOT NULL REFERENCES relations(id),
  filed_on          date NOT NULL,
  effective_on      date NOT NULL CHECK (effective_on >= filed_on),
  source_id         text NOT NULL REFERENCES sources(id),
  filed_by          text NOT NULL,
  filed_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  applied_at        timestamptz,
  statement         text
);
CREATE UNIQUE INDEX status_notices_one_pending ON status_notices (relation_id) WHERE applied_at IS NULL;
