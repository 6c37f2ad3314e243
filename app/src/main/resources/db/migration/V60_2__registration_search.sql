-- The queue's and the welcome desk's search over a session's requests (registration.RegistrationQueries): a part
-- of the name (either order), of the e-mail or of the employer, without case nor accents.
CREATE INDEX registration_letters_idx ON registration USING gin
  (f_unaccent(lower(given_name || ' ' || surname || ' ' || given_name || ' ' || email || ' '
                    || coalesce(employer_name, ''))) gin_trgm_ops);
