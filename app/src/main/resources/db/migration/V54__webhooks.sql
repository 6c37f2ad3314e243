-- Webhooks (module webhooks): an organising unit's subscriptions and the outbox of their deliveries.
CREATE TABLE webhook_subscription (
    id              bigserial PRIMARY KEY,
    organising_unit text        NOT NULL,
    url             text        NOT NULL CHECK (length(url) <= 2000),
    event_types     text[]      NOT NULL,
    -- The signing secret ("whsec_" + base64 of 32 random bytes): kept readable because signing needs it.
    secret          text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    created_by      bigint,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_unit ON webhook_subscription (lower(organising_unit));

-- One row per subscription and event, written in the event's transaction; a worker posts it with retries.
CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    subscription_id bigint      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id      text        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_response   integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id DESC);
