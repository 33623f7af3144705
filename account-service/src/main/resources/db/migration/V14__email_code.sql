-- ACC-7 找回密码 by e-mail (SST-1): six-digit codes mailed to the account's address (EmailRequested), like the SMS codes
-- (ACC-6): the code and the address only as keyed hashes; single use; five minutes; a few tries at most. A code is
-- the account's: it works for that account only, and only while the address it went to is still the account's.
create table email_code (
    id               uuid         primary key,
    purpose          varchar(20)  not null,
    bureau_code      varchar(8)   not null,
    account_id       uuid         not null references candidate_account (id),
    email_hash       char(64)     not null,
    code_hash        char(64)     not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz,
    failed_attempts  int          not null default 0
);
create index email_code_lookup on email_code (account_id, purpose, created_at desc);
