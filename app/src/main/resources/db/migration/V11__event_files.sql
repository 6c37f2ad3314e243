-- Module event: uploaded files of a day's resources, kept in the database so that every instance
-- serves them; and who may see each resource.
CREATE TABLE event_file (
  id            UUID PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256        TEXT NOT NULL,
  content       BYTEA NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX event_file_day_idx ON event_file (event_day_id);

ALTER TABLE event_resource ADD COLUMN visibility TEXT NOT NULL DEFAULT 'PUBLIC'
  CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS'));
