-- Module privacy: the agents' requests to erase their personal data (GDPR article 17) and what became
-- of them. The address is kept after the erasure: the request and its outcome are the proof that the
-- right was answered (article 5(2)). day_ids are the sessions where the address had a registration
-- when it asked: their organisers see and handle the request.
CREATE TABLE privacy_erasure_request (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email            TEXT NOT NULL CHECK (btrim(email) <> ''),
  registration_id  BIGINT NOT NULL,
  day_ids          BIGINT[] NOT NULL CHECK (cardinality(day_ids) > 0),
  language         TEXT NOT NULL DEFAULT 'fr',
  requested_at     TIMESTAMPTZ NOT NULL,
  reason           TEXT CHECK (length(reason) <= 2000),
  state            TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'ERASED', 'REFUSED')),
  handled_by       TEXT,
  handled_by_account BIGINT,
  handled_at       TIMESTAMPTZ,
  -- what was erased and what was kept and why (lines of text, as e-mailed to the agent), or the refusal's reason
  outcome          TEXT,
  CHECK ((state = 'PENDING') = (handled_at IS NULL)),
  CHECK (state = 'PENDING' OR btrim(coalesce(outcome, '')) <> '')
);
-- One pending request per address: asking again while one waits adds nothing.
CREATE UNIQUE INDEX privacy_erasure_request_one_pending ON privacy_erasure_request (lower(btrim(email)))
  WHERE state = 'PENDING';
CREATE INDEX privacy_erasure_request_state_idx ON privacy_erasure_request (state, requested_at);
