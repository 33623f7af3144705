-- ACC-9 在籍考生 (Shanghai): operators import a bureau's existing candidates from CSV/XLSX files, the way they import
-- a roster (ACC-3). Both kinds of import are jobs of one machinery (package fileimport), so the roster's job tables
-- become the jobs of any kind: `kind` says which (ROSTER, EXISTING), `scope` what they import into (a roster's exam
-- code, a bureau's code). Existing rows are roster jobs.
alter table roster_import rename to import_job;
alter table import_job rename constraint roster_import_pkey to import_job_pkey;
alter table import_job rename constraint roster_import_format_check to import_job_format_check;
alter table import_job rename constraint roster_import_status_check to import_job_status_check;
alter table import_job rename column exam_code to scope;
alter table import_job add column kind varchar(20) not null default 'ROSTER';
alter table import_job alter column kind drop default;
drop index roster_import_exam;
create index import_job_scope on import_job (kind, scope, created_at desc);
alter index roster_import_active rename to import_job_active;

alter table roster_import_error rename to import_job_error;
alter table import_job_error rename constraint roster_import_error_pkey to import_job_error_pkey;
alter table import_job_error rename constraint roster_import_error_import_id_fkey to import_job_error_import_id_fkey;
alter index roster_import_error_by_import rename to import_job_error_by_import;
alter table roster_entry rename constraint roster_entry_last_import_id_fkey to roster_entry_last_import_job_fkey;

-- An imported candidate may have no phone on file (they bind one at first login, or by 修改注册手机号), and has
-- consented to nothing on this platform yet (the texts of the old system are not ours to record).
alter table candidate_account
    alter column phone_hash drop not null,
    alter column phone_sealed drop not null,
    alter column privacy_policy_version drop not null,
    alter column service_terms_version drop not null,
    alter column consented_at drop not null;

-- ACC-7 找回密码 by e-mail needs the account's address, sealed like the phone under the row's key (ACC-10), with the
-- keyed hash of the address (mailbox as written, domain in lower case). Registration at an OPEN bureau stores them
-- too (SST-1); `if not exists`: the registration's own migration (V12) adds the same columns.
alter table candidate_account add column if not exists email_sealed bytea;
alter table candidate_account add column if not exists email_hash char(64);

-- The examining universities (主考学校) and majors an account holds (ENR-8): one row each. An import adds the ones of
-- its file and never removes one; `import_id` is the import that added the row, `seq` the order rows were added in.
create table account_university (
    seq              bigint        generated always as identity,
    account_id       uuid          not null references candidate_account (id),
    university_code  varchar(20)   not null,
    major_code       varchar(20)   not null,
    import_id        uuid          references import_job (id),
    created_at       timestamptz   not null,
    primary key (account_id, university_code, major_code)
);
