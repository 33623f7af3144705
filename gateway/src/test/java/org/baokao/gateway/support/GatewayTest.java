package org.baokao.gateway.support;

import java.net.URI;
import java.time.Duration;

import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestRedis;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The whole gateway on a random port, in front of four real backend services on loopback and trusting two real
 * token issuers (stand-ins for Keycloak and account-service). Every test class extends this one, so they share
 * a single application context: the backends and issuers live as long as the test JVM.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(RateLimitClock.class)
public abstract class GatewayTest {

    protected static final FakeService ACCOUNT = FakeService.start("account");
    protected static final FakeService ENROLLMENT = FakeService.start("enrollment");
    protected static final FakeService PHOTO = FakeService.start("photo");
    protected static final FakeService PAYMENT = FakeService.start("payment");

    /** Operators and partner bureaus. */
    protected static final TestIssuer KEYCLOAK = TestIssuer.start();
    /** Candidates. */
    protected static final TestIssuer ACCOUNTS = TestIssuer.start();
    /** Trusted, but its keys cannot be fetched: stopped before the gateway ever asks. */
    protected static final TestIssuer DOWN = stopped(TestIssuer.start());

    /** The store of the rate limits (GW-1); emptied before each test, so no test spends another's budget. */
    protected static final TestRedis REDIS = TestServers.redis();

    /** Short breaker timings so a test can watch a breaker open and close. */
    protected static final Duration BREAKER_WAIT_IN_OPEN_STATE = Duration.ofSeconds(3);
    protected static final Duration BREAKER_TIMEOUT = Duration.ofSeconds(2);

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    private int port;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("baokao.gateway.services.account", ACCOUNT::baseUrl);
        registry.add("baokao.gateway.services.enrollment", ENROLLMENT::baseUrl);
        registry.add("baokao.gateway.services.photo", PHOTO::baseUrl);
        registry.add("baokao.gateway.services.payment", PAYMENT::baseUrl);
        registry.add("baokao.gateway.services.notification", PAYMENT::baseUrl);
        TestIssuer[] trusted = { KEYCLOAK, ACCOUNTS, DOWN };
        for (int i = 0; i < trusted.length; i++) {
            registry.add("baokao.security.issuers[" + i + "].issuer", trusted[i]::issuer);
            registry.add("baokao.security.issuers[" + i + "].jwk-set-uri", trusted[i]::jwkSetUri);
        }
        registry.add("spring.data.redis.url", REDIS::url);
        // the rate limits are production's (RateLimitTest relies on it); only a slow moment of a loaded test
        // machine must not count as a Redis outage, which lets requests through unchecked
        registry.add("baokao.gateway.rate-limits.store-timeout", () -> "3s");
        // likewise the ended-session check (issue 23 §5): a slow moment must not let an ended session's token through
        registry.add("baokao.gateway.ended-sessions.check-timeout", () -> "3s");
        registry.add("baokao.gateway.breaker.sliding-window-size", () -> 4);
        registry.add("baokao.gateway.breaker.minimum-number-of-calls", () -> 2);
        registry.add("baokao.gateway.breaker.wait-in-open-state", BREAKER_WAIT_IN_OPEN_STATE::toString);
        registry.add("baokao.gateway.breaker.permitted-calls-in-half-open-state", () -> 1);
        registry.add("baokao.gateway.breaker.timeout", BREAKER_TIMEOUT::toString);
    }

    @BeforeEach
    @AfterEach
    void cleanSlate() {
        for (FakeService service : new FakeService[] { ACCOUNT, ENROLLMENT, PHOTO, PAYMENT }) {
            service.reset();
        }
        // tests that make a service fail must not leave its breaker open for the next test
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        REDIS.flushAll();
    }

    /** The gateway's absolute URL for a path that is already encoded: sent exactly as written. */
    protected URI exactly(String encodedPathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + encodedPathAndQuery);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    private static TestIssuer stopped(TestIssuer issuer) {
        issuer.close();
        return issuer;
    }
}
