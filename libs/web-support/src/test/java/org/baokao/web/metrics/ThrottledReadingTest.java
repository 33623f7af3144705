package org.baokao.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Issue 24, meters: a database gauge runs its query at most once per interval, however often it is scraped. */
class ThrottledReadingTest {

    private final SteppedClock clock = new SteppedClock();
    private final AtomicInteger queries = new AtomicInteger();
    private final ThrottledReading<Integer> reading = new ThrottledReading<>(queries::incrementAndGet, clock,
            Duration.ofSeconds(5));

    @Test
    void scrapesWithinTheIntervalReuseTheLastReading() {
        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(reading.get()).isEqualTo(1);
        assertThat(reading.get()).isEqualTo(1);
        assertThat(queries).hasValue(1);
    }

    @Test
    void aScrapeAfterTheIntervalReadsAgain() {
        reading.get();
        clock.advance(Duration.ofSeconds(5));
        assertThat(reading.get()).isEqualTo(2);
        assertThat(queries).hasValue(2);
    }

    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
