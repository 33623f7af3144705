package org.baokao.enrollment.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.baokao.domain.DomainModel;

/**
 * A platform event as partners may hear of it (API-2): its id and time from the envelope, the candidate (the
 * ordering key, never sent), what it is about ({@code subjectId}: the enrollment, or for payments the enrollment or
 * 自考 course order the fee order paid) and the fields partners read, already free of personal data.
 */
@DomainModel
public record WebhookEvent(UUID eventId, WebhookEventType type, Instant occurredAt, UUID candidateId, UUID subjectId,
        Map<String, Object> fields) {

    public WebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(subjectId, "subjectId");
        // insertion order is the order partners read the fields in; null values are sent as null
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
