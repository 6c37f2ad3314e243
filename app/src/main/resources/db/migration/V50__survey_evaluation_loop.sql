-- Module survey: the evaluation loop (Qualiopi indicator 30). The questions of a session now belong to
-- one questionnaire (phase): HOT the end-of-day survey, COLD the follow-up weeks later, SERVICE the
-- employers' training services, TRAINER the speakers and facilitators.
ALTER TABLE survey_question ADD COLUMN phase varchar(10) NOT NULL DEFAULT 'HOT'
    CHECK (phase IN ('HOT', 'COLD', 'SERVICE', 'TRAINER'));
DROP INDEX survey_question_day;
CREATE INDEX survey_question_day ON survey_question (event_day_id, phase, position);

-- The delays of a session's loop, in days after its last day (defaults when no row).
CREATE TABLE survey_setting (
    event_day_id    bigint  PRIMARY KEY REFERENCES event_day (id) ON DELETE CASCADE,
    first_reminder  integer NOT NULL CHECK (first_reminder BETWEEN 1 AND 30),
    second_reminder integer NOT NULL CHECK (second_reminder BETWEEN 2 AND 60),
    follow_up       integer NOT NULL CHECK (follow_up BETWEEN 14 AND 365),
    CHECK (first_reminder < second_reminder AND second_reminder < follow_up)
);

-- Who is asked by a key of their own outside the hot survey: a present participant for the follow-up
-- (registration_id), a training service's address or a trainer (a person of the programme). One row per
-- questionnaire and address; the key (>= 120 bits) leads to /questionnaire/{token}.
CREATE TABLE survey_respondent (
    id              bigserial    PRIMARY KEY,
    event_day_id    bigint       NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    phase           varchar(10)  NOT NULL CHECK (phase IN ('COLD', 'SERVICE', 'TRAINER')),
    registration_id bigint       REFERENCES registration (id) ON DELETE CASCADE,
    email           varchar(320) NOT NULL,
    name            varchar(500) NOT NULL,
    token           varchar(64)  NOT NULL UNIQUE,
    invited_at      timestamptz  NOT NULL,
    UNIQUE (event_day_id, phase, email)
);

-- A response is now either a registration's hot answer or a respondent's answer (one each).
ALTER TABLE survey_response ALTER COLUMN registration_id DROP NOT NULL;
ALTER TABLE survey_response ADD COLUMN phase varchar(10) NOT NULL DEFAULT 'HOT';
ALTER TABLE survey_response ADD COLUMN respondent_id bigint UNIQUE REFERENCES survey_respondent (id) ON DELETE CASCADE;
ALTER TABLE survey_response ADD CONSTRAINT survey_response_one_author
    CHECK ((registration_id IS NULL) <> (respondent_id IS NULL));

-- Every reminder sent, the evidence that the loop was followed up: to whom (a registration for the hot
-- survey, a respondent for the follow-up), which one (rank 1 or 2) and when. Unique: never sent twice.
CREATE TABLE survey_reminder (
    id              bigserial   PRIMARY KEY,
    event_day_id    bigint      NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    phase           varchar(10) NOT NULL CHECK (phase IN ('HOT', 'COLD')),
    rank            integer     NOT NULL CHECK (rank IN (1, 2)),
    registration_id bigint      REFERENCES registration (id) ON DELETE CASCADE,
    respondent_id   bigint      REFERENCES survey_respondent (id) ON DELETE CASCADE,
    sent_at         timestamptz NOT NULL,
    CHECK ((registration_id IS NULL) <> (respondent_id IS NULL))
);
CREATE UNIQUE INDEX survey_reminder_registration ON survey_reminder (registration_id, phase, rank) WHERE registration_id IS NOT NULL;
CREATE UNIQUE INDEX survey_reminder_respondent ON survey_reminder (respondent_id, rank) WHERE respondent_id IS NOT NULL;
CREATE INDEX survey_reminder_day ON survey_reminder (event_day_id, phase, rank);
