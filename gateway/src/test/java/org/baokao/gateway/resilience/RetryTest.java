package org.baokao.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.FakeService.Trouble;
import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Only GET and HEAD are ever sent twice: anything else may already have changed something in the service. */
class RetryTest extends GatewayTest {

    private final String token = ACCOUNTS.token("candidate-1", "candidate");

    @ParameterizedTest
    @EnumSource(value = Trouble.class, names = { "DROP_CONNECTION", "ANSWER_503" })
    void getIsRetriedAfterAPassingFailure(Trouble trouble) {
        ENROLLMENT.misbehave(trouble);

        client.get().uri("/api/enrollments/e-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void otherMethodsAreSentExactlyOnceEvenWhenTheConnectionDrops(String method) {
        ENROLLMENT.misbehave(Trouble.DROP_CONNECTION);

        client.method(HttpMethod.valueOf(method)).uri("/api/enrollments/e-1/confirmation")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");

        assertThat(ENROLLMENT.received()).hasSize(1);
    }

    @Test
    void postAnswered503ByTheServiceIsPassedOnNotRetried() {
        ENROLLMENT.misbehave(Trouble.ANSWER_503);

        client.post().uri("/api/enrollments").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"examId\":\"x\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("enrollment");

        assertThat(ENROLLMENT.received()).hasSize(1);
    }
}
