package org.baokao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class PlaceholderPageTest extends GatewayTest {

    @Test
    void servesTheChinesePlaceholderAtTheRootWithoutLogin() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("报考 平台", "考生报名系统正在建设中"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        client.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("请求的资源不存在");
    }

    @Test
    void unknownApiPathWithAValidTokenIsANotFoundProblem() {
        client.get().uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACCOUNTS.token("candidate-1", "candidate")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void exposesBreakerStateToPrometheus() {
        breakers.circuitBreaker("account");
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("resilience4j_circuitbreaker_state", "application=\"gateway\""));
    }
}
