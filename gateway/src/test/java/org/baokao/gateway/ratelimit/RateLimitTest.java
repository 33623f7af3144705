package org.baokao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.GatewayTest;
import org.baokao.gateway.support.RateLimitClock;
import org.baokao.testkit.MachineAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GW-1 through the whole gateway with its production defaults (RateLimitProperties): nothing here raises them, so
 * these tests fail if the defaults stop refusing. Every call comes from 127.0.0.1, like a browser test; loopback is
 * the trusted proxy here, so {@code X-Forwarded-For} poses as other clients. The buckets' clock stands still
 * ({@link RateLimitClock}) unless a test moves it, so a slow machine refills nothing between two calls.
 */
class RateLimitTest extends GatewayTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}: {1} per minute")
    @CsvSource({
            "/api/accounts/public/captchas,                  60, account",
            "/api/accounts/public/sms-codes/registration,    20, account",
            "/api/accounts/public/logins,                    30, account",
            "/api/accounts/public/password-resets/lookup,    30, account",
            "/api/enrollments/public/exams,                 600, enrollment" })
    void anAddressGetsItsDefaultAllowanceThenA429ProblemThatNeverReachesTheService(String path, int allowed,
            String service) {
        for (int i = 0; i < allowed; i++) {
            post(path).expectStatus().isOk().expectBody();
        }

        post(path).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.type").isEqualTo("urn:baokao:problem:RATE_LIMITED")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).matches("请求过于频繁，请 \\d+ 秒后再试"));

        assertThat(service(service).received()).hasSize(allowed);
    }

    @Test
    void retryAfterSaysWhenTheNextRequestPassesAndTheDetailRepeatsIt() {
        for (int i = 0; i < 20; i++) {
            post("/api/accounts/public/sms-codes/login").expectStatus().isOk().expectBody();
        }
        // 20 per minute: one more every 3 seconds
        post("/api/accounts/public/sms-codes/login").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectBody().jsonPath("$.detail").isEqualTo("请求过于频繁，请 3 秒后再试");

        RateLimitClock.STOPPED.advance(Duration.ofSeconds(3));
        post("/api/accounts/public/sms-codes/login").expectStatus().isOk().expectBody();
        post("/api/accounts/public/sms-codes/login").expectStatus().isEqualTo(429).expectBody();
    }

    @Test
    void aBureausPrefixAndAnEscapedLetterShareTheBucketOfThePlainPath() {
        for (int i = 0; i < 20; i++) {
            post("/api/accounts/public/captchas").expectStatus().isOk().expectBody();
            post("/sd/api/accounts/public/captchas").expectStatus().isOk().expectBody();
            post("/sh/api/accounts/public/%63aptchas").expectStatus().isOk().expectBody();
        }

        post("/sh/api/accounts/public/captchas").expectStatus().isEqualTo(429).expectBody();
        post("/api/accounts/public/captchas").expectStatus().isEqualTo(429).expectBody();
    }

    @Test
    void eachClientAddressHasItsOwnBuckets() {
        for (int i = 0; i < 30; i++) {
            post("/api/accounts/public/logins").expectStatus().isOk().expectBody();
        }
        post("/api/accounts/public/logins").expectStatus().isEqualTo(429).expectBody();

        // loopback is the trusted proxy of this test: the client it names is another client
        client.post().uri("/api/accounts/public/logins").header("X-Forwarded-For", "198.18.0.7").exchange()
                .expectStatus().isOk();
    }

    @Test
    void aCallerOnTheNetworkCannotPoseAsOtherClients() {
        Optional<InetAddress> address = MachineAddresses.ipv4();
        assumeThat(address).as("a non-loopback IPv4 address on this machine").isPresent();
        WebTestClient network = WebTestClient.bindToServer().baseUrl(MachineAddresses.baseUrl(address.get(), port))
                .build();

        // a new X-Forwarded-For each time: not a trusted proxy, so it is counted by its own address all the same
        for (int i = 0; i < 30; i++) {
            network.post().uri("/api/accounts/public/logins").header("X-Forwarded-For", "198.18.1." + i).exchange()
                    .expectStatus().isOk().expectBody();
        }
        network.post().uri("/api/accounts/public/logins").header("X-Forwarded-For", "198.18.1.99").exchange()
                .expectStatus().isEqualTo(429).expectBody();

        assertThat(ACCOUNT.received()).hasSize(30)
                .allSatisfy(call -> assertThat(call.header("X-Forwarded-For"))
                        .isEqualTo(address.get().getHostAddress()));
        post("/api/accounts/public/logins").expectStatus().isOk().expectBody();
    }

    @Test
    void theStrictLimitsAreSeparateFromEachOtherAndFromTheRest() {
        for (int i = 0; i < 20; i++) {
            post("/api/accounts/public/sms-codes/registration").expectStatus().isOk().expectBody();
        }
        post("/api/accounts/public/sms-codes/registration").expectStatus().isEqualTo(429).expectBody();

        post("/api/accounts/public/captchas").expectStatus().isOk().expectBody();
        post("/api/accounts/public/logins").expectStatus().isOk().expectBody();
        post("/api/accounts/public/registrations").expectStatus().isOk().expectBody();
    }

    @Test
    void aPartnerGetsTheQuotaItsTokenCarriesEachPartnerItsOwn() {
        String zj = KEYCLOAK.partnerToken("partner-zj", "sd", 5, "partner-verify");
        for (int i = 0; i < 5; i++) {
            partnerCall(zj).expectStatus().isOk().expectBody();
        }
        partnerCall(zj).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");

        partnerCall(KEYCLOAK.partnerToken("partner-demo", "sd", 600, "partner-verify")).expectStatus().isOk().expectBody();
        assertThat(ENROLLMENT.received()).hasSize(6);
    }

    @Test
    void aPartnersQuotaIsTheClientsWhateverTokenItCurrentlyHolds() {
        for (int i = 0; i < 5; i++) {
            // a new token each time, as a partner that fetches one per call would have
            partnerCall(KEYCLOAK.partnerToken("partner-zj", "sd", 5, "partner-verify")).expectStatus().isOk().expectBody();
        }
        partnerCall(KEYCLOAK.partnerToken("partner-zj", "sd", 5, "partner-verify")).expectStatus().isEqualTo(429).expectBody();
    }

    @Test
    void bankCallbacksAreNeverLimited() {
        for (int i = 0; i < 601; i++) {
            post("/api/payments/notify/unionpay").expectStatus().isOk().expectBody();
        }
        // the same address's other public calls had their own allowance all along
        post("/api/payments/public/channels").expectStatus().isOk().expectBody();
    }

    @Test
    void aCandidateIsCountedByTheirTokenNotTheSharedAddress() {
        for (int i = 0; i < 600; i++) {
            post("/api/enrollments/public/exams").expectStatus().isOk().expectBody();
        }
        post("/api/enrollments/public/exams").expectStatus().isEqualTo(429).expectBody();

        client.get().uri("/api/enrollments/mine")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACCOUNTS.token(UUID.randomUUID().toString(), "candidate")))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void operatorsAndHealthChecksAreNotCountedAgainstTheAddress() {
        for (int i = 0; i < 600; i++) {
            post("/api/enrollments/public/exams").expectStatus().isOk().expectBody();
        }
        post("/api/enrollments/public/exams").expectStatus().isEqualTo(429).expectBody();

        client.get().uri("/api/enrollments/review-queue")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token("operator", "operator"))).exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void refusalsAreCountedPerKindOfLimit() {
        for (int i = 0; i < 21; i++) {
            post("/api/accounts/public/sms-codes/registration").expectBody();
        }

        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("baokao_gateway_rate_limited_total\\{[^}]*limit=\"sms-code\"[^}]*} [1-9]")
                        .contains("baokao_gateway_rate_limit_failed_open_total"));
    }

    /** Each answer's body is read, or its connection would never go back to the test client's pool. */
    private WebTestClient.ResponseSpec post(String encodedPath) {
        return client.post().uri(exactly(encodedPath)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }

    private WebTestClient.ResponseSpec partnerCall(String token) {
        return client.get().uri("/open-api/v1/enrollments/status").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange();
    }

    private static FakeService service(String name) {
        return switch (name) {
            case "account" -> ACCOUNT;
            case "enrollment" -> ENROLLMENT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
