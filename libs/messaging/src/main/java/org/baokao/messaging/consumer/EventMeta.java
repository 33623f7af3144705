package org.baokao.messaging.consumer;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.EventEnvelope;

/**
 * What a handler may want to know about an event besides its payload: its identity, time and where it came from;
 * the chain it belongs to ({@code correlationId}, its first event) and the event that caused it ({@code causationId},
 * null when a request or a job published it), issue 24.
 */
public record EventMeta(UUID eventId, String type, int version, Instant occurredAt, String aggregateId, String topic,
        int partition, long offset, UUID correlationId, UUID causationId) {

    static EventMeta of(EventEnvelope envelope, String topic, int partition, long offset) {
        return new EventMeta(envelope.eventId(), envelope.type(), envelope.version(), envelope.occurredAt(),
                envelope.aggregateId(), topic, partition, offset, envelope.chain(), envelope.causationId());
    }
}
