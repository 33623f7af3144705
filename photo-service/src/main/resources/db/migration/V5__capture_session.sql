-- PHO-1: the desktop opens a capture session and shows a QR code of a single-use link; the phone uploads through it.
-- Only the SHA-256 of the link's random token is kept: a database read does not give working links.
create table capture_session (
    id            uuid        primary key,
    candidate_id  uuid        not null,
    token_hash    char(64)    not null unique,
    status        varchar(20) not null check (status in ('OPEN', 'UPLOADED', 'CLOSED')),
    photo_id      uuid        references photo (id),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz
);

create index capture_session_by_candidate on capture_session (candidate_id, created_at desc);
