-- Satisfaction survey (évaluation à chaud): the questions of a day, a random key (>= 120 bits) per
-- registration leading to its form (/evaluation/{token}), and at most one response per registration.
CREATE TABLE survey_question (
    id           bigserial PRIMARY KEY,
    event_day_id bigint       NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    position     integer      NOT NULL,
    text         varchar(500) NOT NULL,
    kind         varchar(10)  NOT NULL CHECK (kind IN ('SCALE', 'CHOICE', 'TEXT')),
    options      text
);
CREATE INDEX survey_question_day ON survey_question (event_day_id, position);

CREATE TABLE survey_key (
    registration_id bigint      PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
    event_day_id    bigint      NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    token           varchar(64) NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_response (
    id              bigserial PRIMARY KEY,
    event_day_id    bigint      NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    registration_id bigint      NOT NULL UNIQUE REFERENCES registration (id) ON DELETE CASCADE,
    submitted_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_answer (
    response_id bigint  NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    question_id bigint  NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
    scale       integer CHECK (scale BETWEEN 1 AND 5),
    choice      varchar(500),
    text        text,
    PRIMARY KEY (response_id, question_id)
);
