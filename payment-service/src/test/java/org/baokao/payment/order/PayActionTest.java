package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.baokao.payment.PaymentJourney;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The candidate's 去缴费: one bank order per order however it is clicked (PAY-2), only inside the window (PAY-3). */
@ServiceTest(sandbox = true)
class PayActionTest {

    @LocalServerPort
    int port;

    /** Double clicks, two tabs (other keys) and retries after a lost answer (same key) all answer one bank order. */
    @Test
    void concurrentPayClicksOpenOneBankOrder() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        String orderId = candidate.awaitOrder().path("id").asString();

        List<Callable<Answer>> clicks = IntStream.range(0, 12)
                .<Callable<Answer>>mapToObj(i -> () -> candidate.pay(orderId, i % 2 == 0 ? "same-click" : "tab-" + i))
                .toList();
        List<Answer> answers;
        try (var pool = Executors.newFixedThreadPool(12)) {
            answers = pool.invokeAll(clicks).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers.stream().map(a -> a.json().path("payUrl").asString()).distinct().toList()).hasSize(1);
        JsonNode order = candidate.order(orderId);
        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(order.path("expiresAt").asString()).isNotEmpty();
        assertThat(candidate.bankOrder("UNIONPAY", orderId).path("tradeStatus").asString()).isEqualTo("WAITING");
        // a retry with the first key after everything: the same bank order again
        assertThat(candidate.pay(orderId, "same-click").json().path("payUrl").asString())
                .isEqualTo(answers.getFirst().json().path("payUrl").asString());
    }

    @Test
    void payingNeedsAnIdempotencyKey() {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        String orderId = candidate.awaitOrder().path("id").asString();

        Answer refused = candidate.pay(orderId, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("CREATED");
    }

    /** PAY-3: outside the payment dates, or outside the daily hours, paying is refused and the window is shown. */
    @Test
    void payingOutsideThePaymentWindowIsRefused() {
        PaymentJourney over = new PaymentJourney(port);
        over.confirmed("3702", Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"), "09:00",
                "17:00");
        JsonNode order = over.awaitOrder();
        assertThat(order.path("paymentWindow").path("openNow").asBoolean()).isFalse();
        assertThat(order.path("paymentWindow").path("description").asString())
                .isEqualTo("2020-01-01 至 2020-02-01，每天 09:00–17:00（北京时间）");

        Answer refused = over.pay(order.path("id").asString(), "k");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("PAYMENT_WINDOW_CLOSED");
        assertThat(refused.json().path("detail").asString()).contains("不在缴费时间内").contains("09:00–17:00");
        assertThat(over.order(order.path("id").asString()).path("status").asString()).isEqualTo("CREATED");
        assertThat(over.bank.get("/sandbox/bank/UNIONPAY/api/orders/"
                + PaymentJourney.bankOrderNo(order.path("id").asString())).json().path("tradeStatus").asString())
                .isEqualTo("NOT_FOUND");

        // inside the dates but outside the daily hours: a one-minute daily window that is never now
        PaymentJourney hours = new PaymentJourney(port);
        String closedMinute = Instant.now().plusSeconds(7200).atZone(PaymentWindow.ZONE).toLocalTime()
                .withSecond(0).withNano(0).toString();
        String afterIt = Instant.now().plusSeconds(7260).atZone(PaymentWindow.ZONE).toLocalTime()
                .withSecond(0).withNano(0).toString();
        if (closedMinute.compareTo(afterIt) < 0) {
            hours.confirmed("3702", PaymentJourney.WINDOW_OPENS, PaymentJourney.WINDOW_CLOSES, closedMinute, afterIt);
            Answer alsoRefused = hours.pay(hours.awaitOrder().path("id").asString(), "k");
            assertThat(alsoRefused.problemCode()).isEqualTo("PAYMENT_WINDOW_CLOSED");
        }
    }
}
