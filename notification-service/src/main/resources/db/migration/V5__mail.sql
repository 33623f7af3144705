-- E-mail (NOT-1): templates and the delivery log, beside sms_template and sms_delivery. V5, not V4: V4 is left to
-- the SMS side's next migration, which is written at the same time.

-- Mail texts are data: a bureau edits wording without a release. Placeholders are {name}; the producer passes the
-- bureau's name as {bureauName}, so one template serves every bureau and each mail is signed by its own.
create table mail_template (
    code        varchar(60)   primary key,
    subject     varchar(200)  not null,
    body        text          not null,
    updated_at  timestamptz   not null default now()
);

insert into mail_template (code, subject, body) values
    ('PASSWORD_RESET_CODE', '{bureauName}：找回密码验证码', '您好：

您正在通过电子邮箱找回{bureauName}报名系统的登录密码。本次操作的验证码为：

{code}

验证码{minutes}分钟内有效。请勿将验证码告诉他人，工作人员不会向您索要验证码。
如非本人操作，请忽略本邮件，您的密码不会被更改。

{bureauName}
（本邮件由系统自动发送，请勿直接回复）');

-- One row per mail request (EmailRequested.requestId): what happened to it, never what it said. No subject, no
-- text, no code and no full address (ACC-6, ACC-10): the masked address answers "did the candidate get it", the
-- Message-ID (<request id@sender domain>) finds the mail in the mail server's logs.
create table mail_delivery (
    request_id        uuid          primary key,
    candidate_id      uuid,
    bureau            varchar(20)   not null,
    template_code     varchar(60)   not null,
    masked_address    varchar(120)  not null,
    status            varchar(10)   not null check (status in ('SENT', 'FAILED')),
    -- delivery attempts of this service (each event processing counts one; it may call the mail server up to
    -- resilience4j.retry.instances.mail-server.max-attempts times)
    attempts          int           not null,
    message_id        varchar(200),
    -- a reason code and a message without personal data, e.g. "SMTP_UNREACHABLE: 邮件服务器无响应（ConnectException）"
    failure_reason    varchar(300),
    requested_at      timestamptz,
    first_attempt_at  timestamptz   not null default now(),
    last_attempt_at   timestamptz   not null default now(),
    sent_at           timestamptz
);
create index mail_delivery_candidate on mail_delivery (candidate_id);
create index mail_delivery_failed on mail_delivery (last_attempt_at) where status = 'FAILED';
