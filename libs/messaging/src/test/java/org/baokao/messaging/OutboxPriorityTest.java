package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.messaging.outbox.OutboxSettings;
import org.baokao.testkit.TestServers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ACC-6: a verification code is sent while the candidate waits at the form, even when an operator has just
 * imported a roster of hundreds of thousands of rows. The relay publishes urgent topics
 * ({@link Topics#isUrgent}) before the backlog of the others; each topic's rows still leave in id order.
 */
class OutboxPriorityTest {

    private final MessagingFixture fixture = new MessagingFixture();
    private final String bootstrap = TestServers.kafkaBootstrapServers();
    private final List<UUID> written = new ArrayList<>();

    @AfterEach
    void close() {
        // this test's backlog must not slow the relays of later tests
        fixture.jdbc.sql("delete from messaging.outbox where event_id = any(?)")
                .param(written.toArray(UUID[]::new)).update();
        fixture.close();
    }

    @Test
    void anSmsCodeCommittedBehindA5000RowRosterImportLeavesInTheNextBatch_ACC6() {
        OutboxRelay relay = fixture.relay(bootstrap, Map.of(), settings(100));
        drainEarlierTestsRows(relay);
        Outbox outbox = fixture.outbox(() -> { });
        List<UUID> roster = importRoster(outbox, 5_000);
        UUID candidate = UUID.randomUUID();
        UUID code = commit(outbox, sms(candidate, 0));

        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap,
                List.of(Topics.NOTIFICATION_REQUESTS))) {
            assertThat(relay.relayOnce()).as("one full batch").isEqualTo(100);

            assertThat(fixture.jdbc.sql("select count(*) from messaging.outbox where event_id = ?").param(code)
                    .query(Long.class).single()).as("the code left in that batch (and its row with it)").isZero();
            assertThat(fixture.unsent(roster)).as("the rest of the batch was filled with the roster, oldest first")
                    .isEqualTo(5_000 - 99);
            assertThat(fixture.jdbc.sql("select count(*) from messaging.outbox where event_id = any(?) and sent_at is not null")
                    .param(roster.subList(0, 99).toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(99);
            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), r -> !r.isEmpty(), Duration.ofSeconds(20));
            assertThat(received).extracting(r -> EventCodec.read(r.value()).eventId()).containsExactly(code);
        }
    }

    @Test
    void urgentAndBulkRowsEachLeaveInIdOrderAcrossBatches_ACC6() {
        OutboxRelay relay = fixture.relay(bootstrap, Map.of(), settings(50));
        drainEarlierTestsRows(relay);
        Outbox outbox = fixture.outbox(() -> { });
        // one candidate's account events and SMS requests interleaved; more SMS than one batch holds
        UUID candidate = UUID.randomUUID();
        List<UUID> accountEvents = new ArrayList<>();
        List<UUID> smsRequests = new ArrayList<>();
        for (int sequence = 0; sequence < 120; sequence++) {
            accountEvents.add(commit(outbox, MessagingFixture.event(candidate, sequence)));
            if (sequence % 2 == 0) {
                smsRequests.add(commit(outbox, sms(candidate, sequence / 2)));
            }
        }

        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap,
                List.of(Topics.ACCOUNT, Topics.NOTIFICATION_REQUESTS))) {
            assertThat(relay.relayOnce()).isEqualTo(50);
            assertThat(remaining(smsRequests)).as("the first batch is the 50 oldest SMS requests")
                    .isEqualTo(smsRequests.subList(50, 60));
            assertThat(fixture.unsent(accountEvents)).isEqualTo(120);

            assertThat(relay.relayOnce()).isEqualTo(50);
            assertThat(remaining(smsRequests)).isEmpty();
            assertThat(fixture.unsent(accountEvents)).as("the last 10 SMS, then the 40 oldest account events")
                    .isEqualTo(80);
            while (relay.relayOnce() > 0) {
                // the rest of the account events, 50 at a time
            }

            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), r -> r.size() >= 180, Duration.ofSeconds(30));
            assertThat(eventIds(received, Topics.NOTIFICATION_REQUESTS)).isEqualTo(smsRequests);
            assertThat(eventIds(received, Topics.ACCOUNT)).isEqualTo(accountEvents);
        }
    }

    @Test
    void smsRequestsAlreadyWaitingWhenTheLibraryIsUpgradedBecomeUrgent_ACC6() {
        String schema = "messaging_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            migrate(schema, "1");
            fixture.jdbc.sql("insert into " + schema + ".outbox (event_id, topic, event_key, shard, envelope, sent_at) "
                    + "values (?, ?, 'k', 1, '{}', null), (?, ?, 'k', 1, '{}', null), (?, ?, 'k', 1, '{}', now())")
                    .params(UUID.randomUUID(), Topics.NOTIFICATION_REQUESTS, UUID.randomUUID(), Topics.ACCOUNT,
                            UUID.randomUUID(), Topics.ACCOUNT)
                    .update();

            migrate(schema, "latest");

            assertThat(fixture.jdbc.sql("select topic || ' ' || (sent_at is null) || ' ' || urgent from " + schema
                    + ".outbox order by id").query(String.class).list())
                    .containsExactly(Topics.NOTIFICATION_REQUESTS + " true true", Topics.ACCOUNT + " true false",
                            Topics.ACCOUNT + " false false");
        } finally {
            fixture.jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private static OutboxSettings settings(int batchSize) {
        return new OutboxSettings(batchSize, Duration.ofMillis(50), Duration.ofDays(7), Duration.ofMinutes(5),
                Duration.ofSeconds(1));
    }

    /** Rows other tests of this JVM left unsent would otherwise come before this test's rows. */
    private static void drainEarlierTestsRows(OutboxRelay relay) {
        while (relay.relayOnce() > 0) {
            // published to the shared broker, where nobody waits for them any more
        }
    }

    private UUID commit(Outbox outbox, org.baokao.events.DomainEvent event) {
        UUID eventId = fixture.commit(outbox, event);
        written.add(eventId);
        return eventId;
    }

    /** As account-service's roster import does it: one transaction per 1,000 rows, one event per row. */
    private List<UUID> importRoster(Outbox outbox, int rows) {
        List<UUID> eventIds = new ArrayList<>();
        for (int from = 0; from < rows; from += 1_000) {
            int batch = Math.min(1_000, rows - from);
            eventIds.addAll(fixture.transactions.execute(status -> {
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    ids.add(outbox.publish(new RosterEntryImported(UUID.randomUUID(), "SD-ZSB-2023", "RESIDENT_ID",
                            "5b1f0e9d8c7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c", "37**************12",
                            "张三", "SCHOOL_RECOMMENDED", "12345", "山东医学高等专科学校", "620403", "医学影像技术")));
                }
                return ids;
            }));
        }
        written.addAll(eventIds);
        return eventIds;
    }

    private static SmsRequested sms(UUID candidate, int sequence) {
        return new SmsRequested(UUID.randomUUID(), candidate, "13112348780", "VERIFICATION_CODE",
                Map.of("code", "%06d".formatted(sequence), "minutes", "5"), Instant.now());
    }

    /** SMS rows are deleted once published: those still in the outbox have not left. */
    private List<UUID> remaining(List<UUID> eventIds) {
        return fixture.jdbc.sql("select event_id from messaging.outbox where event_id = any(?) order by id")
                .param(eventIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    private static List<UUID> eventIds(List<ConsumerRecord<String, String>> records, String topic) {
        return records.stream().filter(r -> r.topic().equals(topic))
                .map(r -> EventCodec.read(r.value()).eventId()).toList();
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(fixture.dataSource).schemas(schema).defaultSchema(schema)
                .table("flyway_messaging_history").locations("classpath:db/messaging").target(target)
                .load().migrate();
    }
}
