package org.baokao.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.EventType;

/**
 * The event bus as a test sees it: publish an event exactly as its producing service would (libs/events envelope,
 * the event's topic, its aggregate id as the key), and read a topic from its start as a consumer service would.
 * Tests use it to play services that are not under test.
 */
public final class KafkaEvents {

    /** One producer per cluster for the whole test JVM: creating one costs a metadata round trip. */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private final String bootstrapServers;

    private KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The test kit's broker ({@link TestServers}). */
    public static KafkaEvents ofTestServers() {
        return new KafkaEvents(TestServers.kafkaBootstrapServers());
    }

    /** The broker of the running local stack ({@code ./baokao up}). */
    public static KafkaEvents ofLocalStack() {
        return new KafkaEvents("localhost:" + StackTable.portOf("kafka"));
    }

    /** Publishes {@code event} under a new event id, now; answers the id. */
    public UUID publish(DomainEvent event) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, event, Instant.now(), event.aggregateId());
        return eventId;
    }

    /** Publishes with a chosen event id (to replay one) and time, under {@code key} (to force a partition). */
    public void publish(UUID eventId, DomainEvent event, Instant occurredAt, String key) {
        EventEnvelope envelope = EventCodec.envelope(event, eventId, occurredAt);
        String topic = EventCatalog.describe(event.getClass()).topic();
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers, servers ->
                new KafkaProducer<>(Map.of("bootstrap.servers", servers, "acks", "all"), new StringSerializer(),
                        new StringSerializer()));
        try {
            producer.send(new ProducerRecord<>(topic, key, EventCodec.write(envelope))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type() + " to " + bootstrapServers, e);
        }
    }

    /**
     * The published events of one type that match: waits up to 20 s for at least {@code expected}, then 1.5 s
     * more to catch any extra (duplicates would show up there). With {@code expected} 0 it only waits 3 s.
     */
    public <T extends DomainEvent> List<T> matching(Class<T> type, Predicate<T> match, int expected) {
        EventType meta = type.getAnnotation(EventType.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
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
