package org.baokao.messaging.outbox;

import java.time.Duration;

/**
 * How the relay works. {@code pollInterval} only matters for rows committed by other instances or before a
 * restart: a commit in this instance wakes the relay at once.
 */
public record OutboxSettings(int batchSize, Duration pollInterval, Duration retention, Duration cleanupEvery,
        Duration maxBackoff) {

    public static OutboxSettings defaults() {
        return new OutboxSettings(500, Duration.ofMillis(500), Duration.ofDays(7), Duration.ofMinutes(5),
                Duration.ofSeconds(10));
    }
}
