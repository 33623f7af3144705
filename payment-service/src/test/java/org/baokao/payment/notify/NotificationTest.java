package org.baokao.payment.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

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

/** PAY-4: signed bank notifications, verified, applied once, answered in the channel's format. */
@ServiceTest(sandbox = true)
class NotificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    PaymentJourney candidate;

    @AfterEach
    void punctualBankAgain() {
        if (candidate != null) {
            candidate.punctualBank();
        }
    }

    /** The sandbox bank notifies after the candidate pays: the order is paid and PaymentSucceeded published once. */
    @Test
    void theBanksNotificationPaysTheOrder() {
        candidate = new PaymentJourney(port);
        String orderId = pendingOrder(candidate, "3717");

        candidate.payAtBank("CEB", orderId);

        JsonNode paid = candidate.awaitStatus(orderId, "PAID");
        assertThat(paid.path("statusName").asString()).isEqualTo("已缴费");
        assertThat(paid.path("bankTradeNo").asString()).startsWith("CEB");
        assertThat(paid.path("receiptAvailable").asBoolean()).isTrue();
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(e -> {
                    assertThat(e.amountFen()).isEqualTo(8000);
                    assertThat(e.channel()).isEqualTo("CEB");
                    assertThat(e.examName()).isEqualTo("2026年普通高等教育专升本考试");
                });
    }

    /** The same notification 10 times at once (and the bank's own duplicates): one payment, one event. */
    @Test
    void tenConcurrentCopiesOfOneNotificationPayOnce() throws Exception {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"duplicates\":4}");
        String orderId = pendingOrder(candidate, "3702");
        candidate.payAtBank("UNIONPAY", orderId);
        Map<String, String> notification = candidate.signedNotification("UNIONPAY", orderId);

        List<Callable<Answer>> copies = IntStream.range(0, 10)
                .<Callable<Answer>>mapToObj(i -> () -> candidate.notify("UNIONPAY", notification)).toList();
        List<Answer> answers;
        try (var pool = Executors.newFixedThreadPool(10)) {
            answers = pool.invokeAll(copies).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(Answer::body).containsOnly("ok");
        candidate.awaitStatus(orderId, "PAID");
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from bank_payment where order_id = ?::uuid").param(orderId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from refund where order_id = ?::uuid").param(orderId)
                .query(Long.class).single()).isZero();
    }

    /** Forged signature, tampered amount, unknown order: 400 in the channel's format, logged, nothing changes. */
    @Test
    void forgedTamperedAndUnknownNotificationsAreRejected() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder(candidate, "3717");
        candidate.payAtBank("CEB", orderId);
        Map<String, String> genuine = candidate.signedNotification("CEB", orderId);
        double rejectedBefore = rejected();

        Map<String, String> forged = new HashMap<>(genuine);
        forged.put("sign", java.util.Base64.getEncoder().encodeToString(new byte[256]));
        Map<String, String> tampered = new HashMap<>(genuine);
        tampered.put("amountFen", "1");
        Map<String, String> unknown = new HashMap<>(genuine);
        unknown.put("orderNo", "0123456789abcdef0123456789abcdef");
        Map<String, String> unsigned = new HashMap<>(genuine);
        unsigned.remove("sign");

        for (Map<String, String> bad : List.of(forged, tampered, unknown, unsigned)) {
            Answer answer = candidate.notify("CEB", bad);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("<RespCode>9999</RespCode>");
        }

        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from bank_payment where order_id = ?::uuid").param(orderId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select reason from rejected_notification where order_no = ? order by received_at")
                .param(PaymentJourney.bankOrderNo(orderId)).query(String.class).list())
                .containsExactly("INVALID_SIGNATURE", "INVALID_SIGNATURE", "INVALID_SIGNATURE");
        assertThat(rejected() - rejectedBefore).isEqualTo(4);

        // a genuinely signed notification of a bank order payment-service never opened: unknown, refused
        String strangerNo = java.util.UUID.randomUUID().toString().replace("-", "");
        candidate.bank.send(candidate.bank.request("/sandbox/bank/CEB/api/orders").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"orderNo\":\"" + strangerNo
                        + "\",\"amountFen\":8000,\"notifyUrl\":\"\"}")));
        candidate.bank.send(candidate.bank.request("/sandbox/bank/CEB/test/orders/" + strangerNo + "/pay")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        Map<String, String> stranger = candidate.bank.get("/sandbox/bank/CEB/test/orders/" + strangerNo + "/notification")
                .json().propertyStream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asString()));
        assertThat(candidate.notify("CEB", stranger).status()).isEqualTo(400);
        assertThat(jdbc.sql("select reason from rejected_notification where order_no = ?").param(strangerNo)
                .query(String.class).list()).containsExactly("UNKNOWN_ORDER");

        // the genuine one still pays, answered in CEB's format
        Answer good = candidate.notify("CEB", genuine);
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body()).contains("<RespCode>0000</RespCode>");
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PAID");
    }

    /**
     * A notification with thousands of form fields (no token needed to send one): refused as a malformed request
     * before anything reads it, a 400 problem instead of a 500; the order stays as it was and the genuine
     * notification still pays it.
     */
    @Test
    void aNotificationWithThousandsOfFieldsIsAMalformedRequestAndChangesNothing() {
        candidate = new PaymentJourney(port);
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder(candidate, "3717");
        candidate.payAtBank("CEB", orderId);
        Map<String, String> genuine = candidate.signedNotification("CEB", orderId);
        Map<String, String> flood = new java.util.LinkedHashMap<>(genuine);
        IntStream.range(0, 5000).forEach(i -> flood.put("f" + i, "1"));
        double rejectedBefore = rejected();

        Answer answer = candidate.notify("CEB", flood);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.json().path("detail").asString()).isEqualTo("请求格式不正确");
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from bank_payment where order_id = ?::uuid").param(orderId)
                .query(Long.class).single()).isZero();
        assertThat(rejected()).isEqualTo(rejectedBefore);

        assertThat(candidate.notify("CEB", genuine).status()).isEqualTo(200);
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void eachChannelIsAnsweredInItsOwnFormat() {
        candidate = new PaymentJourney(port);
        String orderId = pendingOrder(candidate, "3101");
        candidate.payAtBank("PUBLIC_PAYMENT_PLATFORM", orderId);
        candidate.awaitStatus(orderId, "PAID");

        Answer duplicate = candidate.notify("PUBLIC_PAYMENT_PLATFORM",
                candidate.signedNotification("PUBLIC_PAYMENT_PLATFORM", orderId));

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo("{\"code\":\"SUCCESS\"}");
        assertThat(candidate.notify("nobank", Map.of()).problemCode()).isEqualTo("UNKNOWN_CHANNEL");
    }

    private double rejected() {
        return meters.find("baokao.payment.notifications").tag("outcome", "rejected").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    static String pendingOrder(PaymentJourney candidate, String location) {
        candidate.confirmed(location);
        String orderId = candidate.awaitOrder().path("id").asString();
        Answer paying = candidate.pay(orderId, "first-click");
        assertThat(paying.status()).as(paying.body()).isEqualTo(200);
        return orderId;
    }
}
