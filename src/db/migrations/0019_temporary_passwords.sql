-- A password an administrator set (at creation, or reset): its owner must choose their own at the
-- next sign-in, and until then the account's sessions do nothing else. Cleared by changing it.
ALTER TABLE accounts ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;
-- Only a password can be temporary.
ALTER TABLE accounts ADD CONSTRAINT accounts_temporary_needs_password
  CHECK (NOT password_temporary OR password_hash IS NOT NULL);
