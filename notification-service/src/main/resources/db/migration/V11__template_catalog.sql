-- OPS-3 消息模板: what operators may write in each template. A template's placeholders are what its producers pass
-- (account-service's SmsRequested / EmailRequested params); an operator's wording may use only these, must keep the
-- required ones (a code SMS without {code} is useless), and the console's preview fills them with the samples.
create table template_catalog (
    kind      varchar(10)   not null check (kind in ('SMS', 'MAIL')),
    code      varchar(60)   not null,
    -- the template's name on the console
    title     varchar(60)   not null,
    -- the desk's order: the most sent first
    position  int           not null,
    primary key (kind, code)
);

create table template_placeholder (
    kind      varchar(10)   not null,
    code      varchar(60)   not null,
    name      varchar(40)   not null,
    -- what the value is, for the operator
    label     varchar(40)   not null,
    required  boolean       not null,
    -- an invented value for previews, never personal data
    sample    varchar(100)  not null,
    position  int           not null,
    primary key (kind, code, name),
    foreign key (kind, code) references template_catalog (kind, code) on delete cascade
);

insert into template_catalog (kind, code, title, position) values
    ('SMS', 'VERIFICATION_CODE', '短信验证码', 1),
    ('SMS', 'PAYMENT_SUCCEEDED', '缴费成功通知', 2),
    ('SMS', 'PHOTO_REVIEW_DECIDED', '照片审核结果通知', 3),
    ('SMS', 'REVIEW_DECIDED', '审核结果通知', 4),
    ('SMS', 'PHONE_CHANGED', '手机号变更通知', 5),
    ('MAIL', 'PASSWORD_RESET_CODE', '找回密码验证码邮件', 1);

insert into template_placeholder (kind, code, name, label, required, sample, position) values
    ('SMS', 'VERIFICATION_CODE', 'code', '验证码', true, '123456', 1),
    ('SMS', 'VERIFICATION_CODE', 'minutes', '有效分钟数', false, '5', 2),
    ('SMS', 'PAYMENT_SUCCEEDED', 'examName', '考试名称', true, '2026年普通高校专升本考试', 1),
    ('SMS', 'PAYMENT_SUCCEEDED', 'amount', '金额（元）', true, '120.00', 2),
    ('SMS', 'REVIEW_DECIDED', 'subject', '审核事项', true, '手机号变更申请', 1),
    ('SMS', 'REVIEW_DECIDED', 'result', '审核结果', true, '通过', 2),
    ('SMS', 'PHONE_CHANGED', 'maskedPhone', '新手机号（隐去中间四位）', true, '131****8780', 1),
    ('SMS', 'PHOTO_REVIEW_DECIDED', 'result', '审核结果', true, '通过', 1),
    ('MAIL', 'PASSWORD_RESET_CODE', 'code', '验证码', true, '123456', 1),
    ('MAIL', 'PASSWORD_RESET_CODE', 'minutes', '有效分钟数', false, '15', 2),
    ('MAIL', 'PASSWORD_RESET_CODE', 'bureauName', '考试院名称', false, '山东省教育招生考试院', 3);
