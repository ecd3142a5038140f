-- What the information exchanges tell a state's delegation (src/services/exchanges/exchanges.ts,
-- the daily job `exchanges.daily`): a reminder before a deadline to a participant that has not
-- submitted (kind 'exchanges.reminder', `days_before` the deadline), and, the day after the
-- deadline, the record that its return was missing then (kind 'exchanges.missing'). One notice
-- per regime, state, year, kind and threshold: the job may run twice and says things once.

CREATE TABLE exchange_notices (
  id          bigserial PRIMARY KEY,
  regime_code text NOT NULL REFERENCES exchange_regimes(code),
  state_code  text NOT NULL REFERENCES actors(code),
  year        integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('exchanges.reminder', 'exchanges.missing')),
  days_before integer NOT NULL DEFAULT 0 CHECK (days_before >= 0),
  due         date NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (regime_code, state_code, year, kind, days_before)
);
CREATE INDEX exchange_notices_state ON exchange_notices (state_code, issued_at DESC);
