-- Module registration: the questions an organiser adds to a session's registration form (issue 16,
-- point 5), in the order they are asked, and each registration's answers. An answer is kept as the
-- texts given (a choice's label, "oui"/"non"), so that changing a question's choices later never
-- changes what someone answered. Removing a question removes its answers (the page asks first).
CREATE TABLE registration_question (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  position      INT NOT NULL CHECK (position > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('SHORT_TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO')),
  label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  help          TEXT CHECK (length(help) <= 1000),
  required      BOOLEAN NOT NULL DEFAULT FALSE,
  choices       TEXT[] NOT NULL DEFAULT '{}',
  CHECK ((kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')) = (cardinality(choices) > 0))
);
CREATE INDEX registration_question_day_idx ON registration_question (event_day_id, position);

CREATE TABLE registration_answer (
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  question_id      BIGINT NOT NULL REFERENCES registration_question (id) ON DELETE CASCADE,
  answer           TEXT[] NOT NULL CHECK (cardinality(answer) > 0),
  PRIMARY KEY (registration_id, question_id)
);
CREATE INDEX registration_answer_question_idx ON registration_answer (question_id);
