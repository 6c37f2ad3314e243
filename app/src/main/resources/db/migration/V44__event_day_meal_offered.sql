-- Whether the session offers a meal to its participants: when it does not (lunch « libre, non pris en
-- charge »), the registration form does not ask for dietary needs. Existing sessions offered one.
ALTER TABLE event_day ADD COLUMN meal_offered BOOLEAN NOT NULL DEFAULT TRUE;
