package org.baokao.web.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database for a gauge, read again only once {@code maxAge} has passed. Every gauge of a
 * scrape (and every scraper: two Prometheus servers, a person at /actuator/prometheus) would otherwise run its own
 * query; this way a service's figures cost one query per {@code maxAge}, however often they are scraped, and the
 * gauges that come from one query (a backlog and its oldest age) stay consistent with each other. Two threads that
 * find it stale at once may both read: harmless, the last one wins.
 */
public final class ThrottledReading<T> {

    private final Supplier<T> read;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Reading<T> last;

    public ThrottledReading(Supplier<T> read, Clock clock, Duration maxAge) {
        this.read = read;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The value read at most {@code maxAge} ago, read now if older. */
    public T get() {
        Reading<T> reading = last;
        Instant now = clock.instant();
        if (reading == null || Duration.between(reading.at(), now).compareTo(maxAge) >= 0) {
            reading = new Reading<>(now, read.get());
            last = reading;
        }
        return reading.value();
    }

    private record Reading<T>(Instant at, T value) {
    }
}
