-- OPS-3 the Candidates desk (考生查询). Names are found like ID numbers and phones: by a keyed hash of the name as
-- stored (never the name itself); accounts from before this column get theirs from the service at start-up
-- (candidates.NameHashBackfill opens the sealed name once).
alter table candidate_account add column name_hash char(64);
create index candidate_account_name on candidate_account (bureau_code, name_hash);

-- What scopes a candidate for a city operator: the exam location (a region code such as 3701) of each enrollment
-- they confirmed (EnrollmentConfirmed, enrollment-service), one row per enrollment, the latest confirmation's.
create table candidate_exam_city (
    enrollment_id  uuid          primary key,
    candidate_id   uuid          not null,
    bureau_code    varchar(8),
    exam_code      varchar(64)   not null,
    city           varchar(12)   not null,
    confirmed_at   timestamptz   not null
);
create index candidate_exam_city_candidate on candidate_exam_city (candidate_id);
create index candidate_exam_city_city on candidate_exam_city (city, candidate_id);

-- What scopes a candidate for a university reviewer, beyond the university chosen at registration
-- (candidate_account.university_code) and those of an import (account_university): the ones added later
-- (UniversityRegistrationAdded, ENR-8).
create table candidate_added_university (
    candidate_id     uuid          not null,
    university_code  varchar(20)   not null,
    added_at         timestamptz   not null,
    primary key (candidate_id, university_code)
);
create index candidate_added_university_code on candidate_added_university (university_code, candidate_id);
