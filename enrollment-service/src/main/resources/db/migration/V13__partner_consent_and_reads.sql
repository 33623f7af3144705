-- API-3: a candidate's consent to a partner bureau (a Keycloak client of baokao.partners) reading their admission
-- data. One row per grant: a revocation closes the row (revoked_at) and a later grant opens a new one, so every grant
-- and revocation stays, to be shown to the candidate and audited. The standing consent is the open row.
create table partner_consent (
    id           uuid         primary key,
    candidate_id uuid         not null,
    -- the bureau (考试院) of the candidate's account when they granted it (BUR-1): the partner reads only its own
    bureau       varchar(8)   not null,
    -- the partner's Keycloak client id (PartnerDirectory)
    client_id    varchar(100) not null,
    granted_at   timestamptz  not null,
    revoked_at   timestamptz,
    check (revoked_at is null or revoked_at >= granted_at)
);
-- at most one standing consent per candidate and partner: two grants racing cannot both open one
create unique index partner_consent_standing on partner_consent (candidate_id, bureau, client_id)
    where revoked_at is null;
create index partner_consent_candidate on partner_consent (candidate_id, granted_at);

-- API-1 list of an exam's enrollments, paged by a cursor that stays exact while enrollments are inserted. The sort
-- key is the inserting transaction's id (xid8, assigned when the transaction first writes, so NOT in commit order)
-- and the enrollment id; a page only reaches rows whose transaction id is below the oldest transaction still running
-- (pg_snapshot_xmin): every transaction below it has ended, so no row can ever appear behind a cursor that passed it
-- (PartnerEnrollmentPages). Rows already here take the constant 1 (before any real transaction id, ordered by their
-- id): a constant default adds the column without rewriting the table; new rows then take their own transaction's id.
alter table enrollment add column inserted_xid xid8 not null default '1'::xid8;
alter table enrollment alter column inserted_xid set default pg_current_xact_id();
create index enrollment_partner_page on enrollment (exam_id, inserted_xid, id);

-- API-1 verify / API-3 admission: a partner names a candidate by ID number, found by the keyed hash account-service
-- computed (the same look-up key, baokao.personal-data.lookup-key), never by decrypting anything
create index candidate_identity on candidate (id_number_hash);
