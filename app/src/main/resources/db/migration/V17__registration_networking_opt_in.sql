-- Module registration: whether the agent wants to take part in the day's networking rotation
-- ("speed dating"), asked on the request form when the programme has a networking slot.
ALTER TABLE registration ADD COLUMN networking_opt_in BOOLEAN NOT NULL DEFAULT FALSE;
