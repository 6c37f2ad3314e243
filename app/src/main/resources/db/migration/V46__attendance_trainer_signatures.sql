-- Module attendance: trainers (the speakers, moderators and hosts of the programme's slots) sign the
-- attendance sheet per half-day too, at the welcome desk or from their own link. person_id is the
-- directory's person (no foreign key: modules own their tables).
CREATE TABLE attendance_trainer_signature (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day_id          BIGINT NOT NULL,
  session_day_id  BIGINT NOT NULL,
  half_day        TEXT NOT NULL CHECK (half_day IN ('MORNING', 'AFTERNOON')),
  person_id       BIGINT NOT NULL,
  -- The name as it was when they signed (the directory may change afterwards; the sheet is a proof).
  name            TEXT NOT NULL,
  signature       BYTEA NOT NULL,
  signed_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  -- 'DESK' (an organiser held the tablet, recorded_by says who) or 'LINK' (their own signed link).
  via             TEXT NOT NULL CHECK (via IN ('DESK', 'LINK')),
  recorded_by     TEXT,
  UNIQUE (day_id, session_day_id, half_day, person_id)
);

-- A trainer's personal link to sign: bound to one person and one session, valid until the session's end.
-- Only the SHA-256 of its key is kept, so a copy of the database gives no usable link.
CREATE TABLE attendance_trainer_link (
  key_sha256  TEXT PRIMARY KEY,
  day_id      BIGINT NOT NULL,
  person_id   BIGINT NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX attendance_trainer_link_day_idx ON attendance_trainer_link (day_id, person_id);
