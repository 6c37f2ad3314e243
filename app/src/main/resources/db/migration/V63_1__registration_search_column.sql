-- Issue 20: the queue's and the welcome desk's search over one session's requests (registration.QueuePages) read
-- the folded text from a stored column instead of computing unaccent per row. Every such search is within one
-- session: the trigram index of V60_2 over the whole table answered « grand » with 150,000 candidates at a million
-- registrations, to keep the 750 of the session; the session's rows through (event_day_id, state), their stored
-- text compared with LIKE, cost what the session holds, not what the table holds. The expression is
-- shared.FrenchSearch.folded(registration.QueuePages.SEARCHED); FrenchSearchColumnsTest checks that it still is.
ALTER TABLE registration
  ADD COLUMN searched text GENERATED ALWAYS AS (f_unaccent(lower(
      given_name || ' ' || surname || ' ' || given_name || ' ' || email || ' ' || coalesce(employer_name, ''))))
      STORED;

DROP INDEX registration_letters_idx;
