-- Module event: a session (event_day, the unit of registration) has one or more days, each with its
-- date and hours, consecutive or not. Every existing session becomes a one-day session.
CREATE TABLE event_session_day (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  day_date      DATE NOT NULL,
  starts_at     TIME NOT NULL,
  ends_at       TIME NOT NULL,
  CHECK (ends_at > starts_at),
  UNIQUE (event_day_id, day_date)
);

INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
SELECT id, day_date, starts_at, ends_at FROM event_day ORDER BY id;

-- The first and last dates stay on the session for the catalogue (filter and sort by an index);
-- only org.rencontres.event.Days writes them, from event_session_day, in the same transaction.
DROP INDEX event_day_catalogue_idx;
ALTER TABLE event_day RENAME COLUMN day_date TO first_date;
ALTER TABLE event_day ADD COLUMN last_date DATE;
UPDATE event_day SET last_date = first_date;
ALTER TABLE event_day ALTER COLUMN last_date SET NOT NULL;
ALTER TABLE event_day DROP COLUMN starts_at;
ALTER TABLE event_day DROP COLUMN ends_at;
ALTER TABLE event_day ADD CHECK (last_date >= first_date);
CREATE INDEX event_day_catalogue_idx ON event_day (status, first_date);

-- Module programme: a slot belongs to one day of its session.
ALTER TABLE programme_slot ADD COLUMN session_day_id BIGINT REFERENCES event_session_day (id) ON DELETE CASCADE;
UPDATE programme_slot s SET session_day_id = d.id FROM event_session_day d WHERE d.event_day_id = s.event_day_id;
ALTER TABLE programme_slot ALTER COLUMN session_day_id SET NOT NULL;
DROP INDEX programme_slot_day_idx;
CREATE INDEX programme_slot_day_idx ON programme_slot (event_day_id, session_day_id, starts_at, position);

-- Module attendance: presence is per day of the session and half-day (no foreign key: modules own
-- their tables; the event module's SessionDayRemoved event deletes the rows of a removed day).
ALTER TABLE attendance ADD COLUMN session_day_id BIGINT;
UPDATE attendance a SET session_day_id = d.id FROM event_session_day d WHERE d.event_day_id = a.day_id;
ALTER TABLE attendance ALTER COLUMN session_day_id SET NOT NULL;
DROP INDEX attendance_registration_once;
DROP INDEX attendance_walk_in_once;
CREATE UNIQUE INDEX attendance_registration_once ON attendance (day_id, session_day_id, half_day, registration_id)
  WHERE registration_id IS NOT NULL;
CREATE UNIQUE INDEX attendance_walk_in_once ON attendance (day_id, session_day_id, half_day, walk_in_id)
  WHERE walk_in_id IS NOT NULL;

-- A certificate of several days lists every half-day attended ("2027-03-16 MORNING, ...").
ALTER TABLE attendance_certificate ALTER COLUMN half_days TYPE TEXT;
