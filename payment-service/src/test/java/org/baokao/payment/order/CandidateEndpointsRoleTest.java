package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidate's order endpoints take the token's {@code sub} for the candidate id, so only a candidate's token may
 * call them: a partner bureau's client-credentials token or an operator's token whose {@code sub} happens to be a
 * candidate's id (or a token with no role at all) neither reads that candidate's orders nor pays or re-orders
 * for them.
 */
@ServiceTest(sandbox = true)
class CandidateEndpointsRoleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void partnerOperatorAndRolelessTokensAreRefusedOnEveryCandidateEndpoint() {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3717");
        String orderId = candidate.awaitOrder().path("id").asString();
        HttpProbe http = HttpProbe.onLocalPort(port);
        String subject = candidate.candidateId.toString();

        for (String token : List.of(TestServers.issuer().token(subject, "partner"),
                TestServers.issuer().token(subject, "operator"), TestServers.issuer().token(subject))) {
            List<Answer> answers = List.of(
                    http.get("/api/payments/orders", token),
                    http.get("/api/payments/orders?enrollmentId=" + candidate.enrollmentId, token),
                    http.get("/api/payments/orders/" + orderId, token),
                    http.get("/api/payments/orders/" + orderId + "/receipt", token),
                    post(http, "/api/payments/orders/" + orderId + "/pay", token),
                    post(http, "/api/payments/orders/" + orderId + "/refresh", token),
                    post(http, "/api/payments/enrollments/" + candidate.enrollmentId + "/orders", token));

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isEqualTo(403);
                assertThat(answer.problemCode()).isEqualTo("FORBIDDEN");
                assertThat(answer.body()).doesNotContain(orderId);
            });
        }

        // nothing was paid or re-ordered for the candidate; their own token still works
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("CREATED");
        assertThat(jdbc.sql("select count(*) from fee_order where enrollment_id = ?").param(candidate.enrollmentId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from pay_request where candidate_id = ?").param(candidate.candidateId)
                .query(Long.class).single()).isZero();
    }

    private static Answer post(HttpProbe http, String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
