-- Module event: themes (tags) of a day, for the catalogue's filters.
CREATE TABLE event_day_tag (
  event_day_id  BIGINT NOT NULL REFERENCES event_day (id) ON DELETE CASCADE,
  tag           TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 60),
  PRIMARY KEY (event_day_id, tag)
);
CREATE INDEX event_day_tag_tag_idx ON event_day_tag (lower(tag));
