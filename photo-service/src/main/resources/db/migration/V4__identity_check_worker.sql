-- PHO-4: the worker claims PENDING checks whose time has come (for update skip locked, so several instances share
-- the work) by pushing next_attempt_at past a lease; a provider outage pushes it back further, a result ends it.
alter table identity_check add column next_attempt_at timestamptz not null default now();
alter table identity_check add column provider_calls int not null default 0;
-- a code only (PROVIDER_UNAVAILABLE, CIRCUIT_OPEN, ...), never anything the provider echoed back
alter table identity_check add column last_error varchar(60);

drop index identity_check_pending;
create index identity_check_due on identity_check (next_attempt_at) where status = 'PENDING';

-- PHO-5: after the third failed comparison (or when the provider has no reference photo) an operator decides,
-- looking at the submitted photo and the proof images the candidate uploads.
create table manual_review (
    id               uuid         primary key,
    candidate_id     uuid         not null,
    photo_id         uuid         not null references photo (id),
    status           varchar(20)  not null check (status in ('OPEN', 'APPROVED', 'REJECTED')),
    requested_reason varchar(40)  not null,
    decision_reason  varchar(500),
    decided_by       varchar(100),
    requested_at     timestamptz  not null,
    decided_at       timestamptz
);

-- at most one open review per candidate
create unique index manual_review_open on manual_review (candidate_id) where status = 'OPEN';
create index manual_review_by_status on manual_review (status, requested_at);

create table manual_review_proof (
    id            uuid         primary key,
    review_id     uuid         not null references manual_review (id),
    kind          varchar(30)  not null check (kind in ('ID_CARD_FRONT', 'ID_CARD_BACK', 'HOLDING_ID', 'OTHER')),
    object_key    varchar(200) not null unique,
    content_type  varchar(40)  not null,
    byte_size     bigint       not null check (byte_size > 0),
    uploaded_at   timestamptz  not null
);

create index manual_review_proof_by_review on manual_review_proof (review_id, uploaded_at);
