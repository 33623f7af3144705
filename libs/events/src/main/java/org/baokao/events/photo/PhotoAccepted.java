package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A photo passed the quality check and was stored (PHO-2, PHO-3). */
@EventType(name = "PhotoAccepted", topic = Topics.PHOTO)
public record PhotoAccepted(UUID photoId, UUID candidateId, Instant acceptedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
