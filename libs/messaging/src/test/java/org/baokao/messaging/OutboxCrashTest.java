package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.baokao.events.EventCodec;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.consumer.EventDispatcher;
import org.baokao.messaging.consumer.EventSubscription;
import org.baokao.messaging.inbox.Inbox;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processes killed between commit and publish, and between publish and mark: after a restart every event
 * is delivered, and the consumer's inbox applies each exactly once.
 */
class OutboxCrashTest {

    private static final int EVENTS = 50;

    private final MessagingFixture fixture = new MessagingFixture();
    private final String bootstrap = TestServers.kafkaBootstrapServers();
    private final String consumerName = "crash-test-" + UUID.randomUUID();

    @BeforeEach
    void effectsTable() {
        // deliberately no unique key: a double application would show as two rows
        fixture.jdbc.sql("create table if not exists drill_effect (seq bigserial, consumer text, event_id uuid, reason text)")
                .update();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aProcessKilledAfterCommitBeforePublishHasItsEventsDeliveredAfterRestartAndAppliedOnce() throws Exception {
        UUID candidate = UUID.randomUUID();
        List<UUID> committed = runDrill("before-publish", candidate);
        assertThat(committed).hasSize(EVENTS);
        assertThat(fixture.unsent(committed)).isEqualTo(EVENTS);

        OutboxRelay restarted = fixture.relay(bootstrap);
        restarted.start();
        Map<UUID, Integer> deliveries = consumeAndApply(candidate, committed);

        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(committed);
        assertAppliedOnceInOrder(committed);
    }

    @Test
    void aRelayKilledAfterPublishBeforeMarkingRepublishesAndTheInboxAppliesOnce() throws Exception {
        UUID candidate = UUID.randomUUID();
        List<UUID> committed = runDrill("after-publish", candidate);
        assertThat(committed).hasSize(EVENTS);
        assertThat(fixture.unsent(committed)).as("nothing was marked sent").isEqualTo(EVENTS);

        OutboxRelay restarted = fixture.relay(bootstrap);
        restarted.start();
        Map<UUID, Integer> deliveries = consumeAndApply(candidate, committed);

        assertThat(deliveries.values().stream().mapToInt(Integer::intValue).sum())
                .as("the dead relay's batch reached the broker, so the restart delivered duplicates")
                .isGreaterThan(EVENTS);
        assertAppliedOnceInOrder(committed);
        assertThat(fixture.meters.find("baokao.inbox.duplicates").counter().count()).isPositive();
    }

    private List<UUID> runDrill(String mode, UUID candidate) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process drill = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxCrashDrill.class.getName(), mode, TestServers.jdbcUrl(), TestServers.jdbcUser(),
                TestServers.jdbcPassword(), bootstrap, candidate.toString(), String.valueOf(EVENTS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<UUID> eventIds = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(drill.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.matches("[0-9a-f-]{36}")) {
                    eventIds.add(UUID.fromString(line));
                }
            }
        }
        assertThat(drill.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(drill.exitValue()).as("the drill process was killed mid-way").isEqualTo(137);
        return eventIds;
    }

    /** Reads the candidate's events and applies each through the inbox; returns deliveries per event id. */
    private Map<UUID, Integer> consumeAndApply(UUID candidate, List<UUID> committed) {
        Inbox inbox = new Inbox(fixture.jdbc, fixture.transactions, fixture.meters);
        Map<UUID, Integer> deliveries = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap)) {
            long[] allSince = { 0 };
            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), records -> {
                        if (fixture.unsent(committed) > 0) {
                            return false;
                        }
                        // everything is marked sent; listen a little longer for the republished batch
                        if (allSince[0] == 0) {
                            allSince[0] = System.nanoTime();
                        }
                        return System.nanoTime() - allSince[0] > Duration.ofSeconds(3).toNanos();
                    }, Duration.ofSeconds(60));
            EventDispatcher dispatcher = new EventDispatcher(EventSubscription.named(consumerName)
                    .on(PasswordChanged.class, (changed, meta) -> fixture.jdbc
                            .sql("insert into drill_effect (consumer, event_id, reason) values (?, ?, ?)")
                            .params(consumerName, meta.eventId(), changed.reason())
                            .update()), inbox);
            for (ConsumerRecord<String, String> record : received) {
                deliveries.merge(EventCodec.read(record.value()).eventId(), 1, Integer::sum);
                dispatcher.dispatch(record);
            }
        }
        return deliveries;
    }

    private void assertAppliedOnceInOrder(List<UUID> committed) {
        List<UUID> applied = fixture.jdbc.sql("select event_id from drill_effect where consumer = ? order by seq")
                .param(consumerName).query(UUID.class).list();
        assertThat(applied).as("each event applied exactly once, in commit order").isEqualTo(committed);
    }
}
