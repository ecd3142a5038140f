-- Where in a source a claim is found (a page, a paragraph, an article), and an archive
-- reference for a source that has no URL or whose URL may vanish (a library shelf mark, a
-- treaty series volume, a web archive address). Both limited, as every stored text is.
ALTER TABLE sources
  ADD COLUMN archive text CHECK (archive <> ''),
  ADD CONSTRAINT sources_archive_length CHECK (length(archive) <= 500);
ALTER TABLE claims
  ADD COLUMN locator text CHECK (locator <> ''),
  ADD CONSTRAINT claims_locator_length CHECK (length(locator) <= 200);
