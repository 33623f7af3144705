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

    static final String OPERATOR = "op-support-7";

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
    void everyOperatorReadInClearIsAuditedWithItsReason() {
        var account = TestAccounts.create(accounts, encoder, false);
        String operator = TestServers.issuer().token(OPERATOR, "operator");
        String path = "/api/accounts/operations/candidates/" + account.id();

        var noReason = get(path, operator);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("ACCESS_REASON_REQUIRED");
        assertThat(noReason.body()).doesNotContain(account.idNumber());
        assertThat(get(path + "?reason=%20", operator).status()).isEqualTo(400);
        assertThat(auditRows(account.id())).isZero();

        String reason = "考生来电咨询报名问题";
        var read = get(path + "?reason=" + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8),
                operator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("idNumber").asString()).isEqualTo(account.idNumber());
        assertThat(read.json().path("phone").asString()).isEqualTo(account.phone());
        assertThat(read.json().path("name").asString()).isEqualTo("张三");
        assertThat(get(path + "?reason=second", operator).status()).isEqualTo(200);
        assertThat(auditRows(account.id())).isEqualTo(2);

        var trail = get("/api/accounts/operations/personal-data-access?candidateId=" + account.id(), operator);
        assertThat(trail.status()).isEqualTo(200);
        var newest = trail.json().get(1);
        assertThat(trail.json().size()).isEqualTo(2);
        assertThat(newest.path("operator").asString()).isEqualTo(OPERATOR);
        assertThat(newest.path("reason").asString()).isEqualTo(reason);
        assertThat(newest.path("fields").toString()).contains("ID_NUMBER", "NAME", "PHONE");
        assertThat(newest.path("clientAddress").asString()).isNotBlank();
        assertThat(trail.body()).doesNotContain(account.idNumber()).doesNotContain(account.phone());
        String stored = jdbc.sql("select string_agg(t::text, '|') from personal_data_access t where candidate_id = ?")
                .param(account.id()).query(String.class).single();
        assertThat(stored).doesNotContain(account.idNumber()).doesNotContain(account.phone()).doesNotContain("张三");

        // candidates cannot read anyone in clear, and a refused read leaves no row
        String candidate = TestServers.issuer().token(account.id().toString(), "candidate");
        assertThat(get(path + "?reason=x", candidate).status()).isEqualTo(403);
        assertThat(get(path + "?reason=x", null).status()).isEqualTo(401);
        assertThat(get("/api/accounts/operations/candidates/" + UUID.randomUUID() + "?reason=x", operator).status())
                .isEqualTo(404);
        assertThat(auditRows(account.id())).isEqualTo(2);
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
