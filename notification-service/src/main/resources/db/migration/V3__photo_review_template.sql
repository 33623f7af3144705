-- PHO-5: the outcome of a photo's manual review (account-service sends it on ManualReviewDecided).
insert into sms_template (code, content) values
    ('PHOTO_REVIEW_DECIDED', '【山东省教育招生考试院】您的报名照片人工审核结果：{result}。请登录报名系统查看。');
