-- What the library's access rule (readableBy, src/db/repositories/documents.ts) is answered
-- through (bench/documents.ts measures it). A library is listed newest change first, a page at a
-- time; a reader who may see little of it (a state outside the groups most labels release to)
-- would otherwise be walked through every document to find a page, or find none.

-- Whoever may read a version is inside some value of its first permissive category (or the label
-- has none): the rule tests that on its own, and these answer it. The statistics gathered on the
-- expression also tell the planner how many versions a reader's values reach, so it walks the
-- library in order for a reader who sees much of it and gathers the few for one who sees little.
CREATE INDEX document_versions_first_permissive ON document_versions USING gin ((permissive -> 0));
CREATE INDEX document_versions_no_permissive ON document_versions (document_id, version)
  WHERE jsonb_array_length(permissive) = 0;

-- The columns the rule reads, beside the key the library joins on: counting what a reader may see,
-- or walking the library for a page, reads this index and not the versions' wide rows (titles,
-- label XML, binding, search vector).
CREATE INDEX document_versions_rule ON document_versions (document_id, version)
  INCLUDE (policy_id, classification_rank, restrictive, permissive);

-- A search's words in every language, as menu_search_query (0023) reads them, each language's
-- reading once: a word most languages stem alike ("cyber") would otherwise stand five times in
-- the query, and the planner, adding their chances up, would expect five times the documents it
-- finds. Expecting hundreds where there are none, it walked the whole library newest first
-- looking for a page of a word no document holds. The same documents match.
CREATE FUNCTION document_search_query(text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(
      (SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery
       FROM unnest(ARRAY[websearch_to_tsquery('english'::regconfig, public.search_fold($1)),
                         websearch_to_tsquery('spanish'::regconfig, public.search_fold($1)),
                         websearch_to_tsquery('portuguese'::regconfig, public.search_fold($1)),
                         websearch_to_tsquery('french'::regconfig, public.search_fold($1)),
                         websearch_to_tsquery('simple'::regconfig, public.search_fold($1))]) AS q
       WHERE numnode(q) > 0),
      public.menu_search_query($1)) $$;
