package org.baokao.enrollment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.baokao.enrollment.bureau.Bureau;
import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.bureau.BureauText;
import org.baokao.enrollment.bureau.PaymentChannel;
import org.baokao.enrollment.bureau.RegistrationGate;
import org.baokao.enrollment.bureau.TextKind;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamRules;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo bureaus of the local stack (BUR-1) and the Shanghai demo sitting: as the design describes them, sound, and
 * configured again at every start without a new text version.
 */
@ServiceTest
class DemoBureausTest {

    private static final Instant AT = Instant.parse("2026-09-01T01:00:00Z");

    @Autowired
    BureauConfigurations bureaus;
    @Autowired
    ExamConfigurations exams;

    @Test
    @DisplayName("BUR-1: Shandong — roster gate, 8-16 with all four classes, SMS login, Qingdao UnionPay, else CEB")
    void shandong() {
        Bureau sd = Bureau.configure("sd", DemoBureaus.shandong(), List.of(), AT, "demo").bureau();

        assertThat(sd.name()).isEqualTo("山东省教育招生考试院");
        assertThat(sd.registrationExamCode()).isEqualTo("SD-ZSB-2023");
        assertThat(sd.registrationGate()).isEqualTo(RegistrationGate.ROSTER);
        assertThat(sd.password()).isEqualTo(new Bureau.PasswordRule(8, 16, 4));
        assertThat(sd.loginNeedsSms()).isTrue();
        assertThat(sd.smsSignature()).isEqualTo("【山东省教育招生考试院】");
        assertThat(sd.paymentRules()).containsExactly(new Bureau.PaymentRule("370200", PaymentChannel.UNIONPAY),
                new Bureau.PaymentRule("370000", PaymentChannel.CEB));
        assertThat(sd.icp()).startsWith("鲁ICP备");
        assertThat(sd.hotline()).startsWith("0531-");
        // the login page's links (seed 000 §1.2): 各市招生考试机构联系方式, 建档立卡家庭考生专升本计划, 操作手册
        assertThat(sd.texts().keySet()).containsExactly(TextKind.CANDIDATE_NOTICE, TextKind.PRIVACY_POLICY,
                TextKind.SERVICE_AGREEMENT, TextKind.CITY_CONTACTS, TextKind.POVERTY_RELIEF_PLAN, TextKind.USER_MANUAL);
        assertThat(sd.text(TextKind.USER_MANUAL).orElseThrow().text()).contains("报考承诺").contains("兼报对应的专业");
        assertThat(sd.text(TextKind.CANDIDATE_NOTICE).orElseThrow().text())
                .contains("该证件类型+证件号不存在于考生名单中，请确认后注册").contains("不得兼报").contains("青岛市考生通过银联支付");
        assertSeveralParagraphs(sd);
        assertThat(String.join("", sd.texts().values().stream().map(BureauText::text).toList()))
                .as("nothing Shanghai on a Shandong page").doesNotContain("上海");
    }

    @Test
    @DisplayName("BUR-1: Shanghai — open registration, 6-16 length only, no SMS at login, the public payment platform")
    void shanghai() {
        Bureau sh = Bureau.configure("sh", DemoBureaus.shanghai(), List.of(), AT, "demo").bureau();

        assertThat(sh.name()).isEqualTo("上海市教育考试院");
        assertThat(sh.registrationExamCode()).isEqualTo("SH-ZK-2026-10");
        assertThat(sh.registrationGate()).isEqualTo(RegistrationGate.OPEN);
        assertThat(sh.password()).isEqualTo(new Bureau.PasswordRule(6, 16, 1));
        assertThat(sh.loginNeedsSms()).isFalse();
        assertThat(sh.smsSignature()).isEqualTo("【上海市教育考试院】");
        assertThat(sh.paymentRules()).containsExactly(
                new Bureau.PaymentRule("310000", PaymentChannel.PUBLIC_PAYMENT_PLATFORM));
        assertThat(sh.icp()).startsWith("沪ICP备");
        assertThat(sh.hotline()).startsWith("021-");
        assertThat(sh.texts().keySet()).containsExactly(TextKind.CANDIDATE_NOTICE, TextKind.PRIVACY_POLICY,
                TextKind.SERVICE_AGREEMENT, TextKind.INTEGRITY_PLEDGE);
        assertThat(sh.text(TextKind.CANDIDATE_NOTICE).orElseThrow().text()).contains("新考生注册")
                .contains("证件号码的后6位").contains("报考其他学校").contains("中药学、护理学");
        assertThat(sh.text(TextKind.INTEGRITY_PLEDGE).orElseThrow().title()).isEqualTo("考生诚信承诺书");
        assertSeveralParagraphs(sh);
        assertThat(String.join("", sh.texts().values().stream().map(BureauText::text).toList()))
                .as("nothing Shandong on a Shanghai page").doesNotContain("山东");
    }

