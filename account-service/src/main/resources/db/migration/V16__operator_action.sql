-- OPS-3 the audit trail: every operator action any service recorded (OperatorActed on topic operator.actions, written
-- by the acting service in the transaction of the change), kept once per action id and searched by auditors.
-- Text columns without a length: an event that cannot be stored would be retried and then dead-lettered, and the
-- trail must take what the services send. Personal data never reaches this table: subject_label and details hold
-- masked values and codes only (libs/messaging OperatorAudit).
create table operator_action (
    action_id          uuid          primary key,
    bureau_code        text          not null,
    operator_subject   text          not null,
    operator_username  text          not null,
    operator_name      text          not null,
    operator_roles     text          not null,
    service            text          not null,
    action             text          not null,
    subject_type       text,
    subject_id         text,
    subject_label      text,
    reason             text,
    details            jsonb         not null default '{}',
    acted_at           timestamptz   not null,
    received_at        timestamptz   not null default now()
);
create index operator_action_bureau on operator_action (bureau_code, acted_at desc, action_id);
create index operator_action_operator on operator_action (bureau_code, operator_username, acted_at desc);
create index operator_action_subject on operator_action (bureau_code, subject_type, subject_id, acted_at desc);

-- Operators' reads in clear before the trail (ACC-10, purpose SUPPORT of personal_data_access) are reveals of the
-- trail now: the log keeps the services' own reads (identity comparison, phone-change proofs).
insert into operator_action (action_id, bureau_code, operator_subject, operator_username, operator_name,
    operator_roles, service, action, subject_type, subject_id, subject_label, reason, details, acted_at)
select access.id, account.bureau_code, access.operator_subject, access.operator_subject, access.operator_subject,
    'operator', 'account-service', 'candidate.reveal', 'candidate', access.candidate_id::text, null, access.reason,
    jsonb_build_object('fields', access.fields), access.accessed_at
from personal_data_access access join candidate_account account on account.id = access.candidate_id
where access.purpose = 'SUPPORT';
delete from personal_data_access where purpose = 'SUPPORT';
