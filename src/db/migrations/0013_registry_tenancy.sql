-- Several organisations share one Concord; none may change another's part of the registry.
--
-- 1. Two roles. A registry curator records research data: relations towards an organisation
--    with no secretariat in Concord, and designations of states without a deciding body here.
--    A system auditor reads the whole audit log; only the command line makes one.
ALTER TYPE account_role ADD VALUE IF NOT EXISTS 'registry-curator';
ALTER TYPE account_role ADD VALUE IF NOT EXISTS 'system-auditor';

-- 2. Whose process recorded each relation: the organisation whose secretariat, decision or
--    notice wrote it, or NULL for Concord's own data (the starter data set, imports, the
--    operator's command line). The members fixed when a proposal opens come only from the
--    organisation's own records and Concord's own data, never from another organisation's or a
--    curator's.
ALTER TABLE relations ADD COLUMN recorded_by text REFERENCES actors(code);

-- Relations recorded before this column: by a decision (its source is decision-<id>) ...
UPDATE relations r SET recorded_by = b.organization_code
FROM claims c JOIN proposals p ON c.source_id = 'decision-' || p.id JOIN bodies b ON b.id = p.body_id
WHERE c.relation_id = r.id AND r.recorded_by IS NULL;
-- ... by a notice taking effect ...
UPDATE relations r SET recorded_by = n.organization_code
FROM claims c JOIN status_notices n ON n.source_id = c.source_id
WHERE c.relation_id = r.id AND r.recorded_by IS NULL;
-- ... or by a person, as the audit log records who created it.
UPDATE relations r SET recorded_by = a.organization_code
FROM audit_log l JOIN accounts a ON a.id::text = l.actor
WHERE l.action = 'relation.create' AND l.object_type = 'relation' AND l.object_id = r.id::text AND r.recorded_by IS NULL;
