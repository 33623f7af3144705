package org.baokao.account.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.testkit.TestServers;

/** Reads verification codes where notification-service would: the SMS requests on Kafka. */
public final class SentCodes {

    private SentCodes() {
    }

    /** The latest code requested for {@code phone}, waiting for it to be published. */
    public static String latestFor(String phone) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestServers.kafkaBootstrapServers(),
                "group.id", "sent-codes-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_REQUESTS));
            String latest = null;
            Instant deadline = Instant.now().plusSeconds(20);
            Instant quietSince = null;
            while (Instant.now().isBefore(deadline)) {
                var records = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, String> record : records) {
                    SmsRequested sms = EventCodec.payload(EventCodec.read(record.value()), SmsRequested.class);
                    if (phone.equals(sms.phone())) {
                        latest = sms.params().get("code");
                    }
                }
                if (latest != null && records.isEmpty()) {
                    quietSince = quietSince == null ? Instant.now() : quietSince;
                    if (Duration.between(quietSince, Instant.now()).toMillis() > 600) {
                        return latest;
                    }
                }
            }
            if (latest == null) {
                throw new AssertionError("no SMS code was published for " + phone);
            }
            return latest;
        }
    }
}
