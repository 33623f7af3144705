package org.baokao.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.BureauConfigured.PaymentRule;
import org.baokao.testkit.KafkaEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bureau configurations as enrollment-service publishes them (BUR-1), for tests. Bureaus other than sd and sh get
 * made-up codes, so tests cannot see each other's configurations; sd is never configured here, so its rules stay
 * the ones from before bureaus that the older tests rely on.
 */
public final class TestBureaus {

    public static final String SHANGHAI_NAME = "上海市教育考试院";

    private TestBureaus() {
    }

    /** Shanghai as the demo configures it: 310000 → the public payment platform. */
    public static BureauConfigured shanghai() {
        return bureau("sh", SHANGHAI_NAME, Instant.parse("2026-01-01T00:00:00Z"),
                new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM"));
    }

    public static BureauConfigured bureau(String code, String name, Instant configuredAt, PaymentRule... rules) {
        return new BureauConfigured(code, name, name, "EXAM-" + code, "OPEN", new BureauConfigured.PasswordRule(6, 16, 1),
                false, "1", "1", null, "【" + name + "】", null, List.of(rules), configuredAt);
    }

    public static String madeUpCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    /** Publishes the configuration on the broker and waits until payment-service has applied (or ignored) it. */
    public static void configure(JdbcClient jdbc, BureauConfigured configured) {
        awaitApplied(jdbc, KafkaEvents.ofTestServers().publish(configured));
    }

    public static void awaitApplied(JdbcClient jdbc, UUID eventId) {
        PaymentJourney.await(() -> jdbc.sql("select count(*) from messaging.inbox where consumer = ? and event_id = ?")
                .params(PaymentConsumers.ENROLLMENT_EVENTS, eventId).query(Long.class).single(),
                applied -> applied == 1, "BureauConfigured " + eventId + " applied");
    }
}
