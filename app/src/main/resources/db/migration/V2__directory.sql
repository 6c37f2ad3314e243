-- Module directory: organisations (collectivités and other bodies) and people reused across days.
CREATE TABLE organisation (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        TEXT NOT NULL,
  short_name  TEXT,
  kind        TEXT NOT NULL CHECK (kind IN ('COMMUNE', 'INTERCOMMUNALITE', 'DEPARTEMENT', 'REGION',
                                            'PUBLIC_BODY', 'ASSOCIATION', 'OTHER')),
  siren       TEXT CHECK (siren IS NULL OR siren ~ '^[0-9]{9}$'),
  street      TEXT,
  postcode    TEXT,
  city        TEXT,
  website     TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name));

CREATE TABLE person (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  given_name       TEXT NOT NULL,
  family_name      TEXT NOT NULL,
  job_title        TEXT,
  organisation_id  BIGINT REFERENCES organisation (id),
  email            TEXT,
  phone            TEXT,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX person_organisation_idx ON person (organisation_id);
CREATE UNIQUE INDEX person_email_key ON person (lower(email)) WHERE email IS NOT NULL;
