-- The directory's search (directory.OrganisationCatalogue, PeopleCatalogue): parts of names, without case nor accents.
CREATE INDEX organisation_letters_idx ON organisation USING gin
  (f_unaccent(lower(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(city, ''))) gin_trgm_ops);
CREATE INDEX person_letters_idx ON person USING gin
  (f_unaccent(lower(given_name || ' ' || family_name || ' ' || given_name || ' ' || coalesce(email, ''))) gin_trgm_ops);
