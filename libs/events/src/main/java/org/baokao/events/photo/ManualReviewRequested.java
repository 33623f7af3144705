package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The candidate was sent to manual review (PHO-5, ENR-10). */
@EventType(name = "ManualReviewRequested", topic = Topics.PHOTO)
public record ManualReviewRequested(UUID reviewId, UUID candidateId, String reason, Instant requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
