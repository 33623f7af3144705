package org.baokao.account.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Login and registration need no object store, so its outage leaves account-service healthy: the shared
 * objectStore health indicator is off here (application.yml), unlike in photo-service.
 */
@ServiceTest
@TestPropertySource(properties = "baokao.s3.endpoint=http://127.0.0.1:9") // nothing listens there
class StoreOutageHealthTest {

    @LocalServerPort
    int port;

    @Test
    void theServiceStaysHealthyWhileItsStoreIsDown() {
        var health = HttpProbe.onLocalPort(port).get("/actuator/health");

        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }
}
