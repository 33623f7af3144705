package org.baokao.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the rate limits did, for the dashboards: {@code baokao_gateway_rate_limited_total{limit}} counts refusals
 * per kind of limit, {@code baokao_gateway_rate_limit_failed_open_total} the requests let through unchecked because
 * the store failed or was slow. Such a failure is logged at most once per {@code logEvery}, with how many there were
 * since: an outage on registration day must not flood the log at the rate of the requests.
 */
class RateLimitMetrics {

    private static final Logger log = LoggerFactory.getLogger(RateLimitMetrics.class);

    private final Map<LimitClass, Counter> refused = new EnumMap<>(LimitClass.class);
    private final Counter failedOpen;
    private final long logEveryNanos;
    private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());
    private final AtomicLong unreported = new AtomicLong();

    RateLimitMetrics(MeterRegistry registry, Duration logEvery) {
        for (LimitClass limitClass : LimitClass.values()) {
            refused.put(limitClass, Counter.builder("baokao.gateway.rate.limited")
                    .description("Requests the gateway refused with 429, per kind of limit (GW-1)")
                    .tag("limit", limitClass.label())
                    .register(registry));
        }
        failedOpen = Counter.builder("baokao.gateway.rate.limit.failed.open")
                .description("Requests let through unchecked because the rate limits' store failed or was slow")
                .register(registry);
        this.logEveryNanos = logEvery.toNanos();
    }

    void refused(LimitClass limitClass) {
        refused.get(limitClass).increment();
    }

    void failedOpen(Limit limit, Throwable failure) {
        failedOpen.increment();
        long count = unreported.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + logEveryNanos)) {
            unreported.addAndGet(-count);
            log.warn("Rate limits not applied to {} request(s) since the last report (the last a {} limit): the store "
                    + "failed or did not answer in time: {}", count, limit.limitClass().label(), describe(failure));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
