package org.baokao.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.FakeService.Trouble;
import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

class CircuitBreakerTest extends GatewayTest {

    private final String token = ACCOUNTS.token("candidate-1", "candidate");

    @Test
    void opensWhenTheServiceStopsAndClosesWhenItIsBack() {
        get("/api/photos/sessions/s-1").expectStatus().isOk();

        PHOTO.stop();
        try {
            // test settings: judged over the last 2+ calls, 50 % failures open the breaker
            long started = System.nanoTime();
            expectPhotoUnavailable(get("/api/photos/sessions/s-1"));
            // a refused connection is answered at once, not after the time limit
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BREAKER_TIMEOUT);
            assertThat(breakers.circuitBreaker("photo").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        } finally {
            PHOTO.restart();
            PHOTO.reset();
        }

        // the service is back, but the open breaker still refuses without even asking it
        expectPhotoUnavailable(get("/api/photos/sessions/s-1"));
        assertThat(PHOTO.received()).isEmpty();

        // after the wait in open state a trial call goes through and closes the breaker
        await().atMost(BREAKER_WAIT_IN_OPEN_STATE.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/photos/sessions/s-1").returnResult(String.class).getStatus().value() == 200);
        assertThat(breakers.circuitBreaker("photo").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(PHOTO.received()).isNotEmpty();
    }

    @Test
    void serviceTooSlowForTheTimeLimitIs503() {
        PAYMENT.misbehave(Trouble.ANSWER_SLOWLY);
        long started = System.nanoTime();

        get("/api/payments/orders/o-1").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.service").isEqualTo("payment");

        // the service would have answered 200 after 3 s: the 503 came from the time limit, which was waited for
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(BREAKER_TIMEOUT);
        assertThat(breakers.circuitBreaker("payment").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerThatKeepsComingIsNotCutOffByTheTimeLimit() {
        PHOTO.misbehave(Trouble.ANSWER_IN_PARTS);
        long started = System.nanoTime();

        String body = get("/api/photos/sessions/s-1").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        // the time limit is how long a service may stay silent (issue 21), not how long its whole answer may take
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(BREAKER_TIMEOUT);
        assertThat(body).isEqualTo(IntStream.rangeClosed(1, FakeService.PARTS).mapToObj(part -> "part " + part + "\n")
                .collect(Collectors.joining()));
        assertThat(breakers.circuitBreaker("photo").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void answersTheServiceGaveArePassedThroughAndAreNoBreakerFailures() {
        ACCOUNT.misbehave(Trouble.ANSWER_500, Trouble.ANSWER_500);

        for (int call = 0; call < 2; call++) {
            get("/api/accounts/me").expectStatus().isEqualTo(500)
                    .expectBody().jsonPath("$.service").isEqualTo("account");
        }

        CircuitBreaker account = breakers.circuitBreaker("account");
        assertThat(account.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(account.getMetrics().getNumberOfFailedCalls()).isZero();
        // a 500 is a bug, not a passing hiccup: not retried
        assertThat(ACCOUNT.received()).hasSize(2);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }

    private static void expectPhotoUnavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.type").isEqualTo("urn:baokao:problem:SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").isEqualTo("服务暂时不可用，请稍后再试")
                .jsonPath("$.service").isEqualTo("photo")
                // the internal forward path stays internal
                .jsonPath("$.instance").doesNotExist();
    }
}
