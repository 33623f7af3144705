package org.baokao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.baokao.gateway.support.GatewayTest;
import org.baokao.testkit.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EdgeSecurityTest extends GatewayTest {

    /** Signs well-formed tokens, but the gateway was never told to trust it. */
    private static final TestIssuer STRANGER = TestIssuer.start();

    @AfterAll
    static void stopStranger() {
        STRANGER.close();
    }

    @Test
    void protectedRouteWithoutTokenIs401ProblemAndNeverReachesTheService() {
        expectUnauthenticated(client.get().uri("/api/enrollments/mine").exchange());

        assertThat(ENROLLMENT.received()).isEmpty();
    }

    @Test
    void operatorTokenFromKeycloakIsAcceptedOnTheApi() {
        client.get().uri("/api/enrollments/review-queue")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token("operator", "operator"))).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.received()).hasSize(1);
    }

    @Test
    void partnerTokenOpensThePartnerApi() {
        client.get().uri("/open-api/v1/enrollments/status")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token("partner-demo", "partner"))).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.received()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensWithoutPartnerRole")
    void partnerApiWithoutPartnerRoleIs403Problem(String who, Supplier<String> token) {
        client.get().uri("/open-api/v1/enrollments/status")
                .header(HttpHeaders.AUTHORIZATION, bearer(token.get())).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.type").isEqualTo("urn:baokao:problem:FORBIDDEN")
                .jsonPath("$.detail").isEqualTo("没有权限执行此操作");

        assertThat(ENROLLMENT.received()).isEmpty();
    }

    static Stream<Arguments> tokensWithoutPartnerRole() {
        return Stream.of(
                Arguments.of("candidate", (Supplier<String>) () -> ACCOUNTS.token("candidate-1", "candidate")),
                Arguments.of("operator", (Supplier<String>) () -> KEYCLOAK.token("operator", "operator")));
    }

    @Test
    void partnerApiWithoutTokenIs401() {
        expectUnauthenticated(client.get().uri("/open-api/v1/enrollments/status").exchange());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void invalidTokenIs401(String what, Supplier<String> token) {
        expectUnauthenticated(client.get().uri("/api/accounts/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(token.get())).exchange());

        assertThat(ACCOUNT.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void invalidTokenIs401EvenOnAPublicPath(String what, Supplier<String> token) {
        expectUnauthenticated(client.post().uri("/api/accounts/public/captcha")
                .header(HttpHeaders.AUTHORIZATION, bearer(token.get())).exchange());

        assertThat(ACCOUNT.received()).isEmpty();
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("tampered", (Supplier<String>) () -> ACCOUNTS.tamperedToken("candidate-1", "candidate")),
                Arguments.of("expired", (Supplier<String>) () -> ACCOUNTS.expiredToken("candidate-1", "candidate")),
                Arguments.of("unknown issuer", (Supplier<String>) () -> STRANGER.token("partner-x", "partner")),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/accounts/public/captcha,        account",
            "/api/enrollments/public/exams,       enrollment",
            "/api/photos/public/capture/abc,      photo",
            "/api/payments/public/channels,       payment",
            "/api/payments/notify/unionpay,       payment" })
    void publicPathsNeedNoToken(String path, String serviceName) {
        client.post().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(serviceName);
    }

    @Test
    void issuerWhoseKeysCannotBeFetchedGives503NotALoginPrompt() {
        client.get().uri("/api/accounts/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(DOWN.token("candidate-1", "candidate"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");

        assertThat(ACCOUNT.received()).isEmpty();
    }

    @Test
    void breakerFallbacksCannotBeCalledFromOutside() {
        client.get().uri("/fallback/account").exchange().expectStatus().isUnauthorized();
        client.get().uri("/fallback/account")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token("operator", "operator"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void onlyHealthInfoAndMetricsOfTheActuatorAreOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
    }

    private static void expectUnauthenticated(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.type").isEqualTo("urn:baokao:problem:UNAUTHENTICATED")
                .jsonPath("$.detail").isEqualTo("请先登录，或登录已失效，请重新登录");
    }
}
