-- PHO-4: one comparison per submitted photo. PENDING until the provider answers (核验中); a provider outage
-- leaves it PENDING, never failed, and the worker retries it when the provider is back.
create table identity_check (
    id            uuid        primary key,
    candidate_id  uuid        not null,
    photo_id      uuid        not null unique references photo (id),
    status        varchar(20) not null check (status in ('PENDING', 'MATCHED', 'MISMATCHED', 'NO_REFERENCE')),
    attempt       int         not null,
    created_at    timestamptz not null,
    decided_at    timestamptz
);

create index identity_check_pending on identity_check (created_at) where status = 'PENDING';
create index identity_check_by_candidate on identity_check (candidate_id, created_at desc);
