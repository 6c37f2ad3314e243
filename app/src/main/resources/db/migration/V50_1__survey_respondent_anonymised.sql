-- Module survey: when the retention purge anonymised a questionnaire's respondent (issue 17, retention).
ALTER TABLE survey_respondent ADD COLUMN anonymised_at timestamptz;
