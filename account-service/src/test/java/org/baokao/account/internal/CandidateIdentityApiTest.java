package org.baokao.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.support.TestAccounts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** PHO-4 (and ACC-10): photo-service reads name and ID number for the comparison; only services, always audited. */
@ServiceTest
class CandidateIdentityApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pho4_aServiceReadsTheIdentityForTheComparisonAndTheReadIsAuditedWithoutValues() {
        var account = TestAccounts.create(accounts, encoder, false);
        HttpProbe http = HttpProbe.onLocalPort(port);
        String path = "/internal/candidates/" + account.id() + "/identity";

        var read = http.get(path, TestServers.issuer().token("service-account-photo-service", "service"));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("idNumber").asString()).isEqualTo(account.idNumber());
        assertThat(read.json().path("name").asString()).isEqualTo("张三");
        assertThat(read.json().path("idType").asString()).isEqualTo("RESIDENT_ID");
        var audit = jdbc.sql("select operator_subject, fields, purpose from personal_data_access where candidate_id = ?")
                .param(account.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list();
        assertThat(audit).containsExactly("service-account-photo-service|ID_NUMBER,NAME|IDENTITY_COMPARISON");
    }

    @Test
    void pho4_candidatesOperatorsAndStrangersCannotReadIt() {
        var account = TestAccounts.create(accounts, encoder, false);
        HttpProbe http = HttpProbe.onLocalPort(port);
        String path = "/internal/candidates/" + account.id() + "/identity";

        assertThat(http.get(path).status()).isEqualTo(401);
        assertThat(http.get(path, TestServers.issuer().token(account.id().toString(), "candidate")).status())
                .isEqualTo(403);
        assertThat(http.get(path, TestServers.issuer().token("op-1", "operator")).status()).isEqualTo(403);
        assertThat(http.get("/internal/candidates/" + UUID.randomUUID() + "/identity",
                TestServers.issuer().token("svc", "service")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from personal_data_access where candidate_id = ?").param(account.id())
                .query(Long.class).single()).isZero();
    }
}
