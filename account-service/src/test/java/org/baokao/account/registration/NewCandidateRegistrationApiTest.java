package org.baokao.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.EmailAddress;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.roster.RosterApi;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.EventCodec;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.ExamConfigured.Major;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.bean.override.convention.TestBean;

import tools.jackson.databind.json.JsonMapper;

/**
 * SST-1 (Shanghai 新考生注册, seed 004 §2) with ACC-1, ACC-4, ACC-5 and ACC-10, through the HTTP API against real
 * PostgreSQL and Kafka: at a bureau whose gate is OPEN (a bureau of this test's own, configured like Shanghai, with a
 * 特殊专业 in its exam's catalogue) the new candidate leaves an e-mail (required there, optional at a roster bureau),
 * agrees to the 考生诚信承诺书 of the version they read, and is logged in by registering; the e-mail is stored sealed
 * and answered masked; CandidateRegistered says whether the major is special.
 */
@ServiceTest
class NewCandidateRegistrationApiTest {

    static final String BUREAU = "newcand";
    static final String EXAM = "SH-ZK-NEWCAND";
    static final String PLEDGE = "2026-09";
    static final String TCM = "10268";
    static final String CHINESE_MATERIA_MEDICA = "B100801"; // 中药学: special
    static final String ACUPUNCTURE = "B100502"; // 针灸推拿学: ordinary
    static final String PASSWORD = "shanghai6";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Bureaus bureaus;
    @Autowired
    UniversityCatalogue catalogue;

    String idNumber;
    String phone;

    @BeforeEach
    void anOpenBureauWhoseExamHasASpecialMajor() {
        Instant at = Instant.parse("2025-02-01T00:00:00Z");
        bureaus.keep(new BureauConfigured(BUREAU, "新考生注册测试考试院", "测试考试院", EXAM, "OPEN",
                new BureauConfigured.PasswordRule(6, 16, 1), false, "2025-09", "2025-09", PLEDGE, "【测试考试院】",
                Map.of(), List.of(), at));
        catalogue.keep(new ExamConfigured(EXAM, "SELF_STUDY", "2026年10月上海市高等教育自学考试",
                List.of(new University(TCM, "上海中医药大学", "中药学专业须经本校人工审核",
                        List.of(new Major(CHINESE_MATERIA_MEDICA, "中药学", true), new Major(ACUPUNCTURE, "针灸推拿学")))),
                at, BUREAU));
        idNumber = TestAccounts.randomIdNumber();
        phone = TestAccounts.randomPhone();
    }

    @Test
    void sst1_acc5_theNewCandidateIsLoggedInByRegistering() {
        var answer = registered(form());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var body = answer.json();
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isPositive();
        assertThat(body.path("refresh_token").asString()).isNotBlank();
        assertThat(body.path("mustChangePassword").asBoolean()).isFalse();
        assertThat(body.path("mustVerifyPhone").asBoolean()).as("the phone was proven by its code").isFalse();
        String candidate = body.path("candidateId").asString();
        Jwt token = signedByThisService(body.path("access_token").asString());
        assertThat(token.getSubject()).isEqualTo(candidate);
        assertThat(token.getClaimAsString("bureau")).isEqualTo(BUREAU);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("candidate");

        var refreshed = ClientCalls.postTo(BUREAU, port, "/api/accounts/public/tokens/refresh",
                "{\"refreshToken\":\"" + body.path("refresh_token").asString() + "\"}", null);
        assertThat(refreshed.status()).as("the session is a real one: " + refreshed.body()).isEqualTo(200);
        assertThat(LoginCalls.withoutSms(BUREAU, port, captchas, idNumber, PASSWORD).status())
                .as("and the password logs in later").isEqualTo(200);
    }

