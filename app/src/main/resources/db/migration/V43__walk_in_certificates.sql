-- Walk-ins who gave an e-mail address at the desk get an attendance certificate too, like the
-- registrations present: a certificate is for a registration or for a walk-in, never both.
ALTER TABLE attendance_certificate ALTER COLUMN registration_id DROP NOT NULL;
ALTER TABLE attendance_certificate
    ADD COLUMN walk_in_id BIGINT REFERENCES attendance_walk_in (id) ON DELETE CASCADE;
ALTER TABLE attendance_certificate
    ADD CONSTRAINT attendance_certificate_one_holder CHECK ((registration_id IS NULL) <> (walk_in_id IS NULL));
-- One certificate per walk-in and day, as per registration (the UNIQUE (event_day_id, registration_id)).
CREATE UNIQUE INDEX attendance_certificate_walk_in_once ON attendance_certificate (event_day_id, walk_in_id)
    WHERE walk_in_id IS NOT NULL;
