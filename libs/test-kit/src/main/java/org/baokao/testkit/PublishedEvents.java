package org.baokao.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.DomainEvent;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.EventType;

/** Reads a topic from its start, as a consumer service would, for the events of one type that match. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * The matching events: waits up to 20 s for at least {@code expected}, then 1.5 s more to catch any extra
     * (duplicates would show up there). With {@code expected} 0 it only waits the short settle time.
     */
    public static <T extends DomainEvent> List<T> matching(Class<T> type, Predicate<T> match, int expected) {
        EventType meta = type.getAnnotation(EventType.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestServers.kafkaBootstrapServers(),
                "group.id", "published-events-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(meta.topic()));
            List<T> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            Instant settle = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    EventEnvelope envelope = EventCodec.read(record.value());
                    if (envelope.type().equals(meta.name())) {
                        T event = EventCodec.payload(envelope, type);
                        if (match.test(event)) {
                            found.add(event);
                        }
                    }
                }
                if (found.size() >= expected) {
                    settle = settle == null ? Instant.now().plusMillis(expected == 0 ? 3000 : 1500) : settle;
                    if (Instant.now().isAfter(settle)) {
                        break;
                    }
                }
            }
            return found;
        }
    }
}
