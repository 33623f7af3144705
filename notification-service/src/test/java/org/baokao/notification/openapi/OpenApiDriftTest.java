package org.baokao.notification.openapi;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.OpenApiDrift;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API-1: the OpenAPI document this service serves to operators is the one checked in as docs/openapi/notification.json;
 * a change to the API without the copy updated fails here. Update the copy with {@code ./baokao openapi}.
 */
@ServiceTest
class OpenApiDriftTest {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsTheServedOne() {
        OpenApiDrift.of("notification").checkServedAt(HttpProbe.onLocalPort(port), "/api/notifications/operations/api-docs");
    }
}
