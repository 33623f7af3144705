-- Candidate accounts (ACC-1..ACC-10). ID number, name and phone are sealed (AES-GCM, key id beside them)
-- and found by keyed hash; the password only as an Argon2id hash.
create table candidate_account (
    id                    uuid          primary key,
    exam_code             varchar(64)   not null,
    id_type               varchar(40)   not null,
    id_number_hash        char(64)      not null,
    id_number_sealed      bytea         not null,
    name_sealed           bytea,
    phone_hash            char(64)      not null,
    phone_sealed          bytea         not null,
    sealed_with           varchar(64)   not null,
    password_hash         varchar(200)  not null,
    roster_entry_id       uuid,
    privacy_policy_version varchar(20)  not null,
    service_terms_version varchar(20)   not null,
    consented_at          timestamptz   not null,
    must_change_password  boolean       not null default false,
    phone_verified        boolean       not null default true,
    failed_logins         int           not null default 0,
    locked_until          timestamptz,
    created_at            timestamptz   not null default now(),
    password_changed_at   timestamptz   not null default now(),
    unique (id_type, id_number_hash)
);
create index candidate_account_phone on candidate_account (phone_hash);
