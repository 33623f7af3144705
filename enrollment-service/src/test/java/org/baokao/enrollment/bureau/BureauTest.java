package org.baokao.enrollment.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.enrollment.bureau.BureauDrafts.valid;
import static org.baokao.enrollment.bureau.BureauDrafts.with;
import static org.baokao.enrollment.bureau.BureauDrafts.withText;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.bureau.BureauDraft.PasswordDraft;
import org.baokao.enrollment.bureau.BureauDraft.PaymentRuleDraft;
import org.baokao.enrollment.bureau.BureauDraft.TextDraft;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BUR-1: the rules of a bureau's configuration, and its texts' versions, in plain Java. */
class BureauTest {

    private static final Instant AT = Instant.parse("2026-09-01T01:00:00Z");

    @Test
    @DisplayName("BUR-1: a sound draft configures the bureau, trimmed, every text a first version")
    void aSoundDraftConfiguresTheBureau() {
        Bureau.Configuration configured = Bureau.configure("sd", with(valid("sd"), b -> {
            b.name = "  山东省教育招生考试院 ";
            b.registrationGate = "OPEN";
            return b;
        }), List.of(), AT, "op-7");

        Bureau bureau = configured.bureau();
        assertThat(bureau.code()).isEqualTo("sd");
        assertThat(bureau.name()).isEqualTo("山东省教育招生考试院");
        assertThat(bureau.registrationGate()).isEqualTo(RegistrationGate.OPEN);
        assertThat(bureau.password()).isEqualTo(new Bureau.PasswordRule(8, 16, 4));
        assertThat(bureau.loginNeedsSms()).isTrue();
        assertThat(bureau.paymentRules()).containsExactly(new Bureau.PaymentRule("370200", PaymentChannel.UNIONPAY),
                new Bureau.PaymentRule("370000", PaymentChannel.CEB));
        assertThat(bureau.configuredAt()).isEqualTo(AT);
        assertThat(bureau.configuredBy()).isEqualTo("op-7");
        assertThat(bureau.texts().keySet()).containsExactly(TextKind.CANDIDATE_NOTICE, TextKind.PRIVACY_POLICY,
                TextKind.SERVICE_AGREEMENT);
        assertThat(bureau.text(TextKind.PRIVACY_POLICY).orElseThrow().title())
                .as("no title sent: the kind's").isEqualTo("隐私政策");
        assertThat(bureau.text(TextKind.SERVICE_AGREEMENT).orElseThrow().title()).isEqualTo("用户服务协议");
        assertThat(bureau.versionOf(TextKind.INTEGRITY_PLEDGE)).as("optional, not sent").isNull();
        assertThat(configured.newVersions()).hasSize(3);
    }

    /** The domain keeps its own copy of the address pattern (it may not import web types): the same one. */
    @Test
    void theCodePatternIsTheAddresses() {
        assertThat(BureauDraft.CODE.pattern()).isEqualTo(BureauAddress.CODE.pattern());
    }

