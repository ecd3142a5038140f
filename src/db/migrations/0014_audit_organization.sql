-- Each audit entry names the organisation whose part of Concord it belongs to: the acting
-- account's, or the organisation whose process Concord carried out (a decision of its body, a
-- notice to it). An organisation's administrators read its entries only; a system auditor reads
-- all. NULL: Concord's own (the starter data, the command line), and entries written before this
-- column, which an administrator sees when their actor is an account of the organisation.
--
-- The organisation is part of what an entry's hash covers when it has one (src/domain/audit.ts);
-- entries without one hash as they always did, so the chain written before still verifies. The
-- column is added, never filled in: the log is append-only (0003).
ALTER TABLE audit_log ADD COLUMN organization text CHECK (organization ~ '^[A-Z][A-Z0-9]{1,15}$');
CREATE INDEX audit_log_organization ON audit_log (organization, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, id DESC);
