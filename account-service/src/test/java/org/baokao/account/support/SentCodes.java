package org.baokao.account.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.account.captcha.Captchas;
import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;

/** Reads verification codes where notification-service would: the SMS requests on Kafka. */
public final class SentCodes {

    // the request each phone's last returned code came from: the next call waits for a newer one
    private static final Map<String, UUID> RETURNED = new java.util.concurrent.ConcurrentHashMap<>();

    private SentCodes() {
    }

    /**
     * Asks the service on {@code port} for a registration code to {@code phone}, with a fresh captcha answered from
     * the sandbox drop box, and returns the code once it is published.
     */
    public static String forRegistration(int port, Captchas captchas, String phone) {
        return forRegistrationAt(null, port, captchas, phone);
    }

    /** A registration code for {@code phone} asked for at {@code bureau}'s address (null: unprefixed). */
    public static String forRegistrationAt(String bureau, int port, Captchas captchas, String phone) {
        return registrationRequestAt(bureau, port, captchas, phone).params().get("code");
    }

    /** The SMS request a registration code asked for at {@code bureau}'s address makes (null: unprefixed). */
    public static SmsRequested registrationRequestAt(String bureau, int port, Captchas captchas, String phone) {
        var captcha = captchas.issue();
        HttpProbe.Answer sent = ClientCalls.postTo(bureau, port, "/api/accounts/public/sms-codes/registration",
                "{\"phone\":\"" + phone + "\",\"captchaId\":\"" + captcha.captchaId() + "\",\"captcha\":\""
                        + RevealedCaptchas.SHARED.answerOf(captcha.captchaId()) + "\"}", null);
        if (sent.status() != 202) {
            throw new AssertionError("asking for a registration code answered " + sent.status() + ": " + sent.body());
        }
        return latestRequestFor(phone);
    }

    /** The code of the newest request for {@code phone} not returned before, waiting for it to be published. */
    public static String latestFor(String phone) {
        return latestRequestFor(phone).params().get("code");
    }

    /** The newest SMS request for {@code phone} not returned before (its bureau, template...), once published. */
    public static SmsRequested latestRequestFor(String phone) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestServers.kafkaBootstrapServers(),
                "group.id", "sent-codes-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_REQUESTS));
            // messages may arrive in any order across partitions: take the newest request not returned before
            SmsRequested newest = null;
            UUID alreadyReturned = RETURNED.get(phone);
            // the 200,000-row roster import test leaves as many events in the outbox, which the relay publishes
            // before a code requested just after it: in CI that took more than 20 s
            Instant deadline = Instant.now().plusSeconds(90);
            Instant quietSince = null;
            while (Instant.now().isBefore(deadline)) {
                var records = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, String> record : records) {
                    SmsRequested sms = EventCodec.payload(EventCodec.read(record.value()), SmsRequested.class);
                    if (phone.equals(sms.phone()) && !sms.requestId().equals(alreadyReturned)
                            && (newest == null || sms.requestedAt().isAfter(newest.requestedAt()))) {
                        newest = sms;
                    }
                }
                if (newest != null && records.isEmpty()) {
                    quietSince = quietSince == null ? Instant.now() : quietSince;
                    if (Duration.between(quietSince, Instant.now()).toMillis() > 600) {
                        RETURNED.put(phone, newest.requestId());
                        return newest;
                    }
                }
            }
            throw new AssertionError("no new SMS code was published for " + phone);
        }
    }
}
