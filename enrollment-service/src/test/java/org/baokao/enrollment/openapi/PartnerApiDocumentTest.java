package org.baokao.enrollment.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * API-1: partners read their document before they have a token, and it shows them only their API and how to get a
 * token; the service's whole document stays an operator's.
 */
@ServiceTest
class PartnerApiDocumentTest {

    private static final String PARTNER_DOCUMENT = "/api/enrollments/operations/api-docs/partner-v1";
    private static final String WHOLE_DOCUMENT = "/api/enrollments/operations/api-docs";

    @LocalServerPort
    int port;

    HttpProbe http;
    TestIssuer issuer = TestServers.issuer();

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    @Test
    void partnersReadTheirDocumentWithoutAToken() {
        Answer answer = http.get(PARTNER_DOCUMENT);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("title").asString()).isEqualTo("报考平台 合作考试院接口 v1");
        assertThat(document.path("paths").has("/open-api/v1/exams")).isTrue();
        List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/open-api/v1/"));
    }

    @Test
    void theDocumentTellsPartnersWhereToGetAToken() {
        JsonNode document = http.get(PARTNER_DOCUMENT).json();

        JsonNode scheme = document.path("components").path("securitySchemes").path("partner-oauth2");
        assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
        assertThat(scheme.path("flows").path("clientCredentials").path("tokenUrl").asString())
                .isEqualTo("http://localhost:8180/realms/baokao/protocol/openid-connect/token");
        assertThat(scheme.path("flows").path("clientCredentials").path("scopes").has("partner.verify")).isTrue();
        assertThat(document.path("security").get(0).has("partner-oauth2")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("bearer-jwt"))
                .as("the operators' and candidates' token is not the partners' business").isFalse();
    }

    @Test
    void theWholeDocumentIsOnlyForOperators() {
        assertThat(http.get(WHOLE_DOCUMENT).status()).isEqualTo(401);
        assertThat(http.get(WHOLE_DOCUMENT, issuer.token("partner-demo", "partner")).status()).isEqualTo(403);
        assertThat(http.get(WHOLE_DOCUMENT, issuer.candidateTokenOf("sd", "c-1")).status()).isEqualTo(403);
        Answer operator = http.get(WHOLE_DOCUMENT, issuer.token("op-1", "operator"));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().path("paths").has("/api/enrollments/operations/exams")).isTrue();
    }

    @Test
    void onlyThePartnerDocumentIsPublicUnderOperations() {
        assertThat(http.get(WHOLE_DOCUMENT + ".yaml").status()).isEqualTo(401);
        assertThat(http.get(WHOLE_DOCUMENT + "/partner-v1-draft").status()).isEqualTo(401);
    }
}
