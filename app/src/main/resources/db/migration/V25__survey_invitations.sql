-- Module survey: the e-mail inviting each confirmed agent to give their opinion, sent once after the day.
CREATE TABLE survey_invitation (
  registration_id  BIGINT PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
  event_day_id     BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  sent_at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
