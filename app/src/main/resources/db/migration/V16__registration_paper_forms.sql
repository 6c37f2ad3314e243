-- Module registration: the signed paper registration forms (bulletins d'inscription) that organisers
-- record. A request is a paper one exactly when it has a row here; the scan is kept in the database
-- like the day's files, so every instance serves it and backups hold it.
CREATE TABLE registration_paper_form (
  registration_id  BIGINT PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
  file_name        TEXT NOT NULL CHECK (btrim(file_name) <> ''),
  content_type     TEXT NOT NULL,
  size             BIGINT NOT NULL CHECK (size > 0 AND size <= 10485760),
  content          BYTEA NOT NULL,
  received_on      DATE NOT NULL,
  recorded_by      TEXT NOT NULL CHECK (btrim(recorded_by) <> ''),
  recorded_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
