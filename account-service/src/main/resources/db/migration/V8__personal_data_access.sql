-- ACC-10: every operator read of personal data in clear, written in the same transaction as the read.
-- Only who, whose, which fields, why, from where and when: never the values themselves.
create table personal_data_access (
    id               uuid          primary key,
    operator_subject varchar(200)  not null,
    candidate_id     uuid          not null,
    fields           varchar(200)  not null,
    purpose          varchar(40)   not null,
    reason           varchar(500)  not null,
    client_address   varchar(64),
    accessed_at      timestamptz   not null
);
create index personal_data_access_candidate on personal_data_access (candidate_id, accessed_at desc);
