package org.baokao.account.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * BUR-1: a candidate's token names the bureau of the account (claim {@code bureau}), a refresh keeps it, and at
 * another bureau's address the token finds nothing (404, web-support's BureauScopeFilter), never the account. The
 * tokens this service issues are read for their claims; the calls carry the test issuer's token with the same claims
 * (the test application trusts that issuer, as a deployment trusts this service's JWKS).
 */
@ServiceTest
class BureauTokensTest {

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

    @Test
    void bur1_aShanghaiCandidatesTokenOpensShanghaisAddressOnly() {
        var account = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), false);
        String issued = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, account.idNumber(),
                TestAccounts.PASSWORD).json().path("access_token").asString();
        assertThat(LoginCalls.claims(issued).path("bureau").asString()).isEqualTo("sh");
        String token = TestServers.issuer().candidateTokenOf("sh", account.id().toString());

        var atShanghai = me(DemoBureaus.SH, token);
        assertThat(atShanghai.status()).isEqualTo(200);
        assertThat(atShanghai.json().path("candidateId").asString()).isEqualTo(account.id().toString());
        assertThat(atShanghai.json().path("bureau").asString()).isEqualTo("sh");
        for (String elsewhere : new String[] { DemoBureaus.SD, null }) {
            var refused = me(elsewhere, token);
            assertThat(refused.status()).as("at " + elsewhere).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(account.id().toString());
        }
    }

    @Test
    void bur1_aShandongCandidatesTokenIsRefusedAtShanghai() {
        var account = TestAccounts.create(accounts, encoder, false);
        String issued = LoginCalls.withSms(port, captchas, account.idNumber(), account.phone(), TestAccounts.PASSWORD)
                .json().path("access_token").asString();
        assertThat(LoginCalls.claims(issued).path("bureau").asString()).isEqualTo("sd");
        String token = TestServers.issuer().candidateTokenOf("sd", account.id().toString());

        assertThat(me(null, token).status()).isEqualTo(200);
        assertThat(me(DemoBureaus.SH, token).status()).isEqualTo(404);
    }

    @Test
    void bur1_aRefreshKeepsTheBureauAndIsNotFoundAtAnotherBureausAddress() {
        var account = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), false);
        String refreshToken = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, account.idNumber(),
                TestAccounts.PASSWORD).json().path("refresh_token").asString();

        var refreshed = refresh(DemoBureaus.SH, refreshToken);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(LoginCalls.claims(refreshed.json().path("access_token").asString()).path("bureau").asString())
                .isEqualTo("sh");
        String next = refreshed.json().path("refresh_token").asString();

        var atShandong = refresh(null, next);
        assertThat(atShandong.status()).isEqualTo(404);
        assertThat(atShandong.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(refresh(DemoBureaus.SH, next).status()).as("the refused attempt changed nothing").isEqualTo(200);
    }

    @Test
    void bur1_aCodeForTheAccountsOwnPhoneIsSentForTheAccountsBureau() {
        var account = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), true);
        String token = TestServers.issuer().candidateTokenOf("sh", account.id().toString());

        var sent = ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/me/phone-verification/code", "{}", token);

        assertThat(sent.status()).isEqualTo(202);
        var sms = SentCodes.latestRequestFor(account.phone());
        assertThat(sms.bureau()).isEqualTo("sh");
        assertThat(sms.candidateId()).isEqualTo(account.id());
    }

    private HttpProbe.Answer me(String bureau, String token) {
        return ClientCalls.getAt(bureau, port, "/api/accounts/me", token);
    }

    private HttpProbe.Answer refresh(String bureau, String refreshToken) {
        return ClientCalls.postTo(bureau, port, "/api/accounts/public/tokens/refresh",
                "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }
}
