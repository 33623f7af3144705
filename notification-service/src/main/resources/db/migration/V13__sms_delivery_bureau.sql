-- OPS-3 考生查询: the Candidates desk shows a candidate's SMS history to their bureau's operators only, so each
-- delivery keeps the bureau it was sent for (SmsRequested.bureau; null: the default bureau, or a row recorded before
-- this column, when the bureau was not kept).
alter table sms_delivery add column bureau varchar(20);
create index sms_delivery_candidate_bureau on sms_delivery (candidate_id, bureau);
