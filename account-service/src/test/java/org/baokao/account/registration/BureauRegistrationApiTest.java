package org.baokao.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.EventCodec;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * BUR-1 with ACC-3 and ACC-4: registration follows the addressed bureau's data, not the deployment's. Shandong
 * ({@code sd}, the unprefixed address) lets in only IDs on its exam's roster with passwords of all four classes;
 * Shanghai ({@code sh}) lets any new candidate register for its 自考 sitting with 6–16 characters of any kind. One
 * person's accounts at the two bureaus are two accounts; the events say which bureau.
 */
@ServiceTest
class BureauRegistrationApiTest {

    static final String SHANGHAI_PASSWORD = "shanghai";

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    String idNumber;
    String phone;

    @BeforeEach
    void aPersonOnNoRoster() {
        idNumber = TestAccounts.randomIdNumber();
        phone = TestAccounts.randomPhone();
    }

    @Test
    void acc3_theGateIsTheAddressedBureaus() {
        var form = ClientCalls.getAt(DemoBureaus.SH, port, "/api/accounts/public/registration-form", null).json();
        assertThat(form.path("gate").asString()).isEqualTo("OPEN");
        assertThat(form.path("examCode").asString()).isEqualTo(DemoBureaus.SH_EXAM);
        assertThat(form.path("universities").get(0).path("code").asString()).isEqualTo(DemoBureaus.SH_UNIVERSITY);
        var sdForm = ClientCalls.getAt(null, port, "/api/accounts/public/registration-form", null).json();
        assertThat(sdForm.path("gate").asString()).isEqualTo("ROSTER");
        assertThat(sdForm.path("examCode").asString()).isEqualTo(DemoBureaus.SD_EXAM);
        assertThat(sdForm.path("universities").isEmpty()).isTrue();

        var atShandong = register(null, "Baokao@2026", "123456");
        assertThat(atShandong.status()).isEqualTo(400);
        assertThat(atShandong.problemCode()).isEqualTo("NOT_ON_ROSTER");

        var atShanghai = register(DemoBureaus.SH, SHANGHAI_PASSWORD, smsCodeAt(DemoBureaus.SH));
        assertThat(atShanghai.status()).as(atShanghai.body()).isEqualTo(201);
        assertThat(atShanghai.json().path("universityName").asString()).isEqualTo("复旦大学");
        var row = jdbc.sql("select bureau_code, exam_code, privacy_policy_version, service_terms_version "
                + "from candidate_account where id = ?").param(candidateOf(atShanghai)).query().singleRow();
        assertThat(row).containsEntry("bureau_code", "sh").containsEntry("exam_code", DemoBureaus.SH_EXAM)
                .as("the consent is recorded with the versions of Shanghai's texts")
                .containsEntry("privacy_policy_version", "2025-09").containsEntry("service_terms_version", "2025-09");
    }

    @Test
    void acc4_thePasswordRuleIsTheAddressedBureaus() {
        var shForm = ClientCalls.getAt(DemoBureaus.SH, port, "/api/accounts/public/registration-form", null).json();
        assertThat(shForm.path("password").path("minLength").asInt()).isEqualTo(6);
        assertThat(shForm.path("password").path("requiredClasses").asInt()).isEqualTo(1);
        var sdForm = ClientCalls.getAt(null, port, "/api/accounts/public/registration-form", null).json();
        assertThat(sdForm.path("password").path("minLength").asInt()).isEqualTo(8);
        assertThat(sdForm.path("password").path("requiredClasses").asInt()).isEqualTo(4);

        var weakAtShandong = register(null, SHANGHAI_PASSWORD, "123456");
        assertThat(weakAtShandong.problemCode()).isEqualTo("PASSWORD_WEAK");
        assertThat(weakAtShandong.json().path("detail").asString())
                .isEqualTo("密码为8-16位，必须包含数字、大写字母、小写字母和特殊字符，不能包含空格或中文");
        var shortAtShanghai = register(DemoBureaus.SH, "abcde", "123456");
        assertThat(shortAtShanghai.problemCode()).isEqualTo("PASSWORD_WEAK");
        assertThat(shortAtShanghai.json().path("detail").asString()).isEqualTo("密码长度为6-16位");

        assertThat(register(DemoBureaus.SH, SHANGHAI_PASSWORD, smsCodeAt(DemoBureaus.SH)).status())
                .as("8 lower-case letters: Shanghai's rule, not Shandong's").isEqualTo(201);
    }

