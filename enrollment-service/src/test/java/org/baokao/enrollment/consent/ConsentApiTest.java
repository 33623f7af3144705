package org.baokao.enrollment.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * API-3 the candidate's 数据授权 API against real PostgreSQL: the bureau's partners from the directory with the
 * candidate's consent to each; grant and revoke idempotent; every grant and revocation kept; an unknown partner or
 * another bureau's 404; only the candidate's own consents, only at their own bureau's address.
 */
@ServiceTest
class ConsentApiTest {

    private static final String CONSENTS = "/api/enrollments/consents";
    private static final TestIssuer ISSUER = TestServers.issuer();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    UUID candidate;
    String token;

    @BeforeEach
    void aCandidate() {
        http = HttpProbe.onLocalPort(port);
        candidate = UUID.randomUUID();
        token = ISSUER.candidateTokenOf("sd", candidate.toString());
    }

    private Answer call(String method, String path, String bureau, String bearer) {
        return http.send(http.request(path).header("Authorization", "Bearer " + bearer)
                .header(BureauAddress.HEADER, bureau).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Answer call(String method, String path) {
        return call(method, path, "sd", token);
    }

    @Test
    void api3_theBureausPartnersAreListedNotGrantedAtFirst() {
        Answer answer = call("GET", CONSENTS);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().findValuesAsString("clientId")).containsExactly("partner-demo", "partner-zj");
        JsonNode demo = answer.json().get(0);
        assertThat(demo.path("name").asString()).isEqualTo("江苏省教育考试院");
        assertThat(demo.path("granted").asBoolean()).isFalse();
        assertThat(demo.path("grantedAt").isNull()).isTrue();
        assertThat(demo.path("history")).isEmpty();
    }

    @Test
    void api3_grantAndRevokeAreIdempotentAndEveryOneIsKept() {
        Answer granted = call("PUT", CONSENTS + "/partner-demo");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("granted").asBoolean()).isTrue();
        Instant grantedAt = Instant.parse(granted.json().path("grantedAt").asString());

        Answer again = call("PUT", CONSENTS + "/partner-demo");
        assertThat(again.json().path("granted").asBoolean()).isTrue();
        assertThat(Instant.parse(again.json().path("grantedAt").asString())).isEqualTo(grantedAt);
        assertThat(again.json().path("history")).hasSize(1);

        Answer revoked = call("DELETE", CONSENTS + "/partner-demo");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("granted").asBoolean()).isFalse();
        assertThat(revoked.json().path("revokedAt").asString()).isNotBlank();
        assertThat(call("DELETE", CONSENTS + "/partner-demo").status()).isEqualTo(200);

        call("PUT", CONSENTS + "/partner-demo");
        JsonNode listed = call("GET", CONSENTS).json().get(0);
        assertThat(listed.path("granted").asBoolean()).isTrue();
        assertThat(listed.path("history")).hasSize(2);
        assertThat(listed.path("history").get(1).path("revokedAt").asString()).isNotBlank();
        assertThat(listed.path("history").get(0).path("revokedAt").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from partner_consent where candidate_id = ?").param(candidate)
                .query(Long.class).single()).isEqualTo(2);
        // the other partner is untouched
        assertThat(call("GET", CONSENTS).json().get(1).path("granted").asBoolean()).isFalse();
    }

    @Test
    void api3_anUnknownPartnerIs404() {
        for (String method : new String[] { "PUT", "DELETE" }) {
            Answer answer = call(method, CONSENTS + "/partner-unlisted");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.problemCode()).isEqualTo("PARTNER_NOT_FOUND");
        }
    }

    @Test
    void api3_aBureauListsOnlyItsOwnPartnersAndATokenOnlyItsOwnBureau() {
        String shToken = ISSUER.candidateTokenOf("sh", UUID.randomUUID().toString());
        Answer sh = call("GET", CONSENTS, "sh", shToken);
        assertThat(sh.status()).isEqualTo(200);
        assertThat(sh.json()).isEmpty();
        assertThat(call("PUT", CONSENTS + "/partner-demo", "sh", shToken).problemCode())
                .isEqualTo("PARTNER_NOT_FOUND");

        assertThat(call("GET", CONSENTS, "sh", token).status()).isEqualTo(404);
    }

    @Test
    void api3_eachCandidateSeesOnlyTheirOwnConsents() {
        call("PUT", CONSENTS + "/partner-demo");

        String other = ISSUER.candidateTokenOf("sd", UUID.randomUUID().toString());
        assertThat(call("GET", CONSENTS, "sd", other).json().get(0).path("granted").asBoolean()).isFalse();
    }

    @Test
    void api3_onlyCandidatesManageConsents() {
        assertThat(http.get(CONSENTS).status()).isEqualTo(401);
        assertThat(call("GET", CONSENTS, "sd", ISSUER.partnerToken("partner-demo", "sd", 600, "partner-admission"))
                .status()).isEqualTo(403);
        assertThat(call("PUT", CONSENTS + "/partner-demo", "sd",
                ISSUER.operatorToken("admin-sd", "sd", java.util.Map.of(), "bureau-admin")).status()).isEqualTo(403);
    }
}
