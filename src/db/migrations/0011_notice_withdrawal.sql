-- A suspension or withdrawal notice can be withdrawn by the state that gave it until it takes
-- effect (as the treaties allow: e.g. the OAS Charter's two years are a period in which a state
-- may think again). A withdrawn notice stays on record, with who withdrew it, when and why; its
-- job goes, and the state may give a new notice later.
ALTER TABLE status_notices
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by text CHECK (length(withdrawn_by) <= 200),
  ADD COLUMN withdrawal_statement text CHECK (length(withdrawal_statement) <= 20000),
  ADD CONSTRAINT status_notices_applied_or_withdrawn CHECK (applied_at IS NULL OR withdrawn_at IS NULL),
  ADD CONSTRAINT status_notices_withdrawn_by CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL));

DROP INDEX status_notices_one_pending;
CREATE UNIQUE INDEX status_notices_one_pending ON status_notices (relation_id) WHERE applied_at IS NULL AND withdrawn_at IS NULL;

-- A notice's job is about the notice, so that withdrawing it removes the job by its subject.
UPDATE jobs SET subject = 'notice:' || (payload->>'noticeId') WHERE kind = 'notice.apply' AND subject IS NULL;
