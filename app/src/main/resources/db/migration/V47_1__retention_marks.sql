-- Issue 17, retention: what the daily purge anonymised, so that it is not counted again. The rows stay (the
-- dashboard counts them); their personal fields are cleared (modules registration and attendance).
ALTER TABLE registration ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE attendance_walk_in ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE attendance ADD COLUMN signature_cleared_at TIMESTAMPTZ;
ALTER TABLE attendance_trainer_signature ADD COLUMN signature_cleared_at TIMESTAMPTZ;
-- Module audit: the platform's own entries (a retention setting changed, a purge run) concern no day and no
-- organisation.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_about_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_about_check
  CHECK (day_id IS NOT NULL OR organisation_id IS NOT NULL OR subject = 'privacy');
CREATE INDEX audit_entry_privacy_idx ON audit_entry (at DESC) WHERE subject = 'privacy';
