-- Cooperation results (src/services/cooperation/results.ts): each person's digest of the day —
-- the reporting periods they owe an update for or that are late, the updates waiting for their
-- approval, the periods about to close — written by the job queue, one row per person per day
-- however many entries it lists, and read by its person (GET /api/v1/cooperation/digest).
-- Also the indexes the results page and the digest read by.

CREATE TABLE digests (
  id         bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  day        date NOT NULL,
  -- The entries: [{ key, kind, programmeId, indicatorId, periodId, updateId?, ... }], at most 500.
  items      jsonb NOT NULL DEFAULT '[]'
               CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) <= 500
                      AND octet_length(items::text) <= 1000000),
  -- How many entries there were in all (the list keeps the first 500).
  total      integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (account_id, day)
);

-- A programme's periods in order (the results page), and the open periods by their end (the digest).
CREATE INDEX indicator_periods_indicator ON indicator_periods (indicator_id, starts_on);
CREATE INDEX indicator_periods_open_end ON indicator_periods (ends_on) WHERE locked_at IS NULL;
-- Updates waiting for approval, across programmes (the digest).
CREATE INDEX indicator_updates_pending ON indicator_updates (period_id) WHERE status = 'pending-approval';
