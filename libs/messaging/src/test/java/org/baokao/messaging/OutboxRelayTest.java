package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.messaging.MessagingFixture.event;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.baokao.events.EventCodec;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The outbox and its relay against real PostgreSQL and Kafka. */
class OutboxRelayTest {

    private final MessagingFixture fixture = new MessagingFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownWaitInTheOutboxAndAllArriveInOrderAfterItReturns() throws Exception {
        // nothing listens here yet; the relay makes a new producer after each failure and so finds the
        // broker wherever it comes back (the embedded KRaft broker cannot be pinned to a port)
        AtomicReference<String> bootstrap = new AtomicReference<>("127.0.0.1:" + freePort());
        OutboxRelay relay = new OutboxRelay(fixture.jdbc, fixture.transactions,
                () -> SafeProducers.create(Map.of("bootstrap.servers", bootstrap.get())), MessagingFixture.FAST,
                fixture.meters);
        Outbox outbox = fixture.outbox(relay::wakeUp);
        relay.start();

        // the broker is down: the service keeps committing its changes
        List<UUID> candidates = candidates(10);
        Map<String, List<UUID>> written = new HashMap<>();
        List<UUID> all = new ArrayList<>();
        for (int sequence = 0; sequence < 20; sequence++) {
            for (UUID candidate : candidates) {
                UUID eventId = fixture.commit(outbox, event(candidate, sequence));
                written.computeIfAbsent(candidate.toString(), k -> new ArrayList<>()).add(eventId);
                all.add(eventId);
            }
        }
        Thread.sleep(1_500);
        assertThat(fixture.unsent(all)).as("events wait in the outbox").isEqualTo(200);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        bootstrap.set(broker.getBrokersAsString());
        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(broker.getBrokersAsString())) {
            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer, written.keySet(),
                    r -> r.size() >= 200, Duration.ofSeconds(60));

