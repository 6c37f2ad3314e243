-- Module notification: the session an e-mail belongs to (issue 16, point 3), so that a session's
-- organisers can read every message queued for it on its e-mail log page. NULL for the messages
-- that belong to no session (password resets, directory changes, a training service's space link).
-- No foreign key: the outbox is a base module and knows sessions by their id only; a deleted
-- session's messages stay readable by nobody until the outbox's own retention removes them.
ALTER TABLE notification_outbox ADD COLUMN event_day_id BIGINT;
CREATE INDEX notification_outbox_day_idx ON notification_outbox (event_day_id, id) WHERE event_day_id IS NOT NULL;
