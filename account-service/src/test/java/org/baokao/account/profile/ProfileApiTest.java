package org.baokao.account.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** ACC-9 first login of an imported candidate, the masked profile, and ACC-10 audited operator reads. */
@ServiceTest
class ProfileApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportedCandidateChangesThePasswordAndVerifiesThePhoneAtFirstLogin() {
        var account = TestAccounts.create(accounts, encoder, true);
        String token = TestServers.issuer().token(account.id().toString(), "candidate");

        var before = get("/api/accounts/me", token);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("mustChangePassword").asBoolean()).isTrue();
        assertThat(before.json().path("mustVerifyPhone").asBoolean()).isTrue();

        assertThat(post("/api/accounts/me/phone-verification/code", "", token).status()).isEqualTo(202);
        String code = SentCodes.latestFor(account.phone());
        String wrong = code.equals("000000") ? "111111" : "000000";
        var refused = post("/api/accounts/me/phone-verification", "{\"smsCode\":\"" + wrong + "\"}", token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("SMS_CODE_WRONG");
        assertThat(get("/api/accounts/me", token).json().path("mustVerifyPhone").asBoolean()).isTrue();

        assertThat(post("/api/accounts/me/phone-verification", "{\"smsCode\":\"" + code + "\"}", token).status())
                .isEqualTo(204);
        assertThat(post("/api/accounts/me/phone-verification", "{\"smsCode\":\"" + code + "\"}", token).status())
                .as("single use").isEqualTo(400);
        assertThat(post("/api/accounts/me/password", """
                {"oldPassword":"%s","password":"Nouveau#2026","confirmPassword":"Nouveau#2026"}"""
                .formatted(TestAccounts.PASSWORD), token).status()).isEqualTo(204);

        var after = get("/api/accounts/me", token);
        assertThat(after.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(after.json().path("mustVerifyPhone").asBoolean()).isFalse();
        assertThat(accounts.findById(account.id()).orElseThrow().phoneVerified()).isTrue();
    }

    @Test
    void aCodeForAnotherPurposeDoesNotVerifyThePhone() {
        var account = TestAccounts.create(accounts, encoder, true);
        String token = TestServers.issuer().token(account.id().toString(), "candidate");
        // a CHANGE_PHONE code sent to the account's own number (as if it were a "new" phone of another account)
        var other = TestAccounts.create(accounts, encoder, false);
        String otherToken = TestServers.issuer().token(other.id().toString(), "candidate");
        assertThat(post("/api/accounts/me/phone-change/code", "{\"newPhone\":\"" + account.phone() + "\"}", otherToken)
                .status()).isEqualTo(202);
        String changeCode = SentCodes.latestFor(account.phone());

        var refused = post("/api/accounts/me/phone-verification", "{\"smsCode\":\"" + changeCode + "\"}", token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(accounts.findById(account.id()).orElseThrow().phoneVerified()).isFalse();
    }

    @Test
    void theProfileIsMaskedWithDerivedFieldsAndACandidateReadIsNotAudited() {
        var account = TestAccounts.create(accounts, encoder, false);
        String token = TestServers.issuer().token(account.id().toString(), "candidate");

        var me = get("/api/accounts/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).doesNotContain(account.idNumber()).doesNotContain(account.phone()).doesNotContain("张三");
        assertThat(me.json().path("maskedIdNumber").asString())
                .isEqualTo(account.idNumber().substring(0, 2) + "**************" + account.idNumber().substring(16));
        assertThat(me.json().path("maskedPhone").asString())
                .isEqualTo(account.phone().substring(0, 3) + "****" + account.phone().substring(7));
        assertThat(me.json().path("maskedName").asString()).isEqualTo("张*");
        IdDocument id = IdDocument.parse(IdType.RESIDENT_ID, account.idNumber());
        assertThat(me.json().path("birthDate").asString()).isEqualTo(id.birthDate().orElseThrow().toString());
        assertThat(me.json().path("gender").asString()).isEqualTo(id.gender().orElseThrow().name());
        assertThat(auditRows(account.id())).isZero();
        assertThat(get("/api/accounts/me", TestServers.issuer().token(account.id().toString(), "operator")).status())
                .isEqualTo(403);
    }

    @Test
    void theLogOfServicesReadsIsForTheBureausAuditorsAndAdministrators() {
        var account = TestAccounts.create(accounts, encoder, false);
        assertThat(get("/internal/candidates/" + account.id() + "/identity",
                TestServers.issuer().token("service-account-photo-service", "service")).status()).isEqualTo(200);
        String path = "/api/accounts/operations/personal-data-access?candidateId=" + account.id();

        var trail = get(path, TestServers.issuer().operatorToken("auditor-1", "sd", java.util.Map.of(), "auditor"));
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json().size()).isEqualTo(1);
        assertThat(trail.json().get(0).path("purpose").asString()).isEqualTo("IDENTITY_COMPARISON");
        assertThat(trail.body()).doesNotContain(account.idNumber()).doesNotContain(account.phone());

        // OPS-3: a desk that is not the auditor's or the administrator's is refused; another bureau's candidate is
        // not there; an operator's reveal is no longer answered here (考生查询 reveals it, audited in the trail)
        assertThat(get(path, TestServers.issuer().operatorToken("fin-1", "sd", java.util.Map.of(), "finance"))
                .status()).isEqualTo(403);
        String shanghai = TestServers.issuer().operatorToken("auditor-sh", "sh", java.util.Map.of(), "auditor");
        assertThat(org.baokao.account.support.ClientCalls.getAt("sh", port, path, shanghai).status()).isEqualTo(404);
        String admin = TestServers.issuer().operatorToken("admin-1", "sd", java.util.Map.of(), "bureau-admin");
        assertThat(get("/api/accounts/operations/candidates/" + account.id() + "?reason=x", admin).body())
                .doesNotContain(account.idNumber());
        assertThat(auditRows(account.id())).isEqualTo(1);
    }

    private long auditRows(UUID candidateId) {
        return jdbc.sql("select count(*) from personal_data_access where candidate_id = ?").param(candidateId)
                .query(Long.class).single();
    }

    private HttpProbe.Answer get(String path, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return token == null ? http.get(path) : http.get(path, token);
    }

    private HttpProbe.Answer post(String path, String json, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", "10.9." + random.nextInt(250) + "." + random.nextInt(250))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
