package org.baokao.enrollment.bureau;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Checks;

/**
 * A bureau's configuration as an operator sends it (BUR-1), not yet checked: {@link #refuseIfUnsound(String)} refuses
 * the first rule it breaks, and {@link Bureau#configure} makes a {@link Bureau} of a sound one.
 *
 * <pre>
 * { "name": "山东省教育招生考试院", "shortName": "山东省考试院", "hotline": "0531-82598780",
 *   "serviceHours": "工作日 9:00-17:00", "icp": "鲁ICP备15041457号",
 *   "registrationExamCode": "SD-ZSB-2023", "registrationGate": "ROSTER",
 *   "password": { "minLength": 8, "maxLength": 16, "requiredClasses": 4 }, "loginNeedsSms": true,
 *   "smsSignature": "【山东省教育招生考试院】", "smsTemplates": { "PAYMENT_SUCCEEDED": "您已成功缴纳……" },
 *   "paymentRules": [ { "regionCode": "370200", "channel": "UNIONPAY" }, { "regionCode": "370000", "channel": "CEB" } ],
 *   "texts": [ { "kind": "candidate-notice", "title": "考生须知", "version": "2023-03", "text": "……" }, ... ] }
 * </pre>
 *
 * @param code optional: the bureau's code is its address; when sent it must be the one addressed
 */
