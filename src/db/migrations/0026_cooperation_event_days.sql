-- A window of days (a calendar's month, a dashboard's next six months) finds the events sharing a
-- day with it through this index, instead of reading every event of the organisation
-- (src/db/repositories/cooperation-events.ts, listEvents; measured by npm run bench:programmes).
CREATE INDEX events_organization_days ON events USING gist (organization_code, daterange(starts_on, ends_on, '[]'));
ANALYZE events;
