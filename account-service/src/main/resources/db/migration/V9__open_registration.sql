-- ACC-3 open registration (Shanghai): the examining universities (主考学校) and majors of each exam as
-- enrollment-service last configured them (ExamConfigured), replaced whole by a newer configuration.
create table exam_registration_catalogue (
    exam_code      varchar(64)   primary key,
    exam_name      varchar(200)  not null,
    exam_kind      varchar(40)   not null,
    universities   jsonb         not null,
    configured_at  timestamptz   not null,
    received_at    timestamptz   not null default now()
);

-- what an open registration chose; null for a roster registration (the roster entry says it)
alter table candidate_account
    add column university_code varchar(20),
    add column major_code      varchar(20);
