-- Module security: sign-in throttling by (account, address), by address and by account; the addresses
-- an account has signed in from; one-time password-reset links; a credentials version that ends every
-- session of an account when its password changes.

-- The per-account counter of V6 locked the account for everyone, from anywhere: replaced by sign_in_throttle.
ALTER TABLE account DROP COLUMN failed_attempts, DROP COLUMN locked_until;
ALTER TABLE account ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;

-- One counter of failed sign-ins per scope and key, within a window; locked_until set once the limit
-- is reached. scope 'pair': key = e-mail typed + ' ' + address; 'address': key = address;
-- 'account': key = e-mail typed (known or not, so that the answers do not tell which accounts exist).
CREATE TABLE sign_in_throttle (
  scope              TEXT NOT NULL CHECK (scope IN ('pair', 'address', 'account')),
  key                TEXT NOT NULL,
  failures           INT NOT NULL,
  window_started_at  TIMESTAMPTZ NOT NULL,
  locked_until       TIMESTAMPTZ,
  PRIMARY KEY (scope, key)
);
CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_started_at);

-- Addresses an account signed in from with its password: they stay open while the account is under attack.
CREATE TABLE sign_in_known_address (
  account_id       BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  address          TEXT NOT NULL,
  last_success_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (account_id, address)
);

-- Only the SHA-256 of a reset token is kept: the e-mailed link is the only copy.
CREATE TABLE password_reset_token (
  token_hash  TEXT PRIMARY KEY,
  account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ
);
CREATE INDEX password_reset_token_account ON password_reset_token (account_id);
