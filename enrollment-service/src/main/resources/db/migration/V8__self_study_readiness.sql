-- SST-4, ENR-8: what a Shanghai 自考 candidate must have done before choosing courses (personal information with
-- its starred fields, a verified phone, the sitting's 问卷 answered) and, for a new candidate, before paying (the
-- registration approved); SST-7: the 准考证号 generated once for an approved new candidate.

-- The facts other services tell: the phone proved by an SMS code (CandidateRegistered of an open registration,
-- PhoneVerified, PhoneChanged; an imported 在籍考生's stays null until then) and photo-service's approval of a new
-- candidate (ApprovalChanged: PHOTO_REQUIRED, CHECKING, APPROVED, PROOFS_REQUIRED, IN_REVIEW, REJECTED). The approval
-- may arrive before the registration (another topic): the candidate's row is then made by it, without universities.
alter table self_study_candidate add column phone_verified_at timestamptz;
alter table self_study_candidate add column approval_status varchar(32);
alter table self_study_candidate add column approval_reason varchar(500);
-- changedAt of the approval event applied: an older one arriving late never overwrites a newer one
alter table self_study_candidate add column approval_changed_at timestamptz;

-- 个人信息 (SST-4): dictionary codes and texts checked before they are stored. The 固定电话 is a phone number: sealed
-- under this service's key (ACC-10) like the roster's names, the key id beside it.
create table self_study_profile (
    candidate_id     uuid         primary key references self_study_candidate (candidate_id),
    ethnicity        varchar(8)   not null,
    political_status varchar(8)   not null,
    education        varchar(8)   not null,
    occupation       varchar(8)   not null,
    mailing_address  varchar(200) not null,
    postcode         varchar(6)   not null,
    employer         varchar(200),
    landline_key_id  varchar(32),
    landline_sealed  bytea,
    updated_at       timestamptz  not null
);

-- The sitting's 问卷调查, answered once per sitting: the version of the questions answered, the answers as
-- {"questionId": "text" | ["option", ...]}.
create table questionnaire_answer (
    candidate_id uuid        not null references self_study_candidate (candidate_id),
    exam_code    varchar(64) not null,
    version      varchar(32) not null,
    answers      jsonb       not null,
    answered_at  timestamptz not null,
    primary key (candidate_id, exam_code)
);

-- SST-7: 准考证号 = 2-digit year of the sitting + 5-digit university code of registration + 5-digit sequence per
-- (year, university). Generated once per candidate (unique candidate_id), never twice the same (primary key); the
-- counter row is taken in the transaction that writes the number, so numbers of one (year, university) are handed
-- out one after another.
create table admission_number (
    admission_number varchar(12) primary key,
    candidate_id     uuid        not null unique references self_study_candidate (candidate_id),
    university_code  varchar(5)  not null,
    assigned_at      timestamptz not null
);

create table admission_number_counter (
    sitting_year    char(2)    not null,
    university_code varchar(5) not null,
    last_sequence   integer    not null,
    primary key (sitting_year, university_code)
);
