package org.baokao.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.DomainEvent;
import org.baokao.events.Topics;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.messaging.outbox.OutboxSettings;
import org.baokao.testkit.TestServers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The messaging parts wired by hand against the test kit's real PostgreSQL and Kafka. */
final class MessagingFixture implements AutoCloseable {

    static final OutboxSettings FAST = new OutboxSettings(500, Duration.ofMillis(50), Duration.ofDays(7),
            Duration.ofMinutes(5), Duration.ofSeconds(1));

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<OutboxRelay> relays = new ArrayList<>();

    MessagingFixture() {
        this(TestServers.jdbcUrl(), TestServers.jdbcUser(), TestServers.jdbcPassword());
    }

    MessagingFixture(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        dataSource = new HikariDataSource(config);
        MessagingSchema.migrate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    OutboxRelay relay(String bootstrapServers) {
        return relay(bootstrapServers, Map.of());
    }

    OutboxRelay relay(String bootstrapServers, Map<String, Object> extraProducerConfig) {
        return relay(bootstrapServers, extraProducerConfig, FAST);
    }

    OutboxRelay relay(String bootstrapServers, Map<String, Object> extraProducerConfig, OutboxSettings settings) {
        return relay(bootstrapServers, extraProducerConfig, settings, org.baokao.tracing.TraceParents.NONE);
    }

    OutboxRelay relay(String bootstrapServers, Map<String, Object> extraProducerConfig, OutboxSettings settings,
            org.baokao.tracing.TraceParents traces) {
        Map<String, Object> config = new java.util.HashMap<>(extraProducerConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        OutboxRelay relay = new OutboxRelay(jdbc, transactions, () -> SafeProducers.create(config), settings, meters,
                traces);
        relays.add(relay);
        return relay;
    }

    Outbox outbox(Runnable wakeUp) {
        return new Outbox(jdbc, java.time.Clock.systemUTC(), wakeUp);
    }

    /** Commits one event in its own transaction, as a service's use case would. */
    UUID commit(Outbox outbox, DomainEvent event) {
        return transactions.execute(status -> outbox.publish(event));
    }

    /** The test event: a candidate's password changed, {@code reason} carrying a sequence number. */
    static PasswordChanged event(UUID candidate, int sequence) {
        return new PasswordChanged(candidate, "seq-" + sequence, Instant.now());
    }

    long unsent(List<UUID> eventIds) {
        return jdbc.sql("select count(*) from messaging.outbox where sent_at is null and event_id = any(?)")
                .param(eventIds.toArray(UUID[]::new)).query(Long.class).single();
    }

    static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return consumer(bootstrapServers, List.of(Topics.ACCOUNT));
    }

    static KafkaConsumer<String, String> consumer(String bootstrapServers, List<String> topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }

    /** Polls until {@code done} holds for what was received with one of {@code keys}; returns it in arrival order. */
    static List<ConsumerRecord<String, String>> receive(KafkaConsumer<String, String> consumer,
            java.util.Set<String> keys, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(received) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (keys.contains(record.key())) {
                    received.add(record);
                }
            }
        }
        return received;
    }

    @Override
    public void close() {
        relays.forEach(OutboxRelay::stop);
        dataSource.close();
    }
}
