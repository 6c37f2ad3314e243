-- Issue 20 point 2: searches in French (shared.FrenchSearch). Both extensions ship with PostgreSQL's contrib
-- (and with the embedded PostgreSQL); on an external server the role must be allowed to create them, or an
-- administrator creates them first (docs/operations.md).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change): an index needs an IMMUTABLE wrapper that names the
-- dictionary and the function's schema, so that it does not depend on the search_path.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- French words without their accents: « Collectivités » and « collectivites » both become « collectiv ».
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
  END IF;
END
$$;
