package org.baokao.account.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.ExamConfigured.Major;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * ACC-3 open registration (Shanghai 新考生注册), ACC-4's Shanghai password lengths: a bureau with the open gate
 * (BUR-1: a bureau of this test's own, configured like Shanghai, so that its exam's universities change for this test
 * only) registers any new candidate who chooses an examining university and a major of the bureau's exam, as
 * enrollment-service configured it (ExamConfigured through the real Kafka); real PostgreSQL behind the HTTP API.
 */
@ServiceTest
class OpenRegistrationApiTest {

    static final String BUREAU = "opengate";
    static final String EXAM = "SH-ZK-OPEN";
    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;
    /** Each configuration of this class is newer than every one before it, whatever order the tests run in. */
    static Instant lastConfigured = Instant.parse("2025-08-01T02:00:00Z");

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Bureaus bureaus;
    @Autowired
    MeterRegistry meters;

    String idNumber;
    String phone;

    @BeforeEach
    void theExamIsConfiguredWithTwoUniversities() {
        bureaus.keep(new BureauConfigured(BUREAU, "开放注册测试考试院", "测试考试院", EXAM, "OPEN",
                new BureauConfigured.PasswordRule(6, 16, 1), false, "2025-09", "2025-09", "2025-09", "【测试考试院】",
                Map.of(), List.of(), Instant.parse("2025-01-01T00:00:00Z")));
        idNumber = TestAccounts.randomIdNumber();
        phone = TestAccounts.randomPhone();
        configure(newer(), List.of(
                new University("10246", "复旦大学", "本校实践课程须经人工审核后缴费",
                        List.of(new Major("B020204", "金融管理"), new Major("C050201", "英语"))),
                new University("10268", "上海中医药大学", null, List.of(new Major("B100801", "中药学")))));
    }

