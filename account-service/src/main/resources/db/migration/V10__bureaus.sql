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

-- What this service did before bureaus, as the first bureau's rules (the settings' defaults of then), so that an
-- upgraded service keeps registering and logging in Shandong's candidates until enrollment-service's configuration
-- of sd arrives; dated at the epoch, so any real configuration replaces it.
insert into bureau (code, name, registration_exam_code, registration_gate, password_min_length, password_max_length,
    password_required_classes, login_needs_sms, privacy_policy_version, service_agreement_version, configured_at)
values ('sd', '山东省教育招生考试院', 'SD-ZSB-2023', 'ROSTER', 8, 16, 4, true, '2023-03', '2023-03',
    timestamptz '1970-01-01 00:00:00+00');

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
