package org.baokao.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Backlog and age of the oldest unsent event: the two numbers that say the relay is keeping up.
 * Read from the database at most once a second, however often Prometheus scrapes.
 */
public class OutboxMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0);

    public OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("baokao.outbox.backlog", this, m -> m.current().backlog())
                .description("events committed but not yet published").register(meters);
        Gauge.builder("baokao.outbox.oldest.age", this, m -> m.current().oldestAgeSeconds())
                .description("age of the oldest unpublished event").baseUnit("seconds").register(meters);
    }

    Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (Duration.between(last.takenAt(), now).compareTo(Duration.ofSeconds(1)) < 0) {
            return last;
        }
        Snapshot fresh = jdbc.sql("""
                select count(*) as backlog,
                       coalesce(extract(epoch from (? - min(created_at))), 0) as oldest
                from messaging.outbox where sent_at is null""")
                .param(java.sql.Timestamp.from(now))
                .query((row, n) -> new Snapshot(now, row.getLong("backlog"), Math.max(0, row.getDouble("oldest"))))
                .single();
        snapshot = fresh;
        return fresh;
    }

    record Snapshot(Instant takenAt, long backlog, double oldestAgeSeconds) {
    }
}
