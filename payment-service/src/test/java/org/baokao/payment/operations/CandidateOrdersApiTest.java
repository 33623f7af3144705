package org.baokao.payment.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OPS-3 考生查询: a candidate's orders for the Candidates desk: bureau-wide roles only (an order cannot tell the
 * candidate's city or university: 403 to the scoped roles), the operator's bureau's orders only.
 */
@ServiceTest(sandbox = true)
class CandidateOrdersApiTest {

    @LocalServerPort
    int port;

    @Test
    void bureauWideRolesReadTheirBureausOrdersOfACandidate() {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        String orderId = candidate.awaitOrder().path("id").asString();

        Answer admin = get("sd", candidate.candidateId, token("sd", "bureau-admin", Map.of()));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().size()).isEqualTo(1);
        assertThat(admin.json().get(0).path("orderId").asString()).isEqualTo(orderId);
        assertThat(admin.json().get(0).path("totalFen").asLong()).isEqualTo(8000);
        assertThat(admin.json().get(0).path("status").asString()).isEqualTo("CREATED");
        assertThat(get("sd", candidate.candidateId, token("sd", "finance", Map.of())).json().size()).isEqualTo(1);
        assertThat(get("sd", candidate.candidateId, token("sd", "auditor", Map.of())).json().size()).isEqualTo(1);

        assertThat(get("sh", candidate.candidateId, token("sh", "bureau-admin", Map.of())).json().size())
                .as("another bureau's orders are not there").isZero();
        assertThat(get("sd", candidate.candidateId, token("sh", "bureau-admin", Map.of())).status())
                .as("another bureau's operator at Shandong's address").isEqualTo(404);
        for (var scoped : new String[][] { { "city-operator", "city", "3702" },
                { "university-reviewer", "university", "10246" } }) {
            Answer refused = get("sd", candidate.candidateId, token("sd", scoped[0], Map.of(scoped[1], scoped[2])));
            assertThat(refused.status()).as(scoped[0]).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        }
    }

    private static String token(String bureau, String role, Map<String, Object> attributes) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, attributes, role);
    }

    private Answer get(String bureau, UUID candidateId, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/payments/operations/candidates/" + candidateId + "/orders")
                .header(BureauAddress.HEADER, bureau).header("Authorization", "Bearer " + token).GET());
    }
}
