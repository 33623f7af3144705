package org.baokao.enrollment.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.webhook.DeliveryStore.AttemptRow;
import org.baokao.enrollment.webhook.DeliveryStore.DeliveryRow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery as its partner and the bureau's operators read it (API-2): what was sent where, its status, and its
 * attempts. {@code payload} (the body sent, free of personal data) only in the partner's view; operators see the
 * partner's name instead. {@code nextAttemptAt} only while PENDING.
 */
record DeliveryView(UUID id, UUID subscriptionId, String partner, String partnerName, String url, UUID eventId,
        String eventType, DeliveryStatus status, int attemptCount, Instant createdAt, Instant lastAttemptAt,
        Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant deadAt,
        Instant redeliveredAt, JsonNode payload, List<AttemptView> attempts) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One try: when, the endpoint's HTTP status (null when none came), what went wrong, how long it took. */
    record AttemptView(Instant at, Integer statusCode, String error, int durationMs, boolean succeeded) {

        static AttemptView of(AttemptRow row) {
            return new AttemptView(row.at(), row.statusCode(), row.error(), row.durationMs(), row.succeeded());
        }
    }

    static DeliveryView of(DeliveryRow row, String partnerName, boolean withPayload, List<AttemptRow> attempts) {
        return new DeliveryView(row.id(), row.subscriptionId(), row.clientId(), partnerName, row.url(), row.eventId(),
                row.eventType(), row.status(), row.attempts(), row.createdAt(), row.lastAttemptAt(),
                row.lastStatusCode(), row.lastError(),
                // while sending, next_attempt_at holds the lease's end, not a time anyone waits for
                row.status() == DeliveryStatus.PENDING ? row.nextAttemptAt() : null, row.deliveredAt(), row.deadAt(),
                row.redeliveredAt(), withPayload ? JSON.readTree(row.body()) : null,
                attempts.stream().map(AttemptView::of).toList());
    }
}
