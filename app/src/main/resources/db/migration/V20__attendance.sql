-- Module attendance: who came to a day, per half-day (the welcome desk's check-ins and the
-- organisers' corrections). A row of attendance means "present for that half-day"; there is none for
-- an absent person. No foreign keys to other modules' tables (modules own their tables).

-- Per-day settings of the welcome desk: when the afternoon starts (13:00 unless changed).
CREATE TABLE attendance_setting (
  day_id            BIGINT PRIMARY KEY,
  afternoon_starts  TIME NOT NULL
);

-- People who came without a registration, added at the desk (flagged on every list).
CREATE TABLE attendance_walk_in (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day_id        BIGINT NOT NULL,
  surname       TEXT NOT NULL,
  given_name    TEXT NOT NULL,
  organisation  TEXT,
  email         TEXT,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  created_by    TEXT NOT NULL
);
CREATE INDEX attendance_walk_in_day_idx ON attendance_walk_in (day_id);

CREATE TABLE attendance (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day_id           BIGINT NOT NULL,
  half_day         TEXT NOT NULL CHECK (half_day IN ('MORNING', 'AFTERNOON')),
  registration_id  BIGINT,
  walk_in_id       BIGINT REFERENCES attendance_walk_in (id) ON DELETE CASCADE,
  present_at       TIMESTAMPTZ NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  recorded_by      TEXT NOT NULL,
  -- The reason given when an organiser marked the person present afterwards (else null).
  correction       TEXT,
  signature        BYTEA,
  signed_at        TIMESTAMPTZ,
  -- The desk's idempotency key (a UUID made by the browser): a check-in sent again is not doubled.
  client_key       UUID UNIQUE,
  CHECK ((registration_id IS NULL) <> (walk_in_id IS NULL)),
  CHECK ((signature IS NULL) = (signed_at IS NULL))
);
-- Several desks at once never count a person twice for a half-day.
CREATE UNIQUE INDEX attendance_registration_once ON attendance (day_id, half_day, registration_id)
  WHERE registration_id IS NOT NULL;
CREATE UNIQUE INDEX attendance_walk_in_once ON attendance (day_id, half_day, walk_in_id)
  WHERE walk_in_id IS NOT NULL;
