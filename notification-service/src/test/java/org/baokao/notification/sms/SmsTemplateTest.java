package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** NOT-1: templates are filled from the request's parameters, and an incomplete SMS is never sent. */
class SmsTemplateTest {

    private final SmsTemplate verification = new SmsTemplate("VERIFICATION_CODE",
            "【山东省教育招生考试院】您的验证码为{code}，{minutes}分钟内有效。");

    @Test
    void everyPlaceholderIsFilled() {
        assertThat(verification.render(Map.of("code", "482913", "minutes", "5")))
                .isEqualTo("【山东省教育招生考试院】您的验证码为482913，5分钟内有效。");
    }

    @Test
    void aMissingParameterIsARejectionNamingTheParameterButNoValue() {
        assertThatThrownBy(() -> verification.render(Map.of("code", "482913")))
                .isInstanceOf(SmsRejectedException.class)
                .hasMessage("短信模板 VERIFICATION_CODE 缺少参数 minutes")
                .satisfies(e -> assertThat(((SmsRejectedException) e).reason()).isEqualTo("PARAM_MISSING"));
    }

    @Test
    void aBlankParameterCountsAsMissing() {
        assertThatThrownBy(() -> verification.render(Map.of("code", " ", "minutes", "5")))
                .isInstanceOf(SmsRejectedException.class).hasMessageContaining("缺少参数 code")
                .hasMessageNotContaining("minutes");
    }

    @Test
    void valuesAreInsertedLiterallyNeverExpanded() {
        SmsTemplate paid = new SmsTemplate("PAYMENT_SUCCEEDED", "您已缴纳{examName}报名费{amount}元");

        assertThat(paid.render(Map.of("examName", "{amount}$1\\", "amount", "120.00")))
                .isEqualTo("您已缴纳{amount}$1\\报名费120.00元");
    }

    @Test
    void aTemplateWithoutPlaceholdersNeedsNoParameters() {
        assertThat(new SmsTemplate("NOTICE", "请登录报名系统查看。").render(null)).isEqualTo("请登录报名系统查看。");
    }
}
