package org.baokao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Issue 24, meters: the gateway's request latency per route is a histogram in /actuator/prometheus (what the
 * dashboards' p95-by-route panel reads with histogram_quantile), and a proxied request lands under its route.
 */
class RequestLatencyMetricsTest extends GatewayTest {

    @Test
    void aProxiedRequestIsCountedInItsRoutesLatencyHistogram() {
        double before = count("payment");

        client.get().uri("/api/payments/orders/o-7")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACCOUNTS.token("candidate-1", "candidate"))).exchange()
                .expectStatus().isOk().expectBody();

        assertThat(count("payment")).isEqualTo(before + 1);
        assertThat(prometheus()).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*route=\"payment\"[^}]*le=\"[0-9.]+\"} [1-9]");
    }

    @Test
    void theGatewaysOwnAnswersAreUnderNoRoute() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody();

        assertThat(prometheus()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*route=\"none\"[^}]*uri=\"/actuator/health\"[^}]*}");
    }

    /** The request count of a route's GET 200s, from the scrape (0 before the first). */
    private double count(String route) {
        Matcher line = Pattern.compile("http_server_requests_seconds_count\\{([^}]*)} ([0-9.E]+)").matcher(prometheus());
        double total = 0;
        while (line.find()) {
            String tags = line.group(1);
            if (tags.contains("route=\"" + route + "\"") && tags.contains("status=\"200\"")
                    && tags.contains("method=\"GET\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
