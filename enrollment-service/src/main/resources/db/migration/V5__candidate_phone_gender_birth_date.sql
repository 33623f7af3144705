-- Step 3 shows 性别, 出生日期 and the masked 手机号 (ENR-3 prefill). account-service derives gender and birth date
-- from the ID number (ACC-2) and sends them with the phone, masked, in CandidateRegistered; PhoneChanged updates
-- the masked phone. Never the full phone. Null for rows written from events older than these fields.
alter table candidate add column phone_masked varchar(32);
alter table candidate add column gender varchar(16);
alter table candidate add column birth_date date;
