-- Issue 20: the queue's search (registration.QueuePages) and the attendance list's narrow read of a day's people
-- (registration.Registrations.peopleOfDay) read a session's rows from this index alone (an index-only scan, the
-- table vacuumed): the session's entries lie side by side in the index, where its rows in the table are spread
-- over as many pages as it has rows (5,000 heap buffers per search at the national volume).
CREATE INDEX registration_day_covering_idx ON registration (event_day_id, id)
  INCLUDE (state, employer_organisation_id, searched, surname, given_name, employer_name);
