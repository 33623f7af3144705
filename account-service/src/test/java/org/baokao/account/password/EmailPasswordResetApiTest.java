package org.baokao.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.notification.EmailRequested;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * ACC-7, SST-1: 找回密码 by e-mail at Shanghai (seed 004 §2: phone and e-mail are the ways back into an account): the
 * masked address, a six-digit code mailed by notification-service (EmailRequested PASSWORD_RESET_CODE signed with the
 * bureau's name), single use, five minutes, limited like SMS codes, never logged or returned; then the new password.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class EmailPasswordResetApiTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();
    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;

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
    PersonalDataProtector protector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCodeMailedToTheMaskedAddressSetsANewPasswordOnce(CapturedOutput output) {
        var account = shanghaiAccount();
        String email = "zhangsan." + account.id().toString().substring(0, 8) + "@example.com";
        TestAccounts.giveEmail(jdbc, protector, account.id(), email);

        HttpProbe.Answer target = post("/api/accounts/public/password-resets/lookup", idAndCaptcha(account.idNumber()));
        assertThat(target.status()).as(target.body()).isEqualTo(200);
        assertThat(target.json().path("maskedEmail").asString()).isEqualTo("z***@example.com");
        assertThat(target.json().path("maskedPhone").asString()).contains("****");
        assertThat(target.body()).doesNotContain(email);

        HttpProbe.Answer sent = post("/api/accounts/public/email-codes/password-reset",
                idAndCaptcha(account.idNumber()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().path("maskedEmail").asString()).isEqualTo("z***@example.com");
        assertThat(sent.json().path("validForSeconds").asLong()).isEqualTo(300);
        assertThat(sent.json().path("resendAfterSeconds").asLong()).isEqualTo(60);
        EmailRequested mail = mailTo(email);
        assertThat(mail.template()).isEqualTo("PASSWORD_RESET_CODE");
        assertThat(mail.bureau()).isEqualTo(DemoBureaus.SH);
        assertThat(mail.candidateId()).isEqualTo(account.id());
        assertThat(mail.params()).containsEntry("minutes", "5").containsEntry("bureauName", "上海市教育考试院");
        String code = mail.params().get("code");
        assertThat(code).matches("[0-9]{6}");
        assertThat(sent.body()).doesNotContain(code);

        assertThat(reset(account.idNumber(), code, "xinmima2026").status()).isEqualTo(204);
        assertThat(encoder.matches("xinmima2026", accounts.findById(account.id()).orElseThrow().passwordHash()))
                .isTrue();
        assertThat(LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, account.idNumber(), "xinmima2026").status())
                .isEqualTo(200);
        HttpProbe.Answer again = reset(account.idNumber(), code, "another2026");
        assertThat(again.problemCode()).as("single use").isEqualTo("EMAIL_CODE_EXPIRED");
        assertThat(output.getAll()).as("never logged").doesNotContain(code).doesNotContain(email);
    }

    @Test
    void aWrongCodeCountsAndAnExpiredOneIsRefused() {
        var account = shanghaiAccount();
        String email = TestAccounts.randomEmail();
        TestAccounts.giveEmail(jdbc, protector, account.id(), email);
        assertThat(post("/api/accounts/public/email-codes/password-reset", idAndCaptcha(account.idNumber())).status())
                .isEqualTo(202);
        String code = mailTo(email).params().get("code");
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpProbe.Answer refused = reset(account.idNumber(), wrong, "xinmima2026");
        assertThat(refused.problemCode()).isEqualTo("EMAIL_CODE_WRONG");
        assertThat(reset(account.idNumber(), "12a", "xinmima2026").problemCode()).isEqualTo("EMAIL_CODE_FORMAT");
        assertThat(jdbc.sql("select failed_attempts from email_code where account_id = ?").param(account.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select expires_at - created_at from email_code where account_id = ?")
                .param(account.id()).query((row, n) -> row.getString(1)).single()).isEqualTo("00:05:00");

        jdbc.sql("update email_code set expires_at = ? where account_id = ?")
                .params(Timestamp.from(java.time.Instant.now().minusSeconds(1)), account.id()).update();
        assertThat(reset(account.idNumber(), code, "xinmima2026").problemCode()).isEqualTo("EMAIL_CODE_EXPIRED");
        assertThat(encoder.matches(TestAccounts.PASSWORD, accounts.findById(account.id()).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void anAddressGetsItsNextCodeOnlyAfterTheCooldownAndTheLastCodeIsTheOneThatWorks() {
        var account = shanghaiAccount();
        String email = TestAccounts.randomEmail();
        TestAccounts.giveEmail(jdbc, protector, account.id(), email);
        assertThat(post("/api/accounts/public/email-codes/password-reset", idAndCaptcha(account.idNumber())).status())
                .isEqualTo(202);
        String first = mailTo(email).params().get("code");

        HttpProbe.Answer tooSoon = post("/api/accounts/public/email-codes/password-reset",
                idAndCaptcha(account.idNumber()));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.problemCode()).isEqualTo("TOO_FREQUENT");
        assertThat(tooSoon.header("Retry-After")).isPresent();

        jdbc.sql("update rate_limit set last_at = last_at - interval '61 seconds' where scope = 'EMAIL_ADDRESS'")
                .update();
        assertThat(post("/api/accounts/public/email-codes/password-reset", idAndCaptcha(account.idNumber())).status())
                .isEqualTo(202);
        var mails = EVENTS.matching(EmailRequested.class, mail -> email.equals(mail.email()), 2);
        assertThat(mails).hasSize(2); // one candidate's mails keep their order (one partition)
        String second = mails.get(1).params().get("code");
        if (!second.equals(first)) { // one chance in a million that both are the same six digits
            assertThat(reset(account.idNumber(), first, "xinmima2026").problemCode())
                    .as("an earlier code stops working").isEqualTo("EMAIL_CODE_WRONG");
        }
        assertThat(reset(account.idNumber(), second, "xinmima2026").status()).isEqualTo(204);
    }

    @Test
    void eachWayNeedsItsAddressOnFile() {
        var withoutEmail = shanghaiAccount();
        HttpProbe.Answer target = post("/api/accounts/public/password-resets/lookup",
                idAndCaptcha(withoutEmail.idNumber()));
        assertThat(target.json().path("maskedEmail").isNull()).isTrue();
        HttpProbe.Answer noMail = post("/api/accounts/public/email-codes/password-reset",
                idAndCaptcha(withoutEmail.idNumber()));
        assertThat(noMail.status()).isEqualTo(409);
        assertThat(noMail.problemCode()).isEqualTo("EMAIL_NOT_BOUND");
        assertThat(reset(withoutEmail.idNumber(), "123456", "xinmima2026").problemCode()).isEqualTo("EMAIL_NOT_BOUND");

        var withoutPhone = shanghaiAccount();
        jdbc.sql("update candidate_account set phone_sealed = null, phone_hash = null where id = ?")
                .param(withoutPhone.id()).update();
        assertThat(post("/api/accounts/public/password-resets/lookup", idAndCaptcha(withoutPhone.idNumber())).json()
                .path("maskedPhone").isNull()).isTrue();
        HttpProbe.Answer noPhone = post("/api/accounts/public/sms-codes/password-reset",
                idAndCaptcha(withoutPhone.idNumber()));
        assertThat(noPhone.status()).isEqualTo(409);
        assertThat(noPhone.problemCode()).isEqualTo("PHONE_NOT_BOUND");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private TestAccounts.Made shanghaiAccount() {
        return TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), false);
    }

    private EmailRequested mailTo(String email) {
        return EVENTS.matching(EmailRequested.class, mail -> email.equals(mail.email()), 1).getLast();
    }

    private HttpProbe.Answer reset(String idNumber, String emailCode, String password) {
        var captcha = captchas.issue();
        return post("/api/accounts/public/password-resets", """
                {"idType":"RESIDENT_ID","idNumber":"%s","emailCode":"%s","captchaId":"%s","captcha":"%s",
                 "password":"%s","confirmPassword":"%s"}""".formatted(idNumber, emailCode, captcha.captchaId(),
                REVEALED.answerOf(captcha.captchaId()), password, password));
    }

    private String idAndCaptcha(String idNumber) {
        var captcha = captchas.issue();
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","captchaId":"%s","captcha":"%s"}""".formatted(idNumber,
                captcha.captchaId(), REVEALED.answerOf(captcha.captchaId()));
    }

    private HttpProbe.Answer post(String path, String json) {
        return ClientCalls.postTo(DemoBureaus.SH, port, path, json, null);
    }
}
