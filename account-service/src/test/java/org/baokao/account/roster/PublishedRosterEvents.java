package org.baokao.account.roster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.testkit.TestServers;

/** Reads the roster events on {@code account.events} the way enrollment-service would, from a marked point on. */
final class PublishedRosterEvents {

    /** Raw record values and decoded events of one exam. */
    record Seen(List<String> rawValues, List<RosterEntryImported> events) {
    }

    private PublishedRosterEvents() {
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", TestServers.kafkaBootstrapServers(),
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
    }

    /** The current end of every partition of the topic (empty if the topic does not exist yet). */
    static Map<TopicPartition, Long> mark() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            return partitions.isEmpty() ? Map.of() : new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /**
     * The events of {@code examCode} published after {@code mark}: waits until at least {@code expected} have
     * arrived, then a little longer to catch any extra (duplicates would show up there).
     */
    static Seen since(Map<TopicPartition, Long> mark, String examCode, int expected) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, mark.getOrDefault(partition, 0L));
            }
            List<String> raw = new ArrayList<>();
            List<RosterEntryImported> events = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            Instant settle = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = EventCodec.read(record.value());
                    if (envelope.type().equals("RosterEntryImported")) {
                        RosterEntryImported event = EventCodec.payload(envelope, RosterEntryImported.class);
                        if (event.examCode().equals(examCode)) {
                            raw.add(record.value());
                            events.add(event);
                        }
                    }
                }
                if (events.size() >= expected) {
                    settle = settle == null ? Instant.now().plusSeconds(2) : settle;
                    if (Instant.now().isAfter(settle)) {
                        break;
                    }
                }
            }
            return new Seen(raw, events);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.ACCOUNT, Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }
}
