-- Module directory: the e-mail domains of each organisation (where its staff's addresses end), and the
-- changes an organiser asked for that wait for an administrator (point 4 of issue 13: the training-service
-- contacts and the identity of an organisation decide who approves registrations, for every unit).
CREATE TABLE organisation_email_domain (
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  domain           TEXT NOT NULL CHECK (domain = lower(domain) AND domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
  position         INT NOT NULL,
  PRIMARY KEY (organisation_id, domain)
);

-- No foreign key to the organisation: a decided change stays in the history after a deletion.
CREATE TABLE directory_change (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id  BIGINT NOT NULL,
  organisation_name TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('UPDATE', 'CONTACT_ADDED', 'CONTACT_REMOVED', 'DELETE')),
  -- UPDATE: the organisation form as asked (field names of the form).
  name             TEXT,
  short_name       TEXT,
  org_kind         TEXT,
  siren            TEXT,
  street           TEXT,
  postcode         TEXT,
  city             TEXT,
  website          TEXT,
  domains          TEXT,
  -- CONTACT_ADDED / CONTACT_REMOVED: the address (and the contact's id when removed).
  contact_id       BIGINT,
  contact_label    TEXT,
  contact_email    TEXT,
  before_text      TEXT,
  after_text       TEXT,
  requested_by     BIGINT,
  requester_name   TEXT NOT NULL,
  requester_email  TEXT,
  requested_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  status           TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
  decided_by       BIGINT,
  decider_name     TEXT,
  decided_at       TIMESTAMPTZ,
  reason           TEXT
);
CREATE INDEX directory_change_pending_idx ON directory_change (requested_at) WHERE status = 'PENDING';
CREATE INDEX directory_change_organisation_idx ON directory_change (organisation_id, requested_at);
