-- Answers to changes made with an Idempotency-Key, kept in the same transaction as the change:
-- a client that retries after losing the answer gets the same answer, and nothing happens twice.
CREATE TABLE idempotency_keys (
  principal    text NOT NULL,
  key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  status       integer NOT NULL,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
