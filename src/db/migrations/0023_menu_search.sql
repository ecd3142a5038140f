-- The partnership menu's search (src/db/repositories/menu.ts): an item's code, provider, titles
-- and descriptions are searched in all four languages at once, each with its own stemming
-- (English, Spanish, Portuguese, French), ignoring case and accents (search_fold, 0020):
-- "ciberdefensa", "défense", "segurança" find what they mean, ranked. Words typed in part
-- ("ciberdef") fall back to a substring match over the folded titles, code and provider.
-- Both are expressions indexed below, so the table keeps no copy of its own text.

CREATE FUNCTION menu_search_document(
  code text, provider text,
  title_en text, title_es text, title_pt text, title_fr text,
  description_en text, description_es text, description_pt text, description_fr text
) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('simple'::regconfig, public.search_fold(coalesce(code, '') || ' ' || coalesce(provider, ''))), 'B')
    || setweight(to_tsvector('english'::regconfig, public.search_fold(coalesce(title_en, ''))), 'A')
    || setweight(to_tsvector('spanish'::regconfig, public.search_fold(coalesce(title_es, ''))), 'A')
    || setweight(to_tsvector('portuguese'::regconfig, public.search_fold(coalesce(title_pt, ''))), 'A')
    || setweight(to_tsvector('french'::regconfig, public.search_fold(coalesce(title_fr, ''))), 'A')
    || setweight(to_tsvector('english'::regconfig, public.search_fold(coalesce(description_en, ''))), 'C')
    || setweight(to_tsvector('spanish'::regconfig, public.search_fold(coalesce(description_es, ''))), 'C')
    || setweight(to_tsvector('portuguese'::regconfig, public.search_fold(coalesce(description_pt, ''))), 'C')
    || setweight(to_tsvector('french'::regconfig, public.search_fold(coalesce(description_fr, ''))), 'C') $$;

-- A query in every language: the words stemmed as each language would, any one matching.
CREATE FUNCTION menu_search_query(text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT websearch_to_tsquery('english'::regconfig, public.search_fold($1))
      || websearch_to_tsquery('spanish'::regconfig, public.search_fold($1))
      || websearch_to_tsquery('portuguese'::regconfig, public.search_fold($1))
      || websearch_to_tsquery('french'::regconfig, public.search_fold($1))
      || websearch_to_tsquery('simple'::regconfig, public.search_fold($1)) $$;

-- The folded text a substring search looks through.
CREATE FUNCTION menu_search_text(
  code text, provider text, title_en text, title_es text, title_pt text, title_fr text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.search_fold(concat_ws(' ', code, provider, title_en, title_es, title_pt, title_fr)) $$;

CREATE INDEX menu_items_search ON menu_items USING gin (menu_search_document(
  code, provider, title_en, title_es, title_pt, title_fr,
  description_en, description_es, description_pt, description_fr));
CREATE INDEX menu_items_search_text ON menu_items USING gin (
  menu_search_text(code, provider, title_en, title_es, title_pt, title_fr) gin_trgm_ops);
