-- Deciding 10,000 silence procedures in a minute (bench/decisions.ts) showed where the time went.

-- 1. A notice is one row naming its recipients, not one copy per delegation. An outcome notice
--    went to all 32 members of a NATO committee as 32 rows, each with its own copy of the message
--    and two foreign-key checks: the biggest share of the database's work in deciding. The
--    recipients are the proposal's members (outcome) or the silent ones (reminder), all states
--    already checked against actors when they were recorded as members.
CREATE TABLE notices (
  id          bigserial PRIMARY KEY,
  proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('outcome', 'reminder')),
  recipients  text[] NOT NULL CHECK (cardinality(recipients) > 0),
  message     jsonb NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- "My delegation's notices": recipients @> ARRAY['COL'].
CREATE INDEX notices_recipients ON notices USING gin (recipients);
CREATE UNIQUE INDEX notices_one_outcome ON notices (proposal_id) WHERE kind = 'outcome';
CREATE INDEX notices_proposal ON notices (proposal_id, id);

-- The rows of one notice were written by one statement with one message: they group back together.
INSERT INTO notices (proposal_id, kind, recipients, message, issued_at)
SELECT proposal_id, kind, array_agg(state_code ORDER BY state_code), message, min(issued_at)
FROM delegation_notices
GROUP BY proposal_id, kind, message
ORDER BY min(id);

DROP TABLE delegation_notices;

-- 2. Workers are woken when jobs are added or moved, not by every INSERT statement into jobs:
--    publishing an event inserts the webhook deliveries' jobs, usually none, and a statement that
--    added no row woke every worker of every instance for nothing after each decision. (An upsert
--    that moves a job fires the UPDATE trigger; transition tables allow one event per trigger.)
CREATE OR REPLACE FUNCTION notify_jobs_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM pg_notify('concord_jobs', '');
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER jobs_added ON jobs;
CREATE TRIGGER jobs_added AFTER INSERT ON jobs REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notify_jobs_added();
CREATE TRIGGER jobs_moved AFTER UPDATE ON jobs REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notify_jobs_added();

-- 3. What a job is about (e.g. 'proposal:17'), so that closing a proposal removes its jobs by
--    equality on an index: a LIKE on unique_key uses an index only under the C collation, and
--    one LIKE per proposal cannot be asked for a batch of them at once.
ALTER TABLE jobs ADD COLUMN subject text;
UPDATE jobs SET subject = substring(unique_key FROM '^(proposal:[0-9]+):') WHERE unique_key LIKE 'proposal:%';
CREATE INDEX jobs_subject ON jobs (subject) WHERE subject IS NOT NULL;
