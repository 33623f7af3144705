package org.baokao.payment.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.events.payment.OrderExpired;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

/**
 * PAY-5 against the sandbox bank (orders live 10 s here, pending ones are queried after 4 s): refresh, the background
 * query, expiry closing the bank order first, and automatic refunds of payments that land where they cannot count.
 */
@ServiceTest(sandbox = true)
class ExpiryAndRefundTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    PaymentJourney candidate;

    @AfterEach
    void punctualBankAgain() {
        candidate.punctualBank();
    }

    /** 刷新订单状态: the notification is lost, the candidate refreshes, the bank's answer pays the order. */
    @Test
    void refreshFindsAPaymentWhoseNotificationWasLost() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder("3702");
        candidate.payAtBank("UNIONPAY", orderId);

        Answer refreshed = candidate.post("/api/payments/orders/" + orderId + "/refresh");

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("status").asString()).isEqualTo("PAID");
        assertThat(succeeded()).hasSize(1);
    }

    /** The notification is lost and nobody refreshes: the background query completes it. */
    @Test
    void theBackgroundQueryFindsALostNotification() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder("3717");
        candidate.payAtBank("CEB", orderId);

        candidate.awaitStatus(orderId, "PAID");

        assertThat(jdbc.sql("select source from bank_payment where order_id = ?::uuid").param(orderId)
                .query(String.class).single()).isEqualTo("QUERY");
        assertThat(succeeded()).hasSize(1);
    }

    /** Unpaid for its lifetime: closed at the bank first, then expired; the bank's late success is refunded. */
    @Test
    void aLateSuccessOnAnExpiredOrderIsRefunded() {
        candidate = new PaymentJourney(port);
        double expiredOrders = count("baokao.orders", "state", "expired");
        double refunds = count("baokao.payment.refunds", "reason", "ORDER_EXPIRED");
        double refunding = count("baokao.payments", "channel", "UNIONPAY", "result", "refunding");
        String orderId = pendingOrder("3702");

        JsonNode expired = candidate.awaitStatus(orderId, "EXPIRED");
        assertThat(expired.path("statusName").asString()).isEqualTo("已过期");
        assertThat(candidate.bankOrder("UNIONPAY", orderId).path("tradeStatus").asString()).isEqualTo("CLOSED");
        assertThat(KafkaEvents.ofTestServers().matching(OrderExpired.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).hasSize(1);
        assertThat(candidate.pay(orderId, "again").problemCode()).isEqualTo("ORDER_EXPIRED");

        candidate.latePayAtBank("UNIONPAY", orderId);

        assertThat(refunded()).singleElement().satisfies(r -> {
            assertThat(r.orderId().toString()).isEqualTo(orderId);
            assertThat(r.reason()).isEqualTo("ORDER_EXPIRED");
            assertThat(r.amountFen()).isEqualTo(8000);
        });
        PaymentJourney.await(() -> candidate.bankOrder("UNIONPAY", orderId),
                o -> o.path("refundedFen").asLong() == 8000, "the bank refunded");
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 0)).isEmpty();
        // issue 24, meters: finance's board sees the expiry, the refused payment and its refund
        assertThat(count("baokao.orders", "state", "expired")).isGreaterThanOrEqualTo(expiredOrders + 1);
        assertThat(count("baokao.payments", "channel", "UNIONPAY", "result", "refunding")).isEqualTo(refunding + 1);
        assertThat(count("baokao.payment.refunds", "reason", "ORDER_EXPIRED")).isEqualTo(refunds + 1);
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Two orders paid for one enrollment (the expired one late): the new one pays, the old one is refunded. */
    @Test
    void twoOrdersPaidForOneEnrollmentRefundOne() {
        candidate = new PaymentJourney(port);
        String first = pendingOrder("3717");
        candidate.awaitStatus(first, "EXPIRED");

        Answer reordered = candidate.post("/api/payments/enrollments/" + candidate.enrollmentId + "/orders");
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        String second = reordered.json().path("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(reordered.json().path("amountFen").asLong()).isEqualTo(8000);
        assertThat(candidate.post("/api/payments/enrollments/" + candidate.enrollmentId + "/orders").json()
                .path("id").asString()).as("one open order per enrollment").isEqualTo(second);
        assertThat(candidate.pay(second, "second").status()).isEqualTo(200);

        candidate.payAtBank("CEB", second);
        candidate.awaitStatus(second, "PAID");
        candidate.latePayAtBank("CEB", first);

        assertThat(refunded()).singleElement().satisfies(r -> assertThat(r.orderId().toString()).isEqualTo(first));
        assertThat(succeeded()).singleElement().satisfies(s -> assertThat(s.orderId().toString()).isEqualTo(second));
        assertThat(candidate.post("/api/payments/enrollments/" + candidate.enrollmentId + "/orders").problemCode())
                .isEqualTo("ENROLLMENT_ALREADY_PAID");
    }

    private java.util.List<PaymentSucceeded> succeeded() {
        return KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1);
    }

    private java.util.List<PaymentRefunded> refunded() {
        return KafkaEvents.ofTestServers().matching(PaymentRefunded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1);
    }

    private String pendingOrder(String location) {
        candidate.confirmed(location);
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.pay(orderId, "first").status()).isEqualTo(200);
        return orderId;
    }
}
