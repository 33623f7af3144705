package org.baokao.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, traces: the gateway passes the journey's trace on to the service it routes to, in a span of its own
 * (W3C {@code traceparent}: version, trace id, parent span id, flags), and starts a trace for a caller that sent none.
 */
class TracePropagationTest extends GatewayTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void theServiceReceivesTheCallersTraceWithTheGatewaysSpanAsParent() {
        client.get().uri("/api/accounts/public/captchas")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .exchange()
                .expectStatus().isOk();

        String[] received = traceparent(ACCOUNT);
        assertThat(received[1]).as("same trace").isEqualTo(TRACE_ID);
        assertThat(received[2]).as("the gateway's own span, not the caller's").isNotEqualTo(CALLER_SPAN)
                .matches("[0-9a-f]{16}");
        assertThat(received[3]).as("sampled, as the caller decided").isEqualTo("01");
    }

    @Test
    void aCallWithoutTraceStartsOneThatTheServiceContinues() {
        client.get().uri("/api/accounts/public/captchas").exchange().expectStatus().isOk();

        String[] received = traceparent(ACCOUNT);
        assertThat(received[1]).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void theScrapeOfATracedRequestCarriesNoExemplarsForPrometheusToRefuse() {
        client.get().uri("/api/accounts/public/captchas")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .exchange().expectStatus().isOk();

        // Prometheus asks for OpenMetrics first; 2.42 drops the whole scrape at an exemplar on a timer's count
        client.get().uri("/actuator/prometheus")
                .header("Accept", "application/openmetrics-text;version=1.0.0")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(scrape -> assertThat(scrape)
                        .contains("http_server_requests_seconds_count").doesNotContain(" # {"));
    }

    private static String[] traceparent(FakeService service) {
        FakeService.Received received = service.lastReceived();
        String header = received.header("traceparent");
        assertThat(header).as("traceparent sent to the service; headers %s", received.headers()).isNotNull();
        String[] parts = header.split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("00");
        return parts;
    }
}
