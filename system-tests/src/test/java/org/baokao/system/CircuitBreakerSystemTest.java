package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GW-1: a stopped service opens its breaker, the gateway answers problem-details 503, then it recovers. */
class CircuitBreakerSystemTest {

    private static final String ROUTE = "/api/payments/public/channels";

    @AfterEach
    void bringItBack() {
        Stack.baokao("start", "payment-service");
    }

    @Test
    void aStoppedServiceGets503ProblemDetailsAndRecovers() {
        assertThat(Stack.GATEWAY.get(ROUTE).status()).isEqualTo(200);

        Stack.baokao("stop", "payment-service");

        var answer = Stack.GATEWAY.get(ROUTE);
        assertThat(answer.status()).isEqualTo(503);
        for (int i = 0; i < 6; i++) {
            Stack.GATEWAY.get(ROUTE);
        }
        assertThat(Stack.GATEWAY.get("/actuator/prometheus").body())
                .as("the payment breaker is open, not just failing calls one by one")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"payment\"[^}]*state=\"open\"[^}]*} 1\\.0");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.json().path("detail").asString()).isEqualTo("服务暂时不可用，请稍后再试");
        // other routes are not affected by this service's breaker
        assertThat(Stack.GATEWAY.get("/api/enrollments/public/exams").status()).isEqualTo(200);

        Stack.baokao("start", "payment-service");

        Stack.await("payment route to recover through the half-open breaker", Duration.ofSeconds(90),
                () -> Stack.GATEWAY.get(ROUTE).status() == 200);
    }
}
