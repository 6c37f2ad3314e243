-- Module writing: the half-day whose attendance a split of small groups was made from, so that people
-- marked present later can be added to its groups. Splits made before: unknown (null), taken from
-- their slot's time, else the morning.
ALTER TABLE writing_group_set ADD COLUMN half_day TEXT CHECK (half_day IN ('MORNING', 'AFTERNOON'));
