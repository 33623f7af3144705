package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.notification.sms.Eventually.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.notification.sms.SandboxGateway.Received;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * NOT-1 and NOT-2 end to end: an {@link SmsRequested} committed through the outbox travels over the real Kafka
 * broker to this service, which sends it through the real sandbox gateway and records it in PostgreSQL. Every test
 * also checks ACC-6 on what the run logged: neither the code nor the full phone number.
 */
@NotificationServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SmsDeliveryTest {

    private static final String VERIFICATION_TEXT = "【山东省教育招生考试院】您的验证码为%s，5分钟内有效。请勿将验证码告诉他人。";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Producer<String, String> producer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CircuitBreakerRegistry breakers;
    @LocalServerPort
    int port;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    private final SandboxGateway sandbox = new SandboxGateway();
    private final String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    private final String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    @BeforeEach
    void healthyGatewayAndClosedBreaker() {
        sandbox.healthy();
        breaker().reset();
    }

    @AfterEach
    void healthyGatewayForTheNextTest() {
        sandbox.healthy();
    }

    @Test
    void aRequestedVerificationCodeReachesThePhoneInChinese(CapturedOutput output) {
        double sentBefore = count("baokao.sms.sent", "template", "VERIFICATION_CODE", "outcome", "sent");
        SmsRequested request = verificationCode();

        commit(request);

        Received received = awaitOneSms();
        assertThat(received.content()).isEqualTo(VERIFICATION_TEXT.formatted(code));
        Delivery delivery = awaitDelivery(request, "SENT");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.maskedPhone()).isEqualTo(masked());
        assertThat(delivery.providerMessageId()).isEqualTo(received.messageId());
        assertThat(delivery.templateCode()).isEqualTo("VERIFICATION_CODE");
        assertThat(count("baokao.sms.sent", "template", "VERIFICATION_CODE", "outcome", "sent"))
                .isEqualTo(sentBefore + 1);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void theSameEventDeliveredFiveTimesSendsOneSms(CapturedOutput output) {
        SmsRequested request = verificationCode();
        UUID eventId = commit(request);
        awaitOneSms();
        awaitDelivery(request, "SENT");
        double duplicatesBefore = count("baokao.inbox.duplicates", "consumer", SmsDispatcher.CONSUMER,
                "type", "SmsRequested");

        RecordMetadata last = null;
        for (int i = 0; i < 4; i++) {
            last = publishAgain(eventId);
        }

        awaitConsumed(last);
        assertThat(sandbox.messages(phone)).singleElement()
                // submitted once: the duplicates never even reached the gateway
                .satisfies(sms -> assertThat(sms.submissions()).isEqualTo(1));
        assertThat(deliveryRows(request)).isEqualTo(1);
        assertThat(delivery(request).orElseThrow().attempts()).isEqualTo(1);
        assertThat(count("baokao.inbox.duplicates", "consumer", SmsDispatcher.CONSUMER, "type", "SmsRequested"))
                .isEqualTo(duplicatesBefore + 4);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aSendWhoseCommitWasLostIsNotSentTwiceBecauseTheGatewayDeduplicatesOnTheRequestId(CapturedOutput output) {
        SmsRequested request = verificationCode();
        UUID eventId = commit(request);
        String firstMessageId = awaitOneSms().messageId();
        awaitDelivery(request, "SENT");

        // the state after "the gateway accepted it, then our transaction rolled back": no inbox entry, no row
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from messaging.inbox where consumer = ? and event_id = ?")
                    .params(SmsDispatcher.CONSUMER, eventId).update();
            jdbc.sql("delete from sms_delivery where request_id = ?").param(request.requestId()).update();
        });
        publishAgain(eventId);

        Delivery again = awaitDelivery(request, "SENT");
        assertThat(again.providerMessageId()).isEqualTo(firstMessageId);
        assertThat(sandbox.messages(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.submissions()).isEqualTo(2));
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aFailingGatewayIsRetriedThenDeadLetteredAndAnOperatorsReplaySendsItOnce(CapturedOutput output) {
        sandbox.behave(1.0, 0);
        SmsRequested request = verificationCode();

        UUID eventId = commit(request);

        DeadLetter dead = awaitDeadLetter(eventId);
        assertThat(dead.topic()).isEqualTo(Topics.NOTIFICATION_REQUESTS);
        assertThat(dead.error()).startsWith("SmsProviderUnavailableException");
        Delivery failed = delivery(request).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).as("the first attempt and the error handler's 3 retries").isEqualTo(4);
        assertThat(sandbox.messages(phone)).isEmpty();

        sandbox.healthy();
        await("the breaker to let calls through again", () -> breaker().getState() != CircuitBreaker.State.OPEN);
        HttpProbe.Answer replayed = replay(dead);

        assertThat(replayed.status()).isEqualTo(200);
        await("the replayed SMS", () -> !sandbox.messages(phone).isEmpty());
        assertThat(awaitDelivery(request, "SENT").attempts()).isEqualTo(5);
        Eventually.pause(Duration.ofSeconds(2));
        assertThat(sandbox.messages(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.content()).isEqualTo(VERIFICATION_TEXT.formatted(code)));
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void anUnknownTemplateIsDeadLetteredAtOnceWithoutRetries(CapturedOutput output) {
        SmsRequested request = request("NO_SUCH_TEMPLATE", Map.of("code", code));

        UUID eventId = commit(request);

        DeadLetter dead = awaitDeadLetter(eventId);
        assertThat(dead.error()).isEqualTo("SmsRejectedException: 未知的短信模板：NO_SUCH_TEMPLATE");
        Delivery failed = delivery(request).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).as("tried once, not retried").isEqualTo(1);
        assertThat(failed.failureReason()).startsWith("TEMPLATE_UNKNOWN");
        assertThat(sandbox.messages(phone)).isEmpty();
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aMissingParameterIsDeadLetteredAtOnceAndNothingIsSent(CapturedOutput output) {
        SmsRequested request = request("VERIFICATION_CODE", Map.of("code", code));

        UUID eventId = commit(request);

        DeadLetter dead = awaitDeadLetter(eventId);
        assertThat(dead.error()).isEqualTo("SmsRejectedException: 短信模板 VERIFICATION_CODE 缺少参数 minutes");
        assertThat(delivery(request).orElseThrow().attempts()).isEqualTo(1);
        assertThat(sandbox.messages(phone)).isEmpty();
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void theDeliveryLogHoldsNeitherTheTextNorTheCodeNorTheFullPhone() {
        SmsRequested request = verificationCode();
        commit(request);
        awaitDelivery(request, "SENT");

        String row = jdbc.sql("select * from sms_delivery where request_id = ?").param(request.requestId())
                .query((rs, n) -> {
                    StringBuilder all = new StringBuilder();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        all.append(rs.getString(column)).append('|');
                    }
                    return all.toString();
                }).single();
        assertThat(row).contains(masked()).doesNotContain(phone).doesNotContain(code).doesNotContain("验证码");
    }

    private SmsRequested verificationCode() {
        return request("VERIFICATION_CODE", Map.of("code", code, "minutes", "5"));
    }

    private SmsRequested request(String template, Map<String, String> params) {
        return new SmsRequested(UUID.randomUUID(), UUID.randomUUID(), phone, template, params, Instant.now());
    }

    /** As account-service does it: the request is part of the transaction that issued the code. */
    private UUID commit(SmsRequested request) {
        return transactions.execute(status -> outbox.publish(request));
    }

    /** The very record the relay published, sent again the way a Kafka redelivery or a republishing relay would. */
    private RecordMetadata publishAgain(UUID eventId) {
        ConsumerRecord<String, String> published = PublishedEnvelopes.of(eventId);
        try {
            return producer.send(new ProducerRecord<>(published.topic(), published.key(), published.value())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until this service's consumer group has committed past {@code record}: it has handled it. */
    private void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafkaBootstrapServers()))) {
            await("the service to consume offset " + record.offset() + " of " + partition, () -> {
                try {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup)
                            .partitionsToOffsetAndMetadata().get().get(partition);
                    return committed != null && committed.offset() > record.offset();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    private Received awaitOneSms() {
        await("an SMS to " + masked(), () -> !sandbox.messages(phone).isEmpty());
        return sandbox.messages(phone).getFirst();
    }

    private Delivery awaitDelivery(SmsRequested request, String status) {
        await(status + " delivery of " + request.requestId(),
                () -> delivery(request).filter(d -> d.status().equals(status)).isPresent());
        return delivery(request).orElseThrow();
    }

    private Optional<Delivery> delivery(SmsRequested request) {
        return jdbc.sql("""
                select status, attempts, masked_phone, provider_message_id, template_code, failure_reason
                from sms_delivery where request_id = ?""").param(request.requestId())
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    private long deliveryRows(SmsRequested request) {
        return jdbc.sql("select count(*) from sms_delivery where request_id = ?").param(request.requestId())
                .query(Long.class).single();
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        await("a dead letter for event " + eventId, () -> deadLetter(eventId).isPresent());
        return deadLetter(eventId).orElseThrow();
    }

    private Optional<DeadLetter> deadLetter(UUID eventId) {
        return deadLetters.open(1000).stream().filter(d -> eventId.equals(d.eventId())).findFirst();
    }

    private HttpProbe.Answer replay(DeadLetter dead) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/notifications/operations/dead-letters/" + dead.id() + "/replay")
                .header("Authorization", "Bearer " + TestServers.issuer().token("op", "operator", "bureau-admin"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(SmsConfiguration.PROVIDER);
    }

    /** Issue 24, meters: every outcome is exported from the start (at zero), so sums by outcome read 0, not nothing. */
    @Test
    void everyOutcomeIsExportedFromTheStart() {
        for (String outcome : java.util.List.of("sent", "duplicate", "failed", "rejected", "held")) {
            assertThat(meters.find("baokao.sms.sent").tags("template", "UNKNOWN", "outcome", outcome).counter())
                    .as(outcome).isNotNull();
        }
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private String masked() {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** ACC-6: the run logged this request (masked), but never the code or the full phone number. */
    private void assertLogsKeepTheSecrets(CapturedOutput output) {
        assertThat(output.getAll()).as("the capture sees the service's log lines").contains(masked());
        // digit boundaries: a timestamp or an offset that merely contains these digits is not a leak
        assertThat(output.getAll()).doesNotContainPattern("(?<!\\d)" + phone + "(?!\\d)")
                .doesNotContainPattern("(?<!\\d)" + code + "(?!\\d)");
    }

    private record Delivery(String status, int attempts, String maskedPhone, String providerMessageId,
            String templateCode, String failureReason) {
    }
}
