-- Module programme: typed time slots, parallel tracks, the people of each slot and its topics.
CREATE TABLE programme_slot (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id         BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  starts_at            TIME NOT NULL,
  ends_at              TIME NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('WELCOME', 'SPEECH', 'TALK', 'INTERACTION', 'SHARING',
                                                     'MEAL', 'NETWORKING', 'WORKSHOP', 'CLOSING', 'END')),
  format_label         TEXT,
  title                TEXT NOT NULL,
  description          TEXT,
  track                TEXT,
  position             INT NOT NULL,
  provisional          BOOLEAN NOT NULL DEFAULT FALSE,
  topics_provisional   BOOLEAN NOT NULL DEFAULT FALSE,
  CHECK (ends_at >= starts_at)
);
CREATE INDEX programme_slot_day_idx ON programme_slot (event_day_id, starts_at, position);

CREATE TABLE programme_slot_person (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slot_id             BIGINT NOT NULL REFERENCES programme_slot (id) ON DELETE CASCADE,
  person_id           BIGINT NOT NULL REFERENCES person (id),
  role                TEXT NOT NULL CHECK (role IN ('SPEAKER', 'MODERATOR', 'HOST')),
  description         TEXT,
  organisation_id     BIGINT REFERENCES organisation (id),
  or_representative   BOOLEAN NOT NULL DEFAULT FALSE,
  position            INT NOT NULL,
  UNIQUE (slot_id, person_id, role)
);

CREATE TABLE programme_topic (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slot_id   BIGINT NOT NULL REFERENCES programme_slot (id) ON DELETE CASCADE,
  title     TEXT NOT NULL,
  position  INT NOT NULL
);
