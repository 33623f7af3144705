-- Image captchas: only a hash of the answer is kept, and each captcha answers one attempt (right or wrong).
create table captcha (
    id           uuid         primary key,
    answer_hash  char(64)     not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    used_at      timestamptz
);
create index captcha_expired on captcha (expires_at);
