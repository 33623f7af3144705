package org.baokao.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.baokao.account.account.Accounts;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.account.token.RefreshTokens;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

/** ACC-4 and ACC-7: the password policy, forgotten passwords and changing a password. */
@ServiceTest
class PasswordApiTest {

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
    RefreshTokens refreshTokens;
    @Autowired
    Bureaus bureaus;

    @Test
    void theForgotPasswordFlowShowsTheMaskedPhoneAndSetsANewPassword() {
        var account = TestAccounts.create(accounts, encoder, false);
        var session = refreshTokens.startSession(account.id(), "sd");

        var target = post("/api/accounts/public/password-resets/lookup", idAndCaptcha(account.idNumber()));
        assertThat(target.status()).isEqualTo(200);
        assertThat(target.json().path("maskedPhone").asString())
                .isEqualTo(account.phone().substring(0, 3) + "****" + account.phone().substring(7));
        assertThat(target.json().path("maskedIdNumber").asString()).startsWith("37").contains("*");
        assertThat(target.body()).doesNotContain(account.phone()).doesNotContain(account.idNumber());

        assertThat(post("/api/accounts/public/sms-codes/password-reset", idAndCaptcha(account.idNumber())).status())
                .isEqualTo(202);
        var captcha = captchas.issue();
        var reset = post("/api/accounts/public/password-resets", """
                {"idType":"RESIDENT_ID","idNumber":"%s","smsCode":"%s","captchaId":"%s","captcha":"%s",
                 "password":"Nouveau#2026","confirmPassword":"Nouveau#2026"}""".formatted(account.idNumber(),
                SentCodes.latestFor(account.phone()), captcha.captchaId(), REVEALED.answerOf(captcha.captchaId())));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(encoder.matches("Nouveau#2026", accounts.findById(account.id()).orElseThrow().passwordHash())).isTrue();
        assertThat(post("/api/accounts/public/tokens/refresh", "{\"refreshToken\":\"" + session.token() + "\"}")
                .status()).as("every session ended").isEqualTo(401);
        // issue 23 §5: named for the gateway, which refuses the session's access tokens at once
        assertThat(reset.header(RefreshTokens.SESSION_ENDED_HEADER)).contains(session.sessionId().toString());
    }

    @Test
    void aResetWithoutTheRightCodeChangesNothing() {
        var account = TestAccounts.create(accounts, encoder, false);
        var captcha = captchas.issue();

        var reset = post("/api/accounts/public/password-resets", """
                {"idType":"RESIDENT_ID","idNumber":"%s","smsCode":"123456","captchaId":"%s","captcha":"%s",
                 "password":"Nouveau#2026","confirmPassword":"Nouveau#2026"}""".formatted(account.idNumber(),
                captcha.captchaId(), REVEALED.answerOf(captcha.captchaId())));

        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.problemCode()).isEqualTo("SMS_CODE_EXPIRED");
        assertThat(encoder.matches(TestAccounts.PASSWORD, accounts.findById(account.id()).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndAStrongNewOne() {
        var account = TestAccounts.create(accounts, encoder, true);
        var current = refreshTokens.startSession(account.id(), "sd");
        var other = refreshTokens.startSession(account.id(), "sd"); // another browser
        // the test kit's issuer stands in for account-service's own tokens here; the subject and sid are what count
        String token = TestServers.issuer().tokenWith(account.id().toString(),
                java.util.Map.of("sid", current.sessionId().toString()), "candidate");
        HttpProbe http = HttpProbe.onLocalPort(port);

        var wrongOld = change(http, token, "Wrong@2026x", "Nouveau#2026", "Nouveau#2026");
        assertThat(wrongOld.problemCode()).isEqualTo("OLD_PASSWORD_WRONG");
        var weak = change(http, token, TestAccounts.PASSWORD, "weakpass", "weakpass");
        assertThat(weak.problemCode()).isEqualTo("PASSWORD_WEAK");
        var mismatch = change(http, token, TestAccounts.PASSWORD, "Nouveau#2026", "Nouveau#2027");
        assertThat(mismatch.problemCode()).isEqualTo("PASSWORD_MISMATCH");

        var changed = change(http, token, TestAccounts.PASSWORD, "Nouveau#2026", "Nouveau#2026");
        assertThat(changed.status()).isEqualTo(204);
        // issue 23 §5: the other sessions are named for the gateway (their access tokens refused at once); this one
        // is not, so an imported candidate's first login goes on with its token (ACC-9)
        assertThat(changed.header(RefreshTokens.SESSION_ENDED_HEADER)).contains(other.sessionId().toString());
        assertThat(accounts.findById(account.id()).orElseThrow().mustChangePassword())
                .as("ACC-9: the initial password is replaced").isFalse();
        assertThat(http.get("/api/accounts/me/password").status()).isIn(401, 405);
    }

    @Test
    void shandongsPolicyNeedsDigitsBothCasesAndASpecialCharacterWithinTheLengths() {
        PasswordPolicy policy = PasswordPolicy.of(bureaus.of("sd"));
        String[] weak = { "Short1!", "alllowercase1!", "ALLUPPERCASE1!", "NoDigitsHere!!", "NoSpecial123a", "Has Space1!",
                "含中文Abc123!", "Waytoolong1234567!" };
        for (String password : weak) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.check(password, password))
                    .as(password).isInstanceOf(org.baokao.domain.Refusal.class);
        }
        policy.check("Baokao@2026", "Baokao@2026");
        policy.check("Ab1!Ab1!", "Ab1!Ab1!");
    }

    private HttpProbe.Answer change(HttpProbe http, String token, String old, String password, String confirm) {
        return http.send(http.request("/api/accounts/me/password").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"oldPassword":"%s","password":"%s","confirmPassword":"%s"}""".formatted(old, password, confirm))));
    }

    private String idAndCaptcha(String idNumber) {
        var captcha = captchas.issue();
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","captchaId":"%s","captcha":"%s"}"""
                .formatted(idNumber, captcha.captchaId(), REVEALED.answerOf(captcha.captchaId()));
    }

    private HttpProbe.Answer post(String path, String json) {
        return ClientCalls.post(port, path, json);
    }
}
