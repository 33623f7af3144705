-- PHO-5 for open registrations (Shanghai): a review belongs to the candidate's examining university (主考学校), whose
-- reviewers alone see and decide it (operator tokens with claim university); roster reviews (Shandong) have none and
-- only bureau-wide operators see them. The candidate gathers the proofs first (COLLECTING, not yet the reviewers'),
-- then submits (OPEN); the photo is fixed at submission. Special majors add 学历证明 and 单位证明.
alter table manual_review add column bureau varchar(8);
alter table manual_review add column university_code varchar(20);

alter table manual_review drop constraint manual_review_status_check;
alter table manual_review add constraint manual_review_status_check
    check (status in ('COLLECTING', 'OPEN', 'APPROVED', 'REJECTED'));
alter table manual_review alter column photo_id drop not null;
alter table manual_review add constraint manual_review_photo_once_submitted
    check (status = 'COLLECTING' or photo_id is not null);

-- at most one unfinished review per candidate (the one being gathered or the one being reviewed)
drop index manual_review_open;
create unique index manual_review_unfinished on manual_review (candidate_id) where status in ('COLLECTING', 'OPEN');
create index manual_review_by_university on manual_review (university_code, status, requested_at);

alter table manual_review_proof drop constraint manual_review_proof_kind_check;
alter table manual_review_proof add constraint manual_review_proof_kind_check
    check (kind in ('ID_CARD_FRONT', 'ID_CARD_BACK', 'HOLDING_ID', 'EDUCATION_PROOF', 'EMPLOYER_PROOF', 'OTHER'));
