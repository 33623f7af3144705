-- ACC-8 phone change without the old phone (Shanghai): the new phone, proven by an SMS code sent to it, and
-- three proof images waiting for an operator. The new phone only sealed + keyed hash (ACC-10); the images in
-- object storage under random keys that say nothing about the candidate.
create table phone_change_request (
    id                 uuid          primary key,
    candidate_id       uuid          not null references candidate_account (id),
    new_phone_hash     char(64)      not null,
    new_phone_sealed   bytea         not null,
    sealed_with        varchar(64)   not null,
    id_front_key       varchar(200)  not null,
    id_front_type      varchar(40)   not null,
    id_back_key        varchar(200)  not null,
    id_back_type       varchar(40)   not null,
    holding_id_key     varchar(200)  not null,
    holding_id_type    varchar(40)   not null,
    status             varchar(20)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    reason             varchar(200),
    decided_by         varchar(200),
    created_at         timestamptz   not null,
    decided_at         timestamptz
);
-- one open request per candidate
create unique index phone_change_request_open on phone_change_request (candidate_id) where status = 'PENDING';
create index phone_change_request_status on phone_change_request (status, created_at);
