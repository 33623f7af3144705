package org.baokao.messaging.deadletter;

import java.time.Instant;
import java.util.UUID;

/** An event a consumer gave up on, as operators see it. */
public record DeadLetter(UUID id, String consumer, String topic, int partition, long offset, String key,
        UUID eventId, String eventType, String payload, String error, Instant failedAt, Instant replayedAt) {
}
