package org.baokao.enrollment.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.baokao.enrollment.bureau.BureauDraft.PasswordDraft;
import org.baokao.enrollment.bureau.BureauDraft.PaymentRuleDraft;
import org.baokao.enrollment.bureau.BureauDraft.TextDraft;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bureau configurations for tests: a sound draft to vary, calls of the bureau APIs, and the two bureaus every test
 * exam belongs to ({@link #ensure}).
 */
public final class BureauDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Bureaus known to be configured in this JVM's database (one database per test JVM). */
    private static final Set<String> ENSURED = ConcurrentHashMap.newKeySet();

    private BureauDrafts() {
    }

    /** A sound configuration of bureau {@code code}, Shandong-like: roster gate, 8-16 with 4 classes, SMS login. */
    public static BureauDraft valid(String code) {
        return new BureauDraft(code, "测试省教育考试院", "测试考试院", "0531-00000000", "工作日 9:00-17:00",
                "鲁ICP备00000000号", "T-" + code.toUpperCase(), "ROSTER", new PasswordDraft(8, 16, 4), true,
                "【测试省教育考试院】", Map.of("PAYMENT_SUCCEEDED", "您已成功缴纳{examName}报名费{amount}元。"),
                List.of(new PaymentRuleDraft("370200", "UNIONPAY"), new PaymentRuleDraft("370000", "CEB")),
                List.of(new TextDraft("candidate-notice", "考生须知", "v1", "第一段须知。\n\n第二段须知。"),
                        new TextDraft("privacy-policy", null, "v1", "隐私政策正文。"),
                        new TextDraft("service-agreement", "用户服务协议", "v1", "服务协议正文。")));
    }

    /** A code no bureau has yet: 8 lower-case letters. */
    public static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    /** The draft with other fields: a copy-with for the record tests vary most. */
    public static BureauDraft with(BureauDraft d, UnaryOperator<Builder> change) {
        Builder b = change.apply(new Builder(d));
        return new BureauDraft(b.code, b.name, b.shortName, b.hotline, b.serviceHours, b.icp, b.registrationExamCode,
                b.registrationGate, b.password, b.loginNeedsSms, b.smsSignature, b.smsTemplates, b.paymentRules,
                b.texts);
    }

    /** {@code texts} with the text of {@code kind} replaced (or added). */
    public static List<TextDraft> withText(List<TextDraft> texts, TextDraft text) {
        List<TextDraft> changed = new java.util.ArrayList<>(texts.stream()
                .filter(t -> !t.kind().equals(text.kind())).toList());
        changed.add(text);
        return changed;
    }

    public static String json(Object draft) {
        return JSON.writeValueAsString(draft);
    }

    public static HttpProbe.Answer put(HttpProbe http, String token, String code, String json) {
        return http.send(http.request("/api/enrollments/operations/bureaus/" + code)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A public GET addressed to bureau {@code bureau}, as the gateway passes on {@code /<bureau>/api/...}. */
    public static HttpProbe.Answer getAt(HttpProbe http, String bureau, String path) {
        return http.send(http.request(path).header(BureauAddress.HEADER, bureau).GET());
    }

    /**
     * Configures the bureaus {@code sd} and {@code sh} unless they are: every exam belongs to an existing bureau, and
     * test exams are Shandong's ({@code ExamDrafts.valid}) or Shanghai's ({@code ExamDrafts.selfStudy}).
     */
    public static void ensure(HttpProbe http) {
        for (String code : List.of("sd", "sh")) {
            if (ENSURED.contains(code)) {
                continue;
            }
            String operator = TestServers.issuer().token("op-bureaus", "operator", "bureau-admin");
            if (http.get("/api/enrollments/operations/bureaus/" + code, operator).status() == 404) {
                BureauDraft draft = with(valid(code), b -> {
                    b.registrationExamCode = code.equals("sd") ? "SD-ZSB-2023" : "SH-ZK-2026-10";
                    return b;
                });
                HttpProbe.Answer answer = put(http, operator, code, json(draft));
                assertThat(answer.status()).as(answer.body()).isIn(200, 201);
            }
            ENSURED.add(code);
        }
    }

    public static final class Builder {
        public String code;
        public String name;
        public String shortName;
        public String hotline;
        public String serviceHours;
        public String icp;
        public String registrationExamCode;
        public String registrationGate;
        public PasswordDraft password;
        public Boolean loginNeedsSms;
        public String smsSignature;
        public Map<String, String> smsTemplates;
        public List<PaymentRuleDraft> paymentRules;
        public List<TextDraft> texts;

        Builder(BureauDraft d) {
            code = d.code();
            name = d.name();
            shortName = d.shortName();
            hotline = d.hotline();
            serviceHours = d.serviceHours();
            icp = d.icp();
            registrationExamCode = d.registrationExamCode();
            registrationGate = d.registrationGate();
            password = d.password();
            loginNeedsSms = d.loginNeedsSms();
            smsSignature = d.smsSignature();
            smsTemplates = d.smsTemplates();
            paymentRules = d.paymentRules();
            texts = d.texts();
        }
    }
}
