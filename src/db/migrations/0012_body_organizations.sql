-- Every deciding body belongs to one organisation's part of Concord (its tenant): an
-- organisation's own bodies to it, and a state's own body to the organisation in which that
-- state's delegation acts for it (the US President's Major Non-NATO Ally designations: NATO,
-- where the US delegation proposes them). A state-scoped right (a position, a request, a
-- designation, reading what concerns the state) holds only for that state's delegation to the
-- body's organisation: the US delegation to the OAS cannot issue a US designation.
ALTER TABLE bodies ADD COLUMN organization_code text REFERENCES actors(code);
UPDATE bodies b SET organization_code = b.actor_code FROM actors a WHERE a.code = b.actor_code AND a.type = 'organization';
UPDATE bodies SET organization_code = 'NATO' WHERE id = 'us-president' AND organization_code IS NULL;
ALTER TABLE bodies ALTER COLUMN organization_code SET NOT NULL;
CREATE INDEX bodies_organization ON bodies (organization_code);
