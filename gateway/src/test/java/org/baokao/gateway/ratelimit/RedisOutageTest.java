package org.baokao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.SilentServer;
import org.baokao.testkit.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * GW-1: when Redis hangs or is down, the rate limits fail open: requests pass after at most the store timeout,
 * each is counted in {@code baokao_gateway_rate_limit_failed_open_total}, and the log says so once, not once per
 * request. The gateway's Redis here is a server that accepts connections and never answers, then none at all; a
 * gateway of its own (not GatewayTest's, whose Redis works) in front of one backend.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    private static final FakeService ACCOUNT = FakeService.start("account");
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final SilentServer HANGING_REDIS = SilentServer.start();
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(100);
    private static final String NOT_APPLIED = "Rate limits not applied";

    @DynamicPropertySource
    static void hangingRedis(DynamicPropertyRegistry registry) {
        for (String service : new String[] { "account", "enrollment", "photo", "payment", "notification" }) {
            registry.add("baokao.gateway.services." + service, ACCOUNT::baseUrl);
        }
        registry.add("baokao.security.issuers[0].issuer", ISSUER::issuer);
        registry.add("baokao.security.issuers[0].jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + HANGING_REDIS.port());
        registry.add("baokao.gateway.rate-limits.store-timeout", STORE_TIMEOUT::toString);
    }

    @Autowired
    private WebTestClient client;

    @AfterEach
    void forget() {
        ACCOUNT.reset();
    }

    @AfterAll
    static void stopAll() {
        HANGING_REDIS.close();
        ISSUER.close();
        ACCOUNT.stop();
    }

    @Test
    @Order(1)
    void aRedisThatDoesNotAnswerLetsEveryRequestThroughAfterTheTimeoutAndIsLoggedOnce(CapturedOutput log) {
        captcha(); // the first request of a gateway is slow whatever Redis does
        ACCOUNT.reset();
        double before = failedOpen();
        // more captchas than the limit allows: none is refused, none waits long
        for (int i = 0; i < 70; i++) {
            long began = System.nanoTime();
            captcha();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("request %d", i).isLessThan(Duration.ofSeconds(2));
        }

        assertThat(ACCOUNT.received()).hasSize(70);
        assertThat(failedOpen() - before).isEqualTo(70);
        assertThat(log.getAll().split(NOT_APPLIED, -1)).as("one report, not one per request").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void aRedisThatIsDownLetsEveryRequestThrough() {
        HANGING_REDIS.stop();
        double before = failedOpen();

        for (int i = 0; i < 70; i++) {
            captcha();
        }

        assertThat(ACCOUNT.received()).hasSize(70);
        assertThat(failedOpen() - before).isEqualTo(70);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /**
     * Issue 23 §5: the ended-session check fails open like the limits: with Redis down a candidate's token passes
     * (it would have lived out its 15 minutes before), and 退出 still answers, without the header.
     */
    @Test
    @Order(3)
    void endedSessionsAreNotCheckedWhileRedisIsDownAndLogoutStillAnswers() {
        String session = UUID.randomUUID().toString();
        ACCOUNT.answerWithHeader("Baokao-Session-Ended", session);
        client.post().uri("/api/accounts/public/tokens/revoke").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Baokao-Session-Ended");

        client.get().uri("/api/enrollments/mine")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.tokenWith(UUID.randomUUID().toString(),
                        Map.of("sid", session, "bureau", "sd"), "candidate"))
                .exchange().expectStatus().isOk();
    }

    private void captcha() {
        client.post().uri("/api/accounts/public/captchas").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody();
    }

    private double failedOpen() {
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines().filter(line -> line.startsWith("baokao_gateway_rate_limit_failed_open_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