    @Test
    void aNewCandidateNotOnAnyRosterRegistersWithTheChosenUniversityAndMajor() {
        JsonNode form = ClientCalls.getAt(BUREAU, port, "/api/accounts/public/registration-form", null).json();
        assertThat(form.path("gate").asString()).isEqualTo("OPEN");
        assertThat(form.path("password").path("minLength").asInt()).isEqualTo(6);
        assertThat(form.path("universities").get(0).path("notice").asString()).isEqualTo("本校实践课程须经人工审核后缴费");
        assertThat(form.path("universities").get(1).path("majors").get(0).path("name").asString()).isEqualTo("中药学");

        var answer = register("阿卜杜·热合曼", "10246", "C050201", "Bk@26x", smsCodeFor(phone));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("universityName").asString()).isEqualTo("复旦大学");
        assertThat(answer.json().path("majorName").asString()).isEqualTo("英语");
        assertThat(answer.json().path("maskedName").asString()).startsWith("阿").contains("*").doesNotContain("热合曼");
        UUID candidate = UUID.fromString(answer.json().path("candidateId").asString());
        var row = jdbc.sql("select bureau_code, exam_code, roster_entry_id, university_code, major_code "
                + "from candidate_account where id = ?").param(candidate).query().singleRow();
        assertThat(row.get("bureau_code")).isEqualTo(BUREAU);
        assertThat(row.get("exam_code")).isEqualTo(EXAM);
        assertThat(row.get("roster_entry_id")).isNull();
        assertThat(row.get("university_code")).isEqualTo("10246");
        assertThat(row.get("major_code")).isEqualTo("C050201");
        String event = jdbc.sql("select envelope from messaging.outbox where envelope like '%CandidateRegistered%' "
                + "and event_key = ?").param(candidate.toString()).query(String.class).single();
        assertThat(event).contains("\"universityCode\":\"10246\"").contains("\"majorCode\":\"C050201\"")
                .contains("\"rosterEntryId\":null").doesNotContain(idNumber).doesNotContain("热合曼");
    }

    @Test
    void aUniversityOrMajorTheExamDoesNotOfferIsRefusedBeforeTheCaptchaIsUsedAndNothingIsStored() {
        long accounts = jdbc.sql("select count(*) from candidate_account").query(Long.class).single();

        assertThat(register("李娜", "99999", "C050201", "Bk@26x", "123456").problemCode()).isEqualTo("UNIVERSITY_UNKNOWN");
        var notOffered = register("李娜", "10268", "C050201", "Bk@26x", "123456");
        assertThat(notOffered.status()).isEqualTo(400);
        assertThat(notOffered.problemCode()).isEqualTo("MAJOR_NOT_OFFERED");
        assertThat(notOffered.json().path("detail").asString()).isEqualTo("上海中医药大学没有开设所选专业，请重新选择");
        assertThat(register("李娜", null, "C050201", "Bk@26x", "123456").problemCode()).isEqualTo("UNIVERSITY_REQUIRED");
        assertThat(register("李娜", "10246", "", "Bk@26x", "123456").problemCode()).isEqualTo("MAJOR_REQUIRED");
        assertThat(register("", "10246", "C050201", "Bk@26x", "123456").problemCode()).isEqualTo("NAME_REQUIRED");
        assertThat(register("李娜2", "10246", "C050201", "Bk@26x", "123456").problemCode()).isEqualTo("NAME_DIGITS");
        assertThat(register("李娜", "10246", "C050201", "Bk@2x", "123456").problemCode())
                .as("5 characters: below Shanghai's 6").isEqualTo("PASSWORD_WEAK");

        assertThat(jdbc.sql("select count(*) from candidate_account").query(Long.class).single()).isEqualTo(accounts);
    }

    @Test
    void aNewerConfigurationReplacesTheChoicesAndAnOlderOneChangesNothing() {
        Instant kept = newer();
        configure(kept, List.of(new University("10268", "上海中医药大学", null,
                List.of(new Major("B100801", "中药学")))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(universityCodes()).containsExactly("10268"));

        UUID older = publish(kept.minusSeconds(30), List.of(new University("10246", "复旦大学", null,
                List.of(new Major("C050201", "英语")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where consumer = ? and event_id = ?")
                .params(UniversityCatalogue.CONSUMER, older).query(Long.class).single() == 1);

        assertThat(universityCodes()).containsExactly("10268");
        assertThat(register("王𠮷", "10246", "C050201", "Bk@26x", "123456").problemCode()).isEqualTo("UNIVERSITY_UNKNOWN");
    }

    /** Issue 24, meters: the overview's 注册（按入口） reads baokao_registrations_total{bureau, gate}. */
    @Test
    void aRegistrationIsCountedUnderItsBureauAndTheOpenGate() {
        double before = registrations();

        var answer = register("王小明", "10246", "C050201", "Bk@26x", smsCodeFor(phone));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(registrations()).isEqualTo(before + 1);
    }

    private double registrations() {
        var counter = meters.find("baokao.registrations").tag("bureau", BUREAU).tag("gate", "open").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Instant newer() {
        lastConfigured = lastConfigured.plus(Duration.ofHours(1));
        return lastConfigured;
    }

    private List<String> universityCodes() {
        JsonNode universities = ClientCalls.getAt(BUREAU, port, "/api/accounts/public/registration-form", null)
                .json().path("universities");
        return universities.valueStream().map(u -> u.path("code").asString()).toList();
    }

    /** Publishes the exam's configuration as enrollment-service does, and waits until it is kept. */
    private void configure(Instant at, List<University> universities) {
        publish(at, universities);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from exam_registration_catalogue where exam_code = ? and configured_at >= ?")
                .params(EXAM, java.sql.Timestamp.from(at)).query(Long.class).single() == 1);
    }

    private UUID publish(Instant at, List<University> universities) {
        UUID eventId = UUID.randomUUID();
        KafkaEvents.ofTestServers().publish(eventId, new ExamConfigured(EXAM, "SELF_STUDY",
                "2025年10月上海市高等教育自学考试", universities, at), at, EXAM);
        return eventId;
    }

    private String smsCodeFor(String phoneNumber) {
        return SentCodes.forRegistrationAt(BUREAU, port, captchas, phoneNumber);
    }

    private HttpProbe.Answer register(String name, String universityCode, String majorCode, String password,
            String code) {
        var captcha = captchas.issue();
        String body = """
                {"idType":"RESIDENT_ID","idNumber":"%s","name":%s,"universityCode":%s,"majorCode":%s,
                 "password":"%s","confirmPassword":"%s","phone":"%s","smsCode":"%s","captchaId":"%s","captcha":"%s",
                 "acceptPrivacyPolicy":true,"acceptServiceAgreement":true,"email":"lina@example.com",
                 "acceptIntegrityPledge":true,"integrityPledgeVersion":"2025-09"}"""
                .formatted(idNumber, quoted(name), quoted(universityCode), quoted(majorCode), password, password, phone,
                        code, captcha.captchaId(), REVEALED.answerOf(captcha.captchaId()));
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/accounts/public/registrations").header("Content-Type", "application/json")
                .header(BureauAddress.HEADER, BUREAU).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
