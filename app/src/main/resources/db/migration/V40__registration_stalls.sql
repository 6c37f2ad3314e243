-- Module registration: nothing stalls unseen (issue 16, point 2).

-- A decision that the organiser took in the place of the line manager or of the training service:
-- credited to the organiser (agent's e-mail, audit, dashboard funnel), not to the approver.
ALTER TABLE registration_transition ADD COLUMN in_place BOOLEAN NOT NULL DEFAULT false;

-- The automatic reminder of an approver who has not answered: one per registration and step, never twice.
CREATE TABLE registration_approver_reminder (
  registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  step             TEXT NOT NULL CHECK (step IN ('AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE')),
  reminded_at      TIMESTAMPTZ NOT NULL,
  recipients       INTEGER NOT NULL,
  PRIMARY KEY (registration_id, step)
);

-- The organisers' daily digest: at most one per account and (Paris) date; the last one bounds the next.
CREATE TABLE registration_digest (
  account_id   BIGINT NOT NULL,
  digest_date  DATE NOT NULL,
  sent_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (account_id, digest_date)
);
