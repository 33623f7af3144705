package org.baokao.messaging.outbox;

import java.time.Clock;
import java.time.Duration;

import org.baokao.web.metrics.ThrottledReading;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Backlog and age of the oldest unsent event: the two numbers that say the relay is keeping up.
 * Read from the database at most once a second, however often Prometheus scrapes ({@link ThrottledReading}).
 */
public class OutboxMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ThrottledReading<Snapshot> snapshot;

    public OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new ThrottledReading<>(this::read, clock, Duration.ofSeconds(1));
        Gauge.builder("baokao.outbox.backlog", this, m -> m.current().backlog())
                .description("events committed but not yet published").register(meters);
        Gauge.builder("baokao.outbox.oldest.age", this, m -> m.current().oldestAgeSeconds())
                .description("age of the oldest unpublished event").baseUnit("seconds").register(meters);
    }

    Snapshot current() {
        return snapshot.get();
    }

    private Snapshot read() {
        return jdbc.sql("""
                select count(*) as backlog,
                       coalesce(extract(epoch from (? - min(created_at))), 0) as oldest
                from messaging.outbox where sent_at is null""")
                .param(java.sql.Timestamp.from(clock.instant()))
                .query((row, n) -> new Snapshot(row.getLong("backlog"), Math.max(0, row.getDouble("oldest"))))
                .single();
    }

    record Snapshot(long backlog, double oldestAgeSeconds) {
    }
}
