package org.baokao.enrollment.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.baokao.personaldata.Sealed;

/**
 * A partner's endpoint as stored: its address, the event types it wants, and its signing secrets sealed
 * ({@code previousSecret} only during a rotation's overlap, until {@code previousUntil}).
 */
record Subscription(UUID id, String clientId, String bureau, String url, Set<WebhookEventType> events, Sealed secret,
        Sealed previousSecret, Instant previousUntil, Instant createdAt, Instant rotatedAt) {

    Subscription {
        Objects.requireNonNull(id, "id");
        events = Set.copyOf(events);
    }
}
