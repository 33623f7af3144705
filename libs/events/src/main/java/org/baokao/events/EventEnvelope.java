package org.baokao.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What goes over Kafka: the event's identity and metadata around its payload. {@code eventId} is what
 * consumers deduplicate on; {@code aggregateId} is also the record key.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
        JsonNode payload) {
}
