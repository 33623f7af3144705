-- The Shandong wizard (ENR-2..ENR-7): one enrollment per candidate, exam and track, walking the states of
-- org.baokao.enrollment.wizard.EnrollmentStatus. Times are UTC, money integer fen.

-- Per candidate: what photo-service told us (PhotoAccepted, IdentityVerified, ...), kept even before the
-- candidate starts the wizard, and copied onto each of their enrollments. The row is also the candidate's lock:
-- starting, confirming and applying photo events take it first, so they never miss each other.
create table wizard_candidate (
    candidate_id              uuid        primary key,
    photo_id                  uuid,
    photo_accepted_at         timestamptz,
    identity_status           varchar(32) not null default 'NOT_VERIFIED',
    identity_failed_attempts  integer     not null default 0,
    updated_at                timestamptz not null
);

create table enrollment (
    id                        uuid         primary key,
    exam_id                   uuid         not null references exam (id),
    exam_code                 varchar(64)  not null,
    candidate_id              uuid         not null,
    track                     varchar(32)  not null check (track in ('UNIFIED', 'VETERAN_EXEMPTION')),
    status                    varchar(32)  not null check (status in ('PLEDGE_ACCEPTED', 'PHOTO_DONE',
                                  'PERSONAL_INFO_SAVED', 'EXAM_CHOICE_SAVED', 'CONFIRMED', 'COMPLETED')),
    -- optimistic locking: every change adds one; writers send the version they read (ENROLLMENT_CHANGED)
    version                   integer      not null,
    pledge_version            integer      not null,
    pledge_accepted_at        timestamptz  not null,
    photo_id                  uuid,
    photo_accepted_at         timestamptz,
    identity_status           varchar(32)  not null,
    -- step 3 (ENR-3): dictionary codes, checked before they are stored
    political_status          varchar(8),
    ethnicity                 varchar(8),
    foreign_language          varchar(8),
    mailing_address           varchar(200),
    postcode                  varchar(6),
    email                     varchar(254),
    household_province        varchar(6),
    household_city            varchar(6),
    candidate_category        varchar(8),
    personal_info_saved_at    timestamptz,
    -- step 4 (ENR-4); subject_group_code null when the candidate sits no exam (不需要考试)
    exam_location_code        varchar(32),
    sits_exam                 boolean,
    -- the junior-college major the group was chosen for (group codes are unique per major only)
    junior_major_code         varchar(32),
    subject_group_code        varchar(32),
    concurrent_application    boolean,
    exam_choice_saved_at      timestamptz,
    -- step 5 (ENR-5, PAY-1): [{"code", "name", "amountFen"}]
    confirmed_at              timestamptz,
    fee_items                 jsonb,
    fee_total_fen             bigint,
    -- step 6: the order that paid (null when nothing was owed)
    completed_at              timestamptz,
    order_id                  uuid,
    last_refund_id            uuid,
    last_refunded_at          timestamptz,
    last_amended_at           timestamptz,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint enrollment_one_per_track unique (exam_id, candidate_id, track),
    constraint enrollment_confirmed_has_fees check (confirmed_at is null or fee_total_fen is not null)
);

-- ENR-6: the unified exam and the veteran exemption track are exclusive. A candidate may start both, but only
-- one of their enrollments of an exam can ever be confirmed; two confirmations racing cannot both commit.
create unique index enrollment_one_confirmed_track on enrollment (exam_id, candidate_id)
    where confirmed_at is not null;

create index enrollment_candidate on enrollment (candidate_id);