    @Test
    @DisplayName("ENR-10: the Shanghai sitting — 自考 of bureau sh, four 主考学校 with 温馨提示, 中药学 and 护理学 special")
    void theShanghaiSitting() {
        ExamDraft draft = DemoShanghaiExam.draft(LocalDate.of(2026, 9, 1));

        assertThat(ExamRules.check(draft)).isEmpty();
        assertThat(draft.code()).isEqualTo("SH-ZK-2026-10");
        assertThat(draft.name()).isEqualTo("2026年10月上海市高等教育自学考试");
        assertThat(draft.kind()).isEqualTo(ExamKind.SELF_STUDY);
        assertThat(draft.bureau()).isEqualTo("sh");
        assertThat(draft.registration().opensAt()).isEqualTo(Instant.parse("2026-08-01T16:00:00Z"));
        assertThat(draft.registration().closesAt()).isEqualTo(Instant.parse("2026-10-30T16:00:00Z"));
        CoursePlanCatalogue plan = (CoursePlanCatalogue) draft.catalogue();
        assertThat(plan.universities()).extracting(CoursePlanCatalogue.University::name)
                .containsExactly("复旦大学", "华东师范大学", "上海中医药大学", "上海交通大学");
        assertThat(plan.universities()).allSatisfy(university -> {
            assertThat(university.notice()).isNotBlank();
            assertThat(university.majors()).isNotEmpty();
        });
        assertThat(plan.universities().stream().flatMap(u -> u.majors().stream()).filter(m -> m.special())
                .map(CoursePlanCatalogue.Major::name)).containsExactlyInAnyOrder("中药学", "护理学");
    }

    @Test
    @DisplayName("BUR-1: loaded at every start — both bureaus, then the Shanghai sitting, found at Shanghai's address only")
    void loadingAgainPublishesNoNewVersion() {
        DemoBureaus demo = new DemoBureaus(bureaus);
        demo.load();
        int versions = bureaus.versions("sd").size() + bureaus.versions("sh").size();
        demo.load();
        DemoShanghaiExam sitting = new DemoShanghaiExam(exams, Clock.fixed(AT, ZoneOffset.UTC));
        sitting.load();
        sitting.load();

        assertThat(bureaus.versions("sd").size() + bureaus.versions("sh").size()).isEqualTo(versions);
        assertThat(bureaus.require("sd").configuredBy()).isEqualTo("demo");
        assertThat(bureaus.require("sd").versionOf(TextKind.CANDIDATE_NOTICE)).isEqualTo("2023-03");
        Bureau sh = bureaus.require("sh");
        assertThat(sh.versionOf(TextKind.INTEGRITY_PLEDGE)).isEqualTo("2026-09");
        assertThat(bureaus.registrationExamName(sh)).contains("2026年10月上海市高等教育自学考试");
        Exam exam = exams.require("sh", "SH-ZK-2026-10");
        assertThat(exam.isRegistrationOpenAt(AT)).isTrue();
        assertThat(exams.all("sd")).extracting(Exam::code).doesNotContain("SH-ZK-2026-10");
    }

    private static void assertSeveralParagraphs(Bureau bureau) {
        assertThat(bureau.text(TextKind.CANDIDATE_NOTICE).orElseThrow().text().split("\n\n"))
                .as("考生须知 of several paragraphs").hasSizeGreaterThanOrEqualTo(5);
        bureau.texts().values().forEach(text -> assertThat(text.text().split("\n\n")).as(text.kind().slug())
                .hasSizeGreaterThanOrEqualTo(3));
    }
}
