package org.baokao.messaging.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.MessagingSchema;
import org.baokao.messaging.SafeProducers;
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

/**
 * Prints the outbox relay's throughput and the commit-to-consumer latency at a steady 200 events/s, on this
 * machine, against a real PostgreSQL and Kafka broker started in this JVM by the test kit.
 * Run: {@code ./baokao bench outbox}.
 */
public final class OutboxBenchmark {

    private static final int BACKLOG = Integer.getInteger("bench.backlog", 50_000);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestServers.jdbcUrl());
        config.setUsername(TestServers.jdbcUser());
        config.setPassword(TestServers.jdbcPassword());
        config.setMaximumPoolSize(8);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            MessagingSchema.migrate(dataSource);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            String bootstrap = TestServers.kafkaBootstrapServers();
            OutboxSettings settings = OutboxSettings.defaults();

            double eventsPerSecond = relayThroughput(jdbc, transactions, bootstrap, settings);
            long[] latenciesMicros = steadyLatency(jdbc, transactions, bootstrap, settings);

            System.out.println();
            System.out.println("== Outbox benchmark (PostgreSQL 18 + Kafka 4.1 in-process, " +
                    Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.printf("relay throughput: %,.0f events/s (backlog of %,d events, batch %d)%n",
                    eventsPerSecond, BACKLOG, settings.batchSize());
            System.out.printf("commit-to-consumer latency at %d events/s for %ds (%,d events after %ds warm-up): "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", RATE, STEADY.toSeconds(), latenciesMicros.length,
                    WARM_UP.toSeconds(), percentile(latenciesMicros, 50) / 1000.0,
                    percentile(latenciesMicros, 99) / 1000.0,
                    latenciesMicros[latenciesMicros.length - 1] / 1000.0);
        }
        System.exit(0);
    }

    /** Commits a backlog with the relay stopped, then times the relay draining it. */
    private static double relayThroughput(JdbcClient jdbc, TransactionTemplate transactions, String bootstrap,
            OutboxSettings settings) {
        Outbox outbox = new Outbox(jdbc, java.time.Clock.systemUTC(), () -> { });
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            candidates.add(UUID.randomUUID());
        }
        System.out.printf("committing a backlog of %,d events...%n", BACKLOG);
        for (int done = 0; done < BACKLOG; done += 1000) {
            int from = done;
            transactions.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(from + 1000, BACKLOG); i++) {
                    outbox.publish(new PasswordChanged(candidates.get(i % candidates.size()), "bench-" + i,
                            Instant.now()));
                }
            });
        }
        OutboxRelay relay = new OutboxRelay(jdbc, transactions,
                () -> SafeProducers.create(Map.of("bootstrap.servers", bootstrap)), settings,
                new SimpleMeterRegistry());
        relay.relayOnce(); // connect and fetch metadata outside the timing
        long start = System.nanoTime();
        int sent = 0;
        for (int published; (published = relay.relayOnce()) > 0;) {
            sent += published;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        relay.stop();
        System.out.printf("relay drained %,d events in %.2f s%n", sent, seconds);
        return sent / seconds;
    }

    /** Commits RATE events/s, each in its own transaction, and times each from commit to consumer. */
    private static long[] steadyLatency(JdbcClient jdbc, TransactionTemplate transactions, String bootstrap,
            OutboxSettings settings) throws Exception {
        OutboxRelay relay = new OutboxRelay(jdbc, transactions,
                () -> SafeProducers.create(Map.of("bootstrap.servers", bootstrap)), settings,
                new SimpleMeterRegistry());
        Outbox outbox = new Outbox(jdbc, java.time.Clock.systemUTC(), relay::wakeUp);
        relay.start();

        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicInteger received = new AtomicInteger();
        String marker = "steady-" + UUID.randomUUID();

        Thread consumer = Thread.ofPlatform().name("bench-consumer").start(() -> {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(),
                    new StringDeserializer())) {
                kafka.subscribe(List.of(Topics.ACCOUNT));
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Long at = committedAt.remove(EventCodec.read(record.value()).eventId());
                        if (at != null) {
                            received.incrementAndGet();
                            if (measuring.get()) {
                                latencies.add((now - at) / 1000);
                            }
                        }
                    }
                }
            }
        });
        Thread.sleep(3_000); // let the consumer join its group before the first event

        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        UUID[] candidates = new UUID[100];
        Arrays.setAll(candidates, i -> UUID.randomUUID());
        AtomicInteger sequence = new AtomicInteger();
        writer.scheduleAtFixedRate(() -> {
            int n = sequence.getAndIncrement();
            UUID eventId = transactions.execute(status -> outbox.publish(
                    new PasswordChanged(candidates[n % candidates.length], marker, Instant.now())));
            committedAt.put(eventId, System.nanoTime());
        }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);

        System.out.printf("steady load: %d events/s for %ds...%n", RATE, STEADY.toSeconds());
        Thread.sleep(WARM_UP.toMillis());
        measuring.set(true);
        Thread.sleep(STEADY.toMillis());
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(2_000);
        measuring.set(false);
        consuming.set(false);
        consumer.join();
        relay.stop();
        System.out.printf("written %,d, received %,d%n", sequence.get(), received.get());

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
