-- Issue 18 point 5: single sign-on refusals and sign-ins are audited; they concern no day and no
-- organisation, like the privacy entries.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_about_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_about_check
  CHECK (day_id IS NOT NULL OR organisation_id IS NOT NULL OR subject IN ('privacy', 'sign-in'));
