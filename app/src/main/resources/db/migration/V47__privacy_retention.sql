-- Module privacy: the retention period of each kind of personal data, as an administrator set it (a kind
-- absent here keeps its module's default), and the controller's identity for the record of processing
-- activities and the privacy notice (one row).
CREATE TABLE privacy_retention_period (
  kind        TEXT PRIMARY KEY CHECK (length(btrim(kind)) BETWEEN 1 AND 100),
  months      INT NOT NULL CHECK (months BETWEEN 1 AND 240),
  changed_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  changed_by  TEXT NOT NULL CHECK (length(changed_by) <= 1000)
);

CREATE TABLE privacy_controller (
  id          INT PRIMARY KEY CHECK (id = 1),
  body_name   TEXT NOT NULL CHECK (length(body_name) <= 300),
  address     TEXT NOT NULL CHECK (length(address) <= 1000),
  dpo_email   TEXT NOT NULL CHECK (length(dpo_email) <= 320),
  changed_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  changed_by  TEXT NOT NULL CHECK (length(changed_by) <= 1000)
);
