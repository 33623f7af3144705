-- SST-2, ENR-10, PHO-5: the approval of each new candidate of an open registration (Shanghai 新考生注册), learnt from
-- account-service's CandidateRegistered (consumer photo-service.approvals). Roster registrations (Shandong) get no
-- row: their comparison and manual review work as before. One row per candidate, its state machine in
-- org.baokao.photo.approval.Approval; every change also publishes ApprovalChanged (outbox), which payment will read.
create table approval (
    candidate_id        uuid         primary key,
    bureau              varchar(8)   not null,
    -- the examining university (主考学校) whose reviewers decide, and the chosen major
    university_code     varchar(20),
    major_code          varchar(20),
    id_type             varchar(40)  not null,
    special_major       boolean      not null,
    status              varchar(20)  not null check (status in ('PHOTO_REQUIRED', 'CHECKING', 'APPROVED',
                                                                'PROOFS_REQUIRED', 'IN_REVIEW', 'REJECTED')),
    -- why proofs are needed (null on the automatic path of a 居民身份证)
    cause               varchar(30)  check (cause in ('NON_RESIDENT_ID', 'SPECIAL_MAJOR', 'TOO_MANY_FAILURES',
                                                      'NO_REFERENCE')),
    failed_comparisons  int          not null default 0,
    -- the reviewer's reason of the latest rejection, shown to the candidate
    decision_reason     varchar(500),
    -- the latest submitted photo: what a review looks at
    photo_id            uuid         references photo (id),
    registered_at       timestamptz  not null,
    changed_at          timestamptz  not null
);
