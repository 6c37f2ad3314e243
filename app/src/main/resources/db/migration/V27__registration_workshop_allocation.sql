-- Module registration: the organiser's allocation of the day's CONFIRMED participants to its
-- workshops. A DRAFT is computed (optimal, by the planner library) and adjusted by hand; publishing
-- it writes registration.workshop_id for everyone in it; it can be unpublished (back to DRAFT).
CREATE TABLE registration_allocation (
  event_day_id  BIGINT PRIMARY KEY REFERENCES event_day (id) ON DELETE CASCADE,
  state         TEXT NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
  computed_at   TIMESTAMPTZ NOT NULL,
  published_at  TIMESTAMPTZ,
  CHECK ((state = 'PUBLISHED') = (published_at IS NOT NULL))
);

-- One line per participant of the draft: the workshop given (null: none, no seat left).
CREATE TABLE registration_allocation_assignment (
  registration_id  BIGINT PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
  event_day_id     BIGINT NOT NULL REFERENCES registration_allocation (event_day_id) ON DELETE CASCADE,
  workshop_id      BIGINT REFERENCES workshop (id) ON DELETE SET NULL,
  moved_by_hand    BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX registration_allocation_assignment_day_idx ON registration_allocation_assignment (event_day_id);
