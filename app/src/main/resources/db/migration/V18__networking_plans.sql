-- Module networking: the set-up, participants and plan of a rotation ("speed dating").

-- How the rotation runs: rotation and changeover lengths, the organiser's number of rounds (null:
-- as many as fit in the slot) and the two rules.
ALTER TABLE networking_session
  ADD COLUMN rotation_minutes        INT CHECK (rotation_minutes > 0),
  ADD COLUMN changeover_minutes      INT NOT NULL DEFAULT 2 CHECK (changeover_minutes >= 0),
  ADD COLUMN rounds_chosen           INT CHECK (rounds_chosen > 0),
  ADD COLUMN table_once              BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN separate_organisations  BOOLEAN NOT NULL DEFAULT FALSE;

-- A table of the room, held by a host (a person of the directory, name kept as chosen) on one theme.
CREATE TABLE networking_table (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id      BIGINT NOT NULL REFERENCES networking_session (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  place           TEXT,
  capacity        INT NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  host_person_id  BIGINT,
  host_name       TEXT,
  theme           TEXT,
  position        INT NOT NULL,
  UNIQUE (session_id, name)
);

-- Who takes part: typed by hand, or imported from a confirmed registration (its id kept).
CREATE TABLE networking_participant (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id       BIGINT NOT NULL REFERENCES networking_session (id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  organisation     TEXT,
  registration_id  BIGINT,
  UNIQUE (session_id, registration_id)
);

-- The session's plan: its state (generation runs in the background, on any instance), its
-- quality and its publication. "generation" numbers the runs: a run stores its result only while
-- it is still the latest one.
CREATE TABLE networking_plan (
  session_id              BIGINT PRIMARY KEY REFERENCES networking_session (id) ON DELETE CASCADE,
  state                   TEXT NOT NULL CHECK (state IN ('NONE', 'GENERATING', 'DONE', 'FAILED')),
  generation              INT NOT NULL DEFAULT 0,
  message                 TEXT,
  requested_by_account    BIGINT,
  requested_by            TEXT,
  started_at              TIMESTAMPTZ,
  finished_at             TIMESTAMPTZ,
  rounds                  INT,
  hard_violations         INT,
  repeat_pairs            BIGINT,
  lower_bound_repeat_pairs BIGINT,
  max_meetings            INT,
  distinct_met_min        INT,
  distinct_met_mean       DOUBLE PRECISION,
  upper_bound_distinct_met INT,
  elapsed_millis          BIGINT,
  published_at            TIMESTAMPTZ,
  published_by            TEXT
);

-- The plan itself: who sits at which table in each round (rounds numbered from 0).
CREATE TABLE networking_seat (
  session_id      BIGINT NOT NULL REFERENCES networking_session (id) ON DELETE CASCADE,
  round           INT NOT NULL CHECK (round >= 0),
  table_id        BIGINT NOT NULL REFERENCES networking_table (id) ON DELETE CASCADE,
  participant_id  BIGINT NOT NULL REFERENCES networking_participant (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, round, participant_id)
);
CREATE INDEX networking_seat_table ON networking_seat (table_id);
CREATE INDEX networking_seat_participant ON networking_seat (participant_id);
