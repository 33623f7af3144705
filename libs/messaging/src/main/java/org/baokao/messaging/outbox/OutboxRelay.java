package org.baokao.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.baokao.events.Topics;
import org.baokao.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * <p>Several instances may run against one outbox: each batch claims free shards with
 * {@code FOR UPDATE SKIP LOCKED}, so a shard (and every key in it) is published by one relay at a time, in
 * row order, and a batch is marked sent only after the broker acknowledged all of it (acks=all, idempotent
 * producer). A crash between publish and mark republishes the batch: consumers deduplicate by event id.
 *
 * <p>Each batch takes the rows of urgent topics ({@link Topics#isUrgent}: the SMS codes a candidate waits for,
 * ACC-6) first and fills up with the other rows, so a code never waits behind a 200,000-row roster import.
 * Only the order across topics changes, which no consumer relies on; within a topic, and so for every key,
 * rows still leave in id order.
 *
 * <p>Issue 24: a row stored with a trace context ({@code trace_parent}) is sent in a producer span of that trace,
 * whose context goes into the record's headers ({@code traceparent}); the consumer's listener continues from there.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    // "urgent" is written literally, not as a parameter, so that the planner can use the partial index
    // outbox_unsent_urgent (only the few unsent urgent rows) even with a generic prepared plan
    private static final String URGENT_ROWS = """
            select id, topic, event_key, envelope, trace_parent from messaging.outbox
            where sent_at is null and urgent and shard = any(?) order by id limit ?""";
    private static final String OTHER_ROWS = """
            select id, topic, event_key, envelope, trace_parent from messaging.outbox
            where sent_at is null and not urgent and shard = any(?) order by id limit ?""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Supplier<Producer<String, String>> producers;
    private Producer<String, String> producer;
    private final OutboxSettings settings;
    private final MeterRegistry meters;
    private final TraceParents traces;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;

    /**
     * @param producers makes the relay's producer; after a failed batch the producer is closed and a new one
     *                  made, because some producer errors leave the instance unusable
     */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions,
            Supplier<Producer<String, String>> producers, OutboxSettings settings, MeterRegistry meters) {
        this(jdbc, transactions, producers, settings, meters, TraceParents.NONE);
    }

    /** @param traces continues each row's stored trace context while sending it */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions,
            Supplier<Producer<String, String>> producers, OutboxSettings settings, MeterRegistry meters,
            TraceParents traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producers = producers;
        this.settings = settings;
        this.meters = meters;
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        discardProducer();
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int published = relayOnce();
                backoff = Duration.ZERO;
                cleanUpNowAndThen();
                // a short batch took all there was: wait for the next commit's wake-up rather than ask again at once
                // (half the relay's statements per event when events come one by one)
                if (published < settings.batchSize()) {
                    awaitWork(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                discardProducer();
                if (!running) {
                    return;
                }
                // broker or database away: keep the rows, back off, try again
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), settings.maxBackoff());
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                awaitWork(backoff);
            }
        }
    }

    /** Publishes one batch from the shards no other relay holds; returns how many events went out. */
    public int relayOnce() {
        Integer published = transactions.execute(status -> {
            List<Integer> shards = jdbc.sql("select shard from messaging.outbox_shard for update skip locked")
                    .query(Integer.class).list();
            if (shards.isEmpty()) {
                return 0;
            }
            Integer[] claimed = shards.toArray(Integer[]::new);
            List<Row> rows = new ArrayList<>(unsent(URGENT_ROWS, claimed, settings.batchSize()));
            if (rows.size() < settings.batchSize()) {
                rows.addAll(unsent(OTHER_ROWS, claimed, settings.batchSize() - rows.size()));
            }
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            // events carrying secrets (verification codes, full phone numbers) do not stay in the database
            // once the broker has them; the rest are kept a while for inspection
            Long[] sensitive = ids(rows, true);
            if (sensitive.length > 0) {
                jdbc.sql("delete from messaging.outbox where id = any(?)").param(sensitive).update();
            }
            Long[] kept = ids(rows, false);
            if (kept.length > 0) {
                jdbc.sql("update messaging.outbox set sent_at = now() where id = any(?)").param(kept).update();
            }
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private List<Row> unsent(String query, Integer[] shards, int limit) {
        return jdbc.sql(query).params(shards, limit)
                .query((row, n) -> new Row(row.getLong("id"), row.getString("topic"), row.getString("event_key"),
                        row.getString("envelope"), row.getString("trace_parent")))
                .list();
    }

    private static Long[] ids(List<Row> rows, boolean sensitive) {
        return rows.stream().filter(row -> Topics.isSensitive(row.topic()) == sensitive).map(Row::id)
                .toArray(Long[]::new);
    }

    private void publish(List<Row> rows) {
        if (producer == null) {
            producer = producers.get();
        }
        // One bounded wait for the broker per topic, instead of every send() blocking on a missing broker.
        rows.stream().map(Row::topic).distinct().forEach(producer::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<TraceParents.Sending> spans = new ArrayList<>(rows.size());
        int acknowledged = 0;
        try {
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
                TraceParents.Sending span = traces.sending(row.traceParent(), "outbox " + row.topic(), row.topic());
                spans.add(span);
                span.inject((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            producer.flush();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while publishing", e);
                } catch (Exception e) {
                    throw new IllegalStateException("broker did not acknowledge outbox row " + rows.get(i).id(), e);
                }
                spans.get(i).end(null);
                acknowledged++;
                meters.counter("baokao.outbox.published", "topic", rows.get(i).topic()).increment();
            }
        } catch (RuntimeException e) {
            // the rows stay unsent and go out again in a later batch, in new spans; these end as failed
            for (int i = acknowledged; i < spans.size(); i++) {
                spans.get(i).end(e);
            }
            throw e;
        }
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer may fail too; it is dropped either way
            }
            producer = null;
        }
    }

    private void cleanUpNowAndThen() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(settings.cleanupEvery()) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = jdbc.sql("""
                delete from messaging.outbox where id in (
                    select id from messaging.outbox where sent_at < ? limit 10000)""")
                .param(java.sql.Timestamp.from(now.minus(settings.retention())))
                .update();
        if (deleted > 0) {
            log.info("Removed {} sent outbox rows older than {}", deleted, settings.retention());
        }
    }

    private void awaitWork(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(long id, String topic, String key, String envelope, String traceParent) {
    }
}
