package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** An operator approved or rejected a manual review, with a reason. */
@EventType(name = "ManualReviewDecided", topic = Topics.PHOTO)
public record ManualReviewDecided(UUID reviewId, UUID candidateId, boolean approved, String reason, Instant decidedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