    @Test
    void bur1_onePersonRegistersSeparatelyAtEachBureauWithTwoPasswords() {
        var atShandong = TestAccounts.create(accounts, encoder, DemoBureaus.SD, idNumber, false);

        var atShanghai = register(DemoBureaus.SH, SHANGHAI_PASSWORD, smsCodeAt(DemoBureaus.SH));
        assertThat(atShanghai.status()).as(atShanghai.body()).isEqualTo(201);
        UUID shanghaiAccount = candidateOf(atShanghai);
        assertThat(shanghaiAccount).isNotEqualTo(atShandong.id());
        var again = register(DemoBureaus.SH, SHANGHAI_PASSWORD, "123456");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("ALREADY_REGISTERED");

        var shanghaiLogin = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, idNumber, SHANGHAI_PASSWORD);
        assertThat(shanghaiLogin.status()).as(shanghaiLogin.body()).isEqualTo(200);
        assertThat(LoginCalls.claims(shanghaiLogin.json().path("access_token").asString()).path("sub").asString())
                .isEqualTo(shanghaiAccount.toString());
        assertThat(LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, idNumber, TestAccounts.PASSWORD).status())
                .as("Shandong's password does not open the Shanghai account").isEqualTo(401);

        var shandongLogin = LoginCalls.withSms(port, captchas, idNumber, atShandong.phone(), TestAccounts.PASSWORD);
        assertThat(shandongLogin.status()).as(shandongLogin.body()).isEqualTo(200);
        assertThat(LoginCalls.claims(shandongLogin.json().path("access_token").asString()).path("sub").asString())
                .isEqualTo(atShandong.id().toString());
    }

    @Test
    void bur1_theRegistrationEventAndTheSmsNameTheBureau() {
        var shCode = SentCodes.registrationRequestAt(DemoBureaus.SH, port, captchas, phone);
        assertThat(shCode.bureau()).as("signed by the addressed bureau").isEqualTo("sh");
        jdbc.sql("update rate_limit set last_at = last_at - interval '61 seconds' where scope like 'SMS_PHONE%'").update();
        var sdCode = SentCodes.registrationRequestAt(null, port, captchas, phone);
        assertThat(sdCode.bureau()).isEqualTo("sd");

        var withShandongsCode = register(DemoBureaus.SH, SHANGHAI_PASSWORD, sdCode.params().get("code"));
        assertThat(withShandongsCode.problemCode()).as("a code sent for Shandong does not work at Shanghai")
                .isEqualTo("SMS_CODE_WRONG");
        var registered = register(DemoBureaus.SH, SHANGHAI_PASSWORD, shCode.params().get("code"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        UUID candidate = candidateOf(registered);
        String envelope = jdbc.sql("select envelope from messaging.outbox where envelope like '%CandidateRegistered%' "
                + "and event_key = ?").param(candidate.toString()).query(String.class).single();
        CandidateRegistered event = EventCodec.payload(EventCodec.read(envelope), CandidateRegistered.class);
        assertThat(event.bureau()).isEqualTo("sh");
        assertThat(event.examCode()).isEqualTo(DemoBureaus.SH_EXAM);
    }

    private String smsCodeAt(String bureau) {
        return SentCodes.forRegistrationAt(bureau, port, captchas, phone);
    }

    /**
     * At Shanghai with the university and major of its sitting, an e-mail and its integrity pledge agreed to; the
     * name, choices and pledge are ignored at Shandong, where the e-mail is optional.
     */
    private HttpProbe.Answer register(String bureau, String password, String code) {
        var captcha = captchas.issue();
        return ClientCalls.postTo(bureau, port, "/api/accounts/public/registrations", """
                {"idType":"RESIDENT_ID","idNumber":"%s","name":"李娜","universityCode":"%s","majorCode":"%s",
                 "password":"%s","confirmPassword":"%s","phone":"%s","smsCode":"%s","captchaId":"%s","captcha":"%s",
                 "acceptPrivacyPolicy":true,"acceptServiceAgreement":true,"email":"lina@example.com",
                 "acceptIntegrityPledge":true,"integrityPledgeVersion":"2025-09"}"""
                .formatted(idNumber, DemoBureaus.SH_UNIVERSITY, DemoBureaus.SH_MAJOR, password, password, phone, code,
                        captcha.captchaId(), RevealedCaptchas.SHARED.answerOf(captcha.captchaId())), null);
    }

    private static UUID candidateOf(HttpProbe.Answer registered) {
        return UUID.fromString(registered.json().path("candidateId").asString());
    }
}
