package org.baokao.account.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.TestAccounts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ACC-5 at a bureau whose login needs no SMS code (BUR-1, Shanghai, seed 004): ID number or 准考证号 + password +
 * image captcha in one request; the captcha is checked first, then the password, with the generic answer, the lockout
 * and the caps of every login. Through the HTTP API against real PostgreSQL.
 */
@ServiceTest
class PasswordLoginApiTest {

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
    @Autowired
    MeterRegistry meters;

    TestAccounts.Made account;
    String admissionNumber;

    @BeforeEach
    void aShanghaiCandidateWithAnAdmissionNumber() {
        account = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), true);
        admissionNumber = "0261" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        accounts.assignAdmissionNumber(account.id(), admissionNumber);
    }

    @Test
    void acc5_theIdNumberOrTheAdmissionNumberWithPasswordAndCaptchaLogInWithoutAnySms() {
        var byId = login(account.idNumber(), TestAccounts.PASSWORD);
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(byId.json().path("refresh_token").asString()).isNotBlank();
        assertThat(byId.json().path("mustChangePassword").asBoolean()).as("ACC-9 flags as everywhere").isTrue();
        assertThat(byId.json().path("mustVerifyPhone").asBoolean()).isTrue();
        var claims = LoginCalls.claims(byId.json().path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(account.id().toString());
        assertThat(claims.path("bureau").asString()).isEqualTo("sh");

        var byAdmissionNumber = login(" " + admissionNumber + " ", TestAccounts.PASSWORD);
        assertThat(byAdmissionNumber.status()).as(byAdmissionNumber.body()).isEqualTo(200);
        assertThat(LoginCalls.claims(byAdmissionNumber.json().path("access_token").asString()).path("sub").asString())
                .isEqualTo(account.id().toString());
    }

    @Test
    void acc5_noCaptchaOrAWrongOneIsRefusedBeforeThePasswordIsLookedAt() {
        var without = LoginCalls.withCaptcha(DemoBureaus.SH, port, account.idNumber(), TestAccounts.PASSWORD, null,
                null);
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.problemCode()).isEqualTo("CAPTCHA_REQUIRED");

        for (int i = 0; i < 6; i++) {
            var captcha = captchas.issue();
            var wrong = LoginCalls.withCaptcha(DemoBureaus.SH, port, account.idNumber(), "Wrong@2026x",
                    captcha.captchaId().toString(), wrongAnswerTo(captcha.captchaId()));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.problemCode()).isEqualTo("CAPTCHA_WRONG");
        }
        assertThat(failedLogins()).as("six wrong passwords behind wrong captchas were never checked").isZero();

        var captcha = captchas.issue();
        var rightPasswordWrongCaptcha = LoginCalls.withCaptcha(DemoBureaus.SH, port, account.idNumber(),
                TestAccounts.PASSWORD, captcha.captchaId().toString(), wrongAnswerTo(captcha.captchaId()));
        assertThat(rightPasswordWrongCaptcha.problemCode()).isEqualTo("CAPTCHA_WRONG");
        var sameCaptchaAgain = LoginCalls.withCaptcha(DemoBureaus.SH, port, account.idNumber(),
                TestAccounts.PASSWORD, captcha.captchaId().toString(),
                RevealedCaptchas.SHARED.answerOf(captcha.captchaId()));
        assertThat(sameCaptchaAgain.problemCode()).as("single use").isEqualTo("CAPTCHA_EXPIRED");

        assertThat(login(account.idNumber(), TestAccounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void acc5_aWrongPasswordAnUnknownIdAndAnUnknownAdmissionNumberGetTheSameAnswer() {
        List<HttpProbe.Answer> answers = List.of(login(account.idNumber(), "Wrong@2026x"),
                login(admissionNumber, "Wrong@2026x"), login(TestAccounts.randomIdNumber(), TestAccounts.PASSWORD),
                login("0261" + UUID.randomUUID().toString().substring(0, 8), TestAccounts.PASSWORD));
        for (var answer : answers) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.problemCode()).isEqualTo("LOGIN_FAILED");
            assertThat(answer.json().path("detail").asString()).isEqualTo("证件号码/准考证号或密码错误，请核对后重新输入");
        }
    }

    @Test
    void acc5_fiveWrongPasswordsLockTheAccountWhicheverNameWasTyped() {
        for (int i = 0; i < 5; i++) {
            String name = i % 2 == 0 ? account.idNumber() : admissionNumber;
            assertThat(login(name, "Wrong@2026x").status()).isEqualTo(401);
        }

        var locked = login(admissionNumber, TestAccounts.PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.problemCode()).isEqualTo("ACCOUNT_LOCKED");

        jdbc.sql("update candidate_account set locked_until = now() - interval '1 second' where id = ?")
                .param(account.id()).update();
        assertThat(login(account.idNumber(), TestAccounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void acc5_noLoginCodeIsSentWhereLoginNeedsNoneAndAShandongAccountIsNotFoundHere() {
        var captcha = captchas.issue();
        var code = ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/public/sms-codes/login", """
                {"idNumber":"%s","captchaId":"%s","captcha":"x"}""".formatted(account.idNumber(), captcha.captchaId()),
                null);
        assertThat(code.status()).isEqualTo(400);
        assertThat(code.problemCode()).isEqualTo("LOGIN_WITHOUT_SMS");

        var shandongOnly = TestAccounts.create(accounts, encoder, false);
        var elsewhere = login(shandongOnly.idNumber(), TestAccounts.PASSWORD);
        assertThat(elsewhere.status()).as("the account is Shandong's").isEqualTo(401);
        assertThat(elsewhere.problemCode()).isEqualTo("LOGIN_FAILED");
    }

    private HttpProbe.Answer login(String name, String password) {
        return LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, name, password);
    }

    private static String wrongAnswerTo(UUID captchaId) {
        return RevealedCaptchas.SHARED.answerOf(captchaId) + "X";
    }

    /** Issue 24, meters: the overview's 登录（按结果） reads baokao_logins_total{outcome}. */
    @Test
    void eachLoginIsCountedUnderItsOutcome() {
        double succeeded = logins("success");
        double wrong = logins("wrong");

        assertThat(login(account.idNumber(), "Wrong@2026x").status()).isEqualTo(401);
        assertThat(login(account.idNumber(), TestAccounts.PASSWORD).status()).isEqualTo(200);

        assertThat(logins("wrong")).isEqualTo(wrong + 1);
        assertThat(logins("success")).isEqualTo(succeeded + 1);
    }

    private double logins(String outcome) {
        var counter = meters.find("baokao.logins").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private int failedLogins() {
        return jdbc.sql("select failed_logins from candidate_account where id = ?").param(account.id())
                .query(Integer.class).single();
    }
}
