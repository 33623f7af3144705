package org.baokao.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** NOT-1: subject and text are filled from the request's parameters, and an incomplete mail is never sent. */
class MailTemplateTest {

    private final MailTemplate reset = new MailTemplate("PASSWORD_RESET_CODE", "{bureauName}：找回密码验证码",
            "验证码为{code}，{minutes}分钟内有效。\n\n{bureauName}");

    @Test
    void everyPlaceholderOfSubjectAndTextIsFilled() {
        MailTemplate.Rendered mail = reset.render(Map.of("code", "482913", "minutes", "15", "bureauName", "上海市教育考试院"));

        assertThat(mail.subject()).isEqualTo("上海市教育考试院：找回密码验证码");
        assertThat(mail.body()).isEqualTo("验证码为482913，15分钟内有效。\n\n上海市教育考试院");
    }

    @Test
    void aParameterMissingFromTheSubjectAloneIsARejectionNamingItButNoValue() {
        MailTemplate subjectOnly = new MailTemplate("NOTICE", "{bureauName}：通知", "请登录报名系统查看。");

        assertThatThrownBy(() -> subjectOnly.render(Map.of("code", "482913")))
                .isInstanceOf(MailRejectedException.class)
                .hasMessage("邮件模板 NOTICE 缺少参数 bureauName")
                .satisfies(e -> assertThat(((MailRejectedException) e).reason()).isEqualTo("PARAM_MISSING"));
    }

    @Test
    void aBlankParameterCountsAsMissing() {
        assertThatThrownBy(() -> reset.render(Map.of("code", " ", "minutes", "15", "bureauName", "上海市教育考试院")))
                .isInstanceOf(MailRejectedException.class).hasMessageContaining("缺少参数 code");
    }

    @Test
    void valuesAreInsertedLiterallyNeverExpanded() {
        assertThat(reset.render(Map.of("code", "{minutes}$1\\", "minutes", "15", "bureauName", "院")).body())
                .isEqualTo("验证码为{minutes}$1\\，15分钟内有效。\n\n院");
    }

    @Test
    void aRenderedMailPrintsNeitherSubjectNorText() {
        MailTemplate.Rendered mail = reset.render(Map.of("code", "482913", "minutes", "15", "bureauName", "院"));

        assertThat(mail.toString()).doesNotContain("482913").doesNotContain("找回密码");
    }
}
