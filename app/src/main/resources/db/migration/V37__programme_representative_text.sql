-- Issue 15, point 7: what the programme prints after a person's name when they may send someone in
-- their place, in the organiser's own words (« ou sa représentante », « ou son représentant
-- désigné »), instead of a fixed « ou son représentant » ticked or not. NULL: nothing is printed.
-- Stored trimmed (the application strips every kind of space at both ends, so the check's \s can
-- only be stricter than what it writes), never empty, at most 80 characters (programme's
-- Representative.MAX_LENGTH, counted in characters as char_length counts them).
ALTER TABLE programme_slot_person ADD COLUMN representative_text TEXT
  CONSTRAINT programme_slot_person_representative_text_check
  CHECK (char_length(representative_text) BETWEEN 1 AND 80 AND representative_text !~ '^\s|\s$');

-- The ticked boxes keep the words they printed.
UPDATE programme_slot_person SET representative_text = 'ou son représentant' WHERE or_representative;

ALTER TABLE programme_slot_person DROP COLUMN or_representative;