@DomainModel
public record BureauDraft(String code, String name, String shortName, String hotline, String serviceHours, String icp,
        String registrationExamCode, String registrationGate, PasswordDraft password, Boolean loginNeedsSms,
        String smsSignature, Map<String, String> smsTemplates, List<PaymentRuleDraft> paymentRules,
        List<TextDraft> texts) {

    /** The same as {@code org.baokao.web.bureau.BureauAddress.CODE} (a test keeps them equal): 2 to 8 lower-case letters. */
    static final Pattern CODE = Pattern.compile("[a-z]{2,8}");

    /**
     * First segments of addresses that are not a bureau's: the web UI opens its pages from before bureaus (web
     * src/address.ts) under the default bureau, and the gateway serves these paths itself.
     */
    static final Set<String> RESERVED_CODES = Set.of("login", "register", "wizard", "capture", "api", "assets",
            "actuator", "fallback");
    /** ACC-4 bounds any bureau may choose within: below 6 is guessable, above 32 nobody types on a phone. */
    static final int PASSWORD_MIN_FLOOR = 6;
    static final int PASSWORD_MAX_CEILING = 32;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SHORT_NAME_LENGTH = 50;
    static final int MAX_LINE_LENGTH = 100;
    static final int MAX_ICP_LENGTH = 200;
    static final int MAX_TITLE_LENGTH = 100;
    /** A text is a page to read, not a book; far above 考生须知, low enough that a pasted file is caught. */
    static final int MAX_TEXT_LENGTH = 50_000;
    /** A few SMS segments; the signature comes on top. */
    static final int MAX_TEMPLATE_LENGTH = 300;
    private static final Pattern SMS_SIGNATURE = Pattern.compile("【[^【】\\s]{2,30}】");
    private static final Pattern TEMPLATE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern TEXT_VERSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");

    public BureauDraft {
        smsTemplates = smsTemplates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(smsTemplates));
        paymentRules = keepingNulls(paymentRules);
        texts = keepingNulls(texts);
    }

    /** ACC-4: lengths and how many of the four character classes (digits, upper, lower, special) are required. */
    public record PasswordDraft(Integer minLength, Integer maxLength, Integer requiredClasses) {
    }

    /** PAY-2: candidates of {@code regionCode} (6 digits: a city, or a province ending in 0000) pay through {@code channel}. */
    public record PaymentRuleDraft(String regionCode, String channel) {
    }

    /**
     * A text as sent: {@code kind} is a {@link TextKind} slug, {@code title} defaults to the kind's, {@code version}
     * is the operator's name for this wording (e.g. {@code 2023-03}).
     */
    public record TextDraft(String kind, String title, String version, String text) {
    }

    /** The first rule this draft breaks for bureau {@code code}, as a 400 refusal; nothing when it is sound. */
    public void refuseIfUnsound(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw invalid("BUREAU_CODE_INVALID", "考试院代码应为2至8位小写英文字母（如 sd、sh）");
        }
        if (RESERVED_CODES.contains(code)) {
            throw invalid("BUREAU_CODE_RESERVED", "考试院代码“" + code + "”是平台页面或接口的地址，请换一个代码");
        }
        if (this.code != null && !this.code.equals(code)) {
            throw invalid("BUREAU_CODE_MISMATCH", "请求中的考试院代码与地址中的不一致，考试院代码不能修改");
        }
        line(name, MAX_NAME_LENGTH, "BUREAU_NAME", "考试院名称");
        line(shortName, MAX_SHORT_NAME_LENGTH, "BUREAU_SHORT_NAME", "考试院简称");
        line(hotline, MAX_LINE_LENGTH, "HOTLINE", "咨询电话");
        line(serviceHours, MAX_LINE_LENGTH, "SERVICE_HOURS", "咨询时间");
        line(icp, MAX_ICP_LENGTH, "ICP", "ICP备案号");
        if (isBlank(registrationExamCode)) {
            throw invalid("REGISTRATION_EXAM_REQUIRED", "请填写考生注册所报考的考试代码");
        }
        if (!Checks.isCode(registrationExamCode.strip())) {
            throw invalid("REGISTRATION_EXAM_CODE_INVALID", "注册考试代码应为1至32位字母、数字、下划线或连字符");
        }
        gate();
        checkPassword();
        if (loginNeedsSms == null) {
            throw invalid("LOGIN_NEEDS_SMS_REQUIRED", "请选择考生登录时是否需要短信验证码");
        }
        checkSms();
        checkPaymentRules();
        checkTexts();
    }

    /** The gate as sent; call only for a sound draft. */
    RegistrationGate gate() {
        try {
            return RegistrationGate.valueOf(registrationGate == null ? "" : registrationGate.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("REGISTRATION_GATE_INVALID", "注册方式应为 ROSTER（凭考生名单注册）或 OPEN（开放注册）");
        }
    }

    private void checkPassword() {
        if (password == null || password.minLength() == null || password.maxLength() == null
                || password.requiredClasses() == null) {
            throw invalid("PASSWORD_RULE_REQUIRED", "请填写密码规则：最短长度、最长长度和须包含的字符种类数");
        }
        if (password.minLength() < PASSWORD_MIN_FLOOR) {
            throw invalid("PASSWORD_MIN_LENGTH_TOO_SHORT", "密码最短长度不能少于" + PASSWORD_MIN_FLOOR + "位");
        }
        if (password.maxLength() > PASSWORD_MAX_CEILING) {
            throw invalid("PASSWORD_MAX_LENGTH_TOO_LONG", "密码最长长度不能超过" + PASSWORD_MAX_CEILING + "位");
        }
        if (password.minLength() > password.maxLength()) {
            throw invalid("PASSWORD_LENGTHS_INVALID", "密码最短长度不能大于最长长度");
        }
        if (password.requiredClasses() < 1 || password.requiredClasses() > 4) {
            throw invalid("PASSWORD_CLASSES_INVALID", "密码须包含的字符种类数应为1至4（数字、大写字母、小写字母、特殊字符）");
        }
    }

    private void checkSms() {
        if (isBlank(smsSignature)) {
            throw invalid("SMS_SIGNATURE_REQUIRED", "请填写短信签名，如【山东省教育招生考试院】");
        }
        if (!SMS_SIGNATURE.matcher(smsSignature.strip()).matches()) {
            throw invalid("SMS_SIGNATURE_INVALID", "短信签名应为【】括起的2至30个字，如【山东省教育招生考试院】");
        }
        for (Map.Entry<String, String> template : smsTemplates.entrySet()) {
            if (template.getKey() == null || !TEMPLATE_CODE.matcher(template.getKey()).matches()) {
                throw invalid("SMS_TEMPLATE_CODE_INVALID", "短信模板代码应为大写英文字母、数字和下划线：" + template.getKey());
            }
            String text = template.getValue();
            if (isBlank(text)) {
                throw invalid("SMS_TEMPLATE_TEXT_REQUIRED", "短信模板" + template.getKey() + "的内容不能为空");
            }
            if (length(text.strip()) > MAX_TEMPLATE_LENGTH) {
                throw invalid("SMS_TEMPLATE_TOO_LONG", "短信模板" + template.getKey() + "不能超过" + MAX_TEMPLATE_LENGTH + "个字");
            }
            // the signature is the bureau's one setting: a template carrying one would be sent signed twice
            if (text.contains("【") || text.contains("】")) {
                throw invalid("SMS_TEMPLATE_SIGNED", "短信模板" + template.getKey() + "不应包含签名，签名由系统自动添加");
            }
        }
    }

    private void checkPaymentRules() {
        if (paymentRules.isEmpty()) {
            throw invalid("PAYMENT_RULES_REQUIRED", "请至少配置一条缴费渠道规则");
        }
        Set<String> regions = new HashSet<>();
        for (PaymentRuleDraft rule : paymentRules) {
            if (rule == null) {
                throw invalid("PAYMENT_RULE_REQUIRED", "缴费渠道规则不能为空");
            }
            if (rule.regionCode() == null || !REGION_CODE.matcher(rule.regionCode()).matches()) {
                throw invalid("PAYMENT_REGION_INVALID", "缴费渠道规则的地区代码应为6位数字（如青岛市370200、山东省370000）："
                        + rule.regionCode());
            }
            if (channel(rule).isEmpty()) {
                throw invalid("PAYMENT_CHANNEL_UNKNOWN", "缴费渠道不存在：" + rule.channel()
                        + "（可选 UNIONPAY、CEB、PUBLIC_PAYMENT_PLATFORM）");
            }
            if (!regions.add(rule.regionCode())) {
                throw invalid("PAYMENT_REGION_DUPLICATE", "缴费渠道规则的地区重复：" + rule.regionCode());
            }
        }
    }

    static Optional<PaymentChannel> channel(PaymentRuleDraft rule) {
        try {
            return Optional.of(PaymentChannel.valueOf(rule.channel() == null ? "" : rule.channel()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void checkTexts() {
        Set<TextKind> sent = EnumSet.noneOf(TextKind.class);
        for (TextDraft text : texts) {
            if (text == null) {
                throw invalid("TEXT_REQUIRED", "文本不能为空");
            }
            TextKind kind = TextKind.ofSlug(text.kind()).orElseThrow(() -> invalid("TEXT_KIND_UNKNOWN",
                    "文本类型不存在：" + text.kind() + "（可选 candidate-notice、privacy-policy、service-agreement、"
                            + "integrity-pledge、city-contacts、poverty-relief-plan、user-manual）"));
            if (!sent.add(kind)) {
                throw invalid("TEXT_KIND_DUPLICATE", "《" + kind.title() + "》重复，每种文本只能有一个当前版本");
            }
            if (text.version() == null || !TEXT_VERSION.matcher(text.version()).matches()) {
                throw invalid("TEXT_VERSION_INVALID", "《" + kind.title() + "》的版本号应为1至32位字母、数字、点、下划线或连字符（如 2023-03）");
            }
            if (text.title() != null && length(text.title().strip()) > MAX_TITLE_LENGTH) {
                throw invalid("TEXT_TITLE_TOO_LONG", "《" + kind.title() + "》的标题不能超过" + MAX_TITLE_LENGTH + "个字");
            }
            if (isBlank(text.text())) {
                throw invalid("TEXT_CONTENT_REQUIRED", "请填写《" + kind.title() + "》的内容");
            }
            if (length(text.text()) > MAX_TEXT_LENGTH) {
                throw invalid("TEXT_TOO_LONG", "《" + kind.title() + "》不能超过" + MAX_TEXT_LENGTH + "个字");
            }
        }
        for (TextKind kind : TextKind.values()) {
            if (kind.required() && !sent.contains(kind)) {
                throw invalid("TEXT_REQUIRED", "请提供《" + kind.title() + "》（" + kind.slug() + "）");
            }
        }
    }

    /** The texts as they are published: kind parsed, title defaulted, text with line breaks made plain. */
    List<BureauText> publishedTexts() {
        List<BureauText> published = new ArrayList<>();
        for (TextDraft text : texts) {
            TextKind kind = TextKind.ofSlug(text.kind()).orElseThrow();
            String title = isBlank(text.title()) ? kind.title() : text.title().strip();
            // \r\n from a Windows editor is the same text; a changed paragraph is not
            published.add(new BureauText(kind, text.version(), title, text.text().replace("\r\n", "\n").strip()));
        }
        return published;
    }

    private static void line(String value, int maxLength, String prefix, String what) {
        if (isBlank(value)) {
            throw invalid(prefix + "_REQUIRED", "请填写" + what);
        }
        if (length(value.strip()) > maxLength) {
            throw invalid(prefix + "_TOO_LONG", what + "不能超过" + maxLength + "个字");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static Refusal invalid(String code, String message) {
        return Refusal.invalid(code, message);
    }

    /** Unlike {@code List.copyOf} keeps nulls, so a null entry is refused by its rule instead of failing to read. */
    private static <T> List<T> keepingNulls(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
