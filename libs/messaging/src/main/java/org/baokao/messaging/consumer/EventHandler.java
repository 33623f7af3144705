package org.baokao.messaging.consumer;

import org.baokao.events.DomainEvent;

/**
 * Applies one kind of event, e.g. {@code void on(PaymentSucceeded event, EventMeta meta)}. It runs inside the
 * inbox's transaction: what it writes commits together with the record that the event was applied, and if it
 * throws, both roll back and the event is retried, then dead-lettered.
 */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {

    void on(E event, EventMeta meta);
}
