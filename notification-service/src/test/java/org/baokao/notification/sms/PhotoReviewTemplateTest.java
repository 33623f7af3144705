package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.baokao.notification.NotificationServiceTest;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PHO-5: the manual-review outcome SMS account-service asks for (template from V3) renders with its one parameter,
 * and Shandong signs it (BUR-1: the signature is the bureau's, no longer part of the platform's text).
 */
@NotificationServiceTest
class PhotoReviewTemplateTest {

    @Autowired
    SmsTemplates templates;
    @Autowired
    BureauSmsSettings bureaus;

    @Test
    void pho5_theManualReviewOutcomeTemplateRendersTheResult() {
        SmsTemplate template = templates.find("PHOTO_REVIEW_DECIDED").orElseThrow();

        assertThat(bureaus.find("sd").orElseThrow().signed(template.render(Map.of("result", "未通过，原因：手持身份证照片不清晰"))))
                .isEqualTo("【山东省教育招生考试院】您的报名照片人工审核结果：未通过，原因：手持身份证照片不清晰。请登录报名系统查看。");
    }
}
