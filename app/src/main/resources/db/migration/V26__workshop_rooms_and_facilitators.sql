-- Module workshops: the room of a workshop and its facilitators (animateurs). A facilitator's
-- access_key (128 random bits, base64url) lets the collective-writing pages find them without an account.
ALTER TABLE workshop ADD COLUMN room TEXT;

CREATE TABLE workshop_facilitator (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workshop_id  BIGINT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(btrim(name)) > 0),
  email        TEXT NOT NULL,
  access_key   TEXT NOT NULL UNIQUE CHECK (length(access_key) >= 22),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX workshop_facilitator_workshop_idx ON workshop_facilitator (workshop_id);
