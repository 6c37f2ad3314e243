-- Module programme: a version per slot, so that two organisers editing the same slot at once
-- cannot silently overwrite each other's changes (optimistic locking in the programme editor).
ALTER TABLE programme_slot ADD COLUMN version INT NOT NULL DEFAULT 0;
