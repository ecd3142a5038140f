-- What existed before labelled documents becomes labelled documents (issue 15): each proposal
-- attachment and each exchange return of an organisation's regime is kept, bound and signed, in
-- that organisation's library with its default label (src/services/documents/documents.ts,
-- labelExisting). The link says which document an attachment or a return became; the job below
-- does the labelling once for what is already here, and again whenever one is added.

ALTER TABLE proposal_attachments ADD COLUMN document_id bigint UNIQUE REFERENCES documents(id);
ALTER TABLE exchange_returns ADD COLUMN document_id bigint UNIQUE REFERENCES documents(id);

INSERT INTO jobs (kind, payload, run_at, unique_key)
VALUES ('documents.label-existing', '{}', clock_timestamp(), 'documents.label-existing')
ON CONFLICT (unique_key) DO NOTHING;