    @Nested
    @DisplayName("BUR-1: refused with a stable code and a Chinese message")
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = { "s", "SD", "s1", "abcdefghi", "" })
        void codesThatCannotBeAnAddress(String code) {
            refused(code, valid("sd"), "BUREAU_CODE_INVALID", "考试院代码应为2至8位小写英文字母（如 sd、sh）");
        }

        /** BUR-1: a code the web or the gateway reads as one of their own addresses can never be a bureau's. */
        @ParameterizedTest
        @ValueSource(strings = { "login", "register", "wizard", "capture", "api", "assets" })
        void codesThatAreThePlatformsOwnAddresses(String code) {
            refused(code, valid(code), "BUREAU_CODE_RESERVED", "考试院代码“" + code + "”是平台页面或接口的地址，请换一个代码");
        }

        @Test
        void aCodeInTheBodyOtherThanTheAddressed() {
            refused("sh", valid("sd"), "BUREAU_CODE_MISMATCH", "请求中的考试院代码与地址中的不一致，考试院代码不能修改");
            assertThat(configure("sh", with(valid("sd"), b -> set(b, x -> x.code = null))).code()).isEqualTo("sh");
        }

        @Test
        void missingNamesAndLines() {
            refused(valid("sd"), b -> set(b, x -> x.name = " "), "BUREAU_NAME_REQUIRED", "请填写考试院名称");
            refused(valid("sd"), b -> set(b, x -> x.shortName = null), "BUREAU_SHORT_NAME_REQUIRED", "请填写考试院简称");
            refused(valid("sd"), b -> set(b, x -> x.hotline = ""), "HOTLINE_REQUIRED", "请填写咨询电话");
            refused(valid("sd"), b -> set(b, x -> x.serviceHours = null), "SERVICE_HOURS_REQUIRED", "请填写咨询时间");
            refused(valid("sd"), b -> set(b, x -> x.icp = null), "ICP_REQUIRED", "请填写ICP备案号");
            refused(valid("sd"), b -> set(b, x -> x.name = "院".repeat(101)), "BUREAU_NAME_TOO_LONG", "考试院名称不能超过100个字");
        }

        @Test
        void theRegistrationExam() {
            refused(valid("sd"), b -> set(b, x -> x.registrationExamCode = null), "REGISTRATION_EXAM_REQUIRED",
                    "请填写考生注册所报考的考试代码");
            refused(valid("sd"), b -> set(b, x -> x.registrationExamCode = "SD ZSB"), "REGISTRATION_EXAM_CODE_INVALID",
                    "注册考试代码应为1至32位字母、数字、下划线或连字符");
        }

        @ParameterizedTest
        @ValueSource(strings = { "roster", "CLOSED", "" })
        void aGateOtherThanRosterOrOpen(String gate) {
            refused(valid("sd"), b -> set(b, x -> x.registrationGate = gate), "REGISTRATION_GATE_INVALID",
                    "注册方式应为 ROSTER（凭考生名单注册）或 OPEN（开放注册）");
        }

        @Test
        void passwordBoundsOutsideSixToThirtyTwo() {
            refused(valid("sd"), b -> set(b, x -> x.password = null), "PASSWORD_RULE_REQUIRED",
                    "请填写密码规则：最短长度、最长长度和须包含的字符种类数");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(8, null, 4)), "PASSWORD_RULE_REQUIRED",
                    "请填写密码规则：最短长度、最长长度和须包含的字符种类数");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(5, 16, 1)),
                    "PASSWORD_MIN_LENGTH_TOO_SHORT", "密码最短长度不能少于6位");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(8, 33, 1)),
                    "PASSWORD_MAX_LENGTH_TOO_LONG", "密码最长长度不能超过32位");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(17, 16, 1)),
                    "PASSWORD_LENGTHS_INVALID", "密码最短长度不能大于最长长度");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(8, 16, 0)),
                    "PASSWORD_CLASSES_INVALID", "密码须包含的字符种类数应为1至4（数字、大写字母、小写字母、特殊字符）");
            refused(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(8, 16, 5)),
                    "PASSWORD_CLASSES_INVALID", "密码须包含的字符种类数应为1至4（数字、大写字母、小写字母、特殊字符）");
        }

        @Test
        void passwordBoundsAtTheirLimitsAreSound() {
            assertThat(configure("sd", with(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(6, 6, 1))))
                    .password()).isEqualTo(new Bureau.PasswordRule(6, 6, 1));
            assertThat(configure("sd", with(valid("sd"), b -> set(b, x -> x.password = new PasswordDraft(6, 32, 4))))
                    .password()).isEqualTo(new Bureau.PasswordRule(6, 32, 4));
        }

        @Test
        void loginMustSayWhetherItNeedsAnSmsCode() {
            refused(valid("sd"), b -> set(b, x -> x.loginNeedsSms = null), "LOGIN_NEEDS_SMS_REQUIRED",
                    "请选择考生登录时是否需要短信验证码");
            assertThat(configure("sd", with(valid("sd"), b -> set(b, x -> x.loginNeedsSms = false))).loginNeedsSms())
                    .isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = { "山东省教育招生考试院", "【】", "【考】", "[山东省考试院]", "【山东省考试院", "【山东 考试院】" })
        void anSmsSignatureNotInLenticularBrackets(String signature) {
            refused(valid("sd"), b -> set(b, x -> x.smsSignature = signature), "SMS_SIGNATURE_INVALID",
                    "短信签名应为【】括起的2至30个字，如【山东省教育招生考试院】");
        }

        @Test
        void smsTemplates() {
            refused(valid("sd"), b -> set(b, x -> x.smsSignature = null), "SMS_SIGNATURE_REQUIRED",
                    "请填写短信签名，如【山东省教育招生考试院】");
            refused(valid("sd"), b -> set(b, x -> x.smsTemplates = Map.of("payment", "您已缴费。")),
                    "SMS_TEMPLATE_CODE_INVALID", "短信模板代码应为大写英文字母、数字和下划线：payment");
            refused(valid("sd"), b -> set(b, x -> x.smsTemplates = Map.of("PAYMENT_SUCCEEDED", " ")),
                    "SMS_TEMPLATE_TEXT_REQUIRED", "短信模板PAYMENT_SUCCEEDED的内容不能为空");
            refused(valid("sd"), b -> set(b, x -> x.smsTemplates = Map.of("PAYMENT_SUCCEEDED", "【山东省考试院】您已缴费。")),
                    "SMS_TEMPLATE_SIGNED", "短信模板PAYMENT_SUCCEEDED不应包含签名，签名由系统自动添加");
            refused(valid("sd"), b -> set(b, x -> x.smsTemplates = Map.of("PAYMENT_SUCCEEDED", "字".repeat(301))),
                    "SMS_TEMPLATE_TOO_LONG", "短信模板PAYMENT_SUCCEEDED不能超过300个字");
        }

        @Test
        void paymentRules() {
            refused(valid("sd"), b -> set(b, x -> x.paymentRules = List.of()), "PAYMENT_RULES_REQUIRED",
                    "请至少配置一条缴费渠道规则");
            refused(valid("sd"), b -> set(b, x -> x.paymentRules = java.util.Arrays.asList((PaymentRuleDraft) null)),
                    "PAYMENT_RULE_REQUIRED", "缴费渠道规则不能为空");
            refused(valid("sd"), b -> set(b, x -> x.paymentRules = List.of(new PaymentRuleDraft("3702", "UNIONPAY"))),
                    "PAYMENT_REGION_INVALID", "缴费渠道规则的地区代码应为6位数字（如青岛市370200、山东省370000）：3702");
            refused(valid("sd"), b -> set(b, x -> x.paymentRules = List.of(new PaymentRuleDraft("370200", "ALIPAY"))),
                    "PAYMENT_CHANNEL_UNKNOWN", "缴费渠道不存在：ALIPAY（可选 UNIONPAY、CEB、PUBLIC_PAYMENT_PLATFORM）");
            refused(valid("sd"), b -> set(b, x -> x.paymentRules = List.of(new PaymentRuleDraft("370200", "UNIONPAY"),
                    new PaymentRuleDraft("370200", "CEB"))), "PAYMENT_REGION_DUPLICATE", "缴费渠道规则的地区重复：370200");
        }

        @ParameterizedTest
        @ValueSource(strings = { "UNIONPAY", "CEB", "PUBLIC_PAYMENT_PLATFORM" })
        void everyKnownChannelIsAccepted(String channel) {
            assertThat(configure("sh", with(valid("sh"), b -> set(b, x -> x.paymentRules = List.of(
                    new PaymentRuleDraft("310000", channel))))).paymentRules())
                    .containsExactly(new Bureau.PaymentRule("310000", PaymentChannel.valueOf(channel)));
        }

        @ParameterizedTest
        @ValueSource(strings = { "candidate-notice", "privacy-policy", "service-agreement" })
        void eachRequiredTextMustBeThere(String kind) {
            refused(valid("sd"), b -> set(b, x -> x.texts = x.texts.stream().filter(t -> !t.kind().equals(kind)).toList()),
                    "TEXT_REQUIRED", "请提供《" + TextKind.ofSlug(kind).orElseThrow().title() + "》（" + kind + "）");
        }

        @Test
        void textsOfUnknownOrRepeatedKindsOrWithoutVersionOrContent() {
            refused(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts, new TextDraft("notice", null, "v1", "须知"))),
                    "TEXT_KIND_UNKNOWN", "文本类型不存在：notice（可选 candidate-notice、privacy-policy、service-agreement、"
                            + "integrity-pledge、city-contacts、poverty-relief-plan、user-manual）");
            refused(valid("sd"), b -> set(b, x -> x.texts = concat(x.texts, new TextDraft("privacy-policy", null, "v2",
                    "另一版本"))), "TEXT_KIND_DUPLICATE", "《隐私政策》重复，每种文本只能有一个当前版本");
            refused(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts, new TextDraft("privacy-policy", null,
                    "2023 03", "隐私政策"))), "TEXT_VERSION_INVALID",
                    "《隐私政策》的版本号应为1至32位字母、数字、点、下划线或连字符（如 2023-03）");
            refused(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts, new TextDraft("privacy-policy", null,
                    null, "隐私政策"))), "TEXT_VERSION_INVALID",
                    "《隐私政策》的版本号应为1至32位字母、数字、点、下划线或连字符（如 2023-03）");
            refused(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts, new TextDraft("privacy-policy", null,
                    "v1", "\n \n"))), "TEXT_CONTENT_REQUIRED", "请填写《隐私政策》的内容");
            refused(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts, new TextDraft("privacy-policy", null,
                    "v1", "字".repeat(50_001)))), "TEXT_TOO_LONG", "《隐私政策》不能超过50000个字");
        }

        @Test
        void theIntegrityPledgeIsOptional() {
            Bureau with = configure("sh", with(valid("sh"), b -> set(b, x -> x.texts = withText(x.texts,
                    new TextDraft("integrity-pledge", null, "2026-09", "本人承诺……")))));
            assertThat(with.text(TextKind.INTEGRITY_PLEDGE).orElseThrow().title()).isEqualTo("考生诚信承诺书");
            assertThat(configure("sh", valid("sh")).text(TextKind.INTEGRITY_PLEDGE)).isEmpty();
        }
    }

    @Nested
    @DisplayName("BUR-1: a published text version never changes")
    class TextVersions {

        private final List<BureauText> published = List.of(
                new BureauText(TextKind.CANDIDATE_NOTICE, "v1", "考生须知", "第一段须知。\n\n第二段须知。"),
                new BureauText(TextKind.PRIVACY_POLICY, "v1", "隐私政策", "隐私政策正文。"),
                new BureauText(TextKind.SERVICE_AGREEMENT, "v1", "用户服务协议", "服务协议正文。"));

        @Test
        void theSameTextsUnderTheSameVersionsAreNothingNew() {
            Bureau.Configuration again = Bureau.configure("sd", valid("sd"), published, AT, "op");

            assertThat(again.newVersions()).isEmpty();
            assertThat(again.bureau().texts().values()).containsExactlyElementsOf(published);
        }

        @Test
        void aWindowsLineBreakOrTrailingSpaceIsTheSameText() {
            BureauDraft crlf = with(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts,
                    new TextDraft("candidate-notice", "考生须知", "v1", "第一段须知。\r\n\r\n第二段须知。\r\n"))));

            assertThat(Bureau.configure("sd", crlf, published, AT, "op").newVersions()).isEmpty();
        }

        @Test
        void aChangedTextUnderAPublishedVersionAsksForANewVersion() {
            BureauDraft changed = with(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts,
                    new TextDraft("privacy-policy", null, "v1", "隐私政策正文（修订）。"))));

            assertThatThrownBy(() -> Bureau.configure("sd", changed, published, AT, "op"))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(refusal.code()).isEqualTo("TEXT_VERSION_REQUIRED");
                        assertThat(refusal.getMessage()).isEqualTo("《隐私政策》的版本v1已发布，内容不能再修改：请为修改后的内容填写新的版本号");
                    });
        }

        @Test
        void aChangedTitleUnderAPublishedVersionAsksForANewVersionToo() {
            BureauDraft retitled = with(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts,
                    new TextDraft("privacy-policy", "用户隐私政策", "v1", "隐私政策正文。"))));

            assertThatThrownBy(() -> Bureau.configure("sd", retitled, published, AT, "op"))
                    .isInstanceOfSatisfying(Refusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("TEXT_VERSION_REQUIRED"));
        }

        @Test
        void aChangedTextUnderANewVersionIsANewVersionAndTheCurrentOne() {
            BureauDraft revised = with(valid("sd"), b -> set(b, x -> x.texts = withText(x.texts,
                    new TextDraft("privacy-policy", null, "v2", "隐私政策正文（修订）。"))));

            Bureau.Configuration configured = Bureau.configure("sd", revised, published, AT, "op");

            BureauText v2 = new BureauText(TextKind.PRIVACY_POLICY, "v2", "隐私政策", "隐私政策正文（修订）。");
            assertThat(configured.newVersions()).containsExactly(v2);
            assertThat(configured.bureau().text(TextKind.PRIVACY_POLICY)).contains(v2);
            assertThat(configured.bureau().text(TextKind.CANDIDATE_NOTICE)).contains(published.getFirst());
        }

        @Test
        void anEarlierVersionMayBecomeCurrentAgainUnchanged() {
            List<BureauText> twoVersions = new java.util.ArrayList<>(published);
            twoVersions.add(new BureauText(TextKind.PRIVACY_POLICY, "v2", "隐私政策", "隐私政策正文（修订）。"));

            Bureau.Configuration back = Bureau.configure("sd", valid("sd"), twoVersions, AT, "op");

            assertThat(back.newVersions()).isEmpty();
            assertThat(back.bureau().versionOf(TextKind.PRIVACY_POLICY)).isEqualTo("v1");
        }
    }

    private static Bureau configure(String code, BureauDraft draft) {
        return Bureau.configure(code, draft, List.of(), AT, "op").bureau();
    }

    private static void refused(BureauDraft draft, UnaryOperator<BureauDrafts.Builder> change, String code,
            String message) {
        refused("sd", with(draft, change), code, message);
    }

    private static void refused(String bureau, BureauDraft draft, String code, String message) {
        assertThatThrownBy(() -> Bureau.configure(bureau, draft, List.of(), AT, "op"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.getMessage()).isEqualTo(message);
                });
    }

    private static BureauDrafts.Builder set(BureauDrafts.Builder builder,
            java.util.function.Consumer<BureauDrafts.Builder> setter) {
        setter.accept(builder);
        return builder;
    }

    private static List<TextDraft> concat(List<TextDraft> texts, TextDraft more) {
        List<TextDraft> all = new java.util.ArrayList<>(texts);
        all.add(more);
        return all;
    }
}
