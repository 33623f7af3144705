-- BUR-1: the bureaus (考试院) this platform serves, as data operators change at run time (BureauConfigurations).
-- One row per bureau, replaced whole by each configuration; the nested settings are jsonb written only by
-- BureauRepository after the Bureau aggregate checked them.
create table bureau (
    -- the address: /sd/ → sd (BureauAddress.CODE)
    code                      varchar(8)   primary key check (code ~ '^[a-z]{2,8}$'),
    name                      varchar(100) not null,
    short_name                varchar(50)  not null,
    hotline                   varchar(100) not null,
    service_hours             varchar(100) not null,
    icp                       varchar(200) not null,
    -- the exam a new account registers for; it may be configured after the bureau
    registration_exam_code    varchar(64)  not null,
    registration_gate         varchar(16)  not null check (registration_gate in ('ROSTER', 'OPEN')),
    password_min_length       smallint     not null,
    password_max_length       smallint     not null,
    password_required_classes smallint     not null check (password_required_classes between 1 and 4),
    login_needs_sms           boolean      not null,
    sms_signature             varchar(40)  not null,
    -- {"TEMPLATE_CODE": "text without the signature", ...}: the bureau's own wording of a message
    sms_templates             jsonb        not null default '{}',
    -- [{"regionCode": "370200", "channel": "UNIONPAY"}, ...]
    payment_rules             jsonb        not null default '[]',
    -- the current version of each text (bureau_text); null only for the optional 考生诚信承诺书
    candidate_notice_version  varchar(32)  not null,
    privacy_policy_version    varchar(32)  not null,
    service_agreement_version varchar(32)  not null,
    integrity_pledge_version  varchar(32),
    configured_at             timestamptz  not null,
    -- the operator (token sub) of the last configuration
    configured_by             varchar(200) not null,
    check (6 <= password_min_length and password_min_length <= password_max_length and password_max_length <= 32),
    constraint bureau_sms_templates_object check (jsonb_typeof(sms_templates) = 'object'),
    constraint bureau_payment_rules_array check (jsonb_typeof(payment_rules) = 'array')
);

-- Every version of every text a bureau has published (考生须知, 隐私政策, 服务协议, 考生诚信承诺书). A version is never
-- changed once written: a consent records the version the candidate saw, and that text must stay readable.
create table bureau_text (
    bureau     varchar(8)   not null references bureau (code),
    kind       varchar(32)  not null check (kind in ('candidate-notice', 'privacy-policy', 'service-agreement',
                                                     'integrity-pledge')),
    version    varchar(32)  not null,
    title      varchar(100) not null,
    text       text         not null,
    created_at timestamptz  not null,
    primary key (bureau, kind, version)
);

-- Exams belong to a bureau. Every exam configured before bureaus is Shandong's (the default bureau, sd); new exams
-- name theirs (ExamConfigurations checks that it exists).
alter table exam add column bureau varchar(8) not null default 'sd';
alter table exam alter column bureau drop default;
create index exam_bureau on exam (bureau);
