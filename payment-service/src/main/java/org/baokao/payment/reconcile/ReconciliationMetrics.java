package org.baokao.payment.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.baokao.payment.channel.Channel;
import org.baokao.web.metrics.ThrottledReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reconciliation for finance's dashboard and the reconciliation-gap alert (PAY-6, OPS-1, issue 24):
 * <ul>
 * <li>{@code baokao.reconciliation.discrepancies{channel, kind, state}}: discrepancies found, each counted once
 * (re-importing a statement finds nothing new), state {@code open} (an operator must look) or {@code resolved}
 * (reconciliation explained it itself, e.g. a payment it recorded from the statement); registered at zero for every
 * channel, kind and state, so the board reads 0 before the first one;</li>
 * <li>{@code baokao.reconciliation.discrepancies.open}: discrepancies waiting for an operator now, one count on the
 * open rows' partial index read at most every 5 seconds whatever the number of scrapers ({@link ThrottledReading}).</li>
 * </ul>
 */
@Component
class ReconciliationMetrics {

    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final ThrottledReading<Long> open;

    static final List<String> KINDS = List.of("PAID_AT_BANK_NOT_HERE", "PAID_HERE_NOT_AT_BANK", "AMOUNT_MISMATCH");

    private final MeterRegistry meters;

    ReconciliationMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        this.meters = meters;
        for (Channel channel : Channel.values()) {
            for (String kind : KINDS) {
                counter(channel, kind, true);
                counter(channel, kind, false);
            }
        }
        this.open = new ThrottledReading<>(() -> jdbc
                .sql("select count(*) from discrepancy where status = ?").param(DiscrepancyStatus.OPEN.name())
                .query(Long.class).single(), clock, Duration.ofSeconds(5));
        Gauge.builder("baokao.reconciliation.discrepancies.open", open, ThrottledReading::get)
                .description("discrepancies waiting for an operator").register(meters);
    }

    /** A discrepancy was stored (its transaction committed); {@code open}: no automatic resolution. */
    void found(Channel channel, String kind, boolean open) {
        counter(channel, kind, open).increment();
    }

    private Counter counter(Channel channel, String kind, boolean open) {
        return Counter.builder("baokao.reconciliation.discrepancies")
                .description("discrepancies reconciliation found, by channel, kind and whether an operator must act")
                .tag("channel", channel.name()).tag("kind", kind).tag("state", open ? "open" : "resolved")
                .register(meters);
    }
}
