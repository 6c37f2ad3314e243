-- The SEQUENCE of a session's calendar files (RFC 5545): raised on each change that its registrants are told
-- of (a cancellation, a day added, moved, re-timed or removed, a new venue), so that calendars replace the
-- event they hold instead of keeping both.
ALTER TABLE event_day ADD COLUMN calendar_sequence INT NOT NULL DEFAULT 0;
