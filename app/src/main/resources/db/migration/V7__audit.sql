-- Module audit: every change to a day, its programme or its resources. No foreign key to the day:
-- the trail outlives a deleted draft.
CREATE TABLE audit_entry (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day_id      BIGINT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  account_id  BIGINT,
  actor       TEXT NOT NULL,
  subject     TEXT NOT NULL,
  action      TEXT NOT NULL,
  details     TEXT
);
CREATE INDEX audit_entry_day_idx ON audit_entry (day_id, at DESC);
