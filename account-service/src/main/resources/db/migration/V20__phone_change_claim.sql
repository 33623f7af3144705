-- OPS-3 claim-and-decide on phone-change requests (ACC-8, SST-3): an operator claims (领取) a PENDING request before
-- deciding it and holds it until claimed_until (15 minutes by default, baokao.account.phone-change.claim-duration);
-- another operator's claim or decision of a held request is refused (409 PHONE_CHANGE_CLAIMED). A decision clears the
-- claim. claimed_by is the operator's Keycloak subject, claimed_by_name what colleagues read (name and login name).
alter table phone_change_request add column claimed_by varchar(100);
alter table phone_change_request add column claimed_by_name varchar(200);
alter table phone_change_request add column claimed_until timestamptz;
alter table phone_change_request add constraint phone_change_request_claim_whole
    check ((claimed_by is null) = (claimed_until is null));

-- the desk's scope: a 主考学校审核员 sees the requests of candidates of their university (open registration's choice,
-- or an imported 在籍考生's account_university rows)
create index if not exists candidate_account_by_university on candidate_account (university_code)
    where university_code is not null;
create index if not exists account_university_by_university on account_university (university_code, account_id);
