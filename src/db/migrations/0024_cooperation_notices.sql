-- What cooperation tells people (src/services/cooperation/events.ts): reminders to the
-- delegations of eligible partners that have not nominated anyone before an event's nomination
-- deadline (kind 'event.nomination-reminder'), kept where a delegation's dashboard reads them.
-- A notice is for a state's delegation to the organisation, or for one account (a digest).

CREATE TABLE cooperation_notices (
  id                bigserial PRIMARY KEY,
  organization_code text NOT NULL REFERENCES actors(code),
  -- The delegation it is for (its state), or the account it is for: exactly one.
  state_code        text REFERENCES actors(code),
  account_id        uuid REFERENCES accounts(id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]{0,59}$'),
  -- The event it is about, if any.
  event_id          bigint REFERENCES events(id) ON DELETE CASCADE,
  payload           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object' AND octet_length(payload::text) <= 8000),
  issued_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((state_code IS NULL) <> (account_id IS NULL))
);
CREATE INDEX cooperation_notices_state ON cooperation_notices (organization_code, state_code, issued_at DESC) WHERE state_code IS NOT NULL;
CREATE INDEX cooperation_notices_account ON cooperation_notices (account_id, issued_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX cooperation_notices_event ON cooperation_notices (event_id) WHERE event_id IS NOT NULL;

-- A delegation's own nominations (its dashboard), by state rather than by event.
CREATE INDEX nominations_state ON nominations (state_code, event_id);
