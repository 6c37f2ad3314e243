-- Issue 20: the catalogue's and the organiser's search over sessions (event.DayCatalogue, event.OrganiserDays) read
-- the searched text's two forms from stored columns, computed once per write, instead of computing them for every
-- candidate row of every search (the index recheck, the relevance ranking): at 20,000 sessions a common word
-- (« numérique », a session in five) made each search compute to_tsvector and unaccent thousands of times.
-- The expressions are those shared.FrenchSearch writes for event.OrganiserDays.SEARCHED
-- (document(...) and folded(...)); FrenchSearchColumnsTest checks that they still are.
ALTER TABLE event_day
  ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('french_unaccent',
      title || ' ' || coalesce(subtitle, '') || ' ' || coalesce(theme, '') || ' ' || replace(session_code, ' ', '')))
      STORED,
  ADD COLUMN search_letters text GENERATED ALWAYS AS (f_unaccent(lower(
      title || ' ' || coalesce(subtitle, '') || ' ' || coalesce(theme, '') || ' ' || replace(session_code, ' ', ''))))
      STORED;

-- The same indexes as V60_1's, on the stored columns.
DROP INDEX event_day_words_idx;
DROP INDEX event_day_letters_idx;
CREATE INDEX event_day_search_words_idx ON event_day USING gin (search_words);
CREATE INDEX event_day_search_letters_idx ON event_day USING gin (search_letters gin_trgm_ops);
