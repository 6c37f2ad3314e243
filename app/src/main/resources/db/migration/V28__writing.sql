-- Collective writing (module writing): shared documents of workshops and small groups, stored as
-- the Yjs updates their editors send (compacted now and then into one snapshot).

-- A split of the present participants into small groups ("échanges en petits groupes").
CREATE TABLE writing_group_set (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  slot_id       BIGINT REFERENCES programme_slot (id) ON DELETE CASCADE,
  title         TEXT NOT NULL CHECK (btrim(title) <> ''),
  group_size    INT NOT NULL CHECK (group_size BETWEEN 2 AND 50),
  template      TEXT NOT NULL CHECK (template IN ('BLANK', 'STATE_OF_THE_ART', 'BRIGHT_MIRROR')),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE writing_group (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_set_id  BIGINT NOT NULL REFERENCES writing_group_set (id) ON DELETE CASCADE,
  number        INT NOT NULL CHECK (number > 0),
  UNIQUE (group_set_id, number)
);

CREATE TABLE writing_group_member (
  group_id         BIGINT NOT NULL REFERENCES writing_group (id) ON DELETE CASCADE,
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, registration_id)
);

CREATE TABLE writing_document (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  workshop_id   BIGINT UNIQUE REFERENCES workshop (id) ON DELETE CASCADE,
  group_id      BIGINT UNIQUE REFERENCES writing_group (id) ON DELETE CASCADE,
  title         TEXT NOT NULL CHECK (btrim(title) <> ''),
  template      TEXT NOT NULL CHECK (template IN ('BLANK', 'STATE_OF_THE_ART', 'BRIGHT_MIRROR')),
  -- who holds it may read (projector, shared link); 128 random bits, base64url
  read_key      TEXT NOT NULL UNIQUE,
  -- the number of the last stored update; taken under the row's lock, so numbers follow commit order
  last_seq      BIGINT NOT NULL DEFAULT 0,
  closed_at     TIMESTAMPTZ,
  -- the text as HTML, sent by the editors' browsers a few seconds after each change (exports)
  content_html  TEXT,
  content_at    TIMESTAMPTZ,
  published_at  TIMESTAMPTZ,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (workshop_id IS NULL OR group_id IS NULL)
);
CREATE INDEX writing_document_day ON writing_document (event_day_id);

-- Every Yjs update, in order; a snapshot replaces the updates up to its seq.
CREATE TABLE writing_update (
  document_id  BIGINT NOT NULL REFERENCES writing_document (id) ON DELETE CASCADE,
  seq          BIGINT NOT NULL,
  data         BYTEA NOT NULL,
  snapshot     BOOLEAN NOT NULL DEFAULT false,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, seq)
);

-- A participant's key to a document (from the agent's space); 128 random bits, base64url.
CREATE TABLE writing_access (
  access_key       TEXT PRIMARY KEY,
  document_id      BIGINT NOT NULL REFERENCES writing_document (id) ON DELETE CASCADE,
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  UNIQUE (document_id, registration_id)
);
