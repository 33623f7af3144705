-- ENR-1 exam configuration: daily payment hours, fee schedule, locations, catalogue and the pledge's versions.
-- The nested settings are jsonb written only by ExamRepository after ExamRules checked them (see ExamDraft).
alter table exam
    -- the hours of each payment day in Asia/Shanghai, minutes after midnight, [opens, closes); 0-1440 = all day
    add column payment_daily_opens_minute  smallint    not null default 0,
    add column payment_daily_closes_minute smallint    not null default 1440,
    -- [{"code": "REGISTRATION", "name": "报名", "amountFen": 3000}, ...]: amounts in fen
    add column fee_items                   jsonb       not null default '[]',
    -- [{"code": "3701", "name": "济南市"}, ...]
    add column locations                   jsonb       not null default '[]',
    -- {"form": "MAJOR_SCOPE", "subjects": [...], "majors": [...]}; null only for a SELF_STUDY exam for now
    add column catalogue                   jsonb,
    -- 考生类别 codes whose candidates sit no exam
    add column no_exam_categories          jsonb       not null default '[]',
    add column updated_at                  timestamptz not null default now(),
    add constraint exam_payment_daily_hours check (
        payment_daily_opens_minute >= 0 and payment_daily_closes_minute <= 1440
        and payment_daily_opens_minute < payment_daily_closes_minute),
    add constraint exam_fee_items_array check (jsonb_typeof(fee_items) = 'array'),
    add constraint exam_locations_array check (jsonb_typeof(locations) = 'array');

-- Every version of an exam's pledge (报考承诺); the highest is current. Enrollments record the version accepted,
-- so old versions stay.
create table exam_pledge (
    exam_id    uuid        not null references exam (id),
    version    integer     not null check (version > 0),
    text       text        not null,
    created_at timestamptz not null,
    primary key (exam_id, version)
);
