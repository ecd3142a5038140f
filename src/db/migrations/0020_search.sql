-- The search box (src/db/repositories/search.ts): names, codes and titles are matched ignoring
-- case and accents ("Colômbia", "colombia", "COLOMBIA" are one), by substring, in every language.
-- Both extensions ship with PostgreSQL (and with the embedded one) and are trusted.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); an index needs an IMMUTABLE function,
-- so the folding names its dictionary explicitly. Folded text is what every search compares.
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The tables that grow with use (proposals, sources) get trigram indexes, so that a substring
-- search stays an index scan; actors and frameworks are a few hundred rows.
CREATE INDEX proposals_title_search ON proposals USING gin (search_fold(title) gin_trgm_ops);
CREATE INDEX sources_title_search ON sources USING gin (search_fold(title) gin_trgm_ops);
CREATE INDEX sources_publisher_search ON sources USING gin (search_fold(publisher) gin_trgm_ops);
