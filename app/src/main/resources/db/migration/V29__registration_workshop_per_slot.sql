-- Module registration: a participant takes one workshop per workshop slot of the day (a morning
-- and an afternoon workshop, say), no longer one workshop for the whole day.

-- The workshops given to a registration (at most one per slot: the application sees to it, since a
-- workshop may be moved to another slot).
CREATE TABLE registration_workshop (
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  workshop_id      BIGINT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  PRIMARY KEY (registration_id, workshop_id)
);
CREATE INDEX registration_workshop_workshop_idx ON registration_workshop (workshop_id);
INSERT INTO registration_workshop (registration_id, workshop_id)
  SELECT id, workshop_id FROM registration WHERE workshop_id IS NOT NULL;
ALTER TABLE registration DROP COLUMN workshop_id;

-- The organiser's draft: one line per participant and workshop slot (workshop null: none there).
ALTER TABLE registration_allocation_assignment
  ADD COLUMN slot_id BIGINT REFERENCES programme_slot (id) ON DELETE CASCADE;
UPDATE registration_allocation_assignment a SET slot_id = w.slot_id FROM workshop w WHERE w.id = a.workshop_id;
UPDATE registration_allocation_assignment a SET slot_id = (
    SELECT min(w.slot_id) FROM workshop w WHERE w.event_day_id = a.event_day_id)
  WHERE slot_id IS NULL;
DELETE FROM registration_allocation_assignment WHERE slot_id IS NULL;
ALTER TABLE registration_allocation_assignment
  ALTER COLUMN slot_id SET NOT NULL,
  DROP CONSTRAINT registration_allocation_assignment_pkey,
  ADD PRIMARY KEY (registration_id, slot_id);
