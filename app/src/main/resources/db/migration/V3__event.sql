-- Module event: a day (journée d'actualité), its venue, contacts, partners and resources.
CREATE TABLE event_day (
  id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_code                TEXT NOT NULL CHECK (session_code ~ '^[A-Za-z0-9]+( [A-Za-z0-9]+)*$'),
  title                       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  subtitle                    TEXT,
  theme                       TEXT,
  day_date                    DATE NOT NULL,
  starts_at                   TIME NOT NULL,
  ends_at                     TIME NOT NULL,
  time_zone                   TEXT NOT NULL DEFAULT 'Europe/Paris',
  status                      TEXT NOT NULL DEFAULT 'DRAFT'
                                CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'ARCHIVED')),
  cancellation_message        TEXT,
  context                     TEXT,
  audience                    TEXT,
  registration_instructions   TEXT,
  registration_url            TEXT,
  programme_provisional       BOOLEAN NOT NULL DEFAULT TRUE,
  organiser_id                BIGINT REFERENCES organisation (id),
  organising_unit             TEXT,
  version                     INT NOT NULL DEFAULT 0,
  created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
-- The session code is unique whatever its spacing and case: 'Z20IN 001' is /journees/Z20IN001.
CREATE UNIQUE INDEX event_day_session_code_key ON event_day (upper(replace(session_code, ' ', '')));
CREATE INDEX event_day_catalogue_idx ON event_day (status, day_date);

CREATE TABLE event_venue (
  event_day_id   BIGINT PRIMARY KEY REFERENCES event_day (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  building       TEXT,
  street         TEXT NOT NULL,
  postcode       TEXT NOT NULL,
  city           TEXT NOT NULL,
  postal_address TEXT,
  latitude       NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude      NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  access_notes   TEXT
);

CREATE TABLE event_partner (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id     BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id),
  contribution     TEXT,
  position         INT NOT NULL,
  UNIQUE (event_day_id, organisation_id)
);

CREATE TABLE event_contact (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id   BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  purpose        TEXT NOT NULL CHECK (purpose IN ('PROGRAMME', 'REGISTRATION')),
  name           TEXT NOT NULL,
  role           TEXT,
  organisation   TEXT,
  phone          TEXT,
  email          TEXT,
  position       INT NOT NULL
);
CREATE INDEX event_contact_day_idx ON event_contact (event_day_id);

CREATE TABLE event_resource (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id   BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('COMMUNITY_LINK', 'DOCUMENT', 'BROCHURE', 'REGISTRATION_FORM', 'LINK')),
  title          TEXT NOT NULL,
  description    TEXT,
  url            TEXT,
  stored_file    TEXT,
  position       INT NOT NULL,
  CHECK (url IS NOT NULL OR stored_file IS NOT NULL)
);
CREATE INDEX event_resource_day_idx ON event_resource (event_day_id);