    @Test
    void sst1_acc10_theEmailIsNormalisedStoredSealedAndAnsweredMasked() {
        var answer = registered(form().with("email", "  Zhang.San@Example.COM "));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("maskedEmail").asString()).isEqualTo("Z***@example.com");
        assertThat(answer.body()).doesNotContainIgnoringCase("zhang.san");
        UUID candidate = UUID.fromString(answer.json().path("candidateId").asString());
        assertThat(accounts.findPersonalData(candidate).orElseThrow().email())
                .as("trimmed, the domain lower-cased, the mailbox as typed").isEqualTo("Zhang.San@example.com");
        var row = jdbc.sql("select email_hash, email_sealed is not null as sealed, t::text as whole "
                + "from candidate_account t where id = ?").param(candidate).query().singleRow();
        assertThat(row.get("sealed")).isEqualTo(true);
        assertThat(row.get("email_hash")).as("found by the keyed hash of the normalised address")
                .isEqualTo(accounts.emailHash(new EmailAddress("Zhang.San@example.com")));
        assertThat((String) row.get("whole")).doesNotContainIgnoringCase("zhang.san")
                .doesNotContainIgnoringCase("example.com");

        // the profile, with a token of the same claims from the issuer the test application trusts (see BureauTokensTest)
        String token = TestServers.issuer().candidateTokenOf(BUREAU, candidate.toString());
        assertThat(ClientCalls.getAt(BUREAU, port, "/api/accounts/me", token).json().path("maskedEmail").asString())
                .isEqualTo("Z***@example.com");
        assertThat(registeredEvent(candidate)).doesNotContainIgnoringCase("zhang.san")
                .doesNotContainIgnoringCase("example.com");
    }

    @Test
    void sst1_acc1_theEmailIsRequiredWhereTheGateIsOpenAndCheckedBeforeTheCaptchaIsUsed() {
        long before = accountCount();
        var captcha = captchas.issue();
        Form sameCaptcha = form().with("captchaId", captcha.captchaId().toString())
                .with("captcha", RevealedCaptchas.SHARED.answerOf(captcha.captchaId()));

        var missing = register(sameCaptcha.without("email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("EMAIL_REQUIRED");
        assertThat(missing.json().path("detail").asString()).isEqualTo("请填写电子邮箱：手机号码、电子邮箱是找回密码的唯一途径");
        assertThat(register(sameCaptcha.with("email", "   ")).problemCode()).isEqualTo("EMAIL_REQUIRED");
        var invalid = register(sameCaptcha.with("email", "zhangsan@example"));
        assertThat(invalid.problemCode()).isEqualTo("EMAIL_INVALID");
        assertThat(invalid.json().path("detail").asString()).contains("电子邮箱格式不正确");
        assertThat(register(sameCaptcha.with("password", "a".repeat(17))).problemCode())
                .as("ACC-4: 17 characters, above the bureau's 16").isEqualTo("PASSWORD_WEAK");

        assertThat(accountCount()).isEqualTo(before);
        var registered = register(sameCaptcha.with("smsCode", smsCode()));
        assertThat(registered.status()).as("the captcha was not used up by the refusals: " + registered.body())
                .isEqualTo(201);
    }

    @Test
    void sst1_acc1_aRosterBureauNeedsNoEmailAndItsAnswerStaysAsItWas() {
        putOnShandongsRoster();

        var answer = registerAtShandong(null, SentCodes.forRegistrationAt(null, port, captchas, phone));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("majorName").asString()).isEqualTo("医学影像技术");
        assertThat(answer.json().has("access_token")).as("a roster candidate logs in with the SMS code, as before")
                .isFalse();
        assertThat(answer.json().has("maskedEmail")).isFalse();
        UUID candidate = UUID.fromString(answer.json().path("candidateId").asString());
        var row = jdbc.sql("select email_sealed, integrity_pledge_version from candidate_account where id = ?")
                .param(candidate).query().singleRow();
        assertThat(row.get("email_sealed")).isNull();
        assertThat(row.get("integrity_pledge_version")).isNull();
        assertThat(registeredEvent(candidate)).contains("\"specialMajor\":false");
    }

    @Test
    void sst1_acc10_aRosterBureauKeepsAnEmailIfOneIsGivenSealed() {
        putOnShandongsRoster();
        assertThat(registerAtShandong("li.na@qq", "123456").problemCode()).as("checked when given")
                .isEqualTo("EMAIL_INVALID");

        var answer = registerAtShandong(" Li.Na@QQ.com ", SentCodes.forRegistrationAt(null, port, captchas, phone));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        UUID candidate = UUID.fromString(answer.json().path("candidateId").asString());
        assertThat(accounts.findPersonalData(candidate).orElseThrow().email()).isEqualTo("Li.Na@qq.com");
    }

    private void putOnShandongsRoster() {
        String csv = "证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称\n"
                + "居民身份证," + idNumber + ",张三,校荐,12345,山东医学高等专科学校,620403,医学影像技术\n";
        new RosterApi(port).importAndWait(DemoBureaus.SD_EXAM, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A roster registration of the current ID at Shandong (the unprefixed address), with an e-mail if given. */
    private HttpProbe.Answer registerAtShandong(String email, String code) {
        var captcha = captchas.issue();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("idType", "RESIDENT_ID", "idNumber", idNumber,
                "password", "Baokao@2026", "confirmPassword", "Baokao@2026", "phone", phone, "smsCode", code,
                "captchaId", captcha.captchaId().toString(),
                "captcha", RevealedCaptchas.SHARED.answerOf(captcha.captchaId()), "acceptPrivacyPolicy", true,
                "acceptServiceAgreement", true));
        if (email != null) {
            body.put("email", email);
        }
        return ClientCalls.postTo(null, port, "/api/accounts/public/registrations", JSON.writeValueAsString(body),
                null);
    }

    @Test
    void sst1_thePledgeAgreedToMustBeTheCurrentVersionAndIsRecordedWithItsTime() {
        long before = accountCount();

        var notAgreed = register(form().with("acceptIntegrityPledge", false));
        assertThat(notAgreed.status()).isEqualTo(400);
        assertThat(notAgreed.problemCode()).isEqualTo("PLEDGE_REQUIRED");
        var outdated = register(form().with("integrityPledgeVersion", "2025-09"));
        assertThat(outdated.status()).isEqualTo(409);
        assertThat(outdated.problemCode()).isEqualTo("PLEDGE_VERSION_OUTDATED");
        assertThat(outdated.json().path("detail").asString()).contains("《考生诚信承诺书》已更新").contains("请重新阅读");
        assertThat(register(form().without("integrityPledgeVersion")).problemCode())
                .isEqualTo("PLEDGE_VERSION_OUTDATED");
        assertThat(accountCount()).isEqualTo(before);

        var agreed = registered(form());
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
        var row = jdbc.sql("select integrity_pledge_version, integrity_pledge_agreed_at, consented_at "
                + "from candidate_account where id = ?")
                .param(UUID.fromString(agreed.json().path("candidateId").asString())).query().singleRow();
        assertThat(row.get("integrity_pledge_version")).isEqualTo(PLEDGE);
        assertThat(row.get("integrity_pledge_agreed_at")).isNotNull().isEqualTo(row.get("consented_at"));
    }

    @Test
    void sst1_enr10_theRegistrationEventSaysWhetherTheMajorIsSpecial() {
        var form = ClientCalls.getAt(BUREAU, port, "/api/accounts/public/registration-form", null).json();
        assertThat(form.path("universities").get(0).path("majors").get(0).path("special").asBoolean()).isTrue();
        assertThat(form.path("universities").get(0).path("majors").get(1).path("special").asBoolean()).isFalse();

        var special = registered(form().with("majorCode", CHINESE_MATERIA_MEDICA));
        assertThat(special.status()).as(special.body()).isEqualTo(201);
        assertThat(special.json().path("specialMajor").asBoolean()).isTrue();
        CandidateRegistered event = EventCodec.payload(EventCodec.read(
                registeredEvent(UUID.fromString(special.json().path("candidateId").asString()))),
                CandidateRegistered.class);
        assertThat(event.specialMajor()).isTrue();
        assertThat(event.universityCode()).isEqualTo(TCM);
        assertThat(event.majorCode()).isEqualTo(CHINESE_MATERIA_MEDICA);
        assertThat(event.bureau()).isEqualTo(BUREAU);

        idNumber = TestAccounts.randomIdNumber();
        phone = TestAccounts.randomPhone();
        var ordinary = registered(form().with("majorCode", ACUPUNCTURE));
        assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(201);
        assertThat(ordinary.json().path("specialMajor").asBoolean()).isFalse();
        assertThat(EventCodec.payload(EventCodec.read(registeredEvent(UUID.fromString(
                ordinary.json().path("candidateId").asString()))), CandidateRegistered.class).specialMajor()).isFalse();
    }

    @Test
    void sst1_aNonResidentIdTypeRegistersAndTheEventNamesIt() {
        idNumber = Gb11643TestNumbers.residentId("810000", "19990102", "123");

        var answer = registered(form().with("idType", "HMT_RESIDENCE_PERMIT"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        CandidateRegistered event = EventCodec.payload(EventCodec.read(registeredEvent(
                UUID.fromString(answer.json().path("candidateId").asString()))), CandidateRegistered.class);
        assertThat(event.idType()).as("what photo-service's review reads").isEqualTo("HMT_RESIDENCE_PERMIT");
    }

    /** A complete 新考生注册 of the current candidate, 针灸推拿学 at 上海中医药大学, but for the SMS code. */
    private Form form() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idType", "RESIDENT_ID");
        fields.put("name", "李娜");
        fields.put("universityCode", TCM);
        fields.put("majorCode", ACUPUNCTURE);
        fields.put("email", "lina@example.com");
        fields.put("acceptIntegrityPledge", true);
        fields.put("integrityPledgeVersion", PLEDGE);
        fields.put("password", PASSWORD);
        fields.put("acceptPrivacyPolicy", true);
        fields.put("acceptServiceAgreement", true);
        return new Form(fields);
    }

    /**
     * A registration's fields; {@link #register} fills in what a test does not set: the current ID and phone, the
     * confirmation, a fresh captcha and a made-up SMS code (enough for a refusal checked before the code).
     */
    record Form(Map<String, Object> fields) {

        Form with(String field, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(fields);
            copy.put(field, value);
            return new Form(copy);
        }

        Form without(String field) {
            Map<String, Object> copy = new LinkedHashMap<>(fields);
            copy.remove(field);
            return new Form(copy);
        }
    }

    private HttpProbe.Answer register(Form form) {
        Map<String, Object> body = new LinkedHashMap<>(form.fields());
        body.putIfAbsent("idNumber", idNumber);
        body.putIfAbsent("phone", phone);
        body.putIfAbsent("confirmPassword", body.get("password"));
        if (!body.containsKey("captchaId")) {
            var captcha = captchas.issue();
            body.put("captchaId", captcha.captchaId().toString());
            body.put("captcha", RevealedCaptchas.SHARED.answerOf(captcha.captchaId()));
        }
        body.putIfAbsent("smsCode", "123456");
        return ClientCalls.postTo(BUREAU, port, "/api/accounts/public/registrations", JSON.writeValueAsString(body),
                null);
    }

    /** The registration with the SMS code really sent to the current phone. */
    private HttpProbe.Answer registered(Form form) {
        return register(form.with("smsCode", smsCode()));
    }

    /** The access token, its signature checked against this service's JWKS (as every service checks it). */
    private Jwt signedByThisService(String accessToken) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://localhost:8081"));
        return decoder.decode(accessToken);
    }

    private String smsCode() {
        return SentCodes.forRegistrationAt(BUREAU, port, captchas, phone);
    }

    private long accountCount() {
        return jdbc.sql("select count(*) from candidate_account").query(Long.class).single();
    }

    private String registeredEvent(UUID candidate) {
        return jdbc.sql("select envelope from messaging.outbox where envelope like '%CandidateRegistered%' "
                + "and event_key = ?").param(candidate.toString()).query(String.class).single();
    }
}
