-- Public submissions per agent e-mail address, for the per-address limit of the public forms
-- (registration module, Attempts): colleagues who share one public IP address are told apart by
-- their e-mail, and one e-mail address cannot be used to flood. Only a SHA-256 of the lower-cased
-- address is kept, and only for the counting window.
CREATE TABLE registration_email_attempt (
  email_hash TEXT NOT NULL,
  at         TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX registration_email_attempt_idx ON registration_email_attempt (email_hash, at);
CREATE INDEX registration_email_attempt_at_idx ON registration_email_attempt (at);
CREATE INDEX registration_attempt_at_idx ON registration_attempt (at);
