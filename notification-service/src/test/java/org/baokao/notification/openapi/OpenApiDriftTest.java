package org.baokao.notification.openapi;

import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.OpenApiDrift;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API-1: the OpenAPI document this service serves to operators is the one checked in as docs/openapi/notification.json;
 * a change to the API without the copy updated fails here. Update the copy with {@code ./baokao openapi}.
 * The module's one context (NotificationServiceTest): a second would run a second SMS listener and logging setup.
 */
@NotificationServiceTest
class OpenApiDriftTest {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsTheServedOne() {
        OpenApiDrift.of("notification").checkServedAt(HttpProbe.onLocalPort(port), "/api/notifications/operations/api-docs");
    }
}
