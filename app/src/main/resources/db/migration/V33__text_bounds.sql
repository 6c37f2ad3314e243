-- Every text column that had no bound gets one (issue 13, point 7): a form field that slips past
-- the application's checks is refused here, and the refusal becomes a 400 page (web's
-- DatabaseRefusals), never an index row too large or a table that can no longer be read.
--
-- Bounds by kind of column: long texts typed by organisers or agents (context, descriptions,
-- reasons, needs, answers) 20 000 characters, the application's cap on any form field (web's
-- InputFilter); addresses of web pages 2 000; everything else (names, titles, e-mail addresses,
-- codes, keys) 1 000. Left unbounded: what the application writes itself and may be large (e-mail
-- bodies of the outbox, serialized events, the scheduler's data, error reports, the audit trail
-- with its before and after values, a directory change's before and after texts, the writing's
-- exported HTML and Yjs updates, which are bytea anyway). Tables made by later migrations bound
-- their own columns.
--
-- NOT VALID: the bound holds for every row written from now on; an instance whose old rows exceed
-- it still migrates (VALIDATE CONSTRAINT can be run once they are shortened).
DO $$
DECLARE
  col record;
  bound integer;
BEGIN
  FOR col IN
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema()
       AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying')
       AND c.character_maximum_length IS NULL
       AND c.table_name NOT IN ('flyway_schema_history', 'event_publication', 'event_publication_archive',
                                'scheduled_tasks', 'notification_outbox', 'notification_attachment',
                                'writing_update', 'audit_entry')
       AND (c.table_name, c.column_name) NOT IN (('writing_document', 'content_html'),
                                                  ('networking_plan', 'message'),
                                                  ('attendance_certificate_job', 'error'),
                                                  ('directory_change', 'before_text'),
                                                  ('directory_change', 'after_text'))
     ORDER BY c.table_name, c.column_name
  LOOP
    bound := CASE
      WHEN col.column_name IN ('context', 'audience', 'registration_instructions', 'access_notes',
                               'cancellation_message', 'description', 'contribution', 'reason', 'correction',
                               'dietary_needs', 'accessibility_needs', 'text', 'options') THEN 20000
      WHEN col.column_name IN ('url', 'registration_url', 'website') THEN 2000
      ELSE 1000
    END;
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (char_length(%I) <= %s) NOT VALID',
                   col.table_name, left(col.table_name, 30) || '_' || left(col.column_name, 24) || '_bound',
                   col.column_name, bound);
  END LOOP;
END
$$;

-- The session code is the day's address (event's SessionCode.MAX_LENGTH).
ALTER TABLE event_day ADD CONSTRAINT event_day_session_code_length CHECK (char_length(session_code) <= 40) NOT VALID;
