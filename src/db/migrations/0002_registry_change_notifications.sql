-- Tell every Concord instance that the registry changed, so that caches of it are dropped.
-- Statement-level: one notification per statement, however many rows it touched. PostgreSQL
-- delivers it at commit, and folds identical notifications of one transaction into one.

CREATE FUNCTION notify_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('concord_registry_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER actors_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON actors
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
CREATE TRIGGER sources_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
CREATE TRIGGER frameworks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
CREATE TRIGGER relations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON relations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
CREATE TRIGGER claims_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
