-- A suspension or withdrawal notice is notified to the organisation's depositary (its
-- secretariat), which acknowledges it: the depositary's record of having received it, with who
-- and when. The notice takes effect on its effective date either way (as the treaties say, from
-- notification); a notice withdrawn or in effect is no longer acknowledged.
ALTER TABLE status_notices
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN acknowledged_by text CHECK (length(acknowledged_by) <= 200),
  ADD CONSTRAINT status_notices_acknowledged_by CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL));
