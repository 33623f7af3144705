package org.baokao.messaging.inbox;

import java.util.function.Consumer;

import org.baokao.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies each event at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivery (Kafka is at-least-once, the outbox may republish) changes nothing.
 * An effect that throws rolls the record back too, and the event is retried, then dead-lettered.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Forgets events applied before {@code cutoff}, in bounded batches; returns how many. Safe once the cutoff
     * is older than anything Kafka could still redeliver (topic retention, dead-letter replays).
     */
    public int forgetAppliedBefore(java.time.Instant cutoff) {
        int total = 0;
        for (int deleted; (deleted = jdbc.sql("""
                delete from messaging.inbox where ctid in (
                    select ctid from messaging.inbox where processed_at < ? limit 10000)""")
                .param(java.sql.Timestamp.from(cutoff)).update()) > 0;) {
            total += deleted;
        }
        return total;
    }

    /**
     * Applies {@code effect} once for this consumer; returns false for a duplicate. Services do not call it: their
     * {@code @EventHandler} methods are applied through it by the library's dispatcher.
     */
    public boolean apply(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> effect) {
        Boolean applied = transactions.execute(status -> {
            int recorded = jdbc.sql("""
                    insert into messaging.inbox (consumer, event_id) values (?, ?)
                    on conflict do nothing""")
                    .params(consumer, envelope.eventId())
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.accept(envelope);
            return true;
        });
        String outcome = Boolean.TRUE.equals(applied) ? "baokao.inbox.consumed" : "baokao.inbox.duplicates";
        meters.counter(outcome, "consumer", consumer, "type", envelope.type()).increment();
        return Boolean.TRUE.equals(applied);
    }
}
