-- Module directory: the training-service contacts of each organisation (one or more e-mail addresses).
CREATE TABLE organisation_training_contact (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  label            TEXT,
  email            TEXT NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  position         INT NOT NULL
);
CREATE UNIQUE INDEX organisation_training_contact_email_key
  ON organisation_training_contact (organisation_id, lower(email));

-- Searching the directory by name or city, whatever the case.
CREATE INDEX organisation_city_idx ON organisation (lower(city));
CREATE INDEX person_name_idx ON person (lower(family_name), lower(given_name));
