-- Tell every Concord instance that a programme (its versions, tree, indicators, periods, updates)
-- or the menu changed, so that the programme pages' cache (src/services/cooperation/programme-cache.ts)
-- is dropped. Statement-level, one notification per statement, delivered at commit, as
-- 0002_registry_change_notifications.sql does for the registry.

CREATE FUNCTION notify_cooperation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('concord_cooperation_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  changed text;
BEGIN
  FOREACH changed IN ARRAY ARRAY['programmes', 'programme_versions', 'programme_objectives', 'programme_goals',
                                 'programme_activities', 'indicators', 'indicator_reporters', 'indicator_periods',
                                 'indicator_updates', 'menu_items']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_cooperation_changed()', changed || '_changed', changed);
  END LOOP;
END;
$$;
