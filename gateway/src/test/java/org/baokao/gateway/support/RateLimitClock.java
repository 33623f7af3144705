package org.baokao.gateway.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.bucket4j.TimeMeter;

/**
 * The wall clock the gateway's rate-limit buckets refill by (GW-1), stopped: a test that spends a bucket on a
 * loaded machine sees exactly the production allowance, not that plus whatever refilled while it was sending, and
 * moves time on itself ({@link #advance}). Everything else (Redis, Bucket4j, the filter) is real.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RateLimitClock {

    public static final RateLimitClock.Stopped STOPPED = new Stopped();

    @Bean
    TimeMeter rateLimitClock() {
        return STOPPED;
    }

    /** A wall clock that moves only when told to. */
    public static final class Stopped implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000);

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

        public void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }
}
