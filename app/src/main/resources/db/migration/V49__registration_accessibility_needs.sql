-- Module registration: the accessibility needs an agent declares with a request (Qualiopi indicator 26).
-- Health data (GDPR art. 9): kept apart from the registration's row, given only with the agent's explicit
-- consent (consent_at), read only by the session's organisers and its disability contact (référent
-- handicap), never exported with the session.
CREATE TABLE registration_needs (
  registration_id  BIGINT PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
  event_day_id     BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  mobility         BOOLEAN NOT NULL DEFAULT FALSE,
  hearing          BOOLEAN NOT NULL DEFAULT FALSE,
  sight            BOOLEAN NOT NULL DEFAULT FALSE,
  other            BOOLEAN NOT NULL DEFAULT FALSE,
  details          TEXT CHECK (length(details) <= 2000),
  consent_at       TIMESTAMPTZ NOT NULL,
  -- What the organisers and the référent agreed to do, and where it stands.
  arrangement      TEXT CHECK (length(arrangement) <= 2000),
  state            TEXT NOT NULL DEFAULT 'TO_STUDY'
                     CHECK (state IN ('TO_STUDY', 'AGREED', 'IN_PLACE', 'IMPOSSIBLE')),
  reason           TEXT CHECK (length(reason) <= 2000),
  updated_by       TEXT,
  updated_at       TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  CHECK (mobility OR hearing OR sight OR other OR btrim(coalesce(details, '')) <> ''),
  CHECK (state <> 'IMPOSSIBLE' OR btrim(coalesce(reason, '')) <> '')
);
CREATE INDEX registration_needs_day_idx ON registration_needs (event_day_id);

-- The référent handicap's link to a session's needs: bound to that session, valid until its end. Only
-- the SHA-256 of its key is kept.
CREATE TABLE registration_needs_link (
  key_sha256    TEXT PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  recipient     TEXT NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
