-- Attendance certificates (attestations de présence): one per registration present at least one
-- half-day, with the hours and half-days stated on it, and a random code (>= 120 bits) that both
-- verifies it (/attestations/verifier/{code}) and downloads it (/attestations/{code}.pdf).
CREATE TABLE attendance_certificate (
    id              bigserial PRIMARY KEY,
    event_day_id    bigint       NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    registration_id bigint       NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    code            varchar(64)  NOT NULL UNIQUE,
    hours           numeric(5,2) NOT NULL CHECK (hours > 0),
    half_days       varchar(40)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    emailed_at      timestamptz,
    UNIQUE (event_day_id, registration_id)
);

-- A bulk generation of a day's certificates and its progress (state RUNNING, DONE or FAILED).
CREATE TABLE attendance_certificate_job (
    id           bigserial PRIMARY KEY,
    event_day_id bigint       NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
    state        varchar(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    total        integer      NOT NULL DEFAULT 0,
    done         integer      NOT NULL DEFAULT 0,
    started_by   varchar(200) NOT NULL,
    started_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    error        text
);
-- At most one running generation per day, whatever the number of instances.
CREATE UNIQUE INDEX attendance_certificate_job_running ON attendance_certificate_job (event_day_id) WHERE state = 'RUNNING';
CREATE INDEX attendance_certificate_job_day ON attendance_certificate_job (event_day_id, id);
