-- The catalogue's and the organiser's search over sessions (event.DayCatalogue, event.Days): the words of the
-- title, subtitle, theme and session code in French, and the folded text for parts of words; the same expressions as
-- shared.FrenchSearch writes.
CREATE INDEX event_day_words_idx ON event_day USING gin
  (to_tsvector('french_unaccent', title || ' ' || coalesce(subtitle, '') || ' ' || coalesce(theme, '') || ' '
               || replace(session_code, ' ', '')));
CREATE INDEX event_day_letters_idx ON event_day USING gin
  (f_unaccent(lower(title || ' ' || coalesce(subtitle, '') || ' ' || coalesce(theme, '') || ' '
               || replace(session_code, ' ', ''))) gin_trgm_ops);
CREATE INDEX event_day_tag_words_idx ON event_day_tag USING gin (to_tsvector('french_unaccent', tag));
CREATE INDEX event_day_tag_letters_idx ON event_day_tag USING gin (f_unaccent(lower(tag)) gin_trgm_ops);
-- The organiser's home: a unit's sessions, upcoming first.
CREATE INDEX event_day_unit_idx ON event_day (lower(organising_unit), last_date);
CREATE INDEX event_day_dates_idx ON event_day (last_date, first_date);
