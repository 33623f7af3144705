package org.baokao.messaging.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;

/**
 * One consumer's events and their handlers, e.g.
 * {@code EventSubscription.named("payment-service.orders").on(EnrollmentConfirmed.class, orders::openFor)};
 * services declare theirs with {@link EventHandler} methods, which {@link EventHandlerMethods} groups into these.
 * The topic follows from the events (their {@code @EventType}); all of one subscription's events share a topic.
 * Events on that topic that the subscription does not name are skipped: no inbox record, no effect.
 */
public final class EventSubscription {

    private final String consumer;
    private final Map<Class<? extends DomainEvent>, Handler<?>> handlers;

    private EventSubscription(String consumer, Map<Class<? extends DomainEvent>, Handler<?>> handlers) {
        this.consumer = consumer;
        this.handlers = handlers;
    }

    /** {@code consumer} names this consumer in the inbox, the metrics and the dead letters; keep it stable. */
    public static EventSubscription named(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a subscription needs a consumer name");
        }
        return new EventSubscription(consumer, Map.of());
    }

    public <E extends DomainEvent> EventSubscription on(Class<E> eventClass, Handler<? super E> handler) {
        Objects.requireNonNull(handler);
        EventCatalog.Descriptor descriptor = EventCatalog.describe(eventClass);
        if (handlers.containsKey(eventClass)) {
            throw new IllegalArgumentException(consumer + " handles " + descriptor.type() + " twice");
        }
        if (!handlers.isEmpty() && !topic().equals(descriptor.topic())) {
            throw new IllegalArgumentException(consumer + ": " + descriptor.type() + " is on " + descriptor.topic()
                    + ", the other events on " + topic() + "; one subscription reads one topic");
        }
        Map<Class<? extends DomainEvent>, Handler<?>> more = new LinkedHashMap<>(handlers);
        more.put(eventClass, handler);
        return new EventSubscription(consumer, java.util.Collections.unmodifiableMap(more));
    }

    public String consumer() {
        return consumer;
    }

    public String topic() {
        if (handlers.isEmpty()) {
            throw new IllegalStateException(consumer + " handles no event");
        }
        return EventCatalog.describe(handlers.keySet().iterator().next()).topic();
    }

    Map<Class<? extends DomainEvent>, Handler<?>> handlers() {
        return handlers;
    }

    /** Applies one kind of event; runs inside the inbox's transaction (see {@link EventHandler}). */
    @FunctionalInterface
    public interface Handler<E extends DomainEvent> {

        void on(E event, EventMeta meta);
    }
}
