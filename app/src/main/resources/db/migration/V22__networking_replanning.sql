-- Module networking: re-planning on the day. Who is present in which rounds (rounds numbered from
-- 0, as in networking_seat): arrives_round is the first round a late arrival attends (null: from the
-- start), leaves_round the first round someone who left misses (null: stays to the end). A re-plan
-- that changes someone's route flags their printed card to be printed again, until the organiser
-- marks it reprinted.
ALTER TABLE networking_participant
  ADD COLUMN arrives_round INT CHECK (arrives_round >= 0),
  ADD COLUMN leaves_round  INT CHECK (leaves_round >= 0),
  ADD COLUMN reprint       BOOLEAN NOT NULL DEFAULT FALSE;
