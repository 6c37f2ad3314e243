-- Module networking: the live run of a rotation's published plan (the conductor screen's clock).
-- One row per networking session; every control locks it (SELECT … FOR UPDATE) and bumps version.
-- Times are the database's, so every application instance computes the same remaining seconds.
CREATE TABLE networking_live (
  session_id          BIGINT PRIMARY KEY REFERENCES networking_session (id) ON DELETE CASCADE,
  event_day_id        BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  plan                JSONB NOT NULL,
  round_count         INT NOT NULL CHECK (round_count >= 0),
  round_seconds       INT NOT NULL CHECK (round_seconds > 0),
  changeover_seconds  INT NOT NULL CHECK (changeover_seconds >= 0),
  status              TEXT NOT NULL CHECK (status IN ('NOT_STARTED', 'RUNNING', 'PAUSED', 'FINISHED')),
  phase               TEXT NOT NULL CHECK (phase IN ('ROUND', 'CHANGEOVER')),
  round               INT NOT NULL,
  -- RUNNING: when the current phase ends; PAUSED: what was left of it.
  phase_ends_at       TIMESTAMPTZ,
  remaining_ms        BIGINT,
  version             BIGINT NOT NULL DEFAULT 1,
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  CHECK (status <> 'RUNNING' OR phase_ends_at IS NOT NULL),
  CHECK (status <> 'PAUSED' OR remaining_ms IS NOT NULL)
);
CREATE INDEX networking_live_day ON networking_live (event_day_id);
