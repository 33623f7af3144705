package org.baokao.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * API-1: partners read the public OpenAPI document and its Swagger UI page through the gateway without a token;
 * the rest of the partner API still needs a partner's.
 */
class PartnerDocsTest extends GatewayTest {

    @Test
    void theDocumentIsEnrollmentServicesPartnerGroupAndNeedsNoToken() {
        client.get().uri("/open-api/v1/openapi.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("enrollment");

        assertThat(ENROLLMENT.lastReceived().method()).isEqualTo("GET");
        assertThat(ENROLLMENT.lastReceived().uri()).isEqualTo("/api/enrollments/operations/api-docs/partner-v1");
    }

    @Test
    void onlyTheDocumentIsPublic() {
        expectUnauthenticated("/open-api/v1/exams");
        expectUnauthenticated("/open-api/v1/openapi.yaml");
        expectUnauthenticated("/open-api/v1/openapi.json/more");
        client.post().uri("/open-api/v1/openapi.json").exchange().expectStatus().isUnauthorized();
        assertThat(ENROLLMENT.received()).isEmpty();
    }

    @Test
    void aPartnersTokenStillReachesThePartnerApi() {
        client.get().uri("/open-api/v1/exams")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEYCLOAK.token("partner-demo", "partner")).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.lastReceived().uri()).isEqualTo("/open-api/v1/exams");
    }

    @Test
    void theSwaggerUiPageIsAPageOfTheWebUi() {
        client.get().uri("/open-api/v1/docs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<title>合作考试院接口文档 · 报考平台</title>", "/open-api/v1/openapi.json",
                                "<main id=\"swagger\">"));
        assertThat(ENROLLMENT.received()).isEmpty();
    }

    private void expectUnauthenticated(String path) {
        client.get().uri(path).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
