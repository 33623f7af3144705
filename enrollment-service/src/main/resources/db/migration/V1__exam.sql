-- An exam as operators configure it (ENR-1). Times are UTC; the UI shows Asia/Shanghai.
create table exam (
    id                      uuid primary key,
    code                    varchar(64)  not null unique,
    name                    varchar(200) not null,
    kind                    varchar(32)  not null check (kind in ('UNIFIED_UPGRADE', 'SELF_STUDY')),
    registration_opens_at   timestamptz  not null,
    registration_closes_at  timestamptz  not null,
    payment_opens_at        timestamptz  not null,
    payment_closes_at       timestamptz  not null,
    created_at              timestamptz  not null default now(),
    check (registration_opens_at < registration_closes_at),
    check (payment_opens_at < payment_closes_at)
);
