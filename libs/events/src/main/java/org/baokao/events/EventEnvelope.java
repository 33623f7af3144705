package org.baokao.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What goes over Kafka: the event's identity and metadata around its payload. {@code eventId} is what
 * consumers deduplicate on; {@code aggregateId} is also the record key.
 *
 * <p>Issue 24 (traces and logs): {@code correlationId} names the chain an event belongs to, the id of its first
 * event (a registration's {@code SmsRequested} and everything that follows from it share one); {@code causationId}
 * is the event whose handling published this one, null for an event a request or a job published. Both are null in
 * events written before they existed; {@link #chain()} reads such an event as the start of its own chain.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
        JsonNode payload, UUID correlationId, UUID causationId) {

    /** An envelope outside any chain: it starts its own (correlation = its own id, no cause). */
    public EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
            JsonNode payload) {
        this(eventId, type, version, occurredAt, aggregateId, payload, eventId, null);
    }

    /** The chain this event belongs to; an event from before correlation ids starts its own. */
    public UUID chain() {
        return correlationId != null ? correlationId : eventId;
    }
}
