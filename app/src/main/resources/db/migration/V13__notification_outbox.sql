-- Module notification: the outbox of e-mails. A row is written in the transaction of the change that
-- causes the e-mail and sent later by the sender worker (claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE notification_outbox (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedup_key        TEXT UNIQUE,
  recipient        TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text_body        TEXT NOT NULL,
  html_body        TEXT,
  status           TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  sent_at          TIMESTAMPTZ,
  last_error       TEXT
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at, id) WHERE status = 'PENDING';

CREATE TABLE notification_attachment (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id     BIGINT NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
  position      INT NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  content       BYTEA NOT NULL
);
CREATE INDEX notification_attachment_outbox_idx ON notification_attachment (outbox_id, position);
