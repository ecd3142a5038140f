-- Tell every Concord instance that who a session opens may have changed — an account's role,
-- delegation, password or disabling, a delegation's state, a session ended — so the copy of
-- sessions each keeps (src/services/accounts/sessions.ts) is dropped and the next request reads
-- them afresh (ASVS 8.3.2). Statement-level, delivered at commit, as 0002 and 0027 do. A
-- session's last_seen_at is not a change of who it opens: its UPDATE says nothing.

CREATE FUNCTION notify_accounts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('concord_accounts_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER accounts_changed AFTER UPDATE OR DELETE OR TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER delegations_changed AFTER UPDATE OR DELETE OR TRUNCATE ON delegations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER sessions_ended AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER sessions_changed AFTER UPDATE OF account_id, csrf_token, expires_at, token_hash ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
