-- Module networking: the rotation ("speed dating") of a programme slot and its themes.
CREATE TABLE networking_session (
  id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id              BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  slot_id                   BIGINT NOT NULL UNIQUE REFERENCES programme_slot (id) ON DELETE CASCADE,
  title                     TEXT NOT NULL,
  description               TEXT,
  group_size                INT NOT NULL CHECK (group_size BETWEEN 2 AND 30),
  rotation_min_minutes      INT NOT NULL CHECK (rotation_min_minutes > 0),
  rotation_max_minutes      INT NOT NULL,
  themes_provisional        BOOLEAN NOT NULL DEFAULT FALSE,
  CHECK (rotation_max_minutes >= rotation_min_minutes)
);

CREATE TABLE networking_theme (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id  BIGINT NOT NULL REFERENCES networking_session (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  position    INT NOT NULL
);

-- Module workshops: parallel workshops of a slot, with their collective-writing method.
CREATE TABLE workshop (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id      BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  slot_id           BIGINT NOT NULL REFERENCES programme_slot (id) ON DELETE CASCADE,
  number            INT NOT NULL CHECK (number > 0),
  title             TEXT NOT NULL,
  description       TEXT,
  writing_template  TEXT CHECK (writing_template IN ('STATE_OF_THE_ART', 'BRIGHT_MIRROR')),
  capacity          INT CHECK (capacity > 0),
  UNIQUE (event_day_id, number)
);
