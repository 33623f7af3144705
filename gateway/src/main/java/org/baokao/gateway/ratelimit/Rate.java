package org.baokao.gateway.ratelimit;

import java.time.Duration;

import org.baokao.domain.DomainModel;

/**
 * How much a limit lets through: a token bucket that holds {@code requests} tokens and refills them evenly over
 * {@code period}. A quiet client may spend the whole bucket at once; a busy one then gets one request every
 * {@code period / requests}.
 */
@DomainModel
public record Rate(long requests, Duration period) {

    public Rate {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate lets at least one request through, not " + requests);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate needs a positive period, not " + period);
        }
    }

    public static Rate perMinute(long requests) {
        return new Rate(requests, Duration.ofMinutes(1));
    }

    /** A short stable name of the rate, part of the bucket's key: a changed limit starts fresh buckets. */
    String shape() {
        return requests + "/" + period.toMillis() + "ms";
    }
}
