package org.baokao.payment.today;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3 今日概况 at payment-service: orders pending and open reconciliation gaps per exam asked for; a city operator
 * gets their city's orders pending and no reconciliation figure, a university's reviewer nothing; another bureau's
 * operator 404, an operator without a console role 403.
 */
@ServiceTest
class PaymentTodayApiTest {

    private static final TestIssuer ISSUER = TestServers.issuer();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsPendingOrdersAndOpenGapsPerExamWithinTheScope_OPS3() {
        String exam = "SD-TODAY-" + UUID.randomUUID().toString().substring(0, 8);
        order(exam, "370100", "PENDING");
        order(exam, "370100", "CREATED");
        order(exam, "370200", "PENDING");
        UUID paid = order(exam, "370200", "PAID");
        order(exam, "370100", "EXPIRED");
        order(exam + "-OTHER", "370100", "PENDING");
        gap(paid, "OPEN");
        gap(order(exam, "370100", "PAID"), "RESOLVED");

        String path = "/api/payments/operations/today?exam=" + exam;
        JsonNode finance = figures(get(path, ISSUER.operatorToken("finance-sd", "sd", Map.of(), "finance"), "sd"),
                exam);
        assertThat(finance.path("ordersPending").asLong()).isEqualTo(3);
        assertThat(finance.path("reconciliationGaps").asLong()).isEqualTo(1);

        JsonNode jinan = figures(get(path, ISSUER.operatorToken("city-jinan", "sd", Map.of("city", "3701"),
                "city-operator"), "sd"), exam);
        assertThat(jinan.path("ordersPending").asLong()).isEqualTo(2);
        assertThat(jinan.has("reconciliationGaps")).isFalse();

        assertThat(figures(get(path, ISSUER.operatorToken("reviewer", "sd", Map.of("university", "10246"),
                "university-reviewer"), "sd"), exam).isEmpty()).isTrue();
    }

    @Test
    void anotherBureauIs404AndAnOperatorWithoutADeskRole403_OPS3() {
        String path = "/api/payments/operations/today?exam=X";
        assertThat(get(path, ISSUER.operatorToken("admin-sh", "sh", Map.of(), "bureau-admin"), "sd").status())
                .isEqualTo(404);
        assertThat(get(path, ISSUER.operatorToken("nobody", "sd", Map.of()), "sd").status()).isEqualTo(403);
    }

    private UUID order(String exam, String region, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into fee_order (id, enrollment_id, candidate_id, exam_code, region_code, channel, items,
                    amount_fen, status, created_at, bureau, kind)
                values (:id, :enrollment, :candidate, :exam, :region, 'UNIONPAY', '[]'::jsonb, 23000, :status, now(),
                    'sd', 'ENROLLMENT')""")
                .param("id", id).param("enrollment", UUID.randomUUID()).param("candidate", UUID.randomUUID())
                .param("exam", exam).param("region", region).param("status", status).update();
        return id;
    }

    private void gap(UUID order, String status) {
        jdbc.sql("""
                insert into discrepancy (id, channel, kind, match_key, order_id, bank_amount_fen, order_amount_fen,
                    statement_date, status, found_at)
                values (:id, 'UNIONPAY', 'PAID_HERE_NOT_AT_BANK', :key, :order, 0, 23000, current_date, :status, now())""")
                .param("id", UUID.randomUUID()).param("key", order.toString()).param("order", order)
                .param("status", status).update();
    }

    private static JsonNode figures(HttpProbe.Answer answer, String exam) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode row : answer.json().path("exams")) {
            if (row.path("exam").asString().equals(exam)) {
                return row.path("figures");
            }
        }
        throw new AssertionError(exam + " not answered: " + answer.body());
    }

    private HttpProbe.Answer get(String path, String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }
}
