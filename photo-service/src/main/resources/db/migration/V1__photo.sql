-- Photos live in object storage (PHO-3); the database keeps only what points at them.
-- Object keys are random and never derived from the ID number.
create table photo (
    id            uuid         primary key,
    candidate_id  uuid         not null,
    object_key    varchar(200) not null unique,
    content_type  varchar(40)  not null,
    byte_size     bigint       not null check (byte_size > 0),
    created_at    timestamptz  not null default now()
);

create index photo_by_candidate on photo (candidate_id, created_at desc);
