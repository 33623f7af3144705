-- SST-1 (Shanghai 新考生注册): the e-mail a new candidate gives (required where the gate is OPEN: with the phone, the only
-- way to recover a password), sealed like the phone under the row's key (sealed_with) and found by keyed hash of the
-- normalised address; and the 考生诚信承诺书 the candidate agreed to, by the version they read and when.
-- All null for accounts made before, and for roster registrations (Shandong's pledge is the wizard's).
-- The e-mail columns came first with V13 (在籍考生 import, ACC-7), which adds them `if not exists` for this migration,
-- planned as V12; it runs after V13 and V14 so that databases already at V14 take it in order.
alter table candidate_account
    add column if not exists email_sealed bytea,
    add column if not exists email_hash   char(64),
    add column integrity_pledge_version   varchar(20),
    add column integrity_pledge_agreed_at timestamptz;
