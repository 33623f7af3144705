-- SMS texts are data: a bureau edits wording without a release. Placeholders are {name}.
create table sms_template (
    code        varchar(60)   primary key,
    content     varchar(500)  not null,
    updated_at  timestamptz   not null default now()
);

insert into sms_template (code, content) values
    ('VERIFICATION_CODE', '【山东省教育招生考试院】您的验证码为{code}，{minutes}分钟内有效。请勿将验证码告诉他人。'),
    ('PAYMENT_SUCCEEDED', '【山东省教育招生考试院】您已成功缴纳{examName}报名费{amount}元，报名已完成。'),
    ('REVIEW_DECIDED',    '【山东省教育招生考试院】您提交的{subject}审核结果：{result}。请登录报名系统查看。'),
    ('PHONE_CHANGED',     '【山东省教育招生考试院】您的报名账号绑定手机号已变更为{maskedPhone}。如非本人操作，请立即联系考试机构。');
