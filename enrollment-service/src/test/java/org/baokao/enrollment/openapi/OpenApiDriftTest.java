package org.baokao.enrollment.openapi;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.OpenApiDrift;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API-1: the OpenAPI documents this service serves are the ones checked in: the whole API for operators as
 * docs/openapi/enrollment.json, the partners' {@code /open-api/v1} as docs/openapi/partner-v1.json; a change to the
 * API without the copies updated fails here. Update them with {@code ./baokao openapi}.
 */
@ServiceTest
class OpenApiDriftTest {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsTheServedOne() {
        OpenApiDrift.of("enrollment").checkServedAt(HttpProbe.onLocalPort(port), "/api/enrollments/operations/api-docs");
    }

    @Test
    void theCheckedInPartnerDocumentIsTheServedOne() {
        OpenApiDrift.of("partner-v1").checkServedAt(HttpProbe.onLocalPort(port),
                "/api/enrollments/operations/api-docs/partner-v1");
    }
}
