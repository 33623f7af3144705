-- ENR-8: the 主考学校 a Shanghai 自考 candidate holds, each with exactly one major. From CandidateRegistered (the
-- university chosen at 新考生注册), ExistingCandidateImported (在籍考生) and 报考其他学校. Course selection (ENR-9)
-- reads them across all of a candidate's universities.
create table self_study_candidate (
    candidate_id uuid        primary key,
    -- the bureau (考试院) of the account (BUR-1): its universities are found only at its address
    bureau       varchar(8)  not null,
    created_at   timestamptz not null
);

create table university_registration (
    candidate_id     uuid         not null references self_study_candidate (candidate_id),
    university_code  varchar(64)  not null,
    -- the catalogue's names when taken up: a university or major may leave a later sitting's catalogue while its
    -- candidates still hold it; null when the catalogue did not name the code (an imported major no longer offered)
    university_name  varchar(200),
    major_code       varchar(64)  not null,
    major_name       varchar(200),
    -- 特殊专业 (ENR-10) as the catalogue flagged the major when it was taken up
    special_major    boolean      not null,
    -- 准考证号: an imported candidate's; null until one is generated for a new candidate
    admission_number varchar(32),
    origin           varchar(16)  not null,
    -- the sitting at which the university was taken up
    exam_code        varchar(64)  not null,
    registered_at    timestamptz  not null,
    -- the order taken up, for registrations of the same instant (an import's)
    seq              bigserial    not null,
    -- one major per university: a second registration at a university is refused, never a second row
    primary key (candidate_id, university_code)
);
