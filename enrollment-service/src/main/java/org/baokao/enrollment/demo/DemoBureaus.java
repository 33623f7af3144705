package org.baokao.enrollment.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.bureau.Bureau;
import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.bureau.BureauDraft;
import org.baokao.enrollment.bureau.BureauDraft.PasswordDraft;
import org.baokao.enrollment.bureau.BureauDraft.PaymentRuleDraft;
import org.baokao.enrollment.bureau.BureauDraft.TextDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ./baokao up: the two demo bureaus (BUR-1), configured through the operators' own code path at every start, before
 * the demo exams, which belong to them: 山东省教育招生考试院 {@code sd} (专升本 SD-ZSB-2023, roster gate, passwords of
 * 8-16 with all four classes, login with an SMS code, Qingdao paying through UnionPay and the rest of Shandong through
 * CEB) and 上海市教育考试院 {@code sh} (自考 SH-ZK-2026-10, open registration, passwords of 6-16, login without an SMS
 * code, theory courses paid on the public payment platform).
 *
 * <p>The texts are in {@code org/baokao/enrollment/demo/bureaus/<code>/<kind>.txt}: the 考生须知 paraphrase the
 * bureaus' manuals (seed 000 for Shandong, seed 004 §1 for Shanghai), the policies and the 诚信承诺书 are short demo
 * texts. A published version never changes: editing a text file means giving it a new version here, or the next
 * start is refused {@code TEXT_VERSION_REQUIRED} (and logged).
 */
@Component
@Profile("local")
class DemoBureaus {

    static final String OPERATOR = "demo";
    private static final String RESOURCES = "/org/baokao/enrollment/demo/bureaus/";
    private static final Logger log = LoggerFactory.getLogger(DemoBureaus.class);

    private final BureauConfigurations bureaus;

    DemoBureaus(BureauConfigurations bureaus) {
        this.bureaus = bureaus;
    }

    /** First of the demo data: exams name their bureau, which must exist. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void load() {
        for (Map.Entry<String, BureauDraft> demo : List.of(Map.entry("sd", shandong()), Map.entry("sh", shanghai()))) {
            try {
                Bureau bureau = bureaus.configure(demo.getKey(), demo.getValue(), OPERATOR).bureau();
                log.info("Demo bureau {} {} configured: /{}/", bureau.code(), bureau.name(), bureau.code());
            } catch (Refusal refused) {
                // e.g. a demo text edited under its old version: the rest of the stack still comes up, the log
                // says what to fix
                log.error("Demo bureau {} not configured: {} {}", demo.getKey(), refused.code(), refused.getMessage());
            }
        }
    }

    static BureauDraft shandong() {
        return new BureauDraft("sd", "山东省教育招生考试院", "山东省考试院", "0531-82598780、0531-82598725",
                "每天9:00-12:00，13:00-17:00", "鲁ICP备15041457号 鲁公网安备37010202001292号", DemoExam.CODE, "ROSTER",
                new PasswordDraft(8, 16, 4), true, "【山东省教育招生考试院】", Map.of(),
                List.of(new PaymentRuleDraft("370200", "UNIONPAY"), new PaymentRuleDraft("370000", "CEB")),
                List.of(text("sd", "candidate-notice", "考生须知", "2023-03"),
                        text("sd", "privacy-policy", "用户隐私政策", "2023-03"),
                        text("sd", "service-agreement", "用户服务协议", "2023-03"),
                        text("sd", "city-contacts", "各市招生考试机构联系方式", "2023-03"),
                        text("sd", "poverty-relief-plan", "2023年建档立卡家庭考生专升本计划", "2023-03"),
                        text("sd", "user-manual", "操作手册", "2023-03")));
    }

    static BureauDraft shanghai() {
        return new BureauDraft("sh", "上海市教育考试院", "上海市考试院", "021-64313131", "工作日 9:00-17:00",
                "沪ICP备05010185号", DemoShanghaiExam.CODE, "OPEN", new PasswordDraft(6, 16, 1), false,
                "【上海市教育考试院】",
                Map.of("VERIFICATION_CODE", "您的验证码为{code}，{minutes}分钟内有效，请勿泄露给他人。",
                        "PAYMENT_SUCCEEDED", "您已成功缴纳{examName}课程报考费{amount}元，所报课程已生效。"),
                List.of(new PaymentRuleDraft("310000", "PUBLIC_PAYMENT_PLATFORM")),
                List.of(text("sh", "candidate-notice", "考生须知", "2026-09"),
                        text("sh", "privacy-policy", "隐私政策", "2026-09"),
                        text("sh", "service-agreement", "服务协议", "2026-09"),
                        text("sh", "integrity-pledge", "考生诚信承诺书", "2026-09")));
    }

    private static TextDraft text(String bureau, String kind, String title, String version) {
        String resource = RESOURCES + bureau + "/" + kind + ".txt";
        try (InputStream in = DemoBureaus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo text " + resource + " is missing");
            }
            return new TextDraft(kind, title, version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
