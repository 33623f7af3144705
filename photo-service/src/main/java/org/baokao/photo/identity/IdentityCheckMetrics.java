package org.baokao.photo.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.baokao.web.metrics.ThrottledReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The identity comparisons on registration day (OPS-1, issue 24): {@code baokao.identity.checks{result}} counts each
 * decided comparison by its answer (matched, mismatched, no_reference), registered at zero for every answer so a
 * dashboard and an alert read 0 rather than nothing before the first one; {@code baokao.identity.checks.pending}
 * and {@code baokao.identity.checks.pending.oldest.age} (seconds) say whether the provider keeps up.
 * <p>
 * The two gauges come from one query on the pending rows' partial index, read at most every 5 seconds whatever the
 * number of scrapers ({@link ThrottledReading}): a pending check waits seconds to minutes, so 5 seconds is fresh enough.
 */
@Component
class IdentityCheckMetrics {

    private final Map<IdentityCheckStatus, Counter> decided = new EnumMap<>(IdentityCheckStatus.class);
    private final ThrottledReading<Pending> pending;

    IdentityCheckMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        for (IdentityCheckStatus status : IdentityCheckStatus.values()) {
            if (status.isDecided()) {
                decided.put(status, Counter.builder("baokao.identity.checks")
                        .description("identity comparisons decided, by the provider's answer")
                        .tag("result", status.name().toLowerCase()).register(meters));
            }
        }
        pending = new ThrottledReading<>(() -> jdbc.sql("""
                select count(*) as pending,
                       coalesce(extract(epoch from (? - min(created_at))), 0) as oldest
                from identity_check where status = 'PENDING'""")
                .param(Timestamp.from(clock.instant()))
                .query((row, n) -> new Pending(row.getLong("pending"), Math.max(0, row.getDouble("oldest"))))
                .single(), clock, Duration.ofSeconds(5));
        Gauge.builder("baokao.identity.checks.pending", pending, p -> p.get().count())
                .description("identity comparisons waiting for the provider's answer").register(meters);
        Gauge.builder("baokao.identity.checks.pending.oldest.age", pending, p -> p.get().oldestAgeSeconds())
                .description("how long the oldest pending comparison has waited").baseUnit("seconds")
                .register(meters);
    }

    /** Counts a comparison the provider decided; called once its transaction committed. */
    void decided(IdentityCheckStatus status) {
        decided.get(status).increment();
    }

    private record Pending(long count, double oldestAgeSeconds) {
    }
}
