-- Module networking: each participant of a rotation gets an unguessable key (122 random bits) for
-- the address of their personal page and the QR code of their route card.
ALTER TABLE networking_participant
  ADD COLUMN public_key TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX networking_participant_public_key ON networking_participant (public_key);
