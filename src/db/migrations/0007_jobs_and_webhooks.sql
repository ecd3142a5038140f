-- Work that must happen at a time, exactly once, whichever instance is up: deadlines, reminders,
-- scheduled relation changes, webhook deliveries. A job is taken with FOR UPDATE SKIP LOCKED and
-- deleted in the same transaction as its effect, so two instances never both run it.

CREATE TABLE jobs (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z.-]*$'),
  payload     jsonb NOT NULL DEFAULT '{}',
  run_at      timestamptz NOT NULL,
  -- One job per purpose (e.g. the deadline of round 2 of proposal 17): scheduling it twice is a no-op.
  unique_key  text UNIQUE,
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text,
  -- Set when a job has failed too often: kept for a person to look at, never run again.
  failed_at   timestamptz,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE failed_at IS NULL;

-- Wake the workers of every instance when a job is added (one notification per statement).
CREATE FUNCTION notify_jobs_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('concord_jobs', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER jobs_added AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION notify_jobs_added();

-- Other systems following an organisation's decisions: each event is POSTed, signed with
-- HMAC-SHA256 under the subscription's secret (kept in clear: it is needed to sign).
CREATE TABLE webhooks (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_code text NOT NULL REFERENCES actors(code),
  url               text NOT NULL CHECK (url ~ '^https?://'),
  secret            text NOT NULL CHECK (length(secret) >= 32),
  -- Event types, e.g. {proposal.decided}; {*} for all.
  events            text[] NOT NULL CHECK (cardinality(events) > 0),
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  disabled_at       timestamptz
);
CREATE INDEX webhooks_organization ON webhooks (organization_code) WHERE disabled_at IS NULL;

CREATE TABLE webhook_deliveries (
  id            bigserial PRIMARY KEY,
  webhook_id    uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event         jsonb NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  last_status   integer,
  last_error    text,
  delivered_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id DESC);
