package org.baokao.messaging.outbox;

import java.time.Clock;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.tracing.TraceParents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records events in the caller's database transaction; the {@link OutboxRelay} publishes them after commit.
 * A rolled-back change publishes nothing; a committed one is published at least once, even across crashes.
 * Call it after changing the aggregate, so a key's events are numbered in commit order.
 *
 * <p>Issue 24: each row keeps the trace context current when it was stored (the request's, or the consumed event's),
 * which the relay continues; an event stored while a handler applies another ({@link CausingEvent}) joins that
 * event's chain: same correlation id, the handled event as its causation id.
 */
public class Outbox {

    static final int SHARDS = 16;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Runnable wakeRelay;
    private final TraceParents traces;

    public Outbox(JdbcClient jdbc, Clock clock, Runnable wakeRelay) {
        this(jdbc, clock, wakeRelay, TraceParents.NONE);
    }

    public Outbox(JdbcClient jdbc, Clock clock, Runnable wakeRelay, TraceParents traces) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
        this.traces = traces;
    }

    /** Adds the event to the current transaction and returns its event id. */
    public UUID publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction that changes the state");
        }
        EventEnvelope envelope = EventCodec.envelope(event, UUID.randomUUID(), clock.instant(), CausingEvent.current());
        String topic = EventCatalog.describe(event.getClass()).topic();
        jdbc.sql("""
                insert into messaging.outbox (event_id, topic, event_key, shard, envelope, urgent, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(envelope.eventId(), topic, envelope.aggregateId(), shardOf(envelope.aggregateId()),
                        EventCodec.write(envelope), Topics.isUrgent(topic), traces.current())
                .update();
        wakeRelayAfterCommit();
        return envelope.eventId();
    }

    static int shardOf(String key) {
        return Math.floorMod(key.hashCode(), SHARDS);
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                if (status == STATUS_COMMITTED) {
                    wakeRelay.run();
                }
            }
        });
    }
}
