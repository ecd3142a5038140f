-- Failed sign-ins counted per window, shared by every instance. Keys are (client address,
-- e-mail address) and client address alone: an attacker's address is slowed down, while the
-- account's owner, signing in from elsewhere, is never locked out.
CREATE TABLE sign_in_failures (
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  failures     integer NOT NULL CHECK (failures > 0),
  PRIMARY KEY (key, window_start)
);
