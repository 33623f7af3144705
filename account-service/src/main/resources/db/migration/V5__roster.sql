-- Candidate rosters (ACC-3): an account can only be registered for an ID on the exam's roster. Operators
-- import the roster from CSV/XLSX files; each upload is a job that survives restarts as a row.

-- One upload. Counts move forward in the same transaction as each batch of rows they describe.
create table roster_import (
    id              uuid          primary key,
    exam_code       varchar(40)   not null,
    file_name       varchar(255)  not null,
    format          varchar(10)   not null check (format in ('CSV_UTF8', 'CSV_GBK', 'XLSX')),
    status          varchar(10)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows      int           not null,
    processed_rows  int           not null default 0,
    inserted_rows   int           not null default 0,
    updated_rows    int           not null default 0,
    unchanged_rows  int           not null default 0,
    rejected_rows   int           not null default 0,
    failure_reason  varchar(500),
    operator        varchar(255)  not null,
    -- the service instance running the job, and when it last said so: a job whose instance went away is
    -- marked FAILED by the others (or by the same service after a restart)
    worker          varchar(64)   not null,
    heartbeat_at    timestamptz   not null,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index roster_import_exam on roster_import (exam_code, created_at desc);
create index roster_import_active on roster_import (heartbeat_at) where status in ('QUEUED', 'RUNNING');

-- The roster. ID number and name are sealed (AES-GCM, key id beside them, ACC-10) and found by keyed hash;
-- name_hash (keyed too) only tells a re-import whether the name changed without opening it.
create table roster_entry (
    id              uuid          primary key,
    exam_code       varchar(40)   not null,
    id_type         varchar(40)   not null references id_type (code),
    id_number_hash  char(64)      not null,
    id_number       bytea         not null,
    id_number_key   varchar(64)   not null,
    name            bytea         not null,
    name_key        varchar(64)   not null,
    name_hash       char(64)      not null,
    candidate_type  varchar(30)   not null
                    check (candidate_type in ('SCHOOL_RECOMMENDED', 'THREE_PLUS_TWO', 'VETERAN')),
    college_code    varchar(20)   not null,
    college_name    varchar(100)  not null,
    major_code      varchar(20)   not null,
    major_name      varchar(100)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    -- the import that last inserted or changed this row
    last_import_id  uuid          not null references roster_import (id),
    constraint roster_entry_identity unique (exam_code, id_type, id_number_hash)
);

-- The rows an import refused: line (as the spreadsheet or text editor numbers it), column, reason.
-- Never the ID number or the name themselves.
create table roster_import_error (
    id         bigint        generated always as identity primary key,
    import_id  uuid          not null references roster_import (id) on delete cascade,
    line       int           not null,
    field      varchar(20),
    code       varchar(40)   not null,
    reason     varchar(300)  not null
);
create index roster_import_error_by_import on roster_import_error (import_id, id);
