-- SST-1 (Shanghai 新考生注册): the e-mail a new candidate gives (required where the gate is OPEN: with the phone, the only
-- way to recover a password), sealed like the phone under the row's key (sealed_with) and found by keyed hash of the
-- normalised address; and the 考生诚信承诺书 the candidate agreed to, by the version they read and when.
-- All null for accounts made before, and for roster registrations (Shandong's pledge is the wizard's).
alter table candidate_account
    add column email_sealed               bytea,
    add column email_hash                 char(64),
    add column integrity_pledge_version   varchar(20),
    add column integrity_pledge_agreed_at timestamptz;
