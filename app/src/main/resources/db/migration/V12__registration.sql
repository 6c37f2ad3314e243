-- Module registration: agents' requests for a day, their approval chain, the day's seats and its
-- waiting list.

-- The seats of a day. Every change of a registration of the day locks this row first (SELECT ... FOR
-- UPDATE), so that seats are counted and taken one transaction at a time, whatever the number of
-- application instances.
CREATE TABLE registration_capacity (
  event_day_id            BIGINT PRIMARY KEY REFERENCES event_day (id) ON DELETE CASCADE,
  seats                   INT NOT NULL CHECK (seats > 0),
  offer_hours             INT NOT NULL DEFAULT 48 CHECK (offer_hours > 0),
  manager_opinion_asked   BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE registration (
  id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id              BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  surname                   TEXT NOT NULL CHECK (btrim(surname) <> ''),
  given_name                TEXT NOT NULL CHECK (btrim(given_name) <> ''),
  email                     TEXT NOT NULL CHECK (btrim(email) <> ''),
  phone                     TEXT NOT NULL,
  position_service          TEXT NOT NULL,
  employer_organisation_id  BIGINT REFERENCES organisation (id) ON DELETE SET NULL,
  employer_name             TEXT,
  line_manager_email        TEXT,
  dietary_needs             TEXT,
  accessibility_needs       TEXT,
  consent_at                TIMESTAMPTZ NOT NULL,
  state                     TEXT NOT NULL CHECK (state IN ('REQUESTED', 'AWAITING_MANAGER',
                              'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER', 'CONFIRMED', 'WAITING_LIST',
                              'OFFERED', 'REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED')),
  waiting_position          INT CHECK (waiting_position > 0),
  offer_deadline            TIMESTAMPTZ,
  version                   INT NOT NULL DEFAULT 0,
  created_at                TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  CHECK (employer_organisation_id IS NOT NULL OR btrim(coalesce(employer_name, '')) <> ''),
  CHECK (state <> 'WAITING_LIST' OR waiting_position IS NOT NULL),
  CHECK (state <> 'OFFERED' OR offer_deadline IS NOT NULL)
);

-- One live request per agent and day; a refused, withdrawn, cancelled or expired one does not count.
CREATE UNIQUE INDEX registration_one_live_per_agent ON registration (event_day_id, lower(btrim(email)))
  WHERE state NOT IN ('REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED');
CREATE INDEX registration_day_state_idx ON registration (event_day_id, state);
CREATE INDEX registration_offer_deadline_idx ON registration (offer_deadline) WHERE state = 'OFFERED';

-- Every change of state: who, when and why. from_state is null for the request itself; a move
-- within the waiting list (an organiser's promotion) goes from WAITING_LIST to WAITING_LIST.
CREATE TABLE registration_transition (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  from_state       TEXT,
  to_state         TEXT NOT NULL,
  at               TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  actor            TEXT NOT NULL CHECK (btrim(actor) <> ''),
  reason           TEXT,
  CHECK (to_state <> 'REFUSED' OR btrim(coalesce(reason, '')) <> '')
);
CREATE INDEX registration_transition_registration_idx ON registration_transition (registration_id, id);
