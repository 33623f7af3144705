package org.baokao.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.payment.DiscrepancyFound;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** PAY-6: statements from the sandbox bank and uploaded by operators, matched against orders. */
@ServiceTest(sandbox = true)
class ReconciliationTest {

    /** The automation account's kind of token (every bureau), with the desk's role (OPS-3): acting for sd here. */
    static final String OPERATOR = TestServers.issuer().token("op-1", "operator", "finance");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PaymentJourney candidate;

    @AfterEach
    void punctualBankAgain() {
        candidate.punctualBank();
    }

    /** The notification never arrives; the day's statement from the bank records the payment and pays the order. */
    @Test
    void reconciliationCompletesAPaymentWhoseNotificationWasLost() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder(candidate, "3702");
        candidate.payAtBank("UNIONPAY", orderId);

        Answer imported = operatorPost("/api/payments/operations/reconciliations/UNIONPAY/" + TODAY, null);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("settledFromStatement").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PAID");
        assertThat(jdbc.sql("select source from bank_payment where order_id = ?::uuid").param(orderId)
                .query(String.class).single()).isEqualTo("RECONCILIATION");
        assertThat(jdbc.sql("select kind || ' ' || status from discrepancy where order_id = ?::uuid").param(orderId)
                .query(String.class).list()).containsExactly("PAID_AT_BANK_NOT_HERE RESOLVED");
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).hasSize(1);
    }

    /** Every kind of discrepancy injected into an uploaded statement is found, stored once, announced and resolvable. */
    @Test
    void injectedDiscrepanciesOfEveryKindAreFound() {
        candidate = new PaymentJourney(port);
        // a paid order whose amount the statement gets wrong
        String mismatched = paidOrder(candidate, "3101");
        String mismatchedTrade = candidate.order(mismatched).path("bankTradeNo").asString();
        // a paid order the statement leaves out
        PaymentJourney other = new PaymentJourney(port);
        String missing = paidOrder(other, "3101");
        String missingTrade = other.order(missing).path("bankTradeNo").asString();
        // a pending order the statement claims was paid, which the bank's query does not confirm
        PaymentJourney third = new PaymentJourney(port);
        String claimed = pendingOrder(third, "3101");
        String strangerTrade = "PPP-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "type,bankTradeNo,orderNo,amountFen,time,refundNo\n"
                + "PAY," + mismatchedTrade + "," + PaymentJourney.bankOrderNo(mismatched) + ",7000," + Instant.now() + ",\n"
                + "PAY,PPP-CLAIMED-" + claimed.substring(0, 8) + "," + PaymentJourney.bankOrderNo(claimed) + ",8000,"
                + Instant.now() + ",\n"
                + "PAY," + strangerTrade + ",0123456789abcdef0123456789abcdef,5000," + Instant.now() + ",\n";

        Answer uploaded = upload(csv);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        Map<String, JsonNode> found = discrepancies("OPEN");
        assertThat(found.get(mismatchedTrade).path("kind").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(found.get(mismatchedTrade).path("bankAmountFen").asLong()).isEqualTo(7000);
        assertThat(found.get(mismatchedTrade).path("orderAmountFen").asLong()).isEqualTo(8000);
        assertThat(found.get(missingTrade).path("kind").asString()).isEqualTo("PAID_HERE_NOT_AT_BANK");
        assertThat(found.get(missingTrade).path("kindName").asString()).isEqualTo("平台已记账，银行无此收款");
        assertThat(found.get(strangerTrade).path("kind").asString()).isEqualTo("PAID_AT_BANK_NOT_HERE");
        assertThat(found.get(strangerTrade).path("orderId").isNull()).isTrue();
        JsonNode unconfirmed = found.get("PPP-CLAIMED-" + claimed.substring(0, 8));
        assertThat(unconfirmed.path("kind").asString()).isEqualTo("PAID_AT_BANK_NOT_HERE");
        assertThat(third.order(claimed).path("status").asString()).as("an unconfirmed line moves no money")
                .isEqualTo("PENDING");
        List<String> announced = KafkaEvents.ofTestServers().matching(DiscrepancyFound.class,
                e -> List.of(mismatchedTrade, missingTrade, strangerTrade).contains(e.bankTradeNo()), 3)
                .stream().map(DiscrepancyFound::kind).toList();
        assertThat(announced).containsExactlyInAnyOrder("AMOUNT_MISMATCH", "PAID_HERE_NOT_AT_BANK",
                "PAID_AT_BANK_NOT_HERE");

        // the same file again finds nothing new for these
        upload(csv);
        assertThat(jdbc.sql("select count(*) from discrepancy where bank_trade_no in (?, ?, ?)")
                .params(mismatchedTrade, missingTrade, strangerTrade).query(Long.class).single()).isEqualTo(3);

        // an operator resolves one; resolving it again is refused
        String id = found.get(strangerTrade).path("id").asString();
        Answer resolved = operatorPost("/api/payments/operations/discrepancies/" + id + "/resolve",
                "{\"resolution\":\"银行确认为其他商户款项，已退回\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("resolvedBy").asString()).isEqualTo("op-1");
        assertThat(operatorPost("/api/payments/operations/discrepancies/" + id + "/resolve",
                "{\"resolution\":\"再次\"}").problemCode()).isEqualTo("DISCREPANCY_RESOLVED");
        assertThat(discrepancies("OPEN")).doesNotContainKey(strangerTrade);
    }

    @Test
    void badStatementsAndNonOperatorsAreRefused() {
        candidate = new PaymentJourney(port);
        Answer garbage = upload("not,a,statement\nPAY,x");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.problemCode()).isEqualTo("INVALID_STATEMENT");
        Answer badLine = upload("type,bankTradeNo,orderNo,amountFen,time,refundNo\nPAY,T1,abc,-5,2026-01-01T00:00:00Z,\n");
        assertThat(badLine.problemCode()).isEqualTo("INVALID_STATEMENT");
        assertThat(badLine.json().path("detail").asString()).contains("第2行");
        assertThat(candidate.http.get("/api/payments/operations/discrepancies", candidate.token).status())
                .isEqualTo(403);
        assertThat(operatorPost("/api/payments/operations/reconciliations/UNIONPAY/yesterday", null).problemCode())
                .isEqualTo("INVALID_DATE");
    }

    private Map<String, JsonNode> discrepancies(String status) {
        Answer answer = http().get("/api/payments/operations/discrepancies?size=100&status=" + status, OPERATOR);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> byTrade = new java.util.HashMap<>();
        answer.json().path("items").valueStream().forEach(d -> byTrade.put(d.path("bankTradeNo").asString(), d));
        return byTrade;
    }

    private Answer upload(String csv) {
        return http().send(http().request("/api/payments/operations/reconciliations/PUBLIC_PAYMENT_PLATFORM/" + TODAY
                + "/statement").header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private Answer operatorPost(String path, String json) {
        return http().send(http().request(path).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpProbe http() {
        return HttpProbe.onLocalPort(port);
    }

    static String pendingOrder(PaymentJourney candidate, String location) {
        candidate.confirmed(location);
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.pay(orderId, "first").status()).isEqualTo(200);
        return orderId;
    }

    static String paidOrder(PaymentJourney candidate, String location) {
        String orderId = pendingOrder(candidate, location);
        candidate.payAtBank("PUBLIC_PAYMENT_PLATFORM", orderId);
        candidate.awaitStatus(orderId, "PAID");
        return orderId;
    }
}
