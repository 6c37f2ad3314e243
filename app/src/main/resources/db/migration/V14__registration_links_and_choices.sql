-- Module registration: opening dates, the agents' language, ranked workshop choices, the signed
-- links that let agents, line managers and training services act without an account, and the
-- record of public form submissions used to limit them per address.

ALTER TABLE registration_capacity
  ADD COLUMN opens_at  TIMESTAMPTZ,
  ADD COLUMN closes_at TIMESTAMPTZ,
  ADD CONSTRAINT registration_capacity_dates CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at);

ALTER TABLE registration
  ADD COLUMN language      TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  -- the training service's address when it registered the agent itself
  ADD COLUMN registered_by TEXT,
  -- the workshop given on confirmation (the best-ranked choice with a free seat)
  ADD COLUMN workshop_id   BIGINT REFERENCES workshop (id) ON DELETE SET NULL,
  ADD COLUMN reminded_at   TIMESTAMPTZ;

CREATE TABLE registration_workshop_choice (
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  rank             INT NOT NULL CHECK (rank > 0),
  workshop_id      BIGINT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  PRIMARY KEY (registration_id, rank),
  UNIQUE (registration_id, workshop_id)
);
CREATE INDEX registration_workshop_idx ON registration (workshop_id) WHERE workshop_id IS NOT NULL;

-- A link sent by e-mail. Only the SHA-256 of its random part is stored; the link also carries an
-- HMAC of that part and its purpose, checked before any look-up. Step links (MANAGER,
-- TRAINING_SERVICE) are single-use; space links (AGENT_SPACE, SERVICE_SPACE) serve until they expire.
CREATE TABLE registration_link (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  purpose           TEXT NOT NULL CHECK (purpose IN ('MANAGER', 'TRAINING_SERVICE', 'AGENT_SPACE', 'SERVICE_SPACE')),
  token_hash        BYTEA NOT NULL UNIQUE,
  registration_id   BIGINT REFERENCES registration (id) ON DELETE CASCADE,
  organisation_id   BIGINT REFERENCES organisation (id) ON DELETE CASCADE,
  recipient         TEXT NOT NULL,
  expires_at        TIMESTAMPTZ NOT NULL,
  used_at           TIMESTAMPTZ,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  CHECK (purpose = 'SERVICE_SPACE' OR registration_id IS NOT NULL),
  CHECK (purpose <> 'SERVICE_SPACE' OR organisation_id IS NOT NULL)
);
CREATE INDEX registration_link_registration_idx ON registration_link (registration_id);

-- The key that signs links and check-in codes, made once by the first instance that starts
-- (unless rencontres.registration.secret is set); every instance reads the same one.
CREATE TABLE registration_secret (
  id      INT PRIMARY KEY CHECK (id = 1),
  secret  BYTEA NOT NULL CHECK (octet_length(secret) >= 32)
);

-- Public submissions (request form, link requests) per client address, for the rate limit.
CREATE TABLE registration_attempt (
  address  TEXT NOT NULL,
  at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX registration_attempt_idx ON registration_attempt (address, at);
