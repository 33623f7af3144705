-- API-2: partner webhooks (org.baokao.enrollment.webhook, docs/PARTNER-API.md). A partner (its Keycloak client id)
-- subscribes endpoints to event types of its bureau; each matching event becomes one delivery per subscription, sent
-- by DeliveryWorker, retried with backoff, in order per candidate, dead after the last try.

-- Per partner: the key of its pseudonymous candidate references (HMAC of the candidate id), random, sealed like
-- personal data (libs/personal-data), made with the partner's first subscription. Another partner's references
-- never match this one's.
create table webhook_partner (
    client_id          varchar(100) primary key,
    candidate_key_id   varchar(32)  not null,
    candidate_key      bytea        not null,
    created_at         timestamptz  not null
);

create table webhook_subscription (
    id                 uuid          primary key,
    client_id          varchar(100)  not null references webhook_partner (client_id),
    -- the partner's bureau when it subscribed: only this bureau's events are delivered
    bureau             varchar(8)    not null,
    url                varchar(2000) not null,
    -- event type names (WebhookEventType), e.g. {enrollment.completed,payment.succeeded}
    events             text[]        not null check (cardinality(events) > 0),
    -- the signing secret, sealed; shown to the partner once, at creation or rotation
    secret_key_id      varchar(32)   not null,
    secret             bytea         not null,
    -- the secret before the last rotation, still signing (a second v1) until previous_secret_until
    previous_secret_key_id varchar(32),
    previous_secret    bytea,
    previous_secret_until  timestamptz,
    created_at         timestamptz   not null,
    rotated_at         timestamptz,
    check ((previous_secret is null) = (previous_secret_until is null))
);

create index webhook_subscription_partner on webhook_subscription (client_id, created_at);
create index webhook_subscription_bureau on webhook_subscription (bureau);

-- One event for one subscription. seq orders a subscription's deliveries of one candidate (creation order): the
-- worker sends none while an earlier one of the same candidate is PENDING. The body is the exact JSON sent (no
-- personal data: see WebhookPayloads); every attempt signs it anew with its own timestamp.
create table webhook_delivery (
    id                 uuid         primary key,
    seq                bigint       generated always as identity unique,
    subscription_id    uuid         not null references webhook_subscription (id) on delete cascade,
    client_id          varchar(100) not null,
    bureau             varchar(8)   not null,
    event_id           uuid         not null,
    event_type         varchar(64)  not null,
    -- the ordering key; never shown (the partner gets its pseudonymous reference in the body)
    candidate_id       uuid         not null,
    body               text         not null,
    status             varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    -- every attempt ever made, and the failures since it was last queued (the retry schedule's position)
    attempts           integer      not null default 0,
    failures_in_row    integer      not null default 0,
    -- when a PENDING delivery is due; while one instance sends it, the end of that instance's lease
    next_attempt_at    timestamptz,
    -- the claim of the instance sending it now: only that instance records the outcome
    lease_token        uuid,
    last_attempt_at    timestamptz,
    last_status_code   integer,
    last_error         varchar(300),
    delivered_at       timestamptz,
    dead_at            timestamptz,
    redelivered_at     timestamptz,
    created_at         timestamptz  not null,
    constraint webhook_delivery_once unique (event_id, subscription_id)
);

-- the worker's question: which PENDING ones are due, and is an earlier one of the same candidate still PENDING
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_candidate_pending on webhook_delivery (subscription_id, candidate_id, seq)
    where status = 'PENDING';
-- listings: a partner's (its API) and a bureau's (the console), newest first
create index webhook_delivery_partner on webhook_delivery (client_id, seq desc);
create index webhook_delivery_bureau on webhook_delivery (bureau, seq desc);

create table webhook_attempt (
    id                 bigint       generated always as identity primary key,
    delivery_id        uuid         not null references webhook_delivery (id) on delete cascade,
    attempted_at       timestamptz  not null,
    -- the endpoint's HTTP status, null when none came (refused, closed, timed out)
    status_code        integer,
    error              varchar(300),
    duration_ms        integer      not null,
    succeeded          boolean      not null
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
