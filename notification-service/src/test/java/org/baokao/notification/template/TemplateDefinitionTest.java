package org.baokao.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** OPS-3 消息模板: what a bureau's administrator may save as a template's wording. */
class TemplateDefinitionTest {

    private static final TemplateDefinition CODE_SMS = new TemplateDefinition(TemplateKind.SMS, "VERIFICATION_CODE",
            "短信验证码", List.of(new Placeholder("code", "验证码", true, "123456"),
                    new Placeholder("minutes", "有效分钟数", false, "5")));
    private static final TemplateDefinition RESET_MAIL = new TemplateDefinition(TemplateKind.MAIL,
            "PASSWORD_RESET_CODE", "找回密码验证码邮件", List.of(new Placeholder("code", "验证码", true, "123456"),
                    new Placeholder("bureauName", "考试院名称", false, "山东省教育招生考试院")));

    @Test
    void aWordingWithTheRequiredPlaceholdersIsKeptAndPreviewedWithTheSamples() {
        TemplateText draft = new TemplateText(null, "  验证码{code}，{minutes}分钟内有效。 ");

        assertThat(CODE_SMS.check(draft).content()).isEqualTo("验证码{code}，{minutes}分钟内有效。");
        assertThat(CODE_SMS.preview(draft).content()).isEqualTo("验证码123456，5分钟内有效。");
        assertThat(CODE_SMS.check(new TemplateText(null, "验证码{code}")).content())
                .as("an optional placeholder may be left out").isEqualTo("验证码{code}");
    }

    @Test
    void aPlaceholderTheProducersDoNotPassIsRefusedNamingTheOnesThatExist() {
        assertThatThrownBy(() -> CODE_SMS.check(new TemplateText(null, "验证码{code}，考生{name}")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
                    assertThat(refusal.getMessage()).contains("{name}").contains("{code}（验证码）")
                            .contains("{minutes}（有效分钟数）");
                });
        assertThat(codeOf(CODE_SMS, "验证码{ code }")).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
        assertThat(codeOf(CODE_SMS, "验证码{Code}")).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
    }

    @Test
    void aWordingWithoutARequiredPlaceholderIsRefused() {
        assertThatThrownBy(() -> CODE_SMS.check(new TemplateText(null, "您的验证码{minutes}分钟内有效")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("TEMPLATE_PLACEHOLDER_MISSING");
                    assertThat(refusal.getMessage()).contains("{code}（验证码）");
                });
    }

    @Test
    void anUnpairedBraceASignatureAnEmptyOrOverlongTextAreRefused() {
        assertThat(codeOf(CODE_SMS, "验证码{code}，{minutes分钟内有效")).isEqualTo("TEMPLATE_BRACE_UNPAIRED");
        assertThat(codeOf(CODE_SMS, "验证码{code}}")).isEqualTo("TEMPLATE_BRACE_UNPAIRED");
        assertThat(codeOf(CODE_SMS, "【山东省教育招生考试院】验证码{code}")).isEqualTo("SMS_TEMPLATE_SIGNED");
        assertThat(codeOf(CODE_SMS, "   ")).isEqualTo("TEMPLATE_CONTENT_REQUIRED");
        assertThat(codeOf(CODE_SMS, "{code}" + "字".repeat(TemplateDefinition.SMS_MAX - 5)))
                .isEqualTo("TEMPLATE_TOO_LONG");
        assertThat(codeOf(CODE_SMS, "{code}" + "字".repeat(TemplateDefinition.SMS_MAX - 6))).isEqualTo("accepted");
    }

    @Test
    void aMailNeedsASubjectAndItsPlaceholdersMayBeInEither() {
        assertThatThrownBy(() -> RESET_MAIL.check(new TemplateText(" ", "验证码{code}")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("TEMPLATE_SUBJECT_REQUIRED"));

        TemplateText preview = RESET_MAIL.preview(new TemplateText("{bureauName}验证码{code}", "请查收。"));

        assertThat(preview.subject()).isEqualTo("山东省教育招生考试院验证码123456");
        assertThat(preview.content()).isEqualTo("请查收。");
        assertThatThrownBy(() -> RESET_MAIL.check(new TemplateText("{bureauName}", "{foo}")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN"));
    }

    @Test
    void segmentsAreCountedAsTheGatewayBillsThem() {
        assertThat(SmsSegments.of(70)).isEqualTo(1);
        assertThat(SmsSegments.of(71)).isEqualTo(2);
        assertThat(SmsSegments.of(134)).isEqualTo(2);
        assertThat(SmsSegments.of(135)).isEqualTo(3);
    }

    private static String codeOf(TemplateDefinition definition, String content) {
        try {
            definition.check(new TemplateText(null, content));
            return "accepted";
        } catch (Refusal refusal) {
            return refusal.code();
        }
    }
}
