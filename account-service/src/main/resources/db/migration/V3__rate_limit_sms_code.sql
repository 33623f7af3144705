-- Request limits that hold across restarts and instances: one row per (scope, subject), counted and
-- checked by a single upsert. Days are Asia/Shanghai calendar days.
create table rate_limit (
    scope      varchar(40)  not null,
    subject    varchar(128) not null,
    day        date         not null,
    day_count  int          not null,
    last_at    timestamptz  not null,
    primary key (scope, subject)
);

-- SMS verification codes (ACC-6): phone and code only as keyed hashes; single use; a few tries at most.
create table sms_code (
    id               uuid         primary key,
    purpose          varchar(20)  not null,
    phone_hash       char(64)     not null,
    code_hash        char(64)     not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz,
    failed_attempts  int          not null default 0
);
create index sms_code_lookup on sms_code (phone_hash, purpose, created_at desc);
