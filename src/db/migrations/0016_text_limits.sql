-- Every text a person can send is limited in the API (and its OpenAPI document); the database
-- holds the same limits, so no other path (a script, a bug) stores more. NOT VALID: rows stored
-- before keep working; every new or changed row is checked.
ALTER TABLE sources
  ADD CONSTRAINT sources_title_length CHECK (length(title) <= 500) NOT VALID,
  ADD CONSTRAINT sources_publisher_length CHECK (length(publisher) <= 300) NOT VALID,
  ADD CONSTRAINT sources_url_length CHECK (length(url) <= 2000) NOT VALID,
  ADD CONSTRAINT sources_perspective_length CHECK (length(perspective) <= 1000) NOT VALID,
  ADD CONSTRAINT sources_file_length CHECK (length(file) <= 200) NOT VALID,
  ADD CONSTRAINT sources_citation_length CHECK (length(citation) <= 2000) NOT VALID,
  ADD CONSTRAINT sources_id_length CHECK (length(id) <= 100) NOT VALID;
ALTER TABLE relations
  ADD CONSTRAINT relations_note_length CHECK (length(note) <= 5000) NOT VALID,
  ADD CONSTRAINT relations_designation_length CHECK (length(designation) <= 100) NOT VALID;
ALTER TABLE claims
  ADD CONSTRAINT claims_quote_length CHECK (length(quote) <= 2000) NOT VALID,
  ADD CONSTRAINT claims_note_length CHECK (length(note) <= 2000) NOT VALID;
ALTER TABLE accounts
  ADD CONSTRAINT accounts_email_length CHECK (length(email) <= 254) NOT VALID,
  ADD CONSTRAINT accounts_display_name_length CHECK (length(display_name) <= 200) NOT VALID;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_name_length CHECK (length(name) <= 100) NOT VALID;
ALTER TABLE proposals
  ADD CONSTRAINT proposals_chair_length CHECK (length(chair) <= 200) NOT VALID,
  ADD CONSTRAINT proposals_outcome_explanation_length CHECK (length(outcome_explanation) <= 10000) NOT VALID;
ALTER TABLE proposal_rounds ADD CONSTRAINT proposal_rounds_text_length CHECK (length(text) <= 100000) NOT VALID;
ALTER TABLE proposal_attachments ADD CONSTRAINT proposal_attachments_media_type_length CHECK (length(media_type) <= 100) NOT VALID;
ALTER TABLE positions ADD CONSTRAINT positions_statement_length CHECK (length(statement) <= 20000) NOT VALID;
ALTER TABLE status_notices ADD CONSTRAINT status_notices_statement_length CHECK (length(statement) <= 20000) NOT VALID;