            assertThat(received).hasSize(200);
            assertThat(byKey(received)).isEqualTo(written);
            awaitUnsent(all, 0);
        } finally {
            relay.stop();
            broker.destroy();
        }
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventExactlyOnceInOrderPerKey() throws Exception {
        String bootstrap = TestServers.kafkaBootstrapServers();
        OutboxRelay first = fixture.relay(bootstrap);
        OutboxRelay second = fixture.relay(bootstrap);
        Outbox outbox = fixture.outbox(() -> {
            first.wakeUp();
            second.wakeUp();
        });
        first.start();
        second.start();

        List<UUID> candidates = candidates(40);
        Map<String, List<UUID>> written = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            List<UUID> mine = candidates.subList(w * 10, w * 10 + 10);
            done.add(writers.submit(() -> {
                for (int sequence = 0; sequence < 50; sequence++) {
                    for (UUID candidate : mine) {
                        UUID id = fixture.commit(outbox, event(candidate, sequence));
                        written.computeIfAbsent(candidate.toString(), k -> new ArrayList<>()).add(id);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap)) {
            // keep listening a while after the last expected event: a duplicate would arrive then
            long[] completeSince = { 0 };
            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer, written.keySet(),
                    r -> {
                        if (r.size() < 2000) {
                            return false;
                        }
                        if (completeSince[0] == 0) {
                            completeSince[0] = System.nanoTime();
                        }
                        return System.nanoTime() - completeSince[0] > Duration.ofSeconds(2).toNanos();
                    }, Duration.ofSeconds(90));

            assertThat(received).hasSize(2000);
            assertThat(byKey(received)).isEqualTo(written);
        }
        assertThat(fixture.meters.find("baokao.outbox.published").counters()).isNotEmpty();
    }

    @Test
    void aRolledBackChangePublishesNothingAndPublishingNeedsATransaction() {
        Outbox outbox = fixture.outbox(() -> { });
        UUID candidate = UUID.randomUUID();

        assertThatThrownBy(() -> outbox.publish(event(candidate, 0))).isInstanceOf(IllegalStateException.class);
        fixture.transactions.executeWithoutResult(status -> {
            outbox.publish(event(candidate, 1));
            status.setRollbackOnly();
        });

        assertThat(fixture.jdbc.sql("select count(*) from messaging.outbox where event_key = ?")
                .param(candidate.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() throws Exception {
        String bootstrap = TestServers.kafkaBootstrapServers();
        OutboxRelay relay = new OutboxRelay(fixture.jdbc, fixture.transactions,
                () -> SafeProducers.create(Map.of("bootstrap.servers", bootstrap)),
                new org.baokao.messaging.outbox.OutboxSettings(500, Duration.ofMinutes(10), Duration.ofDays(7),
                        Duration.ofMinutes(5), Duration.ofSeconds(1)),
                fixture.meters);
        Outbox outbox = fixture.outbox(relay::wakeUp);
        relay.start();
        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap)) {
            Thread.sleep(500); // let the relay finish its first look and fall asleep for ten minutes
            UUID candidate = UUID.randomUUID();
            fixture.commit(outbox, event(candidate, 0));

            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), r -> !r.isEmpty(), Duration.ofSeconds(20));
            assertThat(received).hasSize(1);
        } finally {
            relay.stop();
        }
    }

    @Test
    void eventsCarryingSecretsLeaveTheDatabaseAsSoonAsTheBrokerHasThem() throws Exception {
        String bootstrap = TestServers.kafkaBootstrapServers();
        OutboxRelay relay = fixture.relay(bootstrap);
        Outbox outbox = fixture.outbox(relay::wakeUp);
        relay.start();
        UUID candidate = UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "sensitive-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(org.baokao.events.Topics.NOTIFICATION_REQUESTS));
            UUID sms = fixture.commit(outbox, new org.baokao.events.notification.SmsRequested(UUID.randomUUID(),
                    candidate, "13112348780", "VERIFICATION_CODE", Map.of("code", "482913"), java.time.Instant.now()));
            UUID ordinary = fixture.commit(outbox, event(candidate, 0));

            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(received).hasSize(1);
            awaitCount("select count(*) from messaging.outbox where event_id = '" + ordinary + "' and sent_at is not null", 1);
            assertThat(fixture.jdbc.sql("select count(*) from messaging.outbox where event_id = ?").param(sms)
                    .query(Long.class).single()).as("the SMS request with its code is gone").isZero();
        } finally {
            relay.stop();
        }
    }

    @Test
    void sentRowsPastTheirRetentionAreRemovedAndUnsentOnesAreKept() {
        Outbox outbox = fixture.outbox(() -> { });
        UUID old = fixture.commit(outbox, event(UUID.randomUUID(), 0));
        UUID pending = fixture.commit(outbox, event(UUID.randomUUID(), 0));
        fixture.jdbc.sql("update messaging.outbox set sent_at = now() - interval '8 days', created_at = now() - interval '8 days' where event_id = ?")
                .param(old).update();
        fixture.jdbc.sql("update messaging.outbox set created_at = now() - interval '8 days' where event_id = ?")
                .param(pending).update();

        OutboxRelay relay = new OutboxRelay(fixture.jdbc, fixture.transactions,
                () -> SafeProducers.create(Map.of("bootstrap.servers", TestServers.kafkaBootstrapServers())),
                new org.baokao.messaging.outbox.OutboxSettings(500, Duration.ofMillis(50), Duration.ofDays(7),
                        Duration.ZERO, Duration.ofSeconds(1)),
                fixture.meters);
        relay.start();
        try {
            awaitCount("select count(*) from messaging.outbox where event_id = '" + old + "'", 0);
            assertThat(fixture.jdbc.sql("select count(*) from messaging.outbox where event_id = ?").param(pending)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            relay.stop();
        }
    }

    static Map<String, List<UUID>> byKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<UUID>> byKey = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            UUID eventId = EventCodec.read(record.value()).eventId();
            assertThat(seen.add(eventId)).as("delivered once: " + eventId).isTrue();
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(eventId);
        }
        return byKey;
    }

    private void awaitUnsent(List<UUID> eventIds, long expected) throws InterruptedException {
        for (int i = 0; i < 100 && fixture.unsent(eventIds) != expected; i++) {
            Thread.sleep(100);
        }
        assertThat(fixture.unsent(eventIds)).isEqualTo(expected);
    }

    private void awaitCount(String sql, long expected) {
        for (int i = 0; i < 100; i++) {
            if (fixture.jdbc.sql(sql).query(Long.class).single() == expected) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(fixture.jdbc.sql(sql).query(Long.class).single()).isEqualTo(expected);
    }

    private static List<UUID> candidates(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return Collections.unmodifiableList(ids);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
