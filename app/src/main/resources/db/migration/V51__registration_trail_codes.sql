-- Module registration: the verification codes of the approval-trail PDFs (issue 17, point 7). A code
-- (144 random bits, as an attendance certificate's) names one registration and the last step of its
-- trail when the PDF was made: the same trail always carries the same code, and the public
-- verification page shows the steps up to that one.
CREATE TABLE registration_trail_code (
  code                TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{24}$'),
  registration_id     BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  last_transition_id  BIGINT NOT NULL REFERENCES registration_transition (id) ON DELETE CASCADE,
  issued_at           TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (registration_id, last_transition_id)
);
