-- Module security: organisers' personal access tokens for the organiser API (issue 18 point 2).
-- Only the SHA-256 of a token is kept: the page that created it showed the only copy.
-- rate_window/rate_count count the token's requests in the current minute, on the token's row, so that the
-- limit holds across instances (one row update under its lock per request).
CREATE TABLE api_token (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  scope         TEXT NOT NULL CHECK (scope IN ('READ', 'WRITE')),
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at    TIMESTAMPTZ NOT NULL,
  last_used_at  TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ,
  revoked_by    TEXT,
  rate_window   TIMESTAMPTZ,
  rate_count    INT NOT NULL DEFAULT 0
);
CREATE INDEX api_token_account ON api_token (account_id);
