package org.baokao.account.existing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.account.support.TestSpreadsheets;
import org.baokao.events.account.PhoneVerified;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * ACC-9, SST-3: an imported 在籍考生's first login at Shanghai: the initial password and the captcha let them in, the
 * answer says both first-login steps are pending; the password changes by the bureau's rule (6-16), the phone on
 * file is verified by a code, and an account without a phone on file binds the one it verifies. Each verification
 * publishes one PhoneVerified (SST-4: course selection waits for it), a wrong code none.
 */
@ServiceTest
class FirstLoginApiTest {

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    Accounts accounts;

    @Test
    void theInitialPasswordIsChangedByShanghaisRuleThenThePhoneOnFileIsVerified() {
        String id = TestAccounts.randomIdNumber();
        String phone = TestAccounts.randomPhone();
        imported(id, phone);

        String token = firstLogin(id);
        assertThat(change(token, id.substring(12), "12345", "12345").problemCode())
                .as("Shanghai: 6-16").isEqualTo("PASSWORD_WEAK");
        assertThat(change(token, id.substring(12), "xin2026", "xin2026").status()).isEqualTo(204);
        String again = login(id, "xin2026");
        HttpProbe.Answer me = ClientCalls.getAt(DemoBureaus.SH, port, "/api/accounts/me", again);
        assertThat(me.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(me.json().path("mustVerifyPhone").asBoolean()).isTrue();
        assertThat(me.json().path("maskedPhone").asString()).isEqualTo(phone.substring(0, 3) + "****"
                + phone.substring(7));

        assertThat(post(again, "/api/accounts/me/phone-verification/code",
                "{\"phone\":\"" + TestAccounts.randomPhone() + "\"}").problemCode())
                .as("a phone on file is changed by 修改注册手机号, not here").isEqualTo("PHONE_ALREADY_BOUND");
        assertThat(post(again, "/api/accounts/me/phone-verification/code", null).status()).isEqualTo(202);
        var sms = SentCodes.latestRequestFor(phone);
        assertThat(sms.bureau()).isEqualTo(DemoBureaus.SH);
        assertThat(post(again, "/api/accounts/me/phone-verification",
                "{\"smsCode\":\"" + sms.params().get("code") + "\"}").status()).isEqualTo(204);

        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        assertThat(account.phoneVerified()).isTrue();
        assertThat(account.phone()).isEqualTo(phone);
        assertThat(KafkaEvents.ofTestServers().matching(PhoneVerified.class,
                e -> e.candidateId().equals(account.id()), 1)).singleElement().satisfies(e -> {
                    assertThat(e.bureau()).isEqualTo(DemoBureaus.SH);
                    assertThat(e.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                            .doesNotContain(phone.substring(3, 7));
                    assertThat(e.verifiedAt()).isNotNull();
                });
        HttpProbe.Answer done = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, id, "xin2026");
        assertThat(done.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(done.json().path("mustVerifyPhone").asBoolean()).isFalse();
    }

    @Test
    void anAccountWithoutAPhoneOnFileBindsThePhoneItVerifies() {
        String id = TestAccounts.randomIdNumber();
        imported(id, "");
        String token = firstLogin(id);
        assertThat(change(token, id.substring(12), "xin2026", "xin2026").status()).isEqualTo(204);
        String again = login(id, "xin2026");
        assertThat(ClientCalls.getAt(DemoBureaus.SH, port, "/api/accounts/me", again).json().path("maskedPhone")
                .isNull()).isTrue();

        assertThat(post(again, "/api/accounts/me/phone-verification/code", null).problemCode())
                .isEqualTo("PHONE_REQUIRED");
        assertThat(post(again, "/api/accounts/me/phone-verification/code", "{\"phone\":\"12345\"}").problemCode())
                .isEqualTo("PHONE_INVALID");
        String phone = TestAccounts.randomPhone();
        assertThat(post(again, "/api/accounts/me/phone-verification/code", "{\"phone\":\"" + phone + "\"}").status())
                .isEqualTo(202);
        String code = SentCodes.latestFor(phone);
        String otherPhone = TestAccounts.randomPhone();
        assertThat(post(again, "/api/accounts/me/phone-verification",
                "{\"smsCode\":\"" + code + "\",\"phone\":\"" + otherPhone + "\"}").problemCode())
                .as("the code proves the phone it went to, no other").isEqualTo("SMS_CODE_EXPIRED");
        assertThat(accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow().phone()).isNull();
        UUID accountId = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow().id();
        assertThat(KafkaEvents.ofTestServers().matching(PhoneVerified.class, e -> e.candidateId().equals(accountId), 0))
                .as("a refused code verifies nothing").isEmpty();

        assertThat(post(again, "/api/accounts/me/phone-verification",
                "{\"smsCode\":\"" + code + "\",\"phone\":\"" + phone + "\"}").status()).isEqualTo(204);

        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        assertThat(account.phone()).isEqualTo(phone);
        assertThat(account.phoneVerified()).isTrue();
        assertThat(KafkaEvents.ofTestServers().matching(PhoneVerified.class, e -> e.candidateId().equals(accountId), 1))
                .singleElement().satisfies(e -> assertThat(e.phoneMasked()).startsWith(phone.substring(0, 3))
                        .endsWith(phone.substring(7)).contains("****"));
        assertThat(accounts.findPersonalData(account.id()).orElseThrow().idNumber())
                .as("the row stays readable after it was sealed again").isEqualTo(id);
    }

    private void imported(String id, String phone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ExistingCandidateImportApiTest.HEADER);
        rows.add(List.of("居民身份证", id, "蒋五", ExistingCandidateImportApiTest.admissionNumber(), "10246", "C050201",
                phone, ""));
        var done = new ExistingApi(port, DemoBureaus.SH).importAndWait("first-login.csv", TestSpreadsheets.utf8(rows));
        assertThat(done.path("inserted").asInt()).isEqualTo(1);
    }

    /**
     * The first login with the initial password: both steps pending. The token the calls carry is the test kit's
     * stand-in for the one the login issued, with the same subject and bureau (see BureauTokensTest).
     */
    private String firstLogin(String id) {
        return tokenOf(LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, id, id.substring(12)), true);
    }

    /** Changing the password ends every session: the candidate logs in again. */
    private String login(String id, String password) {
        return tokenOf(LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, id, password), false);
    }

    private static String tokenOf(HttpProbe.Answer login, boolean mustChangePassword) {
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().path("mustChangePassword").asBoolean()).isEqualTo(mustChangePassword);
        assertThat(login.json().path("mustVerifyPhone").asBoolean()).isTrue();
        var claims = LoginCalls.claims(login.json().path("access_token").asString());
        assertThat(claims.path("bureau").asString()).isEqualTo(DemoBureaus.SH);
        return TestServers.issuer().candidateTokenOf(DemoBureaus.SH, claims.path("sub").asString());
    }

    private HttpProbe.Answer change(String token, String old, String password, String confirmation) {
        return post(token, "/api/accounts/me/password", """
                {"oldPassword":"%s","password":"%s","confirmPassword":"%s"}""".formatted(old, password, confirmation));
    }

    private HttpProbe.Answer post(String token, String path, String json) {
        return ClientCalls.postTo(DemoBureaus.SH, port, path, json == null ? "" : json, token);
    }

    private static IdDocument resident(String number) {
        return IdDocument.parse(IdType.RESIDENT_ID, number);
    }
}
