package org.baokao.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.payment.PaymentJourney;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.order.OrderStatus;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 24, meters: the bureau's and finance's payment figures move with a real order's life and a real statement
 * (sandbox bank, real PostgreSQL and Kafka): {@code baokao.orders{state}}, {@code baokao.payments{channel, result}},
 * {@code baokao.reconciliation.discrepancies{channel, kind, state}} and the open discrepancies.
 */
@ServiceTest(sandbox = true)
class PaymentMetricsTest {

    private static final String CHANNEL = "PUBLIC_PAYMENT_PLATFORM";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyStateChannelResultAndKindIsThereFromTheStartSoBoardsReadZeroNotNothing() {
        for (OrderStatus state : OrderStatus.values()) {
            assertThat(meters.find("baokao.orders").tag("state", state.name().toLowerCase()).counter()).isNotNull();
        }
        for (Channel channel : Channel.values()) {
            assertThat(meters.find("baokao.payments").tag("channel", channel.name()).counters()).hasSize(4);
            assertThat(meters.find("baokao.reconciliation.discrepancies").tag("channel", channel.name()).counters())
                    .hasSize(ReconciliationMetrics.KINDS.size() * 2);
        }
    }

    @Test
    void anOrdersLifeMovesItsStatesAndTheBanksPaymentIsCountedOnItsChannel() {
        double created = orders("created");
        double pending = orders("pending");
        double paid = orders("paid");
        double settled = payments(CHANNEL, "settled");

        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3101");
        String orderId = candidate.awaitOrder().path("id").asString();
        await().atMost(Duration.ofSeconds(5)).until(() -> orders("created") >= created + 1);

        assertThat(candidate.pay(orderId, "first").status()).isEqualTo(200);
        assertThat(orders("pending")).isGreaterThanOrEqualTo(pending + 1);

        candidate.payAtBank(CHANNEL, orderId);
        candidate.awaitStatus(orderId, "PAID");
        await().atMost(Duration.ofSeconds(5)).until(() -> orders("paid") >= paid + 1
                && payments(CHANNEL, "settled") >= settled + 1);
    }

    @Test
    void aDiscrepancyIsCountedOnceUnderItsKindAndShowsAsOpen() {
        new PaymentJourney(port);
        double before = discrepancies("PAID_AT_BANK_NOT_HERE", "open");
        String stranger = "PPP-METER-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "type,bankTradeNo,orderNo,amountFen,time,refundNo\n"
                + "PAY," + stranger + ",0123456789abcdef0123456789abcdef,5000," + Instant.now() + ",\n";

        assertThat(upload(csv).status()).isEqualTo(200);
        assertThat(discrepancies("PAID_AT_BANK_NOT_HERE", "open")).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("baokao.reconciliation.discrepancies.open").gauge().value() >= 1);

        // the same statement again finds nothing new: nothing more is counted
        assertThat(upload(csv).status()).isEqualTo(200);
        assertThat(discrepancies("PAID_AT_BANK_NOT_HERE", "open")).isEqualTo(before + 1);
    }

    private double orders(String state) {
        return meters.get("baokao.orders").tag("state", state).counter().count();
    }

    private double payments(String channel, String result) {
        return meters.get("baokao.payments").tag("channel", channel).tag("result", result).counter().count();
    }

    private double discrepancies(String kind, String state) {
        return meters.get("baokao.reconciliation.discrepancies").tag("channel", CHANNEL).tag("kind", kind)
                .tag("state", state).counter().count();
    }

    private Answer upload(String csv) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/payments/operations/reconciliations/" + CHANNEL + "/"
                + ReconciliationTest.TODAY + "/statement").header("Authorization", "Bearer " + ReconciliationTest.OPERATOR)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }
}
