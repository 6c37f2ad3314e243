-- Module document: an uploaded file waiting between its preview and its confirmation (the CSV/XLSX or
-- JSON imports), in the database rather than in one instance's memory, so that a preview made through
-- one instance is confirmed through another. One per signed-in session (its id's SHA-256: the id itself
-- is a bearer secret) and purpose, and only its account reads it; kept a short while.
CREATE TABLE pending_upload (
    token       TEXT PRIMARY KEY,
    purpose     TEXT        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 100),
    account_id  BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    session_key TEXT        NOT NULL,
    file_name   TEXT        NOT NULL,
    content     BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX pending_upload_owner_purpose ON pending_upload (account_id, session_key, purpose);
CREATE INDEX pending_upload_expires ON pending_upload (expires_at);
