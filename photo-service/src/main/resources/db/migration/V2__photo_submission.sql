-- PHO-2/PHO-3: an upload that passed the quality check keeps its original and its normalized copy in object
-- storage; the candidate then confirms it (SUBMITTED: it goes to identity comparison) or retakes (DISCARDED).
alter table photo add column normalized_key varchar(200) unique;
alter table photo add column status varchar(20) not null default 'UPLOADED'
    check (status in ('UPLOADED', 'SUBMITTED', 'DISCARDED'));
alter table photo add column submitted_at timestamptz;

-- candidates with a confirmed enrollment (from enrollment.events): their photo can no longer change
create table confirmed_candidate (
    candidate_id   uuid        primary key,
    enrollment_id  uuid        not null,
    confirmed_at   timestamptz not null
);
