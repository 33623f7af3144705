package org.baokao.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.account.roster.RosterApi;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

/** ACC-1, ACC-2, ACC-3, ACC-4 and ACC-10 at registration, through the HTTP API against real PostgreSQL and Kafka. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationApiTest {

    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;
    static final String EXAM = "SD-ZSB-2023";

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;

    String idNumber;
    String phone;

    @BeforeEach
    void aCandidateOnTheRoster() {
        idNumber = TestAccounts.randomIdNumber();
        phone = TestAccounts.randomPhone();
        String csv = "证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称\n"
                + "居民身份证," + idNumber + ",阿卜杜·热合曼,校荐,12345,山东医学高等专科学校,620403,医学影像技术\n";
        new RosterApi(port).importAndWait(EXAM, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCandidateOnTheRosterRegistersWithConsentRecordedAndDataSealed(CapturedOutput output) {
        String code = smsCodeFor(phone);

        var answer = register(idNumber, "Baokao@2026", "Baokao@2026", phone, code, true);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("maskedIdNumber").asString()).isEqualTo(idNumber.substring(0, 2) + "**************"
                + idNumber.substring(16));
        assertThat(answer.json().path("maskedName").asString()).startsWith("阿").contains("*");
        assertThat(answer.json().path("gender").asString()).isIn("男", "女");
        assertThat(answer.json().path("birthDate").asString()).startsWith(idNumber.substring(6, 10));
        assertThat(answer.json().path("majorName").asString()).isEqualTo("医学影像技术");
        UUID candidate = UUID.fromString(answer.json().path("candidateId").asString());

        var consent = jdbc.sql("select privacy_policy_version, service_terms_version, consented_at from candidate_account where id = ?")
                .param(candidate).query().singleRow();
        assertThat(consent.get("privacy_policy_version")).isEqualTo("2023-03");
        assertThat(consent.get("consented_at")).isNotNull();

        String stored = jdbc.sql("select string_agg(t::text, ' ') from candidate_account t").query(String.class).single()
                + jdbc.sql("select string_agg(t::text, ' ') from roster_entry t").query(String.class).single();
        assertThat(stored).doesNotContain(idNumber).doesNotContain(phone).doesNotContain("热合曼");
        assertThat(jdbc.sql("select count(*) from messaging.outbox where envelope like '%CandidateRegistered%' and event_key = ?")
                .param(candidate.toString()).query(Long.class).single()).isEqualTo(1);
        // enrollment's step 3 shows 性别, 出生日期 and the masked phone from the event; the full phone stays here
        String event = jdbc.sql("select envelope from messaging.outbox where envelope like '%CandidateRegistered%' "
                + "and event_key = ?").param(candidate.toString()).query(String.class).single();
        assertThat(event).contains("\"phoneMasked\":\"" + phone.substring(0, 3) + "****" + phone.substring(7) + "\"")
                .contains("\"birthDate\":\"" + answer.json().path("birthDate").asString() + "\"")
                .containsPattern("\"gender\":\"(MALE|FEMALE)\"")
                .doesNotContain(phone).doesNotContain(idNumber);
        assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(code);
    }

    @Test
    void anIdNotOnTheRosterGetsTheExactMessage() {
        var answer = register(TestAccounts.randomIdNumber(), "Baokao@2026", "Baokao@2026", phone, "123456", true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("NOT_ON_ROSTER");
        assertThat(answer.json().path("detail").asString()).isEqualTo("该证件类型+证件号不存在于考生名单中，请确认后注册");
    }

    @Test
    void theRegistrationFormSaysTheRosterGatesItAndOffersNoUniversities() {
        var form = HttpProbe.onLocalPort(port).get("/api/accounts/public/registration-form").json();

        assertThat(form.path("examCode").asString()).isEqualTo(EXAM);
        assertThat(form.path("gate").asString()).isEqualTo("ROSTER");
        assertThat(form.path("password").path("minLength").asInt()).isEqualTo(8);
        assertThat(form.path("universities").isEmpty()).isTrue();
    }

    @Test
    void aSecondRegistrationOfTheSameIdIsRefused() {
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", phone, smsCodeFor(phone), true).status())
                .isEqualTo(201);
        String otherPhone = TestAccounts.randomPhone();

        var again = register(idNumber, "Baokao@2026", "Baokao@2026", otherPhone, smsCodeFor(otherPhone), true);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("ALREADY_REGISTERED");
    }

    @Test
    void badIdNumbersAreNamedPreciselyAndNothingIsStored() {
        long accountsBefore = jdbc.sql("select count(*) from candidate_account").query(Long.class).single();
        long codesBefore = jdbc.sql("select count(*) from sms_code").query(Long.class).single();
        String first17 = idNumber.substring(0, 17);
        String wrongCheck = first17 + (idNumber.charAt(17) == '0' ? '1' : '0');
        String[][] cases = {
                { wrongCheck, "ID_CHECK_DIGIT" },
                { first17, "ID_LENGTH" },
                { idNumber + "1", "ID_LENGTH" },
                { Gb11643TestNumbers.residentId("370102", "19900230", "123"), "ID_BIRTH_DATE" },
                { Gb11643TestNumbers.fullWidth(idNumber), "ID_FULL_WIDTH" } };
        for (String[] bad : cases) {
            var answer = register(bad[0], "Baokao@2026", "Baokao@2026", phone, "123456", true);
            assertThat(answer.status()).as(bad[1]).isEqualTo(400);
            assertThat(answer.problemCode()).as(bad[0]).isEqualTo(bad[1]);
        }
        String withLowerX = findIdEndingInX().toLowerCase();
        assertThat(register(withLowerX, "Baokao@2026", "Baokao@2026", phone, "123456", true).problemCode())
                .isEqualTo("ID_LOWERCASE_X");
        assertThat(jdbc.sql("select count(*) from candidate_account").query(Long.class).single()).isEqualTo(accountsBefore);
        assertThat(jdbc.sql("select count(*) from sms_code").query(Long.class).single()).isEqualTo(codesBefore);
    }

    @Test
    void formErrorsComeBackWithTheirOwnCodes() {
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2027", phone, "123456", true).problemCode())
                .isEqualTo("PASSWORD_MISMATCH");
        assertThat(register(idNumber, "password", "password", phone, "123456", true).problemCode())
                .isEqualTo("PASSWORD_WEAK");
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", "1311234878", "123456", true).problemCode())
                .isEqualTo("PHONE_INVALID");
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", phone, "123456", false).problemCode())
                .isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void smsCodesThatAreWrongExpiredReusedOrAnotherPhonesAreRefused() {
        String otherPhone = TestAccounts.randomPhone();
        String othersCode = smsCodeFor(otherPhone);
        var others = register(idNumber, "Baokao@2026", "Baokao@2026", phone, othersCode, true);
        assertThat(others.problemCode()).as("another phone's code").isEqualTo("SMS_CODE_EXPIRED");

        String code = smsCodeFor(phone);
        jdbc.sql("update sms_code set expires_at = now() - interval '1 second' where used_at is null").update();
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", phone, code, true).problemCode())
                .as("expired").isEqualTo("SMS_CODE_EXPIRED");

        jdbc.sql("update rate_limit set last_at = last_at - interval '61 seconds'").update();
        String fresh = smsCodeFor(phone);
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", phone, fresh, true).status()).isEqualTo(201);
        jdbc.sql("delete from candidate_account where exam_code = ?").param(EXAM).update();
        assertThat(register(idNumber, "Baokao@2026", "Baokao@2026", phone, fresh, true).problemCode())
                .as("reused").isEqualTo("SMS_CODE_EXPIRED");
    }

    @Test
    void aReusedCaptchaAnOversizedBodyAndMalformedJsonAreClear4xx() {
        var captcha = captchas.issue();
        String body = json(idNumber, "Baokao@2026", "Baokao@2026", phone, "123456", true, captcha.captchaId(),
                REVEALED.answerOf(captcha.captchaId()));
        post(body);
        var reused = post(body);
        assertThat(reused.problemCode()).isEqualTo("CAPTCHA_EXPIRED");

        var huge = post("{\"idNumber\":\"" + "1".repeat(400_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.problemCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        var broken = post("{\"idNumber\": [");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.problemCode()).isEqualTo("MALFORMED_REQUEST");
    }

    private String findIdEndingInX() {
        for (int seq = 0; seq < 1000; seq++) {
            String id = Gb11643TestNumbers.residentId("370102", "19950505", "%03d".formatted(seq));
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new AssertionError("no X check digit found");
    }

    private String smsCodeFor(String phoneNumber) {
        return SentCodes.forRegistration(port, captchas, phoneNumber);
    }

    private HttpProbe.Answer register(String id, String password, String confirm, String phoneNumber, String code,
            boolean consent) {
        var captcha = captchas.issue();
        return post(json(id, password, confirm, phoneNumber, code, consent, captcha.captchaId(),
                REVEALED.answerOf(captcha.captchaId())));
    }

    private static String json(String id, String password, String confirm, String phoneNumber, String code,
            boolean consent, UUID captchaId, String captcha) {
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","password":"%s","confirmPassword":"%s","phone":"%s",
                 "smsCode":"%s","captchaId":"%s","captcha":"%s","acceptPrivacyPolicy":%s,"acceptServiceAgreement":%s}"""
                .formatted(id, password, confirm, phoneNumber, code, captchaId, captcha, consent, consent);
    }

    private HttpProbe.Answer post(String json) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/accounts/public/registrations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
