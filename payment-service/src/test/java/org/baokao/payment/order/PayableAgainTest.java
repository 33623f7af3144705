package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 22 against the sandbox bank: 取消支付 at the cashier, then 刷新订单状态 finds no payment there and the order
 * is 待缴费 again; 缴费 reopens the same bank order (nothing charged twice), and a payment of that bank order that
 * arrives meanwhile still pays the order once.
 */
@ServiceTest(sandbox = true)
class PayableAgainTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PaymentJourney candidate;

    @AfterEach
    void punctualBankAgain() {
        candidate.punctualBank();
    }

    @Test
    void cancelledAtTheBankTheRefreshSaysPayableAndPayingAgainReopensTheSameBankOrder() {
        candidate = new PaymentJourney(port);
        JsonNode sent = sentToBank("3702");
        String orderId = sent.path("id").asString();
        cancelAtCashier(sent.path("payUrl").asString());
        assertThat(candidate.order(orderId).path("status").asString()).as("nothing asked the bank yet")
                .isEqualTo("PENDING");

        Answer refreshed = candidate.post("/api/payments/orders/" + orderId + "/refresh");

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("status").asString()).isEqualTo("CREATED");
        assertThat(refreshed.json().path("statusName").asString()).isEqualTo("待缴费");
        assertThat(refreshed.json().path("payUrl").isNull()).isTrue();
        assertThat(expiresAt(refreshed.json())).as("the countdown still runs").isEqualTo(expiresAt(sent));

        Answer again = candidate.pay(orderId, "second");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(again.json().path("payUrl").asString()).as("the same bank order")
                .isEqualTo(sent.path("payUrl").asString());
        assertThat(expiresAt(again.json())).as("no new 30 minutes").isEqualTo(expiresAt(sent));

        candidate.payAtBank("UNIONPAY", orderId);
        candidate.awaitStatus(orderId, "PAID");
        assertThat(succeeded()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from bank_payment where order_id = ?::uuid").param(orderId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentOfTheOldBankOrderArrivingWhilePayableAgainPaysTheOrderOnce() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"duplicates\":1}");
        JsonNode sent = sentToBank("3717");
        String orderId = sent.path("id").asString();
        cancelAtCashier(sent.path("payUrl").asString());
        assertThat(candidate.post("/api/payments/orders/" + orderId + "/refresh").json().path("status").asString())
                .isEqualTo("CREATED");

        // the cashier's tab was left open: someone pays there after all, and the bank notifies twice
        candidate.payAtBank("CEB", orderId);

        assertThat(candidate.awaitStatus(orderId, "PAID").path("statusName").asString()).isEqualTo("已缴费");
        assertThat(succeeded()).hasSize(1);
        assertThat(candidate.post("/api/payments/orders/" + orderId + "/refresh").json().path("status").asString())
                .isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from refund where order_id = ?::uuid").param(orderId)
                .query(Integer.class).single()).as("nothing to give back").isZero();
    }

    private JsonNode sentToBank(String location) {
        candidate.confirmed(location);
        String orderId = candidate.awaitOrder().path("id").asString();
        Answer sent = candidate.pay(orderId, "first");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("status").asString()).isEqualTo("PENDING");
        return sent.json();
    }

    /** 取消支付 on the bank's cashier page: back to the platform with result=cancelled, the bank order left open. */
    private static void cancelAtCashier(String payUrl) {
        URI page = URI.create(payUrl);
        HttpProbe bank = HttpProbe.at(page.getScheme() + "://" + page.getAuthority());
        Answer cancelled = bank.send(bank.request(page.getRawPath())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=cancel")));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.header("Location").orElseThrow()).contains("result=cancelled");
    }

    /** As stored (PostgreSQL keeps microseconds). */
    private static Instant expiresAt(JsonNode order) {
        return Instant.parse(order.path("expiresAt").asString()).truncatedTo(ChronoUnit.MICROS);
    }

    private List<PaymentSucceeded> succeeded() {
        return KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1);
    }
}
