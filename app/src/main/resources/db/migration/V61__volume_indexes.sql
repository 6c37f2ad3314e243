-- Indexes for a national body's volume (issue 20, point 3): the dashboard's counts and the exports
-- read a session's rows through these instead of a scan of the whole table.

-- attendance: its unique indexes are partial (registration_id / walk_in_id IS NOT NULL), so a query on
-- a session's presences alone (the dashboard's counts per half-day, the exports' columns) could use
-- neither.
CREATE INDEX attendance_day_half_idx ON attendance (day_id, session_day_id, half_day);

-- registration: the exports read a session's registrations by name through a cursor; this index gives
-- them in that order, so the first lines leave before the last is read, without a sort of the session.
CREATE INDEX registration_day_name_idx ON registration
  (event_day_id, (lower(surname) COLLATE "C"), (lower(given_name) COLLATE "C"), id);

-- survey: the dashboard counts a question's answers by note or by choice (GROUP BY); there was no index
-- on the question (the primary key starts with the response).
CREATE INDEX survey_answer_question_idx ON survey_answer (question_id);

-- registration_transition: the dashboard's funnel reads each registration's few transitions (from, to,
-- in the approver's place) from the index alone, so its cost follows the session, not the whole table.
CREATE INDEX registration_transition_states_idx ON registration_transition (registration_id)
  INCLUDE (from_state, to_state, in_place);
