-- What a training body must publish about each action (Qualiopi, indicator 1): objectives,
-- prerequisites, methods, evaluation, duration, price and for whom it is free, accessibility and the
-- disability contact (référent handicap). One row per session that has any of it; a session without a
-- row shows nothing of it. hours is null when the duration follows the session's days.
CREATE TABLE event_day_public_info (
    event_day_id     BIGINT PRIMARY KEY REFERENCES event_day (id) ON DELETE CASCADE,
    objectives       TEXT CHECK (length(objectives) <= 20000),
    prerequisites    TEXT CHECK (length(prerequisites) <= 20000),
    methods          TEXT CHECK (length(methods) <= 20000),
    evaluation       TEXT CHECK (length(evaluation) <= 20000),
    hours            NUMERIC(6, 2) CHECK (hours > 0),
    price_euros      NUMERIC(10, 2) CHECK (price_euros >= 0),
    free             BOOLEAN NOT NULL DEFAULT FALSE,
    price_note       TEXT CHECK (length(price_note) <= 2000),
    accessibility    TEXT CHECK (length(accessibility) <= 20000),
    disability_name  TEXT CHECK (length(disability_name) <= 200),
    disability_email TEXT CHECK (length(disability_email) <= 254),
    disability_phone TEXT CHECK (length(disability_phone) <= 25)
);
