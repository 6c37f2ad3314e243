-- Module audit: the trail also records the directory's changes, per organisation, with the values before
-- and after. An entry is about a day or about an organisation.
ALTER TABLE audit_entry ALTER COLUMN day_id DROP NOT NULL;
ALTER TABLE audit_entry ADD COLUMN organisation_id BIGINT;
ALTER TABLE audit_entry ADD COLUMN before_value TEXT;
ALTER TABLE audit_entry ADD COLUMN after_value TEXT;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_about_check CHECK (day_id IS NOT NULL OR organisation_id IS NOT NULL);
CREATE INDEX audit_entry_organisation_idx ON audit_entry (organisation_id, at DESC) WHERE organisation_id IS NOT NULL;
