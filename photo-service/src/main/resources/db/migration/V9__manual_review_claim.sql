-- OPS-3 claim-and-decide (PHO-5, SST-2): an operator claims (领取) an OPEN review before deciding it and holds it until
-- claimed_until (15 minutes by default, baokao.photo.review.claim-duration); another operator's claim or decision of a
-- held review is refused (409 REVIEW_CLAIMED). A decision clears the claim. claimed_by is the operator's Keycloak
-- subject, claimed_by_name what colleagues read (name and login name), never a candidate's data.
alter table manual_review add column claimed_by varchar(100);
alter table manual_review add column claimed_by_name varchar(200);
alter table manual_review add column claimed_until timestamptz;
alter table manual_review add constraint manual_review_claim_whole
    check ((claimed_by is null) = (claimed_until is null));

-- the decider's login name grew with operator persons (decided_by was the token's subject or username)
alter table manual_review alter column decided_by type varchar(200);
