package org.baokao.notification.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.testkit.TestServers;

/**
 * Reads back, from the broker, the record the relay published for an event: the outbox forgets events of
 * {@code notification.requests} as soon as the broker has them, so Kafka is where "the same envelope" lives.
 */
final class PublishedEnvelopes {

    private PublishedEnvelopes() {
    }

    static ConsumerRecord<String, String> of(UUID eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "envelope-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_REQUESTS));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (isEvent(record, eventId)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " was not found on " + Topics.NOTIFICATION_REQUESTS);
    }

    private static boolean isEvent(ConsumerRecord<String, String> record, UUID eventId) {
        try {
            return eventId.equals(EventCodec.read(record.value()).eventId());
        } catch (EventCodec.MalformedEventException notAnEvent) {
            return false;
        }
    }
}
