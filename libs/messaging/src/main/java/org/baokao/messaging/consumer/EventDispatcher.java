package org.baokao.messaging.consumer;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;
import org.baokao.events.EventCodec;
import org.baokao.events.EventCodec.MalformedEventException;
import org.baokao.events.EventEnvelope;
import org.baokao.messaging.inbox.Inbox;
import org.baokao.messaging.outbox.CausingEvent;

/**
 * Delivers one subscription's records: decode, skip the events it does not handle, apply the rest once through the
 * inbox. A record that is not an event, or an event of a handled type that this build cannot read, is a
 * {@link MalformedEventException} (dead-lettered without retries); a handler that throws is retried, then
 * dead-lettered, by the listener container's error handler.
 */
public final class EventDispatcher {

    private final String consumer;
    private final Inbox inbox;
    private final Map<String, Route<?>> routesByType;

    public EventDispatcher(EventSubscription subscription, Inbox inbox) {
        this.consumer = subscription.consumer();
        this.inbox = inbox;
        this.routesByType = subscription.handlers().entrySet().stream()
                .map(entry -> route(entry.getKey(), entry.getValue()))
                .collect(Collectors.toUnmodifiableMap(route -> route.descriptor.type(), Function.identity()));
    }

    /** Returns whether the record changed anything: false when skipped or a duplicate. */
    public boolean dispatch(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        Route<?> route = routesByType.get(envelope.type());
        if (route == null) {
            return false;
        }
        return route.deliver(envelope, EventMeta.of(envelope, record.topic(), record.partition(), record.offset()));
    }

    @SuppressWarnings("unchecked")
    private <E extends DomainEvent> Route<E> route(Class<? extends DomainEvent> eventClass, EventSubscription.Handler<?> handler) {
        return new Route<>(EventCatalog.describe(eventClass), (Class<E>) eventClass, (EventSubscription.Handler<? super E>) handler);
    }

    private final class Route<E extends DomainEvent> {

        private final EventCatalog.Descriptor descriptor;
        private final Class<E> eventClass;
        private final EventSubscription.Handler<? super E> handler;

        Route(EventCatalog.Descriptor descriptor, Class<E> eventClass, EventSubscription.Handler<? super E> handler) {
            this.descriptor = descriptor;
            this.eventClass = eventClass;
            this.handler = handler;
        }

        boolean deliver(EventEnvelope envelope, EventMeta meta) {
            if (envelope.version() != descriptor.version()) {
                throw new MalformedEventException("unknown event " + envelope.type() + " v" + envelope.version()
                        + "; " + consumer + " reads v" + descriptor.version());
            }
            E event = EventCodec.payload(envelope, eventClass);
            // what the handler publishes joins this event's chain (issue 24)
            return inbox.apply(consumer, envelope, applied -> CausingEvent.during(envelope, () -> handler.on(event, meta)));
        }
    }
}
