package org.baokao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.StandaloneGateway;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestRedis;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * GW-1: two gateway instances on two ports share their limits through one Redis, and a restarted instance finds
 * them where it left them. The limit here is 10 captchas per hour per address, so no refill happens while the test
 * runs; everything else is as deployed.
 */
class TwoGatewaysTest {

    private static final int ALLOWED = 10;
    private static final Map<String, Object> TEN_CAPTCHAS_AN_HOUR = Map.of(
            "baokao.gateway.rate-limits.captcha.requests", ALLOWED,
            "baokao.gateway.rate-limits.captcha.per", "1h",
            // a slow moment of a loaded test machine must not count as an outage (which lets requests through)
            "baokao.gateway.rate-limits.store-timeout", "3s");

    private static final FakeService ACCOUNT = FakeService.start("account");
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TestRedis REDIS = TestServers.redis();

    @AfterAll
    static void stopAll() {
        ACCOUNT.stop();
        ISSUER.close();
    }

    @Test
    void theLimitIsSharedByBothInstancesAndOutlivesARestartOfOne() {
        REDIS.flushAll();
        try (StandaloneGateway first = start()) {
            StandaloneGateway second = start();
            assertThat(second.port()).isNotEqualTo(first.port());

            // alternating between the instances: ten in all pass, not ten each
            for (int i = 0; i < ALLOWED; i++) {
                assertThat(captcha(i % 2 == 0 ? first : second).status()).as("captcha %d", i + 1).isEqualTo(200);
            }
            assertThat(captcha(first).status()).isEqualTo(429);
            HttpProbe.Answer refused = captcha(second);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.problemCode()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 360L);
            assertThat(ACCOUNT.received()).hasSize(ALLOWED);

            // the second instance restarts: a new process (context) finds the bucket as it was
            second.close();
            try (StandaloneGateway restarted = start()) {
                assertThat(captcha(restarted).status()).isEqualTo(429);
                assertThat(captcha(first).status()).isEqualTo(429);
            }
            assertThat(ACCOUNT.received()).hasSize(ALLOWED);
        }
    }

    private static StandaloneGateway start() {
        return StandaloneGateway.start(ACCOUNT, ISSUER, REDIS.url(), TEN_CAPTCHAS_AN_HOUR);
    }

    private static HttpProbe.Answer captcha(StandaloneGateway gateway) {
        HttpProbe http = gateway.http();
        return http.send(http.request("/api/accounts/public/captchas").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }
}
