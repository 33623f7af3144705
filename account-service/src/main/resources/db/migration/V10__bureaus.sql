-- BUR-1: one platform serves several bureaus (考试院). What account-service needs of each, as enrollment-service
-- last configured it (BureauConfigured), replaced whole by a newer configuration and never by an older one.
create table bureau (
    code                       varchar(8)    primary key,
    name                       varchar(100)  not null,
    registration_exam_code     varchar(64)   not null,
    registration_gate          varchar(10)   not null,
    password_min_length        int           not null,
    password_max_length        int           not null,
    password_required_classes  int           not null,
    login_needs_sms            boolean       not null,
    privacy_policy_version     varchar(20)   not null,
    service_agreement_version  varchar(20)   not null,
    integrity_pledge_version   varchar(20),
    configured_at              timestamptz   not null,
    received_at                timestamptz   not null default now()
);

-- A person's accounts at two bureaus are two accounts (two passwords): an ID is unique within its bureau only.
-- The accounts made before bureaus are Shandong's, the first bureau.
alter table candidate_account add column bureau_code varchar(8) not null default 'sd';
alter table candidate_account alter column bureau_code drop default;
alter table candidate_account drop constraint candidate_account_id_type_id_number_hash_key;
alter table candidate_account add constraint candidate_account_bureau_id_number
    unique (bureau_code, id_type, id_number_hash);

-- 准考证号 (Shanghai): another name to log in with, unique within the bureau. Plain text: it identifies a sitting's
-- candidate, it is not personal data under ACC-10 (no name, ID or phone can be read from it).
alter table candidate_account add column admission_number varchar(32);
alter table candidate_account add constraint candidate_account_bureau_admission_number
    unique (bureau_code, admission_number);

-- A code sent for one bureau works only there (the SMS carried that bureau's signature).
alter table sms_code add column bureau_code varchar(8) not null default 'sd';
alter table sms_code alter column bureau_code drop default;

-- A session belongs to the account's bureau; a refresh keeps it in the new access token.
alter table refresh_token add column bureau_code varchar(8) not null default 'sd';
alter table refresh_token alter column bureau_code drop default;
