package org.baokao.gateway.routing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import org.baokao.gateway.support.GatewayTest;
import org.baokao.testkit.MachineAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's metrics and info are for the machine itself, its health for everyone: called here through the
 * machine's own non-loopback address, as a client on the network would.
 */
class InternalEndpointsTest extends GatewayTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/actuator/prometheus", "/actuator/info", "/actuator/%70rometheus",
            "/actuator/prometheus/" })
    void metricsAndInfoAreNotFoundFromTheNetwork(String path) {
        // sent as written: a URI template would encode the % of %70 (p) a second time
        fromTheNetwork().get().uri(URI.create(networkUrl() + path)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void healthAnswersTheNetwork() {
        fromTheNetwork().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAnswerTheMachineItself() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aRequestRelayedThroughAProxyOnTheMachineIsFromTheNetwork() {
        client.get().uri("/actuator/prometheus").header("X-Forwarded-For", "203.0.113.7").exchange()
                .expectStatus().isNotFound().expectBody();
    }

    private WebTestClient fromTheNetwork() {
        return WebTestClient.bindToServer().baseUrl(networkUrl()).build();
    }

    private String networkUrl() {
        Optional<InetAddress> address = MachineAddresses.ipv4();
        assumeThat(address).as("a non-loopback IPv4 address on this machine").isPresent();
        return MachineAddresses.baseUrl(address.get(), port);
    }
}
