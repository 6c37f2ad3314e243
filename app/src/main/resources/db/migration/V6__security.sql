-- Module security: organiser and administrator accounts, and the one-time set-up link.
CREATE TABLE account (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email            TEXT NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  display_name     TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  password_hash    TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('ADMINISTRATOR', 'ORGANISER')),
  organising_unit  TEXT,
  enabled          BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts  INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_key ON account (lower(email));

-- Only the SHA-256 of a set-up token is kept: the link printed in the log is the only copy.
CREATE TABLE setup_token (
  token_hash   TEXT PRIMARY KEY,
  expires_at   TIMESTAMPTZ NOT NULL,
  used_at      TIMESTAMPTZ
);
