-- OPS-3 数据导出: an operator's export of an exam's 已报名 / 已缴费 list, per 考点 or per 主考学校, as XLSX or CSV. A
-- job (libs/jobs, task enrollment-export) writes the file; the row tells its progress and then holds the file itself
-- (a list of a few hundred thousand rows is a few MB). The file holds names in clear (exam-site lists), so only the
-- operator who asked for it may download it, and the reason they typed is audited (export.create) with it.
create table enrollment_export (
    id                uuid         primary key,
    bureau            varchar(8)   not null,
    exam_code         varchar(64)  not null,
    -- ENROLLED (已报名) or PAID (已缴费)
    list_kind         varchar(16)  not null check (list_kind in ('ENROLLED', 'PAID')),
    grouping          varchar(16)  not null check (grouping in ('BY_LOCATION', 'BY_UNIVERSITY')),
    format            varchar(8)   not null check (format in ('XLSX', 'CSV')),
    -- the operator's scope when asked (city-operator / university-reviewer), null for the whole bureau
    scope_city        varchar(16),
    scope_university  varchar(20),
    scope_everything  boolean      not null,
    reason            varchar(200) not null,
    requested_by      varchar(200) not null,
    requested_by_name varchar(200) not null,
    status            varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total        integer,
    rows_done         integer      not null default 0,
    file_name         varchar(200),
    content_type      varchar(100),
    content           bytea,
    failure           varchar(500),
    created_at        timestamptz  not null,
    finished_at       timestamptz
);

create index enrollment_export_requester on enrollment_export (bureau, requested_by, created_at desc);
