package org.baokao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RoutingTest extends GatewayTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/accounts/me?fields=phone,        account",
            "/api/enrollments/e-1/steps/2?x=%E4%B8%AD, enrollment",
            "/api/photos/sessions/s-9,             photo",
            "/api/payments/orders/o-1?refresh=true, payment" })
    void forwardsToItsServiceWithPathQueryAndTokenUnchanged(String path, String serviceName) {
        FakeService service = service(serviceName);
        String token = ACCOUNTS.token("candidate-1", "candidate");

        // sent as is: a URI template would encode the % a second time
        client.get().uri(exactly(path)).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(serviceName);

        FakeService.Received received = service.lastReceived();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo(path);
        assertThat(received.header("Authorization")).isEqualTo(bearer(token));
        assertThat(service.received()).hasSize(1);
    }

    @Test
    void partnerApiIsServedByEnrollmentService() {
        String token = KEYCLOAK.token("partner-demo", "partner");

        client.get().uri("/open-api/v1/exams/2026/enrollments?page=2")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("enrollment");

        assertThat(ENROLLMENT.lastReceived().uri()).isEqualTo("/open-api/v1/exams/2026/enrollments?page=2");
        assertThat(ENROLLMENT.lastReceived().header("Authorization")).isEqualTo(bearer(token));
    }

    @Test
    void forwardsTheRequestBody() {
        String json = "{\"name\":\"张三\",\"postcode\":\"250000\"}";

        client.put().uri("/api/enrollments/e-1/personal-info")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACCOUNTS.token("candidate-1", "candidate")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.lastReceived().method()).isEqualTo("PUT");
        assertThat(ENROLLMENT.lastReceived().body()).isEqualTo(json);
    }

    @Test
    void removesSpoofedIdentityHeadersAndKeepsTheOthers() {
        client.get().uri("/api/accounts/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACCOUNTS.token("candidate-1", "candidate")))
                .header("X-Baokao-Candidate-Id", "someone-else")
                .header("x-baokao-roles", "operator")
                .header("X-Request-Note", "kept")
                .exchange()
                .expectStatus().isOk();

        FakeService.Received received = ACCOUNT.lastReceived();
        assertThat(received.headers().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("x-baokao-"));
        assertThat(received.header("X-Request-Note")).isEqualTo("kept");
    }

    @Test
    void tellsTheServiceTheClientAddressItSaw() {
        WebTestClient overTheNetwork = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        overTheNetwork.get().uri("/api/accounts/public/id-types").header("Forwarded", "for=198.18.0.9").exchange()
                .expectStatus().isOk();
        assertThat(ACCOUNT.lastReceived().header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(ACCOUNT.lastReceived().header("Forwarded")).isNull();

        // loopback stands in for a trusted load balancer: the client it names is passed on
        overTheNetwork.get().uri("/api/accounts/public/id-types").header("X-Forwarded-For", "198.18.0.9").exchange()
                .expectStatus().isOk();
        assertThat(ACCOUNT.lastReceived().header("X-Forwarded-For")).startsWith("198.18.0.9");
    }

    private static FakeService service(String name) {
        return switch (name) {
            case "account" -> ACCOUNT;
            case "enrollment" -> ENROLLMENT;
            case "photo" -> PHOTO;
            case "payment" -> PAYMENT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
