package org.baokao.messaging.deadletter;

import java.time.Clock;
import java.time.Duration;

import org.baokao.web.metrics.ThrottledReading;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code baokao.dead.letters.open} (issue 24): this service's dead letters not yet replayed, what the technical board
 * and the dead-letter alert read. {@code baokao.inbox.deadlettered} counts them as they come, but only from the first
 * one on and per consumer and topic; this gauge is there from the start (0 on a good day) and falls when operators
 * replay. One count on the open rows' partial index, read at most every 5 seconds whatever the number of scrapers
 * ({@link ThrottledReading}).
 */
public class DeadLetterMetrics {

    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final ThrottledReading<Long> open;

    public DeadLetterMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.open = new ThrottledReading<>(() -> jdbc
                .sql("select count(*) from messaging.dead_letter where replayed_at is null").query(Long.class)
                .single(), clock, Duration.ofSeconds(5));
        Gauge.builder("baokao.dead.letters.open", open, ThrottledReading::get)
                .description("dead letters waiting for an operator's replay").register(meters);
    }
}
