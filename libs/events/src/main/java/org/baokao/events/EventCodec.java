package org.baokao.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into envelopes and envelopes into JSON and back. Unknown fields are ignored so a producer
 * can add a field before every consumer knows it.
 */
public final class EventCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventCodec() {
    }

    /** The envelope of an event that starts a chain: its correlation id is its own id, it has no cause. */
    public static EventEnvelope envelope(DomainEvent event, UUID eventId, Instant occurredAt) {
        return envelope(event, eventId, occurredAt, null);
    }

    /**
     * The envelope of an event published while handling {@code cause} (null: none): it joins the cause's chain
     * (correlation id) and names the cause (causation id).
     */
    public static EventEnvelope envelope(DomainEvent event, UUID eventId, Instant occurredAt, EventEnvelope cause) {
        EventCatalog.Descriptor descriptor = EventCatalog.describe(event.getClass());
        UUID correlationId = cause == null ? eventId : cause.chain();
        UUID causationId = cause == null ? null : cause.eventId();
        return new EventEnvelope(eventId, descriptor.type(), descriptor.version(), occurredAt, event.aggregateId(),
                JSON.valueToTree(event), correlationId, causationId);
    }

    public static String write(EventEnvelope envelope) {
        return JSON.writeValueAsString(envelope);
    }

    /** Reads an envelope; anything that is not one is a {@link MalformedEventException}. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = JSON.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope lacks eventId, type or payload");
            }
            return envelope;
        } catch (JacksonException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage());
        }
    }

    /** The typed payload; an event type this build does not know is a {@link MalformedEventException}. */
    public static DomainEvent payload(EventEnvelope envelope) {
        EventCatalog.Descriptor descriptor = EventCatalog.find(envelope.type(), envelope.version())
                .orElseThrow(() -> new MalformedEventException(
                        "unknown event " + envelope.type() + " v" + envelope.version()));
        return payload(envelope, descriptor.javaType());
    }

    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> eventClass) {
        try {
            return JSON.treeToValue(envelope.payload(), eventClass);
        } catch (JacksonException e) {
            throw new MalformedEventException("payload is not a " + eventClass.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** An event no retry can fix: it goes straight to the dead letters. */
    public static final class MalformedEventException extends RuntimeException {

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
