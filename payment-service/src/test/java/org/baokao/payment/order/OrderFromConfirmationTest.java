package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baokao.events.payment.OrderCreated;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** PAY-1 orders from EnrollmentConfirmed over Kafka; PAY-2 the channel by the exam location's rule. */
@ServiceTest(sandbox = true)
class OrderFromConfirmationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** PAY-1: itemised, integer fen, total = sum of the items, OrderCreated published; PAY-2: Qingdao → UnionPay. */
    @Test
    void aConfirmationOpensAnItemisedOrder() {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");

        JsonNode order = candidate.awaitOrder();

        assertThat(order.path("status").asString()).isEqualTo("CREATED");
        assertThat(order.path("statusName").asString()).isEqualTo("待缴费");
        assertThat(order.path("amountFen").asLong()).isEqualTo(8000);
        assertThat(order.path("amountYuan").asString()).isEqualTo("80.00");
        assertThat(order.path("items").valueStream().map(i -> i.path("name").asString() + i.path("amountFen").asLong())
                .toList()).containsExactly("报名3000", "英语5000");
        assertThat(order.path("channel").asString()).isEqualTo("UNIONPAY");
        assertThat(order.path("channelName").asString()).isEqualTo("中国银联");
        assertThat(order.path("bureau").asString()).as("a confirmation from before bureaus is Shandong's").isEqualTo("sd");
        assertThat(KafkaEvents.ofTestServers().matching(OrderCreated.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(e -> assertThat(e.amountFen()).isEqualTo(8000));
    }

    /**
     * PAY-2: other Shandong cities → China Everbright; Shanghai → the public payment platform (QR code) by the
     * Shanghai bureau's rules (BUR-1).
     */
    @Test
    void theChannelFollowsTheRules() {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
        PaymentJourney heze = new PaymentJourney(port);
        heze.confirmed("3717");
        PaymentJourney shanghai = new PaymentJourney(port, "sh");
        shanghai.confirmed("3101");

        assertThat(heze.awaitOrder().path("channel").asString()).isEqualTo("CEB");
        JsonNode ppp = shanghai.awaitOrder();
        assertThat(ppp.path("channel").asString()).isEqualTo("PUBLIC_PAYMENT_PLATFORM");

        JsonNode paying = shanghai.pay(ppp.path("id").asString(), "k1").json();
        assertThat(paying.path("qrCode").asString()).as("the platform's phone page")
                .contains("/sandbox/bank/public_payment_platform/scan/");
        assertThat(heze.pay(heze.awaitOrder().path("id").asString(), "k1").json().path("qrCode").isNull()).isTrue();
    }

    /** PAY-1: one open order per enrollment, however often the confirmation arrives. */
    @Test
    void aRepeatedConfirmationOpensNoSecondOrder() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        candidate.confirmed("3702");
        candidate.awaitOrder();
        Thread.sleep(1500);

        assertThat(candidate.awaitOrders(1)).hasSize(1);
    }

    /** Another candidate's order is 404, never 403; so is a made-up one. */
    @Test
    void anotherCandidatesOrderIsNotFound() {
        PaymentJourney owner = new PaymentJourney(port);
        owner.confirmed("3702");
        String orderId = owner.awaitOrder().path("id").asString();
        PaymentJourney other = new PaymentJourney(port);

        Answer read = other.http.get("/api/payments/orders/" + orderId, other.token);
        Answer pay = other.pay(orderId, "x");

        assertThat(List.of(read.status(), pay.status())).containsOnly(404);
        assertThat(read.problemCode()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(read.json().path("detail").asString()).contains("订单");
        assertThat(owner.order(orderId).path("status").asString()).isEqualTo("CREATED");
        assertThat(owner.http.get("/api/payments/orders/" + orderId).status()).isEqualTo(401);
    }
}
