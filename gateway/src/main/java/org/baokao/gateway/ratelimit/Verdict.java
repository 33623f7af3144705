package org.baokao.gateway.ratelimit;

import java.time.Duration;

/** A bucket's answer: the request may pass, or not before {@code retryAfter}. */
public record Verdict(boolean allowed, Duration retryAfter) {

    public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

    public static Verdict refused(Duration retryAfter) {
        return new Verdict(false, retryAfter);
    }

    /** Whole seconds to tell the client ({@code Retry-After}): rounded up, at least one. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
